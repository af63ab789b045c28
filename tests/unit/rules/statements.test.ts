import { describe, expect, it } from "vitest";
import { viewFor, type GameState } from "../../../shared/rules/index.ts";
import { HOST, CLOCK, ctx, ok, rejected, run, to, town } from "./helpers.ts";
import { evening } from "./fixtures.ts";
import { assertNoLeak } from "./leaks.ts";

/** The only statement request in a state (after one ask). */
const only = (s: GameState) => Object.values(s.statements)[0]!;

describe("asking for a witness statement", () => {
  it("an official asks a resident about an entry; the witness sees the request, the official the answer", () => {
    const { s, litter } = evening();
    const asked = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    expect(only(asked)).toMatchObject({ official: "o1", witness: "w1", entry: litter, appeal: null, status: "open", askedPhase: "evening", answer: null });
    const mine = viewFor(asked, { kind: "seat", seat: "w1" });
    if (mine.kind !== "watcher") throw new Error(mine.kind);
    expect(mine.requests).toEqual([{ id: only(asked).id, subject: "r1", deed: "litter", day: 1, askedDay: 1, status: "open", answer: null }]);
    // nobody else is asked
    const other = viewFor(asked, { kind: "seat", seat: "r3" });
    expect(other.kind === "resident" && other.requests).toEqual([]);
    const answered = ok(asked, "w1", { kind: "answer_statement", statement: only(asked).id, answer: "saw_it" });
    const official = viewFor(answered, { kind: "seat", seat: "o2" });
    if (official.kind !== "official") throw new Error(official.kind);
    expect(official.statements).toEqual([{ id: only(asked).id, official: "o1", witness: "w1", entry: litter, appeal: null, askedDay: 1, status: "answered", answer: "saw_it" }]);
    for (const seat of answered.seats) assertNoLeak(answered, seat, viewFor(answered, { kind: "seat", seat }));
  });

  it("fixes the truth of each answer: a lie is recorded as one", () => {
    const { s, litter, rumour } = evening();
    // w1 saw r1 litter: "saw it" is true
    let t = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    t = ok(t, "w1", { kind: "answer_statement", statement: only(t).id, answer: "saw_it" });
    expect(only(t)).toMatchObject({ status: "answered", answer: "saw_it", happened: true, seen: true, truthful: true });
    // r2 never spread a rumour: r3 saying it happened is a lie, "it did not" is true
    let u = ok(s, "o1", { kind: "ask_statement", witness: "r3", entry: rumour });
    u = ok(u, "r3", { kind: "answer_statement", statement: only(u).id, answer: "saw_it" });
    expect(only(u)).toMatchObject({ happened: false, seen: false, truthful: false });
    let v = ok(s, "o1", { kind: "ask_statement", witness: "r3", entry: rumour });
    v = ok(v, "r3", { kind: "answer_statement", statement: only(v).id, answer: "did_not" });
    expect(only(v).truthful).toBe(true);
    // the watcher who saw the littering and says "didn't see" is not telling the truth
    let w = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    w = ok(w, "w1", { kind: "answer_statement", statement: only(w).id, answer: "did_not_see" });
    expect(only(w)).toMatchObject({ happened: true, seen: true, truthful: false });
  });

  it("about an appeal that asks for a witness", () => {
    let { s, litter } = evening();
    s = ok(s, "o1", { kind: "review", entry: litter, decision: "approve" });
    s = to(ok(s, HOST, { kind: "advance" }), "day");
    s = ok(s, "r1", { kind: "appeal", entry: litter, reason: "did_not_happen", evidence: "witness" });
    const appeal = Object.keys(s.appeals)[0]!;
    const asked = ok(s, "o1", { kind: "ask_statement", witness: "r2", appeal });
    expect(only(asked)).toMatchObject({ entry: litter, appeal, askedPhase: "day" });
    // the appellant is the entry's subject: never their own witness
    rejected(s, "o1", { kind: "ask_statement", witness: "r1", appeal }, "not_a_witness");
    rejected(s, "o1", { kind: "ask_statement", witness: "r2", appeal, entry: "e999" }, "invalid_command");
    rejected(s, "o1", { kind: "ask_statement", witness: "r2", appeal: "a999" }, "unknown_appeal");
    // an approved entry is questioned through its appeal, not on its own
    rejected(s, "o1", { kind: "ask_statement", witness: "r2", entry: litter }, "entry_not_pending");
  });

  it("is refused with a reason: wrong role, wrong phase, wrong witness, asking twice", () => {
    const { s, litter } = evening();
    rejected(s, "w1", { kind: "ask_statement", witness: "r2", entry: litter }, "wrong_role");
    rejected(s, "r2", { kind: "ask_statement", witness: "w1", entry: litter }, "wrong_role");
    rejected(ok(s, HOST, { kind: "advance" }), "o1", { kind: "ask_statement", witness: "w1", entry: litter }, "wrong_phase");
    rejected(s, "o1", { kind: "ask_statement", witness: "o1", entry: litter }, "not_a_witness");
    rejected(s, "o1", { kind: "ask_statement", witness: "o2", entry: litter }, "not_a_witness");
    rejected(s, "o1", { kind: "ask_statement", witness: "r1", entry: litter }, "not_a_witness");
    rejected(s, "o1", { kind: "ask_statement", witness: "nobody", entry: litter }, "not_a_witness");
    rejected(s, "o1", { kind: "ask_statement", witness: "w1", entry: "e999" }, "unknown_entry");
    rejected(s, "o1", { kind: "ask_statement", witness: "w1" }, "invalid_command");
    const asked = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    rejected(asked, "o2", { kind: "ask_statement", witness: "w1", entry: litter }, "already_asked");
    // another witness about the same entry is fine
    ok(asked, "o2", { kind: "ask_statement", witness: "r2", entry: litter });
  });
});

