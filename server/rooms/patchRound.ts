/**
 * The process's patch round: every PATCH_MS, each open room sends its patch, a few milliseconds
 * of rooms at a time, with the sockets read between the slices.
 *
 * Colyseus gives each room its own patch timer. Timers that come due together run in one turn of
 * the event loop, so with tens of rooms their patches ran back to back for 30 ms or more (a CPU
 * profile at 1,200 players: timer turns p99 32 ms, max 94 ms), and every command that arrived
 * meanwhile waited: the event-loop delay and the → sender latency followed. Here a round visits
 * the rooms in turn and yields once a slice has run SLICE_MS: the next slice is a zero timer, so
 * the loop first reads the sockets and stores the commands they brought (the store's group commit
 * runs on setImmediate), and their replies go out before more patches. Each room still patches
 * every PATCH_MS. A round that has not finished when the next is due is not doubled: the next
 * starts once it ends, so an overloaded server patches a little less often instead of piling
 * rounds up.
 */

/** Colyseus's default patch rate: 20 patches a second. */
export const PATCH_MS = 50;
/** How long one slice of a round may run before the sockets get a turn. */
const SLICE_MS = 4;

/** What a round asks of a room: send its patch now (the room reports its own failures). */
export type Patching = { patchTurn(): void };

class PatchRound {
  private readonly rooms = new Set<Patching>();
  private queue: Patching[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  /** A round was due while the last one still ran: start it as soon as that one ends. */
  private due = false;

  join(room: Patching): void {
    this.rooms.add(room);
    if (this.timer) return;
    this.timer = setInterval(() => this.begin(), PATCH_MS);
    // the rooms keep the server alive, not the round
    this.timer.unref();
  }

  leave(room: Patching): void {
    this.rooms.delete(room);
    if (this.rooms.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private begin(): void {
    if (this.next < this.queue.length) {
      this.due = true;
      return;
    }
    this.queue = [...this.rooms];
    this.next = 0;
    this.slice();
  }

  private readonly slice = (): void => {
    const until = performance.now() + SLICE_MS;
    while (this.next < this.queue.length) {
      const room = this.queue[this.next++]!;
      if (this.rooms.has(room)) room.patchTurn();
      if (this.next < this.queue.length && performance.now() >= until) {
        setTimeout(this.slice, 0);
        return;
      }
    }
    if (!this.due) return;
    this.due = false;
    setImmediate(() => this.begin());
  };
}

export const patchRound = new PatchRound();
