/**
 * Each story the debrief tells, from a scripted game (tests/unit/debrief/scripted.ts): the
 * truth-vs-record line and the prompt for a cosigner hit, a camera that named the wrong person,
 * a restriction that stood between a resident and their goal, an official's secret goal against
 * their decisions, a rule change and what it did, residents reporting residents; the bad deeds
 * per day; the commercial scenario's card on its app score versus a state list. Every prompt
 * is then worded with i18next in both languages: no raw key, no placeholder, a plural that fits.
 */
import { describe, expect, it } from "vitest";
import i18next from "i18next";
import { type Role } from "../../../shared/rules/index.ts";
import { type Command } from "../../../shared/commands/index.ts";
import { badDeeds, buildReplay, chartsData, people, PROMPT_KEYS, prompts, storiesOf, truthVsRecord, type Prompt, type Replay } from "../../../shared/debrief/index.ts";
import type { Scenario } from "../../../shared/scenario/index.ts";
import { loadScenario } from "../rules/helpers.ts";
import { stringTable } from "../../support/strings.ts";
import { ScriptedGame, variant } from "./scripted.ts";
import { simLog } from "./fixture.ts";

const pilot = loadScenario("rongcheng-pilot");
const TOWN: [string, Role][] = [["r1", "resident"], ["r2", "resident"], ["r3", "resident"], ["w1", "watcher"], ["o1", "official"]];
const cmd = (c: Record<string, unknown>) => c as Command;

function promptsOf(replay: Replay): Prompt[] {
  const game = replay.final.game;
  const who = people(replay.final, replay.log);
  return prompts(game, truthVsRecord(game), (seat) => who.get(seat)?.pseudonym ?? { en: "?", zh: "?" }, storiesOf(replay));
}
const withKey = (ps: Prompt[], key: string) => ps.filter((p): p is Extract<Prompt, { key: string }> => "key" in p && p.key === `debrief.prompt.${key}`);

/** The seed whose deal gives o1 a goal about a resident (ally or target). */
function dealt(scenario: Scenario, pick: (g: ScriptedGame) => string | null): { g: ScriptedGame; other: string } {
  for (let seed = 1; seed < 40; seed++) {
    const g = new ScriptedGame(scenario, TOWN, seed);
    const other = pick(g);
    if (other?.startsWith("r")) return { g, other };
  }
  throw new Error("no seed dealt o1 a goal about a resident");
}

describe("cosigners marked for someone else's default", () => {
  // loans open on day 1 here (the pilot opens them on day 2), so the default lands on day 2
  const costly = variant(pilot, (s) => ({ services: s.services.map((x) => ({ ...x, fromDay: 1 })), loans: { ...s.loans!, amount: 50, repay: 500, termDays: 1, cosignerPoints: -50 } }));

  function defaulted(scenario: Scenario): Replay {
    const g = new ScriptedGame(scenario, TOWN).to("day");
    g.do("r1", cmd({ kind: "move", to: "bank" })).do("r1", cmd({ kind: "act", action: "shop_loan" }));
    const loan = Object.values(g.game.loans)[0]!;
    g.do("r2", cmd({ kind: "cosign", loan: loan.id }));
    g.to("morning", 3);
    expect(g.game.loans[loan.id]!.status).toBe("defaulted");
    return g.replay();
  }

  it("lists the hit with the grade it crossed, and asks whether anyone should be scored for another's debt", () => {
    const replay = defaulted(costly);
    const { cosignerHits } = storiesOf(replay);
    expect(cosignerHits).toEqual([{ loan: expect.any(String), cosigner: "r2", borrower: "r1", day: 2, delta: -50, gradeBefore: "a", gradeAfter: "b" }]);
    expect(replay.final.game.players.r2!.grade).toBe("b");
    const [p] = withKey(promptsOf(replay), "cosignerGrade");
    expect(p?.params).toMatchObject({ count: 50, day: 2, from: { en: "A" }, to: { en: "B" } });
  });

  it("a hit that crosses no grade line gets the plain prompt", () => {
    const replay = defaulted(variant(costly, (s) => ({ loans: { ...s.loans!, cosignerPoints: -30 } }))); // −30 keeps a 1000 at A
    expect(storiesOf(replay).cosignerHits).toEqual([expect.objectContaining({ cosigner: "r2", delta: -30, gradeBefore: "a", gradeAfter: "a" })]);
    expect(withKey(promptsOf(replay), "cosigner")).toHaveLength(1);
    expect(withKey(promptsOf(replay), "cosignerGrade")).toHaveLength(0);
  });
});

