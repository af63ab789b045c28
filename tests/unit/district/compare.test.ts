/**
 * The event's comparative debrief: each neighbourhood's figures, read from its log, equal what
 * its final state says and the simulator's own tally of the same game; the prompts name the pair
 * of streets furthest apart on what they ask about; and streets that played alike get the
 * neutral prompt. The games are real: the variants of `three-streets` and `quick-three` played
 * by the simulator's bots on one seed, written as session logs the way `simulate --logs` does.
 * Streets that differ only in a number (the reporting reward, the cosigner penalty, grade
 * thresholds) are told apart in the table's rule rows and in the prompts' words.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../rules/helpers.ts";
import { parseVariants, variantName } from "../../../shared/scenario/variants.ts";
import { measure, playGame, sessionLog, type PlayedGame } from "../../../shared/sim/index.ts";
import { shakyListing, truthVsRecord } from "../../../shared/debrief/truth.ts";
import { compareStreets, scoreBins, streetFigures, type NeighbourhoodLog, type StreetFigures } from "../../../shared/district/compare.ts";
import { comparePrompts, ruleRows, type ComparePrompt, type PromptParam } from "../../../shared/district/comparePrompts.ts";
import type { GameState } from "../../../shared/rules/index.ts";
import en from "../../../assets/strings/en/eventDebrief.json";
import type { Scenario } from "../../../shared/scenario/index.ts";
import type { SessionOpened } from "../../../shared/session/index.ts";
import type { Lang, LocalText } from "../../../shared/lang.ts";
import { fill, stringTable } from "../../support/strings.ts";

const VARIANTS = join(import.meta.dirname, "..", "..", "..", "assets", "variants");

type Street = { log: NeighbourhoodLog; game: PlayedGame; scenario: Scenario };

/** Every variant of a variants file, played on the same seed, as the event's neighbourhoods. */
function playEvent(file: string, players: number, seed: number): Street[] {
  return playVariants(JSON.parse(readFileSync(join(VARIANTS, file), "utf8")), players, seed);
}

function playVariants(input: unknown, players: number, seed: number): Street[] {
  const r = parseVariants(input, loadScenario);
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

/** The pilot (it has loans) with one number changed in each street but the first. */
const NUMBERS = {
  base: "rongcheng-pilot",
  variants: [
    { id: "plain", label: { en: "Plain Street", zh: "平街" } },
    { id: "paid", label: { en: "Paid Street", zh: "赏街" }, reporting: { reward: 40 } },
    { id: "free", label: { en: "Free Street", zh: "宽街" }, cosignerPoints: 0 },
    { id: "heavy", label: { en: "Heavy Street", zh: "重街" }, cosignerPoints: -300 },
    { id: "strict", label: { en: "Strict Street", zh: "严街" }, grades: { aaa: 1100, aa: 1050, a: 1010, b: 990, c: 960 } },
    // a reward and grade thresholds both: the record's prompts name the reward first
    { id: "both", label: { en: "Both Street", zh: "双街" }, reporting: { reward: 40 }, grades: { aaa: 1100, aa: 1050, a: 1010, b: 990, c: 960 } },
  ],
};
const numbersEvent = playVariants(NUMBERS, 20, 2);
const numbers = compareStreets(numbersEvent.map((s) => s.log));
const [plain, paid, free, heavy, strict, both] = numbers as [StreetFigures, StreetFigures, StreetFigures, StreetFigures, StreetFigures, StreetFigures];

/** A string of the tables in one language, as i18next picks it (plurals by `count`). */
function text(lang: Lang, key: string, count?: number): string {
  const at = (k: string) => k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], stringTable(lang));
  const found = (count === undefined ? undefined : at(`${key}_${lang === "en" && count === 1 ? "one" : "other"}`)) ?? at(key);
  expect(typeof found, key).toBe("string");
  return found as string;
}

