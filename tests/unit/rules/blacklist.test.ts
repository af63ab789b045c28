import { describe, expect, it } from "vitest";
import { HOST, ok, rejected, to, town, withPlayer } from "./helpers.ts";
import { evening } from "./fixtures.ts";

describe("blacklist in grade mode (the pilot)", () => {
  it("falling to D lists a resident at night; a listing that rests on a false entry is wrongful", () => {
    const { s, rumour, litter } = evening();
    let n = withPlayer(withPlayer(s, "r2", { score: 875 }), "r1", { score: 864 });
    n = ok(n, "o1", { kind: "review", entry: rumour, decision: "approve", points: -20 });
    n = ok(n, "o1", { kind: "review", entry: litter, decision: "approve", points: -5 });
    n = ok(n, HOST, { kind: "advance" });
    expect(n.players.r2).toMatchObject({ score: 855, grade: "d", blacklisted: true, everBlacklisted: true });
    expect(n.players.r2!.restrictions).toContain("full_fare_bus");
    const rec2 = n.blacklist.find((r) => r.seat === "r2")!;
    expect(rec2).toMatchObject({ by: "grade", wrongful: true, active: true, entries: [rumour] });
    const rec1 = n.blacklist.find((r) => r.seat === "r1")!;
    expect(rec1).toMatchObject({ wrongful: false, entries: [litter] });
  });

  it("officials cannot list or delist by hand in grade mode", () => {
    const { s, litter } = evening();
    rejected(s, "o1", { kind: "blacklist", subject: "r1", entries: [litter] }, "blacklist_by_grade");
    rejected(s, "o1", { kind: "delist", subject: "r1" }, "blacklist_by_grade");
    rejected(s, "r2", { kind: "blacklist", subject: "r1", entries: [litter] }, "wrong_role");
    // listing by hand is open whenever the game runs (a court lists at its desk), but never in grade mode
    rejected(to(town(), "day"), "o1", { kind: "blacklist", subject: "r1", entries: [] }, "blacklist_by_grade");
  });

  it("a reversed appeal lifts a listing once the grade is no longer D (delist: appeal only)", () => {
    const { s, rumour } = evening();
    let n = withPlayer(s, "r2", { score: 875 });
    n = ok(n, "o1", { kind: "review", entry: rumour, decision: "approve", points: -20 });
    n = ok(n, HOST, { kind: "advance" });
    n = ok(n, "r2", { kind: "appeal", entry: rumour, reason: "did_not_happen" });
    n = to(ok(n, HOST, { kind: "advance" }), "evening");
    expect(n.players.r2!.blacklisted).toBe(true);
    n = ok(n, "o1", { kind: "decide_appeal", appeal: Object.keys(n.appeals)[0]!, decision: "reverse" });
    expect(n.players.r2).toMatchObject({ score: 875, grade: "c", blacklisted: false, everBlacklisted: true });
    expect(n.players.r2!.restrictions).not.toContain("full_fare_bus");
    expect(n.blacklist[0]).toMatchObject({ active: false, removedDay: 2 });
  });

  it("with delist 'appeal only' a recovered score does not lift the listing", () => {
    const { s, rumour } = evening();
    let n = withPlayer(s, "r2", { score: 875 });
    n = ok(n, "o1", { kind: "review", entry: rumour, decision: "approve", points: -20 });
    n = ok(n, HOST, { kind: "advance" });
    n = withPlayer(n, "r2", { score: 940, grade: "b" });
    n = to(ok(n, HOST, { kind: "advance" }), "night");
    expect(n.players.r2!.blacklisted).toBe(true);
  });
});