describe("cameras that name the wrong person", () => {
  it("lists who was filmed and who was named, and asks who could tell the machine was wrong", () => {
    const blind = variant(pilot, () => ({ cameras: { errorRate: 1 } }));
    const g = new ScriptedGame(blind, TOWN).to("day");
    g.do("r1", cmd({ kind: "move", to: "market" })).do("r1", cmd({ kind: "act", action: "litter" }));
    const replay = g.to("evening").replay();
    const [mistake, ...more] = storiesOf(replay).cameraMistakes;
    expect(more).toEqual([]);
    expect(mistake).toMatchObject({ filmed: "r1", deed: "litter", location: "market", day: 1, truthful: false, status: "pending", published: false });
    expect(mistake!.named).not.toBe("r1");
    // the same entry is a false entry in truth vs record
    expect(truthVsRecord(replay.final.game).falseEntries.map((e) => e.id)).toEqual([mistake!.entry]);
    const [p] = withKey(promptsOf(replay), "cameraMistake");
    expect(p?.params).toMatchObject({ day: 1, deed: { en: "Litter" }, place: { en: expect.any(String) } });
  });

  it("a camera that films the right person tells no such story", () => {
    const g = new ScriptedGame(variant(pilot, () => ({ cameras: { errorRate: 0 } })), TOWN).to("day");
    g.do("r1", cmd({ kind: "move", to: "market" })).do("r1", cmd({ kind: "act", action: "litter" }));
    const replay = g.to("evening").replay();
    expect(Object.values(replay.final.game.journal).map((e) => [e.source, e.subject])).toEqual([["camera", "r1"]]);
    expect(storiesOf(replay).cameraMistakes).toEqual([]);
    expect(withKey(promptsOf(replay), "cameraMistake")).toEqual([]);
  });
});

describe("restrictions that stood between a resident and their goal", () => {
  // everyone starts at B (no train tickets) with the goal that needs one; tickets on sale from day 1
  const barred = variant(pilot, (s) => ({
    scoring: { ...s.scoring, startScore: 940 },
    services: s.services.map((x) => ({ ...x, fromDay: 1 })),
    goals: s.goals.filter((c) => c.role !== "resident" || c.id === "visit_mother"),
    phases: { ...s.phases, days: 2 },
  }));

  it("names the restriction, the days and the visit to the station, and the prompt says they went", () => {
    const g = new ScriptedGame(barred, TOWN).to("day");
    g.do("r1", cmd({ kind: "move", to: "station" }));
    // the rules really refuse the ticket: the log holds no refusal, the debrief reads the standing
    expect(() => g.do("r1", cmd({ kind: "act", action: "train_ticket" }))).toThrow(/blocked_by_restriction/);
    const replay = g.to("ended").replay();
    const blocked = storiesOf(replay).blockedGoals;
    expect(blocked.find((b) => b.seat === "r1")).toEqual({ seat: "r1", goal: "visit_mother", item: "train_ticket", byDay: 3, restriction: "no_fast_travel", days: [1, 2], visited: [1] });
    expect(blocked.find((b) => b.seat === "r2")).toMatchObject({ days: [1, 2], visited: [] });
    const [p] = withKey(promptsOf(replay), "blockedGoalTried");
    expect(p?.params).toMatchObject({ item: { en: "Buy a high-speed train ticket" }, restriction: { en: "No high-speed train or plane tickets" }, day: 1 });
  });

  it("barred residents who never went to the station get the plain prompt", () => {
    const replay = new ScriptedGame(barred, TOWN).to("ended").replay();
    expect(storiesOf(replay).blockedGoals.map((b) => [b.seat, b.visited])).toEqual([["r1", []], ["r2", []], ["r3", []]]);
    expect(withKey(promptsOf(replay), "blockedGoal")[0]?.params).toMatchObject({ name: expect.any(Object), day: 1 });
    expect(withKey(promptsOf(replay), "blockedGoalTried")).toEqual([]);
  });

  it("a resident at A who simply never bought the ticket was not blocked", () => {
    const free = variant(barred, (s) => ({ scoring: { ...s.scoring, startScore: 1000 } }));
    const replay = new ScriptedGame(free, TOWN).to("ended").replay();
    expect(storiesOf(replay).blockedGoals).toEqual([]);
    expect(withKey(promptsOf(replay), "blockedGoal")).toEqual([]);
  });
});

