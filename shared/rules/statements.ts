/**
 * Witness statements: an official asks another resident or watcher whether they saw what a
 * journal entry claims (the subject doing the deed on the entry's day). The witness answers
 * within the phase — it happened, it did not, or they did not see — or the request expires when
 * the phase ends. The game knows the truth and fixes it on the answer, so the debrief can show
 * which statements were true; players never see it.
 */
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Decision } from "./context.ts";
import type { GameEvent } from "./events.ts";
import { isRejection, questionAbout, type Subject } from "./evidence.ts";
import { Reasons, type Reason } from "../reasons.ts";
import { isTownsperson, type GameState, type JournalEntry, type Phase, type SeatId, type StatementAnswer } from "./state.ts";

export const STATEMENT_ANSWERS: readonly StatementAnswer[] = ["saw_it", "did_not", "did_not_see"];

/** When officials gather evidence (statements, footage): while the town is awake and while they decide. */
export const EVIDENCE_PHASES: readonly Phase[] = ["day", "evening"];

/** Why `seat` cannot be asked about `about` by `official`, or null when they can. */
function notAWitness(s: GameState, official: SeatId, about: Subject, seat: SeatId, asked = askedAbout(s, about)): Reason | null {
  const witness = s.players[seat];
  // the subject cannot witness against themselves; officials and observers were not in the town
  if (!witness || !isTownsperson(witness) || seat === official || seat === about.entry.subject) return Reasons.not_a_witness;
  return asked.has(seat) ? Reasons.already_asked : null;
}

/** Who was already asked about this entry (or this appeal against it). */
function askedAbout(s: GameState, about: Subject): Set<SeatId> {
  const asked = new Set<SeatId>();
  for (const x of Object.values(s.statements)) if (x.entry === about.entry.id && x.appeal === about.appeal) asked.add(x.witness);
  return asked;
}

/**
 * Whom `official` may ask now, for every open entry (by entry id) and pending appeal (by appeal
 * id) they may gather evidence on; empty outside EVIDENCE_PHASES. A key present means evidence
 * (a statement or the footage) may be sought on it now, even when nobody is left to ask.
 */
export function witnessesToAsk(s: GameState, official: SeatId): Record<string, SeatId[]> {
  const out: Record<string, SeatId[]> = {};
  if (!EVIDENCE_PHASES.includes(s.phase)) return out;
  const targets = [
    ...Object.values(s.journal).map((e) => ({ key: e.id, c: { entry: e.id } })),
    ...Object.values(s.appeals).map((a) => ({ key: a.id, c: { appeal: a.id } })),
  ];
  for (const { key, c } of targets) {
    const about = questionAbout(s, official, c);
    if (isRejection(about)) continue;
    const asked = askedAbout(s, about);
    out[key] = s.seats.filter((seat) => notAWitness(s, official, about, seat, asked) === null);
  }
  return out;
}

export function askStatement(s: GameState, seat: SeatId, c: CommandOf<"ask_statement">): Decision {
  const about = questionAbout(s, seat, c);
  if (isRejection(about)) return about;
  const { entry, appeal } = about;
  const why = notAWitness(s, seat, about, c.witness);
  if (why) return reject(why);
  return accept([
    {
      type: "statement_asked",
      statement: {
        id: `w${s.nextId}`,
        official: seat,
        witness: c.witness,
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