describe("answering", () => {
  it("only the witness asked answers, once, with one of the three answers", () => {
    const { s, litter } = evening();
    const asked = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    const id = only(asked).id;
    rejected(asked, "r2", { kind: "answer_statement", statement: id, answer: "did_not" }, "not_your_request");
    rejected(asked, "o1", { kind: "answer_statement", statement: id, answer: "did_not" }, "wrong_role");
    rejected(asked, "w1", { kind: "answer_statement", statement: "w999", answer: "did_not" }, "unknown_request");
    rejected(asked, "w1", { kind: "answer_statement", statement: id, answer: "maybe" as "did_not" }, "invalid_command");
    const answered = ok(asked, "w1", { kind: "answer_statement", statement: id, answer: "did_not" });
    rejected(answered, "w1", { kind: "answer_statement", statement: id, answer: "saw_it" }, "request_answered");
  });

  it("an unanswered request expires when its phase ends, and can no longer be answered", () => {
    const { s, litter } = evening();
    const asked = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    const id = only(asked).id;
    const r = run(asked, CLOCK, { kind: "advance" }, ctx(10_000_000));
    if (!r.decision.ok) throw new Error(r.decision.reason);
    expect(r.decision.events[0]).toEqual({ type: "statements_expired", statements: [id] });
    expect(r.state.phase).toBe("night");
    expect(only(r.state).status).toBe("expired");
    // at night a town player may still send answers (appeals are filed then too): the request says it expired
    rejected(r.state, "w1", { kind: "answer_statement", statement: id, answer: "saw_it" }, "request_expired");
    // an answered request does not expire
    const answered = ok(asked, "w1", { kind: "answer_statement", statement: id, answer: "saw_it" });
    const later = ok(answered, HOST, { kind: "advance" });
    expect(only(later).status).toBe("answered");
    expect(Object.values(later.statements).filter((x) => x.status === "expired")).toEqual([]);
  });

  it("the facilitator ending the game expires open requests too", () => {
    const { s, litter } = evening();
    const asked = ok(s, "o1", { kind: "ask_statement", witness: "w1", entry: litter });
    const ended = ok(asked, HOST, { kind: "end" });
    expect(ended.phase).toBe("ended");
    expect(only(ended).status).toBe("expired");
  });
});