describe("an official's secret goal against their decisions", () => {
  it("protecting an ally: the true entries they rejected about the ally", () => {
    const protect = variant(pilot, (s) => ({ goals: s.goals.filter((c) => c.role !== "official" || c.id === "protect_ally") }));
    const { g, other: ally } = dealt(protect, (x) => x.game.players.o1!.ally);
    g.to("day").do("w1", cmd({ kind: "move", to: "park" })).do(ally, cmd({ kind: "move", to: "park" })).do(ally, cmd({ kind: "act", action: "litter" }));
    const seen = Object.values(g.game.occurrences).find((o) => o.actor === ally)!;
    g.do("w1", cmd({ kind: "write_entry", subject: ally, deed: "litter", basis: "witnessed", occurrence: seen.id }));
    g.to("evening").do("o1", cmd({ kind: "review", entry: Object.keys(g.game.journal)[0], decision: "reject" }));
    const replay = g.replay();
    expect(storiesOf(replay).officialGoals).toEqual([
      // the card asks for the ally at AA by the end: at A, not met yet
      { official: "o1", goal: "protect_ally", aim: "protect", other: ally, approvedTrue: 0, approvedFalse: 0, rejectedTrue: 1, rejectedFalse: 0, listed: 0, met: false },
    ]);
    expect(withKey(promptsOf(replay), "officialProtect")[0]?.params).toMatchObject({ count: 1 });
  });

  it("bringing a target down: the false entry they approved and the blacklisting", () => {
    const target = variant(pilot, (s) => ({
      goals: s.goals.filter((c) => c.role !== "official" || c.id === "silence_journalist"),
      blacklist: { ...s.blacklist, mode: "official", citable: [] },
    }));
    const { g, other } = dealt(target, (x) => x.game.players.o1!.target);
    g.to("day").do("w1", cmd({ kind: "write_entry", subject: other, deed: "spread_rumour", basis: "hearsay" }));
    const entry = Object.keys(g.game.journal)[0]!;
    g.to("evening").do("o1", cmd({ kind: "review", entry, decision: "approve" })).do("o1", cmd({ kind: "blacklist", subject: other, entries: [entry] }));
    const replay = g.replay();
    expect(storiesOf(replay).officialGoals).toEqual([
      { official: "o1", goal: "silence_journalist", aim: "target", other, approvedTrue: 0, approvedFalse: 1, rejectedTrue: 0, rejectedFalse: 0, listed: 1, met: true },
    ]);
    expect(withKey(promptsOf(replay), "officialTarget")[0]?.params).toMatchObject({ count: 1 });
  });

  it("bringing a target down on a true entry: the blacklisting alone is the story", () => {
    const target = variant(pilot, (s) => ({
      goals: s.goals.filter((c) => c.role !== "official" || c.id === "silence_journalist"),
      blacklist: { ...s.blacklist, mode: "official", citable: [] },
    }));
    const { g, other } = dealt(target, (x) => x.game.players.o1!.target);
    g.to("day").do("w1", cmd({ kind: "move", to: "park" })).do(other, cmd({ kind: "move", to: "park" })).do(other, cmd({ kind: "act", action: "litter" }));
    g.do("w1", cmd({ kind: "write_entry", subject: other, deed: "litter", basis: "witnessed", occurrence: Object.keys(g.game.occurrences)[0] }));
    const entry = Object.keys(g.game.journal)[0]!;
    g.to("evening").do("o1", cmd({ kind: "review", entry, decision: "approve" })).do("o1", cmd({ kind: "blacklist", subject: other, entries: [entry] }));
    const replay = g.replay();
    expect(storiesOf(replay).officialGoals).toEqual([expect.objectContaining({ aim: "target", other, approvedTrue: 1, approvedFalse: 0, listed: 1 })]);
    expect(withKey(promptsOf(replay), "officialTargetListed")).toHaveLength(1);
    expect(withKey(promptsOf(replay), "officialTarget")).toHaveLength(0);
  });
});

