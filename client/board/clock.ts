/**
 * The board's phase countdown, robust to a projector laptop whose clock is off from the server's.
 * `phaseEndsAt` is in server time. The offset (server minus local) is learnt two ways:
 * - exactly, whenever the board sees the server set a deadline from a known duration: a new
 *   phase ends `phases[phase]` seconds after it started, a resumed phase ends `pausedLeft`
 *   after the resume — so the server's "now" at that moment is the deadline minus that span;
 * - roughly, from the HTTP Date header (whole seconds), used only when it shows a clear skew.
 * Pure: no DOM, no timers; the page passes Date.now().
 */
import type { BoardView } from "../../shared/rules/views.ts";
import type { Scenario } from "../../shared/scenario/index.ts";

/** A Date-header skew smaller than this is rounding noise (the header has whole seconds). */
const HEADER_NOISE_MS = 2000;

export class ServerClock {
  /** Server time minus local time, in ms. */
  offset = 0;
  private exact = false;
  private last: Pick<BoardView, "phase" | "day" | "paused" | "pausedLeft" | "phaseEndsAt"> | null = null;

  /** A rough estimate from a response's Date header, taken between `sentAt` and `receivedAt`. */
  fromDateHeader(header: string | null, sentAt: number, receivedAt: number): void {
    if (this.exact || !header) return;
    const server = Date.parse(header);
    if (Number.isNaN(server)) return;
    // the header truncates to the second: the server's time was in [server, server + 1000)
    const estimate = server + 500 - (sentAt + receivedAt) / 2;
    this.offset = Math.abs(estimate) > HEADER_NOISE_MS ? estimate : 0;
  }

  /** Learns from each board the page receives (at local time `now`). */
  observe(board: BoardView, rulebook: Scenario | null, now: number): void {
    const before = this.last;
    this.last = { phase: board.phase, day: board.day, paused: board.paused, pausedLeft: board.pausedLeft, phaseEndsAt: board.phaseEndsAt };
    // a first view learns nothing exact: the phase may have been extended before this board opened
    if (!before || !before.phase || board.paused || board.phaseEndsAt === null) return;
    let span: number | null = null;
    const newPhase = before.phase !== board.phase || before.day !== board.day;
    if (newPhase && rulebook && board.phase in rulebook.phases) span = rulebook.phases[board.phase as keyof Scenario["phases"]] * 1000;
    else if (before.paused && before.pausedLeft !== null) span = before.pausedLeft;
    if (span === null) return;
    this.offset = board.phaseEndsAt - span - now;
    this.exact = true;
  }

  /** Milliseconds left in the phase (frozen while paused), or null outside play. */
  left(board: BoardView, now: number): number | null {
    if (board.paused) return board.pausedLeft;
    if (board.phaseEndsAt === null) return null;
    return Math.max(0, board.phaseEndsAt - (now + this.offset));
  }
}

/** "4:05", or "1:02:09" past an hour; rounded up so it reads 0:00 only when time is up. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