describe("checking the footage", () => {
  /** Day 1: r1 litters at the market (a camera), r2 at the park (none); a watcher at each writes it up. */
  function market(): { s: GameState; seen: string; unseen: string; lie: string; hearsay: string } {
    let s = to(town({ watchers: 2, officials: 1, residents: 3 }), "day");
    for (const seat of ["r1", "w1"]) s = ok(s, seat, { kind: "move", to: "market", by: "walk" });
    for (const seat of ["r2", "w2"]) s = ok(s, seat, { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "act", action: "litter" }, ctx(1000, 99));
    s = ok(s, "r2", { kind: "act", action: "litter" }, ctx(1000, 99));
    const [atMarket, atPark] = Object.values(s.occurrences);
    expect(atMarket).toMatchObject({ actor: "r1", location: "market", camera: true });
    expect(atPark).toMatchObject({ actor: "r2", location: "park", camera: false });
    const before = new Set(Object.keys(s.journal));
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence: atMarket!.id });
    s = ok(s, "w2", { kind: "write_entry", subject: "r2", deed: "litter", basis: "witnessed", occurrence: atPark!.id });
    // a lie: w1 pins the market littering on r3
    s = ok(s, "w1", { kind: "write_entry", subject: "r3", deed: "litter", basis: "witnessed", occurrence: atMarket!.id });
    s = ok(s, "w2", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" });
    const written = Object.values(s.journal).filter((e) => e.source === "watcher" && !before.has(e.id)).map((e) => e.id);
    const [seen, unseen, lie, hearsay] = written as [string, string, string, string];
    return { s, seen, unseen, lie, hearsay };
  }

  it("confirms what a camera saw, contradicts a claim about someone else (showing who was there), and has nothing elsewhere", () => {
    const { s, seen, unseen, lie, hearsay } = market();
    const check = (entry: string) => {
      const after = ok(s, "o1", { kind: "check_footage", entry });
      return Object.values(after.footage)[0]!;
    };
    expect(check(seen)).toMatchObject({ official: "o1", entry: seen, appeal: null, day: 1, result: "confirms", shows: { actor: "r1", deed: "litter", location: "market" } });
    expect(check(lie)).toMatchObject({ result: "contradicts", shows: { actor: "r1", deed: "litter", location: "market" } });
    expect(check(unseen)).toMatchObject({ result: "no_footage", shows: null });
    // hearsay that a camera happens to back up
    expect(check(hearsay)).toMatchObject({ result: "confirms", shows: { actor: "r1", location: "market" } });
  });

  it("is shown to every official, once per entry, never to the town", () => {
    const { s, seen } = market();
    const after = ok(s, "o1", { kind: "check_footage", entry: seen });
    rejected(after, "o1", { kind: "check_footage", entry: seen }, "already_asked");
    rejected(s, "w1", { kind: "check_footage", entry: seen }, "wrong_role");
    rejected(to(s, "night"), "o1", { kind: "check_footage", entry: seen }, "wrong_phase");
    const v = viewFor(after, { kind: "seat", seat: "o1" });
    expect(v.kind === "official" && v.footage.map((f) => f.result)).toEqual(["confirms"]);
    for (const seat of after.seats) assertNoLeak(after, seat, viewFor(after, { kind: "seat", seat }));
  });

  it("on an appeal: the footage of the contested entry", () => {
    let { s, litter } = evening();
    s = ok(s, "o1", { kind: "review", entry: litter, decision: "approve" });
    s = to(ok(s, HOST, { kind: "advance" }), "evening");
    s = ok(s, "r1", { kind: "appeal", entry: litter, reason: "did_not_happen", evidence: "camera" });
    const appeal = Object.keys(s.appeals)[0]!;
    const after = ok(s, "o2", { kind: "check_footage", appeal });
    expect(Object.values(after.footage)[0]).toMatchObject({ entry: litter, appeal, result: "no_footage" });
    rejected(after, "o1", { kind: "check_footage", appeal }, "already_asked");
  });
});