/** A prompt's or a rule row's value in one language, as the page words it. */
function words(lang: Lang, p: PromptParam): string {
  if (typeof p === "number" || typeof p === "string") return String(p);
  if (!("key" in p)) return (p as LocalText)[lang];
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) values[k] = typeof v === "number" ? v : v[lang];
  return fill(text(lang, p.key, p.params?.count as number | undefined), values);
}

function promptWords(lang: Lang, p: ComparePrompt): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params)) values[k] = words(lang, v);
  return fill(text(lang, p.key), values);
}

/** The table's rule rows whose values differ between the streets, by their English label. */
function differingRows(streets: readonly StreetFigures[]): string[] {
  return ruleRows(streets).filter((r) => new Set(r.values.map((v) => words("en", v))).size > 1).map((r) => words("en", r.label));
}

const measured = (s: StreetFigures, m: string) => s.measures.find((r) => r.measure === m)!.value!;

describe("a street's reward for reports, cosigner penalty and grade thresholds", () => {
  it("are read from the scenario its log opened with", () => {
    for (const [i, f] of numbers.entries()) {
      const sc = numbersEvent[i]!.scenario;
      expect(f.rules.reportingReward).toBe(sc.reporting.reward);
      expect(f.rules.cosignerPoints).toBe(sc.loans!.cosignerPoints);
      expect(f.rules.grades).toEqual(sc.grades.map((g) => ({ id: g.id, label: g.label, min: g.min })));
    }
    expect([plain.rules.reportingReward, paid.rules.reportingReward]).toEqual([5, 40]);
    expect([plain.rules.cosignerPoints, free.rules.cosignerPoints, heavy.rules.cosignerPoints]).toEqual([-30, 0, -300]);
    expect(strict.rules.grades.map((g) => g.min)).toEqual([1100, 1050, 1010, 990, 960, null]);
    // a scenario without loans has no cosigner penalty
    const opened = numbersEvent[0]!.log.log[0]!;
    const { loans: _loans, ...noLoans } = (opened.event as SessionOpened).scenario;
    const unlent = streetFigures({ code: "NOLOAN", name: { en: "Cash Street", zh: "现金街" }, log: [{ ...opened, event: { ...(opened.event as SessionOpened), scenario: noLoans } as unknown as typeof opened.event }] });
    expect(unlent.rules.cosignerPoints).toBeNull();
  });

  it("are named in the table's rule rows, which differ only where the streets do", () => {
    const en = stringTable("en") as { eventDebrief: { ruleRow: Record<string, string> } };
    const row = en.eventDebrief.ruleRow;
    expect(differingRows([plain, plain])).toEqual([]);
    expect(differingRows([plain, paid])).toEqual([row.reward]);
    expect(differingRows([plain, free])).toEqual([row.cosigner]);
    expect(differingRows([free, heavy])).toEqual([row.cosigner]);
    expect(differingRows([plain, strict])).toEqual(["AAA", "AA", "A", "B", "C"].map((grade) => fill(row.gradeFrom!, { grade })));
    const values = (label: string, streets: StreetFigures[]) => ruleRows(streets).find((r) => words("en", r.label) === label)!.values.map((v) => words("en", v));
    expect(values(row.reward!, [plain, paid])).toEqual(["¥5", "¥40"]);
    expect(values(row.cosigner!, [plain, free, heavy])).toEqual(["30 points", "0 points", "300 points"]);
    expect(values(fill(row.gradeFrom!, { grade: "C" }), [plain, strict])).toEqual(["860", "960"]);
    // without loans anywhere there is no cosigner row; beside a street with loans, a dash
    const unlent = (s: StreetFigures): StreetFigures => ({ ...s, rules: { ...s.rules, cosignerPoints: null } });
    expect(ruleRows([unlent(plain), unlent(paid)]).some((r) => words("en", r.label) === row.cosigner)).toBe(false);
    expect(values(row.cosigner!, [unlent(plain), heavy])).toEqual(["—", "300 points"]);
  });

  it("a cosigner who fell a grade is asked about between streets whose penalties differ, named in both languages", () => {
    // the data: the heavy penalty cost a cosigner a grade; where cosigners lose nothing, none fell
    expect(measured(free, "games_with_cosigner_drop")).toBe(0);
    expect(measured(heavy, "games_with_cosigner_drop")).toBe(1);
    const prompt = comparePrompts([free, heavy]).find((p) => p.kind === "cosigner_drop")!;
    expect(prompt.streets).toEqual([free.code, heavy.code]);
    expect(promptWords("en", prompt)).toContain("In Free Street (cosigners lose nothing when a loan defaults), no cosigner fell a grade");
    expect(promptWords("en", prompt)).toContain("in Heavy Street (cosigners lose 300 points when a loan defaults), a cosigner did");
    expect(promptWords("zh", prompt)).toContain("在宽街（贷款违约时担保人不扣分）");
    expect(promptWords("zh", prompt)).toContain("在重街（贷款违约时担保人扣 300 分）");
    // never between streets whose cosigners pay alike, whatever befell them
    for (const p of comparePrompts(numbers).filter((x) => x.kind === "cosigner_drop")) {
      const [a, b] = p.streets.map((code) => numbers.find((s) => s.code === code)!);
      expect(a!.rules.cosignerPoints).not.toBe(b!.rules.cosignerPoints);
    }
    expect(comparePrompts([plain, strict]).some((p) => p.kind === "cosigner_drop")).toBe(false);
  });

  it("grade thresholds: the shares in a perk grade and under a restriction are asked about, naming the grade whose line moved most", () => {
    expect(measured(plain, "perk_grade_share")).toBeGreaterThan(measured(strict, "perk_grade_share"));
    expect(measured(plain, "restricted_share")).toBeLessThan(measured(strict, "restricted_share"));
    const prompts = comparePrompts([plain, strict]);
    const perk = prompts.find((p) => p.kind === "perk_share")!;
    const restricted = prompts.find((p) => p.kind === "restricted_share")!;
    expect(perk.streets).toEqual([strict.code, plain.code]);
    expect(restricted.streets).toEqual([plain.code, strict.code]);
    expect(restricted.params).toMatchObject({ aPercent: Math.round(measured(plain, "restricted_share") * 100), bPercent: Math.round(measured(strict, "restricted_share") * 100) });
    // every prompt of the pair says what set them apart: C's line moved furthest (860 → 960)
    for (const p of prompts) expect(promptWords("en", p)).toMatch(/Plain Street \(grade C from 860, and other grades' lines differ too\)/);
    expect(promptWords("en", restricted)).toContain("in Strict Street (grade C from 960, and other grades' lines differ too), ");
    expect(promptWords("zh", restricted)).toContain("在严街（960 分起为 C 级，其他等级的分数线也不同）");
    // one grade apart: named alone
    const raised = { ...strict, rules: { ...plain.rules, grades: plain.rules.grades.map((g) => (g.id === "a" ? { ...g, min: 1000 } : g)) } };
    const one = comparePrompts([plain, raised]).find((p) => p.kind === "restricted_share")!;
    expect(promptWords("en", one)).toContain("Strict Street (grade A from 1000)");
    expect(promptWords("zh", one)).toContain("（970 分起为 A 级）");
    // streets with the same thresholds get no question about them, however their shares fell
    expect(comparePrompts([plain, paid, free, heavy]).some((p) => p.kind === "perk_share" || p.kind === "restricted_share")).toBe(false);
  });

  it("the reward for a report is named when it is what sets two streets apart", () => {
    const prompts = comparePrompts([plain, both]);
    expect(prompts.length).toBeGreaterThan(0);
    for (const p of prompts) {
      const text = promptWords("en", p);
      // the questions about grades name the grades; every other names the reward first
      if (p.kind === "perk_share" || p.kind === "restricted_share") expect(text, p.kind).toContain("(grade C from");
      else {
        expect(text, p.kind).toContain(" (an approved report pays ¥5)");
        expect(text, p.kind).toContain(" (an approved report pays ¥40)");
        expect(promptWords("zh", p), p.kind).toContain("（举报获批可得 ¥40）");
      }
    }
  });
});
