import { describe, expect, it } from "vitest";
import type { GameState } from "../../../shared/rules/index.ts";
import { HOST, ok, pilot, rejected, to, town } from "./helpers.ts";
import { evening } from "./fixtures.ts";

/** Night of day 1: r1's true litter entry (−5) and r2's false rumour entry (−20) are published. */
function published(scenario = pilot()): { s: GameState; litter: string; rumour: string } {
  const e = evening();
  let s = { ...e.s, scenario };
  s = ok(s, "o1", { kind: "review", entry: e.litter, decision: "approve" });
  s = ok(s, "o1", { kind: "review", entry: e.rumour, decision: "approve" });
  return { s: ok(s, HOST, { kind: "advance" }), litter: e.litter, rumour: e.rumour };
}

describe("appeal", () => {
  it("a resident appeals a published entry against them; camera evidence finds footage if any", () => {
    const { s, rumour } = published();
    const a = ok(s, "r2", { kind: "appeal", entry: rumour, reason: "did_not_happen", evidence: "camera" });
    expect(Object.values(a.appeals)[0]).toMatchObject({ appellant: "r2", status: "pending", footage: "no_camera", filedDay: 1 });
  });

  it("is refused with a reason otherwise", () => {
    const { s, litter, rumour } = published();
    rejected(s, "r1", { kind: "appeal", entry: rumour, reason: "not_me" }, "entry_not_appealable");
    rejected(s, "r2", { kind: "appeal", entry: "e999", reason: "not_me" }, "unknown_entry");
    rejected(s, "o1", { kind: "appeal", entry: litter, reason: "not_me" }, "wrong_role");
    const once = ok(s, "r2", { kind: "appeal", entry: rumour, reason: "not_me" });
    rejected(once, "r2", { kind: "appeal", entry: rumour, reason: "context" }, "appeal_exists");
    const unpublished = evening();
    rejected(unpublished.s, "r1", { kind: "appeal", entry: unpublished.litter, reason: "context" }, "entry_not_appealable");
    rejected(to(town(), "day"), "r1", { kind: "appeal", entry: "e1", reason: "context" }, "unknown_entry");
    const sc = pilot();
    const off = published({ ...sc, appeals: { ...sc.appeals, enabled: false } });
    rejected(off.s, "r2", { kind: "appeal", entry: off.rumour, reason: "not_me" }, "appeals_disabled");
    const tight = published({ ...sc, appeals: { ...sc.appeals, maxOpen: 1 } });
    const moreEntries = { ...tight.s, journal: { ...tight.s.journal, [tight.litter]: { ...tight.s.journal[tight.litter]!, subject: "r2" } } };
    const first = ok(moreEntries, "r2", { kind: "appeal", entry: tight.rumour, reason: "not_me" });
    rejected(first, "r2", { kind: "appeal", entry: tight.litter, reason: "not_me" }, "too_many_appeals");
  });
});

describe("decide_appeal", () => {
  it("reversing gives back exactly the points the entry took", () => {
    const { s, rumour } = published();
    expect(s.players.r2!.score).toBe(980);
    let e = to(ok(s, "r2", { kind: "appeal", entry: rumour, reason: "did_not_happen" }), "evening");
    const id = Object.keys(e.appeals)[0]!;
    e = ok(e, "o1", { kind: "decide_appeal", appeal: id, decision: "reverse" });
    expect(e.players.r2!.score).toBe(1000);
    expect(e.journal[rumour]).toMatchObject({ status: "reversed", applied: false });
    expect(e.appeals[id]).toMatchObject({ status: "reversed", decidedBy: "o1", decidedDay: 2 });
    rejected(e, "o2", { kind: "decide_appeal", appeal: id, decision: "uphold" }, "appeal_not_pending");
  });

  it("upholding leaves the record as it is", () => {
    const { s, rumour } = published();
    let e = to(ok(s, "r2", { kind: "appeal", entry: rumour, reason: "context" }), "evening");
    const id = Object.keys(e.appeals)[0]!;
    e = ok(e, "o1", { kind: "decide_appeal", appeal: id, decision: "uphold" });
    expect(e.players.r2!.score).toBe(980);
    expect(e.appeals[id]!.status).toBe("upheld");
  });

  it("is refused with a reason otherwise", () => {
    const { s, rumour } = published();
    const filed = ok(s, "r2", { kind: "appeal", entry: rumour, reason: "context" });
    const id = Object.keys(filed.appeals)[0]!;
    rejected(filed, "o1", { kind: "decide_appeal", appeal: id, decision: "reverse" }, "wrong_phase");
    const e = to(filed, "evening");
    rejected(e, "o1", { kind: "decide_appeal", appeal: "a999", decision: "reverse" }, "unknown_appeal");
    rejected(e, "r1", { kind: "decide_appeal", appeal: id, decision: "reverse" }, "wrong_role");
    rejected(e, "w1", { kind: "decide_appeal", appeal: id, decision: "reverse" }, "wrong_role");
  });

  it("an appeal nobody decides for two evenings is upheld (the default policy)", () => {
    const { s, rumour } = published();
    let e = ok(s, "r2", { kind: "appeal", entry: rumour, reason: "did_not_happen" });
    const id = Object.keys(e.appeals)[0]!;
    e = to(ok(e, HOST, { kind: "advance" }), "night");
    expect(e.appeals[id]).toMatchObject({ status: "pending", evenings: 1 });
    e = to(ok(e, HOST, { kind: "advance" }), "night");
    expect(e.appeals[id]).toMatchObject({ status: "upheld", evenings: 2, decidedBy: "policy" });
  });

  it("the policy can say undecided means reversed, or pending for ever", () => {
    const sc = pilot();
    const rev = published({ ...sc, appeals: { ...sc.appeals, undecided: "reversed", deadlineEvenings: 1 } });
    let e = ok(rev.s, "r2", { kind: "appeal", entry: rev.rumour, reason: "did_not_happen" });
    e = to(ok(e, HOST, { kind: "advance" }), "night");
    expect(Object.values(e.appeals)[0]!.status).toBe("reversed");
    expect(e.players.r2!.score).toBe(1000);
    const pend = published({ ...sc, appeals: { ...sc.appeals, undecided: "pending", deadlineEvenings: 1 } });
    let p = ok(pend.s, "r2", { kind: "appeal", entry: pend.rumour, reason: "did_not_happen" });
    for (let i = 0; i < 2; i++) p = to(ok(p, HOST, { kind: "advance" }), "night");
    expect(Object.values(p.appeals)[0]).toMatchObject({ status: "pending", evenings: 2 });
  });
});
