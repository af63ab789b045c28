/**
 * A room's session twice over: as decided — every command accepted so far, what the next command
 * is decided on — and as stored — what the store has taken, what players are shown and replies
 * are sent from. A command is decided and its events numbered at once, without waiting for the
 * store (which writes a turn's commands together); its effects reach players once stored. When a
 * write fails, the decided session goes back to the stored one: nothing unstored was shown, and
 * the commands decided on top of the failed one fail with it (the store fails them together).
 */
import { applySession, isLobbyEvent, type Session, type SessionEvent } from "../../shared/session/index.ts";
import { touches, type Touched } from "../../shared/rules/index.ts";

/** Events decided and waiting for the store. */
export type Decided = {
  events: SessionEvent[];
  /** The seq of the first event (the next after everything decided before). */
  firstSeq: number;
  /** The seq of the last event (the same as before for no events). */
  lastSeq: number;
  /** The session before and after the events. */
  before: Session;
  after: Session;
  /** Whose private views the events changed. */
  touched: Touched;
};

export class Ledger {
  private decidedSession: Session;
  private decidedSeq: number;
  private storedSession: Session;
  private storedSeq: number;
  private waiting: Decided[] = [];

  constructor(session: Session, seq: number) {
    this.decidedSession = this.storedSession = session;
    this.decidedSeq = this.storedSeq = seq;
  }

  /** What the next command is decided on. */
  get decided(): Session {
    return this.decidedSession;
  }

  get lastDecidedSeq(): number {
    return this.decidedSeq;
  }

  /** What players see. */
  get stored(): Session {
    return this.storedSession;
  }

  get lastStoredSeq(): number {
    return this.storedSeq;
  }

  /** Applies `events` to the decided session and numbers them; store them, then `confirm` or `rollBack`. */
  decide(events: SessionEvent[]): Decided {
    const before = this.decidedSession;
    let after = before;
    let touched: Set<string> | "all" = new Set();
    for (const event of events) {
      const next = applySession(after, event);
      const seats = isLobbyEvent(event) ? "all" : touches(event, after.game, next.game);
      if (seats === "all") touched = "all";
      else if (touched !== "all") for (const seat of seats) touched.add(seat);
      after = next;
    }
    const decided: Decided = { events, firstSeq: this.decidedSeq + 1, lastSeq: this.decidedSeq + events.length, before, after, touched };
    this.decidedSession = after;
    this.decidedSeq = decided.lastSeq;
    this.waiting.push(decided);
    return decided;
  }

  /** The store took `decided` (appends are stored in order): it is what players see now. False if it was rolled back. */
  confirm(decided: Decided): boolean {
    if (this.waiting[0] !== decided) return false;
    this.waiting.shift();
    this.storedSession = decided.after;
    this.storedSeq = decided.lastSeq;
    return true;
  }

  /** A write failed: everything decided since the last stored step is forgotten. */
  rollBack(): void {
    this.waiting = [];
    this.decidedSession = this.storedSession;
    this.decidedSeq = this.storedSeq;
  }
}
