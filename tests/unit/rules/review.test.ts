import { describe, expect, it } from "vitest";
import { HOST, ok, pilot, rejected, to, town } from "./helpers.ts";
import { evening } from "./fixtures.ts";

describe("review", () => {
  it("approve uses the catalogue points by default, or any value within ±50 %", () => {
    const { s, litter } = evening();
    expect(ok(s, "o1", { kind: "review", entry: litter, decision: "approve" }).journal[litter]).toMatchObject({
      status: "approved",
      points: -5,
      reviewer: "o1",
    });
    expect(ok(s, "o1", { kind: "review", entry: litter, decision: "approve", points: -7 }).journal[litter]!.points).toBe(-7);
    rejected(s, "o1", { kind: "review", entry: litter, decision: "approve", points: -8 }, "points_out_of_range");
    rejected(s, "o1", { kind: "review", entry: litter, decision: "approve", points: 5 }, "points_out_of_range");
  });

  it("reject and ask_evidence; evidence brings footage when there is a camera", () => {
    const { s, litter, rumour } = evening();
    expect(ok(s, "o1", { kind: "review", entry: rumour, decision: "reject" }).journal[rumour]!.status).toBe("rejected");
    const asked = ok(s, "o1", { kind: "review", entry: litter, decision: "ask_evidence" });
    expect(asked.journal[litter]).toMatchObject({ status: "evidence_requested", footage: "no_camera" });
    rejected(asked, "o1", { kind: "review", entry: litter, decision: "ask_evidence" }, "entry_not_pending");
    expect(ok(asked, "o2", { kind: "review", entry: litter, decision: "approve" }).journal[litter]!.status).toBe("approved");
  });

  it("is refused with a reason otherwise", () => {
    const { s, litter } = evening();
    const done = ok(s, "o1", { kind: "review", entry: litter, decision: "reject" });
    rejected(done, "o2", { kind: "review", entry: litter, decision: "approve" }, "entry_not_pending");
    rejected(s, "o1", { kind: "review", entry: "e999", decision: "approve" }, "unknown_entry");
    rejected(s, "w1", { kind: "review", entry: litter, decision: "approve" }, "wrong_role");
    rejected(s, "r1", { kind: "review", entry: litter, decision: "approve" }, "wrong_role");
    // the queue streams: an entry left over in the evening can still be scored at night
    expect(ok(ok(s, HOST, { kind: "advance" }), "o1", { kind: "review", entry: litter, decision: "approve" }).journal[litter]!.status).toBe("approved");
  });

  it("a scored official may not judge entries about themselves", () => {
    const sc = pilot();
    let s = to(town({ scenario: { ...sc, roles: { ...sc.roles, official: { ...sc.roles.official, scored: true } } }, officials: 2 }), "day");
    s = ok(s, "w1", { kind: "write_entry", subject: "o1", deed: "litter", basis: "hearsay" });
    const id = Object.keys(s.journal)[0]!;
    s = ok(s, HOST, { kind: "advance" });
    rejected(s, "o1", { kind: "review", entry: id, decision: "reject" }, "own_record");
    expect(ok(s, "o2", { kind: "review", entry: id, decision: "reject" }).journal[id]!.status).toBe("rejected");
  });
});

describe("night", () => {
  it("publishes approved entries, applies their points, recomputes grades and pays the watcher", () => {
    const { s, litter, rumour } = evening();
    let n = ok(s, "o1", { kind: "review", entry: litter, decision: "approve", points: -7 });
    n = ok(n, "o1", { kind: "review", entry: rumour, decision: "approve", points: -30 });
    expect(n.players.r1!.score).toBe(1000);
    n = ok(n, HOST, { kind: "advance" });
    expect(n.phase).toBe("night");
    expect(n.journal[litter]).toMatchObject({ published: true, applied: true });
    expect(n.players.r1).toMatchObject({ score: 993, grade: "a" });
    expect(n.players.r2).toMatchObject({ score: 970, grade: "a" });
    expect(n.players.w1!.money).toBe(100 + 2 * pilot().roles.watcher.payPerApproved);
  });

  it("a grade change brings the grade's perks and restrictions", () => {
    const { s, rumour } = evening();
    const low = { ...s, players: { ...s.players, r2: { ...s.players.r2!, score: 910 } } };
    let n = ok(low, "o1", { kind: "review", entry: rumour, decision: "approve", points: -30 });
    n = ok(n, HOST, { kind: "advance" });
    expect(n.players.r2).toMatchObject({ score: 880, grade: "c", restrictions: ["no_fast_travel", "no_credit"], perks: [] });
  });
});

describe("propose_rule", () => {
  it("an official's rule change takes effect the next morning", () => {
    const { s } = evening();
    const proposed = ok(s, "o1", { kind: "propose_rule", deed: "jaywalk", points: -7 });
    rejected(proposed, "o1", { kind: "propose_rule", deed: "litter", points: -6 }, "already_proposed");
    const morning = to(ok(proposed, HOST, { kind: "advance" }), "morning");
    expect(morning.scenario.deeds.find((d) => d.id === "jaywalk")!.points).toBe(-7);
    expect(morning.proposals[0]!.status).toBe("applied");
  });

  it("is refused with a reason otherwise", () => {
    const { s } = evening();
    rejected(s, "o1", { kind: "propose_rule", deed: "jaywalk", points: -20 }, "points_out_of_range");
    rejected(s, "o1", { kind: "propose_rule", deed: "jaywalk", points: 3 }, "points_out_of_range");
    rejected(s, "o1", { kind: "propose_rule", deed: "work_shift", points: 0 }, "deed_not_recordable");
    rejected(s, "r1", { kind: "propose_rule", deed: "jaywalk", points: -6 }, "wrong_role");
    // a proposal can be drafted in any phase (it still takes effect the next morning), not after the end
    expect(ok(to(town(), "day"), "o1", { kind: "propose_rule", deed: "jaywalk", points: -6 }).proposals).toHaveLength(1);
    rejected(ok(to(town(), "day"), HOST, { kind: "end" }), "o1", { kind: "propose_rule", deed: "jaywalk", points: -6 }, "game_over");
    const sc = pilot();
    const off = to(town({ scenario: { ...sc, ruleChanges: { enabled: false, maxShift: 0.5 } } }), "evening");
    rejected(off, "o1", { kind: "propose_rule", deed: "jaywalk", points: -6 }, "rule_changes_disabled");
  });
});

describe("write_note", () => {
  it("observers write notes for the debrief; others cannot", () => {
    const s = ok(town(), HOST, { kind: "add_seat", seat: "obs", nickname: "Obs" });
    const n = ok(s, "obs", { kind: "write_note", text: "the watcher lied" });
    expect(n.notes).toEqual([{ seat: "obs", day: 1, text: "the watcher lied" }]);
    rejected(s, "obs", { kind: "write_note", text: "" }, "note_too_long");
    rejected(s, "r1", { kind: "write_note", text: "hi" }, "wrong_role");
    rejected(s, "obs", { kind: "move", to: "park" }, "wrong_role");
  });
});
