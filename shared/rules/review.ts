/**
 * The officials' evening: score journal entries (approve with points within the allowed range,
 * reject, or ask for evidence — which brings up camera footage where there is a camera) and
 * propose a rule change that takes effect the next morning.
 */
import type { Deed } from "../scenario/index.ts";
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Decision } from "./context.ts";
import { footageFor } from "./appeals.ts";
import { recordable } from "./journal.ts";
import { Reasons } from "../reasons.ts";
import type { GameState, SeatId } from "./state.ts";

/** Points an official may give for a deed: its own range, or catalogue value ± adjustFraction. */
export function pointsRange(s: GameState, deed: Deed): { min: number; max: number } {
  if (deed.range) return deed.range;
  const f = s.scenario.roles.official.adjustFraction;
  const a = Math.round(deed.points * (1 - f));
  const b = Math.round(deed.points * (1 + f));
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

export function review(s: GameState, seat: SeatId, c: CommandOf<"review">): Decision {
  const entry = s.journal[c.entry];
  if (!entry) return reject(Reasons.unknown_entry);
  if (entry.status !== "pending" && entry.status !== "evidence_requested") return reject(Reasons.entry_not_pending);
  if (entry.subject === seat) return reject(Reasons.own_record);
  const deed = s.scenario.deeds.find((d) => d.id === entry.deed);
  if (!deed) return reject(Reasons.unknown_deed);
  const base = { type: "entry_reviewed" as const, entry: entry.id, reviewer: seat };
  switch (c.decision) {
    case "approve": {
      const points = c.points ?? deed.points;
      const range = pointsRange(s, deed);
      if (!Number.isInteger(points) || points < range.min || points > range.max) {
        return reject(Reasons.points_out_of_range);
      }
      return accept([{ ...base, status: "approved", points, footage: entry.footage }]);
    }
    case "reject":
      return accept([{ ...base, status: "rejected", points: null, footage: entry.footage }]);
    case "ask_evidence":
      if (entry.status === "evidence_requested") return reject(Reasons.entry_not_pending);
      return accept([{ ...base, status: "evidence_requested", points: null, footage: footageFor(s, entry) }]);
    default:
      return reject(Reasons.invalid_command);
  }
}

export function proposeRule(s: GameState, seat: SeatId, c: CommandOf<"propose_rule">): Decision {
  const policy = s.scenario.ruleChanges;
  if (!policy.enabled) return reject(Reasons.rule_changes_disabled);
  const deed = recordable(s, c.deed);
  if (!deed) return reject(Reasons.deed_not_recordable);
  if (s.proposals.some((p) => p.official === seat && p.day === s.day)) return reject(Reasons.already_proposed);
  const shift = Math.max(1, Math.round(Math.abs(deed.points) * policy.maxShift));
  if (!Number.isInteger(c.points) || Math.abs(c.points - deed.points) > shift || Math.sign(c.points) !== Math.sign(deed.points)) {
    return reject(Reasons.points_out_of_range);
  }
  return accept([
    { type: "rule_proposed", proposal: { id: `r${s.nextId}`, official: seat, deed: deed.id, points: c.points, day: s.day, status: "pending" } },
  ]);
}
