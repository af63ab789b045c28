/**
 * The event's comparative debrief: each neighbourhood's figures, read from its log, equal what
 * its final state says and the simulator's own tally of the same game; the prompts name the pair
 * of streets furthest apart on what they ask about; and streets that played alike get the
 * neutral prompt. The games are real: the variants of `three-streets` and `quick-three` played
 * by the simulator's bots on one seed, written as session logs the way `simulate --logs` does.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../rules/helpers.ts";
import { parseVariants, variantName } from "../../../shared/scenario/variants.ts";
import { measure, playGame, sessionLog, type PlayedGame } from "../../../shared/sim/index.ts";
import { shakyListing, truthVsRecord } from "../../../shared/debrief/truth.ts";
import { compareStreets, scoreBins, streetFigures, type NeighbourhoodLog, type StreetFigures } from "../../../shared/district/compare.ts";
import { comparePrompts, type ComparePrompt } from "../../../shared/district/comparePrompts.ts";
import type { GameState } from "../../../shared/rules/index.ts";
import en from "../../../assets/strings/en/eventDebrief.json";
import type { Scenario } from "../../../shared/scenario/index.ts";

const VARIANTS = join(import.meta.dirname, "..", "..", "..", "assets", "variants");

type Street = { log: NeighbourhoodLog; game: PlayedGame; scenario: Scenario };

/** Every variant of a variants file, played on the same seed, as the event's neighbourhoods. */
function playEvent(file: string, players: number, seed: number): Street[] {
  const r = parseVariants(JSON.parse(readFileSync(join(VARIANTS, file), "utf8")), loadScenario);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.set.variants.map(({ variant, scenario }, i) => {
    const game = playGame(scenario, { players, seed, keepLog: true, measure: true });
    const code = `STR${i}AB`;
    return { log: { code, name: variantName(variant), log: sessionLog(scenario, game, code) }, game, scenario };
  });
}

const scored = (g: GameState) => Object.values(g.players).filter((p) => p.scored && (p.role === "resident" || p.role === "watcher"));

/** The figures of a street recounted from its final state alone. */
function fromState(g: GameState) {
  const appeals = Object.values(g.appeals);
  const wrongful = g.blacklist.filter((r) => shakyListing(g, r) !== null);
  return {
    wrongfulStayed: wrongful.filter((r) => r.active).length,
    wrongfulLifted: wrongful.filter((r) => !r.active).length,
    reversed: appeals.filter((a) => a.status === "reversed").length,
    undecided: appeals.filter((a) => a.decidedBy === "policy" || a.status === "pending").length,
    falseEntries: Object.values(g.journal).filter((e) => !e.truthful).length,
    cameraFalse: Object.values(g.journal).filter((e) => !e.truthful && e.source === "camera").length,
    listings: g.blacklist.length,
  };
}

const pilotEvent = playEvent("three-streets.json", 24, 3);
const quickEvent = playEvent("quick-three.json", 12, 5);

