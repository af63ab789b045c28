/**
 * Group commit: the appends made in one turn of the event loop are stored together, in one
 * transaction at the end of the turn (`setImmediate`), and each waits for that. Commands arrive in
 * bursts (every socket read in a turn), so a busy server writes its log a batch at a time instead
 * of one transaction, and one set of WAL pages, per command.
 */
type Waiting<T> = { item: T; resolve: () => void; reject: (error: Error) => void };

/** Stores a batch in order; returns, for each item, the error that failed it (undefined: stored). Throws if none was stored. */
export type StoreBatch<T> = (items: readonly T[]) => (Error | undefined)[];

export class GroupCommit<T> {
  private waiting: Waiting<T>[] = [];
  private scheduled = false;

  constructor(private readonly storeBatch: StoreBatch<T>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Stores what waits now (reads call this first, so they see every write made before them). */
  flush(): void {
    this.scheduled = false;
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    let failures: (Error | undefined)[];
    try {
      failures = this.storeBatch(batch.map((w) => w.item));
    } catch (error) {
      for (const w of batch) w.reject(error as Error);
      return;
    }
    batch.forEach((w, i) => {
      const failure = failures[i];
      if (failure) w.reject(failure);
      else w.resolve();
    });
  }
}
