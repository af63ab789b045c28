import { describe, expect, it } from "vitest";
import { goalMet, goalProgress, namedPerson, viewFor, type GameState, type GoalProgress } from "../../../shared/rules/index.ts";
import type { GoalCard } from "../../../shared/scenario/index.ts";
import { HOST, loadScenario, ok, to, town, withPlayer } from "./helpers.ts";
import { assertNoLeak } from "./leaks.ts";

const SCENARIOS = ["rongcheng-pilot", "quick-demo", "court-blacklist", "commercial-credit"] as const;

/** The seat of the first player of a role in `town()`: r1, w1, o1. */
const SEAT = { resident: "r1", watcher: "w1", official: "o1" } as const;

/** A town of `scenario` where the holder of `card` holds only that card (ally r3, target r4 for goals naming someone). */
function holding(id: (typeof SCENARIOS)[number], card: GoalCard): { s: GameState; seat: string } {
  const seat = SEAT[card.role];
  const scenario = loadScenario(id);
  let s = town({ scenario, residents: 4, watchers: scenario.roles.watcher.ratio > 0 ? 2 : 0, officials: 2 });
  for (const other of s.seats) s = withPlayer(s, other, { goals: [] });
  s = withPlayer(s, seat, { goals: [card.id], ally: "r3", target: "r4" });
  return { s, seat };
}

