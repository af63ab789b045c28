/**
 * The blacklist. In "grade" mode it follows grades at night (and a listing is wrongful when the
 * resident's score without false entries would not have been in a listed grade). In "official"
 * mode officials list people citing approved entries (wrongful when any cited entry is false).
 */
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Decision } from "./context.ts";
import { push, type Chain } from "./chain.ts";
import { gradeFor, isBlacklistGrade } from "./grades.ts";
import { Reasons, type Reason } from "../reasons.ts";
import type { GameState, JournalEntry, SeatId } from "./state.ts";

export function gradeListing(c: Chain): void {
  const s = c.state.scenario;
  if (s.blacklist.mode !== "grade") return;
  for (const seat of c.state.seats) {
    const p = c.state.players[seat];
    if (!p?.scored) continue;
    const listedGrade = isBlacklistGrade(s, p.grade);
    if (listedGrade && !p.blacklisted) {
      const against = Object.values(c.state.journal).filter((e) => e.subject === seat && e.applied && (e.points ?? 0) < 0);
      const falseSum = against.filter((e) => !e.truthful).reduce((sum, e) => sum + (e.points ?? 0), 0);
      const wrongful = falseSum < 0 && !isBlacklistGrade(s, gradeFor(s, p.score - falseSum).id);
      push(c, {
        type: "blacklisted",
        record: { seat, day: c.state.day, by: "grade", entries: against.map((e) => e.id), wrongful, active: true, removedDay: null },
      });
    } else if (!listedGrade && p.blacklisted && s.blacklist.delist === "when_grade_recovers") {
      push(c, { type: "delisted", seat, by: "grade" });
    }
  }
}

function citableDeed(s: GameState, deedId: string): boolean {
  const list = s.scenario.blacklist.citable;
  if (list.length > 0) return list.includes(deedId);
  return s.scenario.deeds.some((d) => d.id === deedId && d.category === "bad");
}

/** Whether a listing of `subject` may cite entry `e`: approved, about them, of a citable deed. */
export function citableEntry(s: GameState, subject: SeatId, e: JournalEntry | undefined): e is JournalEntry {
  return e !== undefined && e.subject === subject && e.status === "approved" && citableDeed(s, e.deed);
}

/** Why `subject` cannot be listed at all (whatever is cited), or null. */
function listingRefusal(s: GameState, subject: SeatId): Reason | null {
  if (s.scenario.blacklist.mode !== "official") return Reasons.blacklist_by_grade;
  const p = s.players[subject];
  if (!p?.scored) return Reasons.unknown_subject;
  if (p.blacklisted) return Reasons.already_blacklisted;
  return null;
}

/**
 * The entries an official could cite against each person who can be listed now (the blacklist
 * form offers exactly these): every scored, unlisted seat, with its citable entries in journal
 * order. An official's own seat is among them when officials are scored; the command refuses it.
 */
export function citableBySubject(s: GameState): Record<SeatId, string[]> {
  const out: Record<SeatId, string[]> = {};
  if (s.scenario.blacklist.mode !== "official") return out;
  for (const seat of s.seats) if (listingRefusal(s, seat) === null) out[seat] = [];
  for (const e of Object.values(s.journal)) {
    const list = out[e.subject];
    if (list && citableEntry(s, e.subject, e)) list.push(e.id);
  }
  return out;
}

/** The most entries one listing may cite. */
export const CITED_MAX = 10;

export function listResident(s: GameState, official: SeatId, c: CommandOf<"blacklist">): Decision {
  const refusal = listingRefusal(s, c.subject);
  if (refusal === Reasons.blacklist_by_grade || refusal === Reasons.unknown_subject) return reject(refusal);
  if (c.subject === official) return reject(Reasons.own_record);
  if (refusal) return reject(refusal);
  if (!Array.isArray(c.entries) || c.entries.length === 0 || c.entries.length > CITED_MAX) {
    return reject(Reasons.entry_not_citable);
  }
  const entries: JournalEntry[] = [];
  for (const id of c.entries) {
    const e = s.journal[id];
    if (!citableEntry(s, c.subject, e)) return reject(Reasons.entry_not_citable, id);
    entries.push(e);
  }
  return accept([
    {
      type: "blacklisted",
      record: {
        seat: c.subject,
        day: s.day,
        by: official,
        entries: entries.map((e) => e.id),
        wrongful: entries.some((e) => !e.truthful),
        active: true,
        removedDay: null,
      },
    },
  ]);
}

export function delistResident(s: GameState, official: SeatId, c: CommandOf<"delist">): Decision {
  if (s.scenario.blacklist.mode !== "official") return reject(Reasons.blacklist_by_grade);
  const p = s.players[c.subject];
  if (!p) return reject(Reasons.unknown_subject);
  if (!p.blacklisted) return reject(Reasons.not_blacklisted);
  return accept([{ type: "delisted", seat: c.subject, by: official }]);
}