describe("each neighbourhood's figures", () => {
  for (const [label, event] of [["three-streets", pilotEvent], ["quick-three", quickEvent]] as const) {
    it(`${label}: equal what the final state says, and the simulator's tally of the same game`, () => {
      for (const { log, game, scenario } of event) {
        const f = streetFigures(log);
        const g = game.state;
        const players = g.seats.length;
        expect(f.code).toBe(log.code);
        expect(f.ended).toBe(true);
        expect(f.players).toBe(players);
        expect(f.bots).toBe(players);
        expect(f.daysPlayed).toBe(scenario.phases.days);
        expect(f.days).toBe(scenario.phases.days);
        // the same measures the simulator printed for this game (its availability measure aside)
        const simulated = measure(scenario, [game.tally!], players).filter((r) => r.measure !== "meaningful_action_share");
        expect(f.measures).toEqual(simulated);
        const totals = truthVsRecord(g).totals;
        expect(f.truth).toMatchObject({ deeds: totals.deeds, recorded: totals.recorded, entries: totals.entries, falseEntries: totals.falseEntries, falsePublished: totals.falsePublished, listings: totals.listings });
        const s = fromState(g);
        expect(f.truth.wrongfulStayed).toBe(s.wrongfulStayed);
        expect(f.truth.wrongfulLifted).toBe(s.wrongfulLifted);
        expect(f.truth.wrongful).toBe(s.wrongfulStayed + s.wrongfulLifted);
        expect(f.truth.cameraFalse).toBe(s.cameraFalse);
        expect(f.wrongfulListings.map((l) => [l.seat, l.active])).toEqual(g.blacklist.filter((r) => shakyListing(g, r) !== null).map((r) => [r.seat, r.active]));
        const appeals = Object.values(g.appeals);
        expect(f.appeals.filed).toBe(appeals.length);
        expect(f.appeals.reversed + f.appeals.byPolicyReversed).toBe(s.reversed);
        expect(f.appeals.byPolicy + f.appeals.pending).toBe(s.undecided);
        expect(f.appeals.reversed + f.appeals.upheld + f.appeals.byPolicy + f.appeals.pending).toBe(appeals.length);
        const decided = appeals.filter((a) => a.status !== "pending");
        expect(f.appeals.waitedEvenings).toBe(decided.reduce((sum, a) => sum + a.evenings, 0));
        const finals = scored(g).map((p) => p.score).sort((a, b) => a - b);
        expect(f.scores.finals).toEqual(finals);
        expect(f.scores.average).toBe(Math.round(finals.reduce((a, b) => a + b, 0) / finals.length));
        expect(f.listedByDay).toHaveLength(scenario.phases.days);
        expect(f.listedByDay.at(-1)).toBe(g.blacklist.filter((r) => r.active).length);
        expect(f.grades.reduce((sum, x) => sum + x.count, 0)).toBe(finals.length);
      }
    });
  }

  it("counts the final scores of every neighbourhood in the same bins", () => {
    const streets = compareStreets(pilotEvent.map((s) => s.log));
    const bins = scoreBins(streets, 6);
    const all = streets.flatMap((s) => s.scores.finals);
    expect(bins.edges[0]).toBe(Math.min(...all));
    expect(bins.edges.at(-1)!).toBeGreaterThan(Math.max(...all));
    for (const [i, s] of streets.entries()) {
      expect(bins.counts[i]!.code).toBe(s.code);
      expect(bins.counts[i]!.counts.reduce((a, b) => a + b, 0)).toBe(s.scores.finals.length);
    }
  });
});

/** For each prompt kind, the figure it compares, recounted from the final state. */
const FIGURE: Partial<Record<ComparePrompt["kind"], (g: GameState) => number>> = {
  wrongful_stayed: (g) => fromState(g).wrongfulStayed,
  appeals_undecided: (g) => fromState(g).undecided,
  appeals_reversed: (g) => fromState(g).reversed,
  camera_errors: (g) => fromState(g).cameraFalse,
  false_entries: (g) => fromState(g).falseEntries,
  listings: (g) => fromState(g).listings,
};

