/**
 * Replies to recent command ids, so a command retried after a reconnect is answered again
 * instead of applied twice. Bounded: the oldest entries go first.
 */
export class RecentReplies<T> {
  private entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
