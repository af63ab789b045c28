/** Shared game situations for the rules tests. */
import type { GameState } from "../../../shared/rules/index.ts";
import { HOST, ok, to, town } from "./helpers.ts";

/** Evening of day 1 with one witnessed litter entry (e…) about r1 and one false hearsay about r2. */
export function evening(): { s: GameState; litter: string; rumour: string } {
  let s = to(town({ watchers: 1, officials: 2 }), "day");
  s = ok(s, "w1", { kind: "move", to: "park" });
  s = ok(s, "r1", { kind: "move", to: "park" });
  s = ok(s, "r1", { kind: "act", action: "litter" });
  const occurrence = Object.keys(s.occurrences)[0]!;
  s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence });
  s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "spread_rumour", basis: "hearsay" });
  const [litter, rumour] = Object.keys(s.journal) as [string, string];
  return { s: ok(s, HOST, { kind: "advance" }), litter, rumour };
}

