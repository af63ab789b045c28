/**
 * The blacklist. In "grade" mode it follows grades at night (and a listing is wrongful when the
 * resident's score without false entries would not have been in a listed grade). In "official"
 * mode officials list people citing approved entries (wrongful when any cited entry is false).
 */
import type { CommandOf } from "./commands.ts";
import { accept, reject, type Decision } from "./context.ts";
import { push, type Chain } from "./chain.ts";
import { gradeFor, isBlacklistGrade } from "./grades.ts";
import { Reasons } from "./reasons.ts";
import type { GameState, SeatId } from "./state.ts";

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

function citable(s: GameState, deedId: string): boolean {
  const list = s.scenario.blacklist.citable;
  if (list.length > 0) return list.includes(deedId);
  return s.scenario.deeds.some((d) => d.id === deedId && d.category === "bad");
}

export function listResident(s: GameState, official: SeatId, c: CommandOf<"blacklist">): Decision {
  if (s.scenario.blacklist.mode !== "official") return reject(Reasons.blacklist_by_grade);
  const p = s.players[c.subject];
  if (!p?.scored) return reject(Reasons.unknown_subject);
  if (c.subject === official) return reject(Reasons.own_record);
  if (p.blacklisted) return reject(Reasons.already_blacklisted);
  if (!Array.isArray(c.entries) || c.entries.length === 0 || c.entries.length > 10) {
    return reject(Reasons.entry_not_citable);
  }
  const entries = [];
  for (const id of c.entries) {
    const e = s.journal[id];
    if (!e || e.subject !== c.subject || e.status !== "approved" || !citable(s, e.deed)) {
      return reject(Reasons.entry_not_citable, id);
    }
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