describe("rule changes and what they did", () => {
  it("the change with the points before and after and the entries scored under it; a proposal the end cut off", () => {
    const short = variant(pilot, (s) => ({ phases: { ...s.phases, days: 2 } }));
    const g = new ScriptedGame(short, TOWN).to("evening");
    g.do("o1", cmd({ kind: "propose_rule", deed: "litter", points: -8 }));
    g.to("day", 2).do("w1", cmd({ kind: "move", to: "park" })).do("r1", cmd({ kind: "move", to: "park" })).do("r1", cmd({ kind: "act", action: "litter" }));
    const seen = Object.values(g.game.occurrences).find((o) => o.actor === "r1")!;
    g.do("w1", cmd({ kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence: seen.id }));
    g.to("evening").do("o1", cmd({ kind: "review", entry: Object.keys(g.game.journal)[0], decision: "approve" }));
    g.do("o1", cmd({ kind: "propose_rule", deed: "jaywalk", points: -7 }));
    const replay = g.to("ended").replay();
    expect(storiesOf(replay).rules).toEqual([
      { deed: "litter", official: "o1", proposedDay: 1, changedDay: 2, from: -5, to: -8, approvedAfter: 1, pointsAfter: -8 },
      { deed: "jaywalk", official: "o1", proposedDay: 2, changedDay: null, from: -5, to: -7, approvedAfter: 0, pointsAfter: 0 },
    ]);
    expect(withKey(promptsOf(replay), "ruleChanged")[0]?.params).toMatchObject({ from: -5, to: -8, day: 2, count: 1, deed: { en: "Litter" } });
  });
});

describe("residents reporting residents", () => {
  it("each report with its truth, and a prompt counting them", () => {
    const g = new ScriptedGame(pilot, TOWN).to("day");
    g.do("r1", cmd({ kind: "report", subject: "r2", deed: "litter" }));
    // one report a day each: the true one comes from r2
    g.do("r3", cmd({ kind: "move", to: "park" })).do("r3", cmd({ kind: "act", action: "litter" })).do("r2", cmd({ kind: "report", subject: "r3", deed: "litter" }));
    const replay = g.replay();
    expect(storiesOf(replay).reports.map((r) => [r.author, r.subject, r.deed, r.truthful])).toEqual([["r1", "r2", "litter", false], ["r2", "r3", "litter", true]]);
    expect(withKey(promptsOf(replay), "reports")[0]?.params).toEqual({ count: 2, falseCount: 1 });
  });
});

describe("bad deeds per day, recorded or not", () => {
  it("counts each day's bad deeds by whether a true entry recorded them; the prompt compares the first and last day", () => {
    const short = variant(pilot, (s) => ({ phases: { ...s.phases, days: 2 }, cameras: { errorRate: 0 } }));
    const g = new ScriptedGame(short, TOWN).to("day");
    g.do("w1", cmd({ kind: "move", to: "park" })).do("r1", cmd({ kind: "move", to: "park" })).do("r1", cmd({ kind: "act", action: "litter" }));
    g.do("w1", cmd({ kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence: Object.keys(g.game.occurrences)[0] }));
    g.do("r2", cmd({ kind: "move", to: "park" })).do("r2", cmd({ kind: "act", action: "jaywalk" }));
    g.do("r3", cmd({ kind: "act", action: "help_elderly" })); // a good deed is not counted
    g.to("day", 2).do("r2", cmd({ kind: "act", action: "jaywalk" }));
    const replay = g.to("ended").replay();
    expect(badDeeds(replay.final.game)).toEqual({ days: [1, 2], recorded: [1, 0], unrecorded: [1, 1] });
    expect(chartsData(replay).badDeeds).toEqual(badDeeds(replay.final.game));
    expect(withKey(promptsOf(replay), "badDeeds")[0]?.params).toEqual({ first: 2, last: 1, day: 2 });
  });
});

