/**
 * The event console's requests over HTTP (moves, pins, commands to every neighbourhood): each has
 * a key, busy while it is on its way, so the control that sent it renders disabled and cannot
 * send it twice — as the Commander does for one neighbourhood's own connection.
 */
export class Pending {
  private readonly busy = new Set<string>();

  /** `changed` is called when a key becomes busy or free, so controls can re-render. */
  constructor(private readonly changed: () => void) {}

  has(key: string): boolean {
    return this.busy.has(key);
  }

  /** Runs `work` unless `key` is busy already (then undefined). */
  async run<T>(key: string, work: () => Promise<T>): Promise<T | undefined> {
    if (this.busy.has(key)) return undefined;
    this.busy.add(key);
    this.changed();
    try {
      return await work();
    } finally {
      this.busy.delete(key);
      this.changed();
    }
  }
}
