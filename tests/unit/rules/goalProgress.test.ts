import { describe, expect, it } from "vitest";
import { blockingRestriction, goalMet, goalProgress, namedPerson, viewFor, type GameState, type GoalProgress, type Role } from "../../../shared/rules/index.ts";
import type { GoalCard } from "../../../shared/scenario/index.ts";
import { HOST, loadScenario, ok, to, town, withPlayer } from "./helpers.ts";
import { assertNoLeak } from "./leaks.ts";

const SCENARIOS = ["rongcheng-pilot", "quick-demo", "court-blacklist", "commercial-credit"] as const;

/** The seat of the first player of a role in `town()`: r1, w1, o1. */
const SEAT = { resident: "r1", watcher: "w1", official: "o1" } as const;
/** Goal checks that name the holder's ally (the target has its own kind). */
const ALLY_KINDS = new Set(["ally_keeps_grade", "protect_ally", "ally_ends_grade"]);

/** A town of `scenario` where the holder of `card` holds only that card (ally r3, target r4 for goals naming someone). */
function holding(id: (typeof SCENARIOS)[number], card: GoalCard): { s: GameState; seat: string } {
  const seat = SEAT[card.role];
  const scenario = loadScenario(id);
  let s = town({ scenario, residents: 4, watchers: scenario.roles.watcher.ratio > 0 ? 2 : 0, officials: 2 });
  for (const other of s.seats) s = withPlayer(s, other, { goals: [] });
  s = withPlayer(s, seat, { goals: [card.id], ally: "r3", target: "r4" });
  return { s, seat };
}

/**
 * Gives `seat` one goal card of our own with this check, added to the rulebook in force, so the
 * facts below do not hang on how a scenario's cards are tuned.
 */