function only(s: GameState, seat: string): GoalProgress {
  const list = goalProgress(s, seat);
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe("goal progress", () => {
  for (const id of SCENARIOS) {
    const scenario = loadScenario(id);
    for (const card of scenario.goals) {
      it(`${id}: "${card.id}" (${card.check.kind}) reads its facts, agrees with the reveal and names only the seat's own ally or target`, () => {
        const { s, seat } = holding(id, card);
        const g = only(s, seat);
        expect(g.goal).toBe(card.id);
        expect(g.kind).toBe(card.check.kind);
        expect(g.met).toBe(goalMet(s, seat, card.id));
        const person = namedPerson(g);
        if (card.check.kind === "target_down") expect(person).toBe("r4");
        else if (card.check.kind === "ally_keeps_grade" || card.check.kind === "protect_ally") expect(person).toBe("r3");
        else expect(person).toBeNull();
        // in the seat's own view, and nowhere else
        const view = viewFor(s, { kind: "seat", seat });
        expect("goalProgress" in view && view.goalProgress).toEqual([g]);
        assertNoLeak(s, seat, view);
        for (const other of s.seats.filter((x) => x !== seat)) {
          expect(JSON.stringify(viewFor(s, { kind: "seat", seat: other }))).not.toContain(`"goal":"${card.id}","met"`);
        }
        // at the end every goal is settled, met or not
        const ended = { ...s, phase: "ended" as const };
        expect(only(ended, seat).settled).toBe(true);
      });
    }
  }

  it("acquire: what stands in the way — grade, place, money, day — then done on the day it was bought", () => {
    let s = to(town(), "day");
    s = withPlayer(s, "r1", { goals: ["visit_mother"] });
    let g = only(s, "r1");
    expect(g).toMatchObject({ kind: "acquire", service: "train_ticket", places: ["station"], fromDay: 1, byDay: 4, day: null, needGrade: "a", offList: false, blockedBy: null, met: false, settled: false });
    // a want a scenario opens later says from which day
    const later = { ...s, scenario: { ...s.scenario, services: s.scenario.services.map((x) => (x.id === "train_ticket" ? { ...x, fromDay: 2 } : x)) } };
    expect(only(later, "r1")).toMatchObject({ fromDay: 2 });
    if (g.kind !== "acquire") throw new Error("acquire expected");
    expect(g.price).toBe(loadScenario("rongcheng-pilot").services.find((x) => x.id === "train_ticket")!.cost.money);
    // at grade B the ticket is blocked now, by the grade's restriction
    const b = withPlayer(s, "r1", { grade: "b", restrictions: ["no_fast_travel"] });
    expect(only(b, "r1")).toMatchObject({ blockedBy: "no_fast_travel", met: false, settled: false });
    s = ok(s, "r1", { kind: "move", to: "station", by: "bus" });
    s = ok(s, "r1", { kind: "act", action: "train_ticket" });
    g = only(s, "r1");
    expect(g).toMatchObject({ day: 1, met: true, settled: true });
    // too late: day 5 without it
    const late = { ...withPlayer(s, "r1", { itemDays: {}, items: [] }), day: 5 };
    expect(only(late, "r1")).toMatchObject({ day: null, met: false, settled: true });
  });

  it("acquire in the court scenario: no grade to reach, but the list blocks it", () => {
    const s = withPlayer(town({ scenario: loadScenario("court-blacklist") }), "r1", { goals: ["visit_family"] });
    expect(only(s, "r1")).toMatchObject({ kind: "acquire", needGrade: null, offList: true, blockedBy: null });
    const listed = withPlayer(s, "r1", { blacklisted: true, restrictions: ["no_luxury_travel", "no_private_school", "no_new_credit"] });
    expect(only(listed, "r1")).toMatchObject({ blockedBy: "no_luxury_travel", met: false });
  });

  it("keep a grade: so far so good, then missed for good once it slipped", () => {
    const s = withPlayer(town(), "r1", { goals: ["stay_a"] });
    expect(only(s, "r1")).toMatchObject({ kind: "keep_grade", grade: "a", worst: "a", need: "a", met: true, settled: false });
    const slipped = withPlayer(s, "r1", { grade: "a", worstGradeIndex: 3 });
    expect(only(slipped, "r1")).toMatchObject({ grade: "a", worst: "b", met: false, settled: true });
  });

  it("the cousin: their grade now and their worst, and who they are (by seat)", () => {
    const s = withPlayer(town({ watchers: 1 }), "w1", { goals: ["cousin"], ally: "r2" });
    expect(only(s, "w1")).toMatchObject({ kind: "ally_keeps_grade", person: "r2", grade: "a", worst: "a", need: "a", met: true, settled: false });
    const fell = withPlayer(s, "r2", { grade: "aa", worstGradeIndex: 3 });
    expect(only(fell, "w1")).toMatchObject({ grade: "aa", worst: "b", met: false, settled: true });
  });

  it("the watcher's quota counts approved entries, with those still waiting", () => {
    const { s, seat } = (() => {
      let s = to(town({ watchers: 1, officials: 1 }), "day");
      s = withPlayer(s, "w1", { goals: ["quota", "only_witnessed"] });
      s = ok(s, "w1", { kind: "move", to: "park" });
      s = ok(s, "r1", { kind: "move", to: "park" });
      s = ok(s, "r1", { kind: "act", action: "litter" });
      const occurrence = Object.keys(s.occurrences)[0]!;
      s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence });
      s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "litter", basis: "witnessed", occurrence });
      return { s, seat: "w1" };
    })();
    let [quota, honest] = goalProgress(s, seat);
    expect(quota).toMatchObject({ kind: "approved_entries", have: 0, need: 6, waiting: 2, met: false, settled: false });
    expect(honest).toMatchObject({ kind: "only_witnessed", witnessed: 2, hearsay: 0, met: true, settled: false });
    let e = ok(s, HOST, { kind: "advance" });
    const [first] = Object.keys(e.journal);
    e = ok(e, "o1", { kind: "review", entry: first!, decision: "approve" });
    [quota] = goalProgress(e, seat);
    expect(quota).toMatchObject({ have: 1, waiting: 1 });
    const hearsay = ok(s, "w1", { kind: "write_entry", subject: "r3", deed: "litter", basis: "hearsay" });
    [, honest] = goalProgress(hearsay, seat);
    expect(honest).toMatchObject({ witnessed: 2, hearsay: 1, met: false, settled: true });
    // the quick demo's quota is smaller
    const demo = withPlayer(town({ scenario: loadScenario("quick-demo") }), "w1", { goals: ["quota"] });
    expect(only(demo, "w1")).toMatchObject({ have: 0, need: 3 });
  });

  it("appeals: one's own waiting, won once reversed; the official's backlog counts everyone's", () => {
    let s = to(town({ officials: 1 }), "day");
    s = withPlayer(s, "r1", { goals: ["expose_official"] });
    s = withPlayer(s, "o1", { goals: ["clear_backlog"] });
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" });
    s = ok(s, HOST, { kind: "advance" });
    const entry = Object.keys(s.journal)[0]!;
    s = ok(s, "o1", { kind: "review", entry, decision: "approve" });
    s = ok(s, HOST, { kind: "advance" });
    expect(only(s, "o1")).toMatchObject({ kind: "clear_appeals", waiting: 0, met: true, settled: false });
    s = ok(s, "r1", { kind: "appeal", entry, reason: "did_not_happen" });
    expect(only(s, "r1")).toMatchObject({ kind: "win_appeal", waiting: 1, met: false, settled: false });
    expect(only(s, "o1")).toMatchObject({ waiting: 1, met: false });
    s = to(s, "evening");
    const appeal = Object.keys(s.appeals)[0]!;
    s = ok(s, "o1", { kind: "decide_appeal", appeal, decision: "reverse" });
    expect(only(s, "r1")).toMatchObject({ waiting: 0, met: true, settled: true });
    expect(only(s, "o1")).toMatchObject({ waiting: 0, met: true });
  });

  it("wellbeing, the blacklist, the ally kept off it, the target brought down, the average", () => {
    let s = withPlayer(town({ officials: 1 }), "r1", { goals: ["enjoy_life"] });
    expect(only(s, "r1")).toMatchObject({ kind: "wellbeing", have: 5, need: 7, met: false, settled: false });
    expect(only(withPlayer(s, "r1", { wellbeing: 8 }), "r1")).toMatchObject({ have: 8, met: true, settled: false });

    s = withPlayer(town({ scenario: loadScenario("court-blacklist"), officials: 1 }), "r1", { goals: ["stay_off"] });
    expect(only(s, "r1")).toMatchObject({ kind: "never_blacklisted", blacklisted: false, met: true, settled: false });
    expect(only(withPlayer(s, "r1", { blacklisted: true, everBlacklisted: true }), "r1")).toMatchObject({ blacklisted: true, met: false, settled: true });

    s = withPlayer(s, "o1", { goals: ["protect_ally"], ally: "r2" });
    expect(only(s, "o1")).toMatchObject({ kind: "protect_ally", person: "r2", blacklisted: false, met: true, settled: false });
    expect(only(withPlayer(s, "r2", { blacklisted: false, everBlacklisted: true }), "o1")).toMatchObject({ met: false, settled: true });

    s = withPlayer(town({ officials: 1 }), "o1", { goals: ["silence_journalist"], target: "r2" });
    expect(only(s, "o1")).toMatchObject({ kind: "target_down", person: "r2", grade: "a", blacklisted: false, need: "c", met: false, settled: false });
    expect(only(withPlayer(s, "r2", { grade: "c" }), "o1")).toMatchObject({ grade: "c", met: true, settled: false });

    s = withPlayer(town({ officials: 1 }), "o1", { goals: ["average_high"] });
    const start = loadScenario("rongcheng-pilot").scoring.startScore;
    expect(only(s, "o1")).toMatchObject({ kind: "average_score", average: start, need: 1000 });
    expect(only(withPlayer(s, "r1", { score: start - 50 }), "o1")).toMatchObject({ average: Math.round(start - 50 / 5) });

    s = withPlayer(town({ scenario: loadScenario("commercial-credit"), watchers: 0, officials: 1 }), "o1", { goals: ["engagement"] });
    expect(only(s, "o1")).toMatchObject({ kind: "average_score", need: 600 });
  });

  it("a goal card whose check this reader does not know still shows, met or not", () => {
    const s = town();
    const odd = { ...s, scenario: { ...s.scenario, goals: [...s.scenario.goals, { id: "new_kind", role: "resident", label: { en: "x", zh: "x" }, check: { kind: "future" }, intense: false }] } } as unknown as GameState;
    const g = only(withPlayer(odd, "r1", { goals: ["new_kind"] }), "r1");
    expect(g).toMatchObject({ kind: "other", check: "future", settled: false });
  });
});
