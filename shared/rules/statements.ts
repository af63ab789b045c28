/**
 * Witness statements: an official asks another resident or watcher whether they saw what a
 * journal entry claims (the subject doing the deed on the entry's day). The witness answers
 * within the phase — it happened, it did not, or they did not see — or the request expires when
 * the phase ends. The game knows the truth and fixes it on the answer, so the debrief can show
 * which statements were true; players never see it.
 */
import type { CommandOf } from "./commands.ts";
import { accept, reject, type Decision } from "./context.ts";
import type { GameEvent } from "./events.ts";
import { isRejection, questionAbout } from "./evidence.ts";
import { Reasons } from "./reasons.ts";
import { isTownsperson, type GameState, type JournalEntry, type SeatId, type StatementAnswer } from "./state.ts";

export const STATEMENT_ANSWERS: readonly StatementAnswer[] = ["saw_it", "did_not", "did_not_see"];

export function askStatement(s: GameState, seat: SeatId, c: CommandOf<"ask_statement">): Decision {
  const about = questionAbout(s, seat, c);
  if (isRejection(about)) return about;
  const { entry, appeal } = about;
  const witness = s.players[c.witness];
  // the subject cannot witness against themselves; officials and observers were not in the town
  if (!witness || !isTownsperson(witness) || witness.seat === seat || witness.seat === entry.subject) {
    return reject(Reasons.not_a_witness);
  }
  for (const x of Object.values(s.statements)) {
    if (x.entry === entry.id && x.appeal === appeal && x.witness === witness.seat) return reject(Reasons.already_asked);
  }
  return accept([
    {
      type: "statement_asked",
      statement: {
        id: `w${s.nextId}`,
        official: seat,
        witness: witness.seat,
        entry: entry.id,
        appeal,
        askedDay: s.day,
        askedPhase: s.phase,
        status: "open",
        answer: null,
        happened: null,
        seen: null,
        truthful: null,
      },
    },
  ]);
}

/** The truth behind a question: did the subject do the deed that day, and could this witness see it? */
export function truthOf(s: GameState, entry: JournalEntry, witness: SeatId): { happened: boolean; seen: boolean } {
  let happened = false;
  let seen = false;
  for (const o of Object.values(s.occurrences)) {
    if (o.actor !== entry.subject || o.deed !== entry.deed || o.day !== entry.day) continue;
    happened = true;
    if (o.witnesses.includes(witness)) seen = true;
  }
  return { happened, seen };
}

/**
 * A statement is true when what it tells the official is so: "it happened" when it did, "it did
 * not" when it did not, "didn't see" when the witness was not among those who could see it.
 */
export function isTrue(answer: StatementAnswer, truth: { happened: boolean; seen: boolean }): boolean {
  if (answer === "saw_it") return truth.happened;
  if (answer === "did_not") return !truth.happened;
  return !truth.seen;
}

export function answerStatement(s: GameState, seat: SeatId, c: CommandOf<"answer_statement">): Decision {
  const st = s.statements[c.statement];
  if (!st) return reject(Reasons.unknown_request);
  if (st.witness !== seat) return reject(Reasons.not_your_request);
  if (st.status === "expired") return reject(Reasons.request_expired);
  if (st.status === "answered") return reject(Reasons.request_answered);
  if (!STATEMENT_ANSWERS.includes(c.answer)) return reject(Reasons.invalid_command);
  const entry = s.journal[st.entry];
  if (!entry) return reject(Reasons.unknown_entry);
  const truth = truthOf(s, entry, seat);
  return accept([{ type: "statement_given", statement: st.id, answer: c.answer, ...truth, truthful: isTrue(c.answer, truth) }]);
}

/** Requests still open when their phase ends expire with it (null when there are none). */
export function expireStatements(s: GameState): GameEvent | null {
  const open = Object.values(s.statements).filter((x) => x.status === "open").map((x) => x.id);
  return open.length > 0 ? { type: "statements_expired", statements: open } : null;
}