function dealt(s: GameState, seat: string, check: Record<string, unknown>, extra: Partial<GameState["players"][string]> = {}): GameState {
  const role = s.players[seat]!.role as Role;
  const card = { id: `test_${String(check.kind)}`, role, label: { en: "test", zh: "测试" }, check, intense: false } as unknown as GoalCard;
  const next = { ...s, scenario: { ...s.scenario, goals: [...s.scenario.goals.filter((g) => g.id !== card.id), card] } };
  return withPlayer(next, seat, { goals: [card.id], ...extra });
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
        else if (ALLY_KINDS.has(card.check.kind)) expect(person).toBe("r3");
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
    const base = to(town(), "day");
    const book = base.scenario;
    const ticket = book.services.find((x) => x.grants === "train_ticket")!;
    // open from day 1 here (a scenario may open it later: the card then says from which day)
    const open = { ...base, scenario: { ...book, services: book.services.map((x) => (x.id === ticket.id ? { ...x, fromDay: 1 } : x)) } };
    let s = dealt(open, "r1", { kind: "acquire", item: "train_ticket", byDay: 4 }, { money: 1000, restrictions: [] });
    let g = only(s, "r1");
    expect(g).toMatchObject({ kind: "acquire", service: ticket.id, places: ticket.locations, fromDay: 1, byDay: 4, day: null, offList: false, blockedBy: null, price: ticket.cost.money, met: false, settled: false });
    if (g.kind !== "acquire") throw new Error("acquire expected");
    // the grade named is the lowest that still allows it: the next one down blocks it
    const needGrade = g.needGrade;
    const at = book.grades.findIndex((x) => x.id === needGrade) + 1;
    expect(at).toBeGreaterThan(0);
    for (const grade of book.grades.slice(0, at)) expect(blockingRestriction(book, grade.restrictions, ticket.id)).toBeNull();
    expect(blockingRestriction(book, book.grades[at]!.restrictions, ticket.id)).not.toBeNull();
    // at that lower grade the ticket is blocked now, by the grade's restriction
    const lower = book.grades[at]!;
    expect(only(withPlayer(s, "r1", { grade: lower.id, restrictions: lower.restrictions }), "r1")).toMatchObject({ blockedBy: blockingRestriction(book, lower.restrictions, ticket.id), met: false, settled: false });
    const later = { ...s, scenario: { ...s.scenario, services: s.scenario.services.map((x) => (x.id === ticket.id ? { ...x, fromDay: 2 } : x)) } };
    expect(only(later, "r1")).toMatchObject({ fromDay: 2 });
    s = ok(s, "r1", { kind: "move", to: ticket.locations[0]!, by: "bus" });
    s = ok(s, "r1", { kind: "act", action: ticket.id });
    g = only(s, "r1");
    expect(g).toMatchObject({ day: 1, met: true, settled: true });
    // too late: past the day without it
    const late = { ...withPlayer(s, "r1", { itemDays: {}, items: [] }), day: 5 };
    expect(only(late, "r1")).toMatchObject({ day: null, met: false, settled: true });
  });

  it("acquire in the court scenario: no grade to reach, but the list blocks it", () => {
    const s = dealt(town({ scenario: loadScenario("court-blacklist") }), "r1", { kind: "acquire", item: "train_ticket", byDay: 4 });
    expect(only(s, "r1")).toMatchObject({ kind: "acquire", needGrade: null, offList: true, blockedBy: null });
    const listed = withPlayer(s, "r1", { blacklisted: true, restrictions: s.scenario.blacklist.restrictions });
    expect(only(listed, "r1")).toMatchObject({ blockedBy: "no_luxury_travel", met: false });
  });

  it("keep a grade: so far so good, then missed for good once it slipped", () => {
    const start = town();
    const grade = start.players.r1!.grade;
    const s = dealt(start, "r1", { kind: "keep_grade", grade });
    expect(only(s, "r1")).toMatchObject({ kind: "keep_grade", grade, worst: grade, need: grade, met: true, settled: false });
    const slipped = withPlayer(s, "r1", { worstGradeIndex: s.scenario.grades.length - 1 });
    expect(only(slipped, "r1")).toMatchObject({ grade, worst: s.scenario.grades.at(-1)!.id, met: false, settled: true });
  });

  it("the cousin: their grade now and their worst, and who they are (by seat)", () => {
    const start = town({ watchers: 1 });
    const grade = start.players.r2!.grade;
    const s = dealt(start, "w1", { kind: "ally_keeps_grade", grade }, { ally: "r2" });
    expect(only(s, "w1")).toMatchObject({ kind: "ally_keeps_grade", person: "r2", grade, worst: grade, need: grade, met: true, settled: false });
    const fell = withPlayer(s, "r2", { grade: "aa", worstGradeIndex: 3 });
    expect(only(fell, "w1")).toMatchObject({ grade: "aa", worst: s.scenario.grades[3]!.id, met: false, settled: true });
  });

  it("the watcher's quota counts approved entries, with those still waiting; honest entries count witnessed and hearsay", () => {
    let s = to(town({ watchers: 1, officials: 1 }), "day");
    s = dealt(s, "w1", { kind: "approved_entries", count: 6 });
    const card = s.players.w1!.goals[0]!;
    s = dealt(s, "w1", { kind: "only_witnessed" });
    s = withPlayer(s, "w1", { goals: [card, "test_only_witnessed"] });
    s = ok(s, "w1", { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "act", action: "litter" });
    const occurrence = Object.keys(s.occurrences)[0]!;
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence });
    s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "litter", basis: "witnessed", occurrence });
    let [quota, honest] = goalProgress(s, "w1");
    expect(quota).toMatchObject({ kind: "approved_entries", have: 0, need: 6, waiting: 2, met: false, settled: false });
    expect(honest).toMatchObject({ kind: "only_witnessed", witnessed: 2, hearsay: 0, met: true, settled: false });
    let e = to(s, "evening");
    const [first] = Object.keys(e.journal);
    e = ok(e, "o1", { kind: "review", entry: first!, decision: "approve" });
    [quota] = goalProgress(e, "w1");
    expect(quota).toMatchObject({ have: 1, waiting: 1 });
    const hearsay = ok(s, "w1", { kind: "write_entry", subject: "r3", deed: "litter", basis: "hearsay" });
    [, honest] = goalProgress(hearsay, "w1");
    expect(honest).toMatchObject({ witnessed: 2, hearsay: 1, met: false, settled: true });
  });

  it("appeals: one's own waiting, won once reversed; the official's backlog and their own decisions", () => {
    let s = to(town({ officials: 1 }), "day");
    s = dealt(s, "r1", { kind: "win_appeal" });
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" });
    s = to(s, "evening");
    const entry = Object.keys(s.journal)[0]!;
    s = ok(s, "o1", { kind: "review", entry, decision: "approve" });
    s = dealt(s, "o1", { kind: "clear_appeals" });
    expect(only(s, "o1")).toMatchObject({ kind: "clear_appeals", waiting: 0, met: true, settled: false });
    s = ok(s, HOST, { kind: "advance" });
    s = ok(s, "r1", { kind: "appeal", entry, reason: "did_not_happen" });
    expect(only(s, "r1")).toMatchObject({ kind: "win_appeal", waiting: 1, met: false, settled: false });
    expect(only(s, "o1")).toMatchObject({ waiting: 1, met: false });
    s = to(s, "evening");
    const appeal = Object.keys(s.appeals)[0]!;
    const decided = dealt(s, "o1", { kind: "appeals_decided", count: 1 });
    expect(only(decided, "o1")).toMatchObject({ kind: "appeals_decided", have: 0, need: 1, met: false, settled: false });
    s = ok(s, "o1", { kind: "decide_appeal", appeal, decision: "reverse" });
    expect(only(s, "r1")).toMatchObject({ waiting: 0, met: true, settled: true });
    expect(only(s, "o1")).toMatchObject({ waiting: 0, met: true });
    const after = dealt(s, "o1", { kind: "appeals_decided", count: 1 });
    expect(only(after, "o1")).toMatchObject({ have: 1, need: 1 });
    expect(only(after, "o1").settled).toBe(only(after, "o1").met);
  });

  it("wellbeing, the blacklist, the ally kept off it or raised, the target brought down, the average", () => {
    let s = dealt(town({ officials: 1 }), "r1", { kind: "wellbeing", min: 7 }, { wellbeing: 5 });
    expect(only(s, "r1")).toMatchObject({ kind: "wellbeing", have: 5, need: 7, met: false, settled: false });
    expect(only(withPlayer(s, "r1", { wellbeing: 8 }), "r1")).toMatchObject({ have: 8, met: true, settled: false });

    s = dealt(town({ scenario: loadScenario("court-blacklist"), officials: 1 }), "r1", { kind: "never_blacklisted" });
    expect(only(s, "r1")).toMatchObject({ kind: "never_blacklisted", blacklisted: false, met: true, settled: false });
    expect(only(withPlayer(s, "r1", { blacklisted: true, everBlacklisted: true }), "r1")).toMatchObject({ blacklisted: true, met: false, settled: true });

    s = dealt(s, "o1", { kind: "protect_ally" }, { ally: "r2" });
    expect(only(s, "o1")).toMatchObject({ kind: "protect_ally", person: "r2", blacklisted: false, met: true, settled: false });
    expect(only(withPlayer(s, "r2", { blacklisted: false, everBlacklisted: true }), "o1")).toMatchObject({ met: false, settled: true });

    s = town({ officials: 1 });
    const grade = s.players.r2!.grade;
    s = dealt(s, "o1", { kind: "ally_ends_grade", grade: "aaa" }, { ally: "r2" });
    expect(only(s, "o1")).toMatchObject({ kind: "ally_ends_grade", person: "r2", grade, blacklisted: false, need: "aaa", settled: false });

    s = dealt(town({ officials: 1 }), "o1", { kind: "target_down", grade: "c" }, { target: "r2" });
    expect(only(s, "o1")).toMatchObject({ kind: "target_down", person: "r2", grade, blacklisted: false, need: "c", met: false, settled: false });
    expect(only(withPlayer(s, "r2", { grade: "c" }), "o1")).toMatchObject({ grade: "c", met: true, settled: false });

    s = dealt(town({ officials: 1 }), "o1", { kind: "average_score", min: 1000 });
    const start = s.scenario.scoring.startScore;
    expect(only(s, "o1")).toMatchObject({ kind: "average_score", average: start, need: 1000 });
    expect(only(withPlayer(s, "r1", { score: start - 50 }), "o1")).toMatchObject({ average: Math.round(start - 50 / 5) });

    s = dealt(town({ scenario: loadScenario("commercial-credit"), watchers: 0, officials: 1 }), "o1", { kind: "average_score", min: 600 });
    expect(only(s, "o1")).toMatchObject({ kind: "average_score", average: loadScenario("commercial-credit").scoring.startScore, need: 600 });
  });
});
