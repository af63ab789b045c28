import { describe, expect, it } from "vitest";
import type { GameState } from "../../../shared/rules/index.ts";
import { goalMet } from "../../../shared/rules/index.ts";
import { HOST, loadScenario, ok, rejected, to, town, withPlayer } from "./helpers.ts";

/** Court scenario, evening of day 1: a true approved claim (r1 ignored a court order) and a false one about r2. */
function courtEvening(): { s: GameState; trueClaim: string; falseClaim: string; goodDeed: string } {
  let s = to(town({ scenario: loadScenario("court-blacklist"), officials: 2 }), "day");
  s = ok(s, "w1", { kind: "move", to: "court", by: "bus" });
  s = ok(s, "r1", { kind: "move", to: "court", by: "bus" });
  s = ok(s, "r1", { kind: "act", action: "ignore_order" });
  s = ok(s, "r3", { kind: "move", to: "market" });
  s = ok(s, "r3", { kind: "act", action: "help_neighbour" });
  const occurrence = Object.keys(s.occurrences)[0]!;
  s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "ignore_order", basis: "witnessed", occurrence });
  s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "hide_assets", basis: "hearsay" });
  s = ok(s, "w1", { kind: "write_entry", subject: "r3", deed: "help_neighbour", basis: "hearsay" });
  s = ok(s, HOST, { kind: "advance" });
  const ids = Object.values(s.journal).filter((e) => e.source === "watcher").map((e) => e.id);
  const [trueClaim, falseClaim, goodDeed] = ids as [string, string, string];
  for (const id of ids) s = ok(s, "o1", { kind: "review", entry: id, decision: "approve" });
  return { s, trueClaim, falseClaim, goodDeed };
}

describe("blacklist and delist in official mode (court blacklist)", () => {
  it("a judge lists a resident citing approved entries; no points move", () => {
    const { s, trueClaim } = courtEvening();
    const n = ok(s, "o1", { kind: "blacklist", subject: "r1", entries: [trueClaim] });
    expect(n.players.r1).toMatchObject({ blacklisted: true, score: 0 });
    expect(n.players.r1!.restrictions).toEqual(["no_luxury_travel", "no_private_school", "no_new_credit"]);
    expect(n.blacklist[0]).toMatchObject({ seat: "r1", by: "o1", wrongful: false, active: true });
    rejected(n, "o2", { kind: "blacklist", subject: "r1", entries: [trueClaim] }, "already_blacklisted");
  });

  it("a listing citing a false entry is wrongful", () => {
    const { s, falseClaim } = courtEvening();
    const n = ok(s, "o1", { kind: "blacklist", subject: "r2", entries: [falseClaim] });
    expect(n.blacklist[0]!.wrongful).toBe(true);
  });

  it("is refused with a reason otherwise", () => {
    const { s, trueClaim, goodDeed } = courtEvening();
    rejected(s, "o1", { kind: "blacklist", subject: "r2", entries: [trueClaim] }, "entry_not_citable");
    rejected(s, "o1", { kind: "blacklist", subject: "r3", entries: [goodDeed] }, "entry_not_citable");
    rejected(s, "o1", { kind: "blacklist", subject: "r1", entries: [] }, "entry_not_citable");
    rejected(s, "o1", { kind: "blacklist", subject: "nobody", entries: [trueClaim] }, "unknown_subject");
    rejected(s, "w1", { kind: "blacklist", subject: "r1", entries: [trueClaim] }, "wrong_role");
  });

  it("a judge can delist; delisting someone not listed is refused", () => {
    const { s, trueClaim } = courtEvening();
    rejected(s, "o1", { kind: "delist", subject: "r1" }, "not_blacklisted");
    const listed = ok(s, "o1", { kind: "blacklist", subject: "r1", entries: [trueClaim] });
    const freed = ok(listed, "o2", { kind: "delist", subject: "r1" });
    expect(freed.players.r1).toMatchObject({ blacklisted: false, everBlacklisted: true, restrictions: [] });
    rejected(listed, "r2", { kind: "delist", subject: "r1" }, "wrong_role");
    // a judge's list is desk work: delisting works at night too, but not once the game is over
    expect(ok(ok(listed, HOST, { kind: "advance" }), "o2", { kind: "delist", subject: "r1" }).players.r1!.blacklisted).toBe(false);
    rejected(ok(listed, HOST, { kind: "end" }), "o2", { kind: "delist", subject: "r1" }, "game_over");
  });

  it("reversing a cited entry on appeal lifts the listing", () => {
    const { s, falseClaim } = courtEvening();
    let n = ok(s, "o1", { kind: "blacklist", subject: "r2", entries: [falseClaim] });
    n = ok(n, HOST, { kind: "advance" });
    n = ok(n, "r2", { kind: "appeal", entry: falseClaim, reason: "did_not_happen" });
    n = to(ok(n, HOST, { kind: "advance" }), "evening");
    n = ok(n, "o2", { kind: "decide_appeal", appeal: Object.keys(n.appeals)[0]!, decision: "reverse" });
    expect(n.players.r2!.blacklisted).toBe(false);
    expect(goalMet(withPlayer(n, "r2", { goals: ["clear_name"] }), "r2", "clear_name")).toBe(true);
  });

  it("unanswered appeals stay pending for ever: slow by design", () => {
    const { s, falseClaim } = courtEvening();
    let n = ok(s, "o1", { kind: "blacklist", subject: "r2", entries: [falseClaim] });
    n = ok(n, HOST, { kind: "advance" });
    n = ok(n, "r2", { kind: "appeal", entry: falseClaim, reason: "did_not_happen" });
    while (n.phase !== "ended") n = ok(n, HOST, { kind: "advance" });
    expect(Object.values(n.appeals)[0]).toMatchObject({ status: "pending", evenings: 3 });
    expect(n.players.r2!.blacklisted).toBe(true);
  });
});