describe("the commercial scenario: an app's score is not a state list", () => {
  it("draws its card on day 2 and asks which list the class thought they were on", () => {
    const commercial = loadScenario("commercial-credit");
    const g = new ScriptedGame(commercial, TOWN.filter(([, role]) => role !== "watcher"), 1).to("morning", 2); // the app has no watchers
    expect(g.game.cards.map((c) => c.card)).toContain("not_a_state_list");
    const card = commercial.eventCards.find((c) => c.id === "not_a_state_list")!;
    expect(card.effects).toEqual([]); // words only: it changes no number the balance was measured with
    expect(card.text.zh).toMatch(/名单/);
    const texts = promptsOf(g.end().replay()).flatMap((p) => ("text" in p ? [p.text.en] : []));
    expect(texts.some((x) => /company's product/.test(x) && /state's/.test(x))).toBe(true);
  });
});

describe("the built-in scenarios' bot games", () => {
  it.each(["rongcheng-pilot", "court-blacklist", "commercial-credit", "quick-demo"])("%s: stories and prompts come out whole", (id) => {
    const scenario = loadScenario(id);
    const replay = buildReplay(simLog(scenario, 24, 2));
    const st = storiesOf(replay);
    const g = replay.final.game;
    // every story points at seats and ids the game really has (and there are stories to check:
    // each kind may be missing from one game, but not all of them)
    expect(st.cosignerHits.length + st.cameraMistakes.length + st.blockedGoals.length + st.officialGoals.length + st.reports.length).toBeGreaterThan(0);
    for (const h of st.cosignerHits) expect(g.loans[h.loan]?.cosigners).toContain(h.cosigner);
    for (const c of st.cameraMistakes) expect(g.journal[c.entry]?.source).toBe("camera");
    for (const b of st.blockedGoals) expect(g.players[b.seat]?.goals).toContain(b.goal);
    for (const o of st.officialGoals) expect(g.players[o.official]?.role).toBe("official");
    for (const r of st.reports) expect(g.journal[r.entry]?.source).toBe("report");
    const ps = promptsOf(replay);
    expect(ps.filter((p) => "text" in p)).toHaveLength(scenario.debrief.prompts.length);
    for (const p of ps) if ("key" in p) expect(PROMPT_KEYS.map((k) => `debrief.prompt.${k}`)).toContain(p.key);
  });
});

describe("every generated prompt reads well in both languages", () => {
  it("no raw key, no placeholder left, and plurals that fit the number", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "en", resources: { en: { translation: stringTable("en") }, zh: { translation: stringTable("zh") } }, interpolation: { escapeValue: false } });
    const games: Replay[] = [];
    const barred = variant(pilot, (s) => ({
      scoring: { ...s.scoring, startScore: 900 }, cameras: { errorRate: 1 }, phases: { ...s.phases, days: 2 },
      goals: s.goals.filter((c) => c.role !== "resident" || c.id === "visit_mother"),
    }));
    const g = new ScriptedGame(barred, TOWN).to("day");
    g.do("r1", cmd({ kind: "move", to: "market" })).do("r1", cmd({ kind: "act", action: "litter" })).do("r2", cmd({ kind: "report", subject: "r3", deed: "jaywalk" }));
    g.to("evening").do("o1", cmd({ kind: "propose_rule", deed: "litter", points: -8 }));
    games.push(g.to("ended").replay());
    const keys = new Set<string>();
    for (const replay of games) {
      for (const p of promptsOf(replay)) {
        if (!("key" in p)) continue;
        keys.add(p.key);
        for (const lng of ["en", "zh"] as const) {
          const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === "object" ? v[lng] : v]));
          const text = i18n.t(p.key, { ...params, lng });
          expect(text, `${lng} ${p.key}`).not.toBe(p.key);
          expect(text, `${lng} ${p.key}`).not.toMatch(/{{|debrief\.|undefined/);
          if (lng === "en") expect(text, p.key).not.toMatch(/\b1 (entries|evenings|points|deeds|times|were)\b/);
        }
      }
    }
    expect([...keys]).toEqual(expect.arrayContaining(["debrief.prompt.cameraMistake", "debrief.prompt.blockedGoal", "debrief.prompt.reports", "debrief.prompt.hearsay"]));
  });
});
