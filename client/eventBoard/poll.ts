/**
 * Reads the server every few seconds while the board is on screen: one request at a time (the
 * next waits for the last answer), none while the tab is hidden, and at once when it shows again.
 * `read` answers whether to go on (false: stop for good, e.g. the key was refused).
 */
const EVERY_MS = 3000;

export class Poll {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  private stopped = false;

  constructor(private readonly read: () => Promise<boolean>) {
    document.addEventListener("visibilitychange", () => {
      if (document.hidden) this.clear();
      else if (!this.busy && !this.stopped) void this.now();
    });
  }

  /** Reads now, then every few seconds. */
  async now(): Promise<void> {
    this.clear();
    if (this.stopped || this.busy || document.hidden) return;
    this.busy = true;
    let goOn = true;
    try {
      goOn = await this.read();
    } catch (error) {
      console.error(error); // a drawing fault: shown to whoever looks, and the board keeps reading
    } finally {
      this.busy = false;
    }
    if (!goOn) this.stopped = true;
    else if (!document.hidden) this.timer = setTimeout(() => void this.now(), EVERY_MS);
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