describe("comparison prompts", () => {
  for (const [label, event] of [["three-streets", pilotEvent], ["quick-three", quickEvent]] as const) {
    it(`${label}: name the streets lowest and highest on what each asks about, most striking first`, () => {
      const streets = compareStreets(event.map((s) => s.log));
      const prompts = comparePrompts(streets);
      expect(prompts.length).toBeGreaterThan(0);
      expect(prompts.map((p) => p.strength)).toEqual(prompts.map((p) => p.strength).sort((a, b) => b - a));
      expect(new Set(prompts.map((p) => p.kind)).size).toBe(prompts.length);
      let checked = 0;
      for (const p of prompts) {
        expect(p.streets).toHaveLength(2);
        const [lo, hi] = p.streets.map((code) => event.find((s) => s.log.code === code)!);
        expect(p.params.a).toEqual(lo!.log.name);
        expect(p.params.b).toEqual(hi!.log.name);
        const figure = FIGURE[p.kind];
        if (!figure) continue;
        const values = event.map((s) => figure(s.game.state));
        expect(figure(lo!.game.state), p.kind).toBe(Math.min(...values));
        expect(figure(hi!.game.state), p.kind).toBe(Math.max(...values));
        expect(Math.max(...values)).toBeGreaterThan(Math.min(...values));
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      // a kind left out is one on which the streets did not differ
      for (const [kind, figure] of Object.entries(FIGURE)) {
        if (prompts.some((p) => p.kind === kind)) continue;
        const values = event.filter((s) => kind !== "appeals_undecided" && kind !== "appeals_reversed" ? true : s.scenario.appeals.enabled).map((s) => figure(s.game.state));
        expect(new Set(values).size, kind).toBeLessThanOrEqual(1);
      }
    });
  }

  it("word the pair with the rule that sets them apart, the one nearest the question first", () => {
    const streets = compareStreets(pilotEvent.map((s) => s.log));
    const prompts = comparePrompts(streets);
    const rulesOf = (code: string) => streets.find((s) => s.code === code)!.rules;
    let named = 0;
    for (const p of prompts) {
      const [a, b] = p.streets.map(rulesOf);
      const cameras = p.kind === "camera_errors" || p.kind === "false_entries" || p.kind === "recorded";
      if (!cameras && a!.undecided !== b!.undecided) {
        expect(p.params.aRule, p.kind).toEqual({ key: `eventDebrief.rule.undecided.${a!.undecided}` });
        expect(p.params.bRule, p.kind).toEqual({ key: `eventDebrief.rule.undecided.${b!.undecided}` });
        named++;
      }
      if (cameras && a!.cameraErrorRate !== b!.cameraErrorRate) {
        expect(p.params.aRule, p.kind).toEqual({ key: "eventDebrief.rule.camerasErr", params: { count: a!.cameras, percent: Math.round(a!.cameraErrorRate * 100) } });
        named++;
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it("ask a neutral question when the streets played alike, and one about the figure that differs when only that does", () => {
    const [street] = quickEvent;
    const twin = (code: string, en: string): NeighbourhoodLog => ({ code, name: { en, zh: en }, log: street!.log.log });
    const alike = comparePrompts(compareStreets([twin("AAAAAA", "Ash"), twin("BBBBBB", "Beech")]));
    expect(alike).toEqual([{ kind: "alike", key: "eventDebrief.prompt.alike", params: { count: 2 }, streets: [], strength: 0 }]);

    // the same game, but one street's last day never came: they differ in how far they got
    const cut = street!.log.log.findIndex((x) => x.event.type === "phase_started" && x.event.phase === "morning" && x.event.day === 2);
    const shorter: NeighbourhoodLog = { code: "CCCCCC", name: { en: "Cedar", zh: "Cedar" }, log: street!.log.log.slice(0, cut) };
    const figures: StreetFigures[] = compareStreets([twin("AAAAAA", "Ash"), shorter]);
    const prompts = comparePrompts(figures);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((p) => p.streets.length === 2 && p.streets.includes("AAAAAA") && p.streets.includes("CCCCCC"))).toBe(true);
  });

  it("use only words the string tables hold", () => {
    const table = en as unknown as Record<string, unknown>;
    const has = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], table) !== undefined;
    const hasPlural = (key: string) => has(key) || has(`${key}_other`);
    const [street] = quickEvent;
    const shorter: NeighbourhoodLog = { ...street!.log, code: "CCCCCC", log: street!.log.log.slice(0, 40) };
    const every = [pilotEvent, quickEvent].flatMap((event) => comparePrompts(compareStreets(event.map((s) => s.log))))
      .concat(comparePrompts(compareStreets([street!.log, shorter])), comparePrompts(compareStreets([street!.log, { ...street!.log, code: "DDDDDD" }])));
    expect(new Set(every.map((p) => p.kind)).size).toBeGreaterThan(5);
    for (const p of every) {
      expect(has(p.key), p.key).toBe(true);
      for (const v of Object.values(p.params)) if (typeof v === "object" && "key" in v) expect(hasPlural(v.key), v.key).toBe(true);
    }
  });

  it("ask nothing of a single street", () => {
    expect(comparePrompts(compareStreets([quickEvent[0]!.log]))).toEqual([]);
  });
});
