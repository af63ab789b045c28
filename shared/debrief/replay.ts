/**
 * Replaying a log once, keeping a checkpoint every CHECKPOINT_EVERY events, so the debrief's
 * scrubber can show the board "as it stood" at any position quickly: the nearest checkpoint at
 * or before the position, then at most CHECKPOINT_EVERY events applied on top. The same pass
 * notes, for every event, the day and phase it happened in and the seats it concerned.
 */
import { applySession, openSession, type Session, type SessionOpened } from "../session/index.ts";
import { boardView, type BoardView, type Phase } from "../rules/index.ts";
import { seatsOf, type Log, type LogEvent } from "./log.ts";

export const CHECKPOINT_EVERY = 200;

/** One event as the timeline lists it. */
export type Mark = { seq: number; at: number; type: string; day: number; phase: Phase; seats: string[] };

export type Replay = {
  log: Log;
  marks: Mark[];
  /** checkpoints[i] = the session after the first i * CHECKPOINT_EVERY + 1 events. */
  checkpoints: Session[];
  final: Session;
  /** The session as it stood at the end of each day (index = day; 0 = before the first morning). */
  dayEnds: Session[];
};

/** Seats an event concerns, with what the state knows (an entry's subject, an appeal's appellant). */
function concerned(s: Session, e: LogEvent["event"]): string[] {
  const seats = seatsOf(e);
  const g = s.game;
  if (e.type === "entry_reviewed" || e.type === "entry_published") {
    const entry = g.journal[e.entry];
    if (entry) seats.push(entry.subject, ...(entry.author ? [entry.author] : []));
  } else if (e.type === "appeal_decided") {
    const a = g.appeals[e.appeal];
    if (a) seats.push(a.appellant);
  } else if (e.type === "loan_settled" || e.type === "loan_cosigned") {
    const l = g.loans[e.loan];
    if (l) seats.push(l.borrower, ...l.cosigners);
  } else if (e.type === "card_drawn") {
    seats.push(...Object.keys(e.offers));
  } else if (e.type === "statement_given") {
    const st = g.statements[e.statement];
    if (st) seats.push(st.witness, st.official);
  } else if (e.type === "appeals_aged") {
    for (const id of e.appeals) {
      const a = g.appeals[id];
      if (a) seats.push(a.appellant);
    }
  }
  return [...new Set(seats)];
}

export function buildReplay(log: Log): Replay {
  const first = log[0];
  if (!first || first.event.type !== "session_opened" || !("scenario" in first.event)) throw new Error("a session log starts with session_opened and its scenario");
  let s = openSession(first.event as SessionOpened);
  const marks: Mark[] = [{ seq: first.seq, at: first.at, type: first.event.type, day: 0, phase: "lobby", seats: [] }];
  const checkpoints: Session[] = [s];
  const dayEnds: Session[] = [];
  for (let i = 1; i < log.length; i++) {
    const { seq, at, event } = log[i]!;
    const seats = concerned(s, event);
    if (event.type === "phase_started" && event.phase === "morning") dayEnds[event.day - 1] = s;
    s = applySession(s, event);
    marks.push({ seq, at, type: event.type, day: s.game.day, phase: s.game.phase, seats });
    if (i % CHECKPOINT_EVERY === 0) checkpoints.push(s);
  }
  dayEnds[s.game.day] = s;
  for (let d = 0; d < dayEnds.length; d++) dayEnds[d] ??= d > 0 ? dayEnds[d - 1]! : checkpoints[0]!;
  return { log, marks, checkpoints, final: s, dayEnds };
}

/** Index in the log of the last event with seq ≤ `seq` (0 = session_opened). */
export function indexAt(replay: Replay, seq: number): number {
  const { log } = replay;
  let lo = 0;
  let hi = log.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (log[mid]!.seq <= seq) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The session just after the event at position `seq`. */
export function sessionAt(replay: Replay, seq: number): Session {
  const index = indexAt(replay, seq);
  const c = Math.floor(index / CHECKPOINT_EVERY);
  let s = replay.checkpoints[c]!;
  for (let i = c * CHECKPOINT_EVERY + 1; i <= index; i++) s = applySession(s, replay.log[i]!.event);
  return s;
}

/** The public board as it stood just after the event at `seq`. */
export function boardAt(replay: Replay, seq: number): BoardView {
  return boardView(sessionAt(replay, seq).game);
}
