/**
 * What happens at night, in a fixed order: loans fall due, approved entries are published and
 * their points applied (watchers and reporters paid), appeals age and the scenario's
 * "undecided" policy decides the overdue ones, then the blacklist follows the grades.
 */
import { chain, push, type Chain } from "./chain.ts";
import { reverseEntry } from "./appeals.ts";
import { gradeListing } from "./blacklist.ts";
import { settleLoans } from "./loans.ts";

export function nightEvents(c: Chain): void {
  settleLoans(c);
  publishApproved(c);
  ageAppeals(c);
  gradeListing(c);
}

function publishApproved(c: Chain): void {
  const s = c.state.scenario;
  for (const entry of Object.values(c.state.journal)) {
    if (entry.status !== "approved" || entry.published) continue;
    push(c, { type: "entry_published", entry: entry.id });
    const subject = c.state.players[entry.subject];
    if (s.scoring.mode === "points" && subject?.scored && entry.points) {
      push(c, { type: "score_changed", seat: entry.subject, delta: entry.points, cause: { kind: "entry", entry: entry.id } });
    }
    const pay =
      entry.source === "watcher" ? s.roles.watcher.payPerApproved : entry.source === "report" ? s.reporting.reward : 0;
    if (entry.author && pay > 0 && c.state.players[entry.author]) {
      push(c, { type: "money_paid", seat: entry.author, amount: pay, entry: entry.id });
    }
  }
}

function ageAppeals(c: Chain): void {
  const pending = Object.values(c.state.appeals).filter((a) => a.status === "pending");
  if (pending.length === 0) return;
  push(c, { type: "appeals_aged", appeals: pending.map((a) => a.id) });
  const policy = c.state.scenario.appeals;
  if (policy.undecided === "pending") return;
  for (const a of pending) {
    if (a.evenings + 1 < policy.deadlineEvenings) continue;
    if (policy.undecided === "upheld") {
      push(c, { type: "appeal_decided", appeal: a.id, outcome: "upheld", by: "policy" });
    } else {
      reverseEntry(c, a.id, "policy");
    }
  }
}

export { chain };
