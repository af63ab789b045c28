/**
 * Appeals: a resident contests a published entry against them; an official upholds or
 * reverses it in the evening; one nobody decides follows the scenario's policy at night.
 * Reversing gives back exactly the points the entry took, and can lift a blacklisting.
 */
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Decision } from "./context.ts";
import { chain, push, type Chain } from "./chain.ts";
import { isBlacklistGrade } from "./grades.ts";
import { Reasons } from "../reasons.ts";
import type { GameState, JournalEntry, SeatId } from "./state.ts";

/** What a camera at the claimed place shows about an entry's claim. */
export function footageFor(s: GameState, entry: JournalEntry): JournalEntry["footage"] {
  const o = entry.occurrence ? s.occurrences[entry.occurrence] : undefined;
  if (!o || !s.cameras.includes(o.location)) return "no_camera";
  return o.actor === entry.subject && o.deed === entry.deed ? "shows_deed" : "shows_nothing";
}

export function fileAppeal(s: GameState, seat: SeatId, c: CommandOf<"appeal">): Decision {
  const policy = s.scenario.appeals;
  if (!policy.enabled) return reject(Reasons.appeals_disabled);
  const entry = s.journal[c.entry];
  if (!entry) return reject(Reasons.unknown_entry);
  if (entry.subject !== seat || !entry.published || entry.status !== "approved") {
    return reject(Reasons.entry_not_appealable);
  }
  if (!["did_not_happen", "not_me", "context", "disproportionate"].includes(c.reason)) {
    return reject(Reasons.invalid_command);
  }
  const appeals = Object.values(s.appeals);
  if (appeals.some((a) => a.entry === entry.id)) return reject(Reasons.appeal_exists);
  const open = appeals.filter((a) => a.appellant === seat && a.status === "pending").length;
  if (open >= policy.maxOpen) return reject(Reasons.too_many_appeals);
  const evidence = c.evidence ?? null;
  return accept([
    {
      type: "appeal_filed",
      appeal: {
        id: `a${s.nextId}`,
        entry: entry.id,
        appellant: seat,
        reason: c.reason,
        evidence,
        footage: evidence === "camera" ? footageFor(s, entry) : null,
        filedDay: s.day,
        evenings: 0,
        status: "pending",
        decidedBy: null,
        decidedDay: null,
      },
    },
  ]);
}

export function decideAppeal(s: GameState, seat: SeatId, c: CommandOf<"decide_appeal">): Decision {
  const a = s.appeals[c.appeal];
  if (!a) return reject(Reasons.unknown_appeal);
  if (a.status !== "pending") return reject(Reasons.appeal_not_pending);
  if (a.appellant === seat) return reject(Reasons.own_record);
  if (c.decision === "uphold") return accept([{ type: "appeal_decided", appeal: a.id, outcome: "upheld", by: seat }]);
  if (c.decision !== "reverse") return reject(Reasons.invalid_command);
  const ch = chain(s);
  reverseEntry(ch, a.id, seat);
  return accept(ch.events);
}

/**
 * Reverse the entry behind an appeal: the appeal is decided, the entry's applied points are
 * taken back, and a blacklisting that no longer stands is lifted.
 */
export function reverseEntry(c: Chain, appealId: string, by: SeatId | "policy"): void {
  const a = c.state.appeals[appealId];
  if (!a) return;
  push(c, { type: "appeal_decided", appeal: a.id, outcome: "reversed", by });
  const entry = c.state.journal[a.entry];
  if (!entry) return;
  if (entry.applied && entry.points) {
    push(c, {
      type: "score_changed",
      seat: entry.subject,
      delta: -entry.points,
      cause: { kind: "reversal", entry: entry.id, appeal: a.id },
    });
  }
  const p = c.state.players[entry.subject];
  if (!p?.blacklisted) return;
  const s = c.state.scenario;
  const record = c.state.blacklist.find((r) => r.seat === p.seat && r.active);
  const lifted =
    s.blacklist.mode === "grade" ? !isBlacklistGrade(s, p.grade) : (record?.entries.includes(entry.id) ?? false);
  if (lifted) push(c, { type: "delisted", seat: p.seat, by: "appeal" });
}
