/**
 * Questions for the room, drawn from how an event's neighbourhoods differed: for each kind of
 * difference (wrongful listings that stayed, appeals left to the rule, cameras that erred, a
 * cosigner who fell a grade, …) the pair of streets furthest apart on it, worded around that pair
 * and the rule that sets them apart — only where the data shows a difference, the most striking
 * first; a kind about one rule (cosigners, grade thresholds) only between streets whose rule
 * differs. When no kind applies but some figure still differs, one prompt names the figure that
 * differs most; when nothing differs, a neutral one asks why.
 * Prompts are data (a string key and its values), so a page words them in either language; so
 * are the rule rows of the side-by-side table (`ruleRows`), which name the same rules.
 */
import type { LocalText } from "../lang.ts";
import type { StreetFigures, StreetRules } from "./compare.ts";

/** A value a prompt's words take: a number, plain text, a scenario text, or a string of the tables by its key (its values numbers or scenario texts). */
export type PromptParam = number | string | LocalText | { key: string; params?: Record<string, number | LocalText> };

export type PromptKind =
  | "wrongful_stayed" | "appeals_undecided" | "camera_errors" | "appeals_reversed" | "appeals_wait"
  | "false_entries" | "listings" | "cosigner_drop" | "restricted_share" | "score_spread" | "perk_share" | "score_average" | "recorded"
  | "figure_differs" | "alike";

export type ComparePrompt = {
  kind: PromptKind;
  /** In the eventDebrief string area. */
  key: string;
  params: Record<string, PromptParam>;
  /** The session codes of the neighbourhoods it names (none for `alike`). */
  streets: string[];
  /** How far apart the pair is on this kind, 0–1, weighted by the kind: the order of the list. */
  strength: number;
};

const KEY = "eventDebrief.prompt";

type RuleName = "appeals" | "undecided" | "deadline" | "cameras" | "watchers" | "reporting" | "reward" | "cosigner" | "grades";

/** Which rules to name first: those closest to what the prompt asks about. */
const APPEAL_RULES: RuleName[] = ["appeals", "undecided", "deadline", "cameras", "watchers", "reporting", "reward", "grades", "cosigner"];
const RECORD_RULES: RuleName[] = ["cameras", "watchers", "reporting", "reward", "appeals", "undecided", "deadline", "grades", "cosigner"];
const GRADE_RULES: RuleName[] = ["grades", "cosigner", "reward", ...APPEAL_RULES.filter((r) => r !== "grades" && r !== "cosigner" && r !== "reward")];
const COSIGNER_RULES: RuleName[] = ["cosigner", ...GRADE_RULES.filter((r) => r !== "cosigner")];

/**
 * Of the grades both streets have, the one whose lowest score lies furthest apart between them
 * (the better grade of equals), and whether others differ too; undefined when none differs.
 */
function gradeApart(a: StreetRules, b: StreetRules): { id: string; label: LocalText; others: boolean } | undefined {
  const apart = a.grades.flatMap((g) => {
    const min = b.grades.find((x) => x.id === g.id)?.min ?? null;
    return g.min !== null && min !== null && min !== g.min ? [{ id: g.id, label: g.label, gap: Math.abs(min - g.min) }] : [];
  });
  const widest = apart.reduce<(typeof apart)[number] | undefined>((best, g) => (!best || g.gap > best.gap ? g : best), undefined);
  return widest && { id: widest.id, label: widest.label, others: apart.length > 1 };
}

function differs(a: StreetRules, b: StreetRules, rule: RuleName): boolean {
  switch (rule) {
    case "appeals":
      return a.appeals !== b.appeals;
    case "undecided":
      return a.appeals && b.appeals && a.undecided !== b.undecided;
    case "deadline":
      return a.appeals && b.appeals && a.deadlineEvenings !== b.deadlineEvenings;
    case "cameras":
      return a.cameraErrorRate !== b.cameraErrorRate || a.cameras !== b.cameras;
    case "watchers":
      return a.secretWatchers !== b.secretWatchers;
    case "reporting":
      return a.reporting !== b.reporting;
    case "reward":
      return a.reporting && b.reporting && a.reportingReward !== b.reportingReward;
    case "cosigner":
      return a.cosignerPoints !== b.cosignerPoints;
    case "grades":
      return gradeApart(a, b) !== undefined;
  }
}

function cosignerWords(points: number | null): PromptParam {
  if (points === null) return { key: "eventDebrief.rule.cosigner.none" };
  return points === 0 ? { key: "eventDebrief.rule.cosigner.free" } : { key: "eventDebrief.rule.cosigner.loses", params: { count: -points } };
}

function ruleWords(r: StreetRules, rule: Exclude<RuleName, "grades">): PromptParam {
  switch (rule) {
    case "appeals":
      return { key: `eventDebrief.rule.appeals.${r.appeals ? "on" : "off"}` };
    case "undecided":
      return { key: `eventDebrief.rule.undecided.${r.undecided}` };
    case "deadline":
      return { key: "eventDebrief.rule.deadline", params: { count: r.deadlineEvenings } };
    case "cameras":
      return { key: r.cameraErrorRate > 0 ? "eventDebrief.rule.camerasErr" : "eventDebrief.rule.cameras", params: { count: r.cameras, percent: Math.round(r.cameraErrorRate * 100) } };
    case "watchers":
      return { key: `eventDebrief.rule.watchers.${r.secretWatchers ? "secret" : "known"}` };
    case "reporting":
      return { key: `eventDebrief.rule.reporting.${r.reporting ? "on" : "off"}` };
    case "reward":
      return { key: "eventDebrief.rule.reward", params: { count: r.reportingReward } };
    case "cosigner":
      return cosignerWords(r.cosignerPoints);
  }
}

/**
 * The first rule (in `order`) that sets `a` apart from `b`, as words for each (" (an appeal
 * nobody decides is reversed)"), or empty text when their rules are the same.
 */
function contrast(a: StreetRules, b: StreetRules, order: readonly RuleName[]): [PromptParam, PromptParam] {
  const rule = order.find((r) => differs(a, b, r));
  if (!rule) return ["", ""];
  if (rule !== "grades") return [ruleWords(a, rule), ruleWords(b, rule)];
  // one grade named for both streets, each with its own lowest score
  const grade = gradeApart(a, b)!;
  const words = (r: StreetRules): PromptParam => ({
    key: grade.others ? "eventDebrief.rule.gradeAmong" : "eventDebrief.rule.grade",
    params: { grade: grade.label, min: r.grades.find((g) => g.id === grade.id)!.min! },
  });
  return [words(a), words(b)];
}

/** One rule of the side-by-side table: its name and each street's value, as words. */
export type RuleRow = { label: PromptParam; values: PromptParam[] };

const NONE: PromptParam = { key: "eventDebrief.table.none" };

/**
 * The rules side by side, one row per rule (a grade's lowest score for each grade some street
 * starts at a score; the cosigner penalty only where some street has loans).
 */
export function ruleRows(streets: readonly StreetFigures[]): RuleRow[] {
  const r = (k: string, params?: Record<string, number | LocalText>): PromptParam => ({ key: `eventDebrief.ruleRow.${k}`, ...(params ? { params } : {}) });
  const row = (k: string, value: (s: StreetRules) => PromptParam): RuleRow => ({ label: r(k), values: streets.map((s) => value(s.rules)) });
  const rows = [
    row("appeals", (s) => r(s.appeals ? "on" : "off")),
    row("undecided", (s) => (s.appeals ? r(s.undecided) : NONE)),
    row("deadline", (s) => (s.appeals ? s.deadlineEvenings : NONE)),
    row("cameras", (s) => r("camerasValue", { count: s.cameras, percent: Math.round(s.cameraErrorRate * 100) })),
    row("watchers", (s) => r(s.secretWatchers ? "secret" : "known")),
    row("reporting", (s) => r(s.reporting ? "on" : "off")),
    row("reward", (s) => (s.reporting ? r("money", { count: s.reportingReward }) : NONE)),
  ];
  if (streets.some((s) => s.rules.cosignerPoints !== null)) rows.push(row("cosigner", (s) => (s.cosignerPoints === null ? NONE : r("points", { count: -s.cosignerPoints }))));
  const graded = new Map<string, LocalText>();
  for (const s of streets) for (const g of s.rules.grades) if (g.min !== null && !graded.has(g.id)) graded.set(g.id, g.label);
  for (const [id, label] of graded) {
    rows.push({ label: r("gradeFrom", { grade: label }), values: streets.map((s) => s.rules.grades.find((g) => g.id === id)?.min ?? NONE) });
  }
  return rows;
}

type Kind = {
  kind: PromptKind;
  /** How much this kind of difference matters to a class, beside the others (ties go to the earlier kind). */
  weight: number;
  /** The street's value on it; null where the street has nothing to say on it. */
  value: (s: StreetFigures) => number | null;
  /** The size of a difference that counts as complete (1): by default the larger value. */
  scale?: (hi: number, lo: number, all: readonly StreetFigures[]) => number;
  /** The rules to name the pair by, closest to the question first. */
  rules: readonly RuleName[];
  /** Only pairs whose rules differ so: the furthest apart such pair (by default any pair, the lowest and the highest street). */
  when?: RuleName;
  /** Words for the pair: `a` is the street lower on the value, `b` the higher. */
  words: (a: StreetFigures, b: StreetFigures) => Record<string, PromptParam>;
};

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const measured = (s: StreetFigures, m: string) => s.measures.find((r) => r.measure === m)?.value ?? null;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

const KINDS: Kind[] = [
  {
    kind: "wrongful_stayed", weight: 1, rules: APPEAL_RULES,
    value: (s) => s.truth.wrongfulStayed,
    words: (a, b) => ({ aLifted: a.truth.wrongfulLifted, aStayed: a.truth.wrongfulStayed, bStayed: b.truth.wrongfulStayed, bWrongful: b.truth.wrongful }),
  },
  {
    kind: "appeals_undecided", weight: 0.95, rules: APPEAL_RULES,
    value: (s) => (s.rules.appeals ? s.appeals.byPolicy + s.appeals.pending : null),
    words: (a, b) => ({ aCount: a.appeals.byPolicy + a.appeals.pending, aFiled: a.appeals.filed, bCount: b.appeals.byPolicy + b.appeals.pending, bFiled: b.appeals.filed }),
  },
  {
    kind: "camera_errors", weight: 0.9, rules: RECORD_RULES,
    value: (s) => s.truth.cameraFalse,
    words: (a, b) => ({ aCount: a.truth.cameraFalse, bCount: b.truth.cameraFalse }),
  },
  {
    kind: "appeals_reversed", weight: 0.85, rules: APPEAL_RULES,
    value: (s) => (s.rules.appeals ? s.appeals.reversed + s.appeals.byPolicyReversed : null),
    words: (a, b) => ({
      aReversed: a.appeals.reversed + a.appeals.byPolicyReversed, aFiled: a.appeals.filed,
      bReversed: b.appeals.reversed + b.appeals.byPolicyReversed, bFiled: b.appeals.filed,
    }),
  },
  {
    kind: "appeals_wait", weight: 0.8, rules: APPEAL_RULES,
    value: (s) => s.appeals.averageWait,
    scale: (hi) => Math.max(hi, 1),
    words: (a, b) => ({ aWait: oneDecimal(a.appeals.averageWait ?? 0), bWait: oneDecimal(b.appeals.averageWait ?? 0), bLongest: b.appeals.longestWait }),
  },
  {
    kind: "false_entries", weight: 0.75, rules: RECORD_RULES,
    value: (s) => s.truth.falseEntries,
    words: (a, b) => ({ aFalse: a.truth.falseEntries, aEntries: a.truth.entries, bFalse: b.truth.falseEntries, bEntries: b.truth.entries, bPublished: b.truth.falsePublished }),
  },
  {
    kind: "listings", weight: 0.7, rules: APPEAL_RULES,
    value: (s) => s.truth.listings,
    words: (a, b) => ({ aCount: a.truth.listings, aPlayers: a.players, bCount: b.truth.listings, bPlayers: b.players }),
  },
  {
    // a default that cost a cosigner a grade in one street and none in the other, where cosigners pay differently
    kind: "cosigner_drop", weight: 0.65, rules: COSIGNER_RULES, when: "cosigner",
    value: (s) => (s.rules.cosignerPoints === null ? null : measured(s, "games_with_cosigner_drop")),
    words: () => ({}),
  },
  {
    kind: "restricted_share", weight: 0.62, rules: GRADE_RULES, when: "grades",
    value: (s) => measured(s, "restricted_share"),
    scale: () => 1,
    words: (a, b) => ({ aPercent: Math.round(measured(a, "restricted_share")! * 100), bPercent: Math.round(measured(b, "restricted_share")! * 100) }),
  },
  {
    kind: "score_spread", weight: 0.6, rules: APPEAL_RULES,
    value: (s) => (s.scores.points && s.scores.finals.length > 1 ? s.scores.spread : null),
    words: (a, b) => ({ aLow: a.scores.finals[0]!, aHigh: a.scores.finals.at(-1)!, bLow: b.scores.finals[0]!, bHigh: b.scores.finals.at(-1)! }),
  },
  {
    kind: "perk_share", weight: 0.58, rules: GRADE_RULES, when: "grades",
    value: (s) => measured(s, "perk_grade_share"),
    scale: () => 1,
    words: (a, b) => ({ aPercent: Math.round(measured(a, "perk_grade_share")! * 100), bPercent: Math.round(measured(b, "perk_grade_share")! * 100) }),
  },
  {
    kind: "score_average", weight: 0.55, rules: APPEAL_RULES,
    value: (s) => (s.scores.points ? s.scores.average : null),
    // a gap as wide as the widest street's spread of scores is as striking as it gets
    scale: (_hi, _lo, all) => Math.max(1, ...all.map((s) => s.scores.spread)),
    words: (a, b) => ({ aAverage: a.scores.average ?? 0, bAverage: b.scores.average ?? 0, start: a.scores.start }),
  },
  {
    kind: "recorded", weight: 0.5, rules: RECORD_RULES,
    value: (s) => (s.truth.deeds > 0 ? s.truth.recorded / s.truth.deeds : null),
    scale: () => 1,
    words: (a, b) => ({ aRecorded: a.truth.recorded, aDeeds: a.truth.deeds, aPercent: percent(a.truth.recorded, a.truth.deeds), bRecorded: b.truth.recorded, bDeeds: b.truth.deeds, bPercent: percent(b.truth.recorded, b.truth.deeds) }),
  },
];

type Pair = { lo: StreetFigures; hi: StreetFigures; loV: number; hiV: number };

/** The street lowest and the street highest on a value (the first of equals), or null without two values. */
function extremes(streets: readonly StreetFigures[], value: (s: StreetFigures) => number | null): Pair | null {
  let out: Pair | null = null;
  for (const s of streets) {
    const v = value(s);
    if (v === null) continue;
    if (!out) out = { lo: s, hi: s, loV: v, hiV: v };
    else if (v < out.loV) Object.assign(out, { lo: s, loV: v });
    else if (v > out.hiV) Object.assign(out, { hi: s, hiV: v });
  }
  return out && out.lo !== out.hi ? out : null;
}

/** The pair furthest apart on a value among those whose rules differ on `rule` (the first of equals), or null. */
function furthestDiffering(streets: readonly StreetFigures[], value: (s: StreetFigures) => number | null, rule: RuleName): Pair | null {
  let out: Pair | null = null;
  for (const lo of streets) {
    for (const hi of streets) {
      const loV = value(lo);
      const hiV = value(hi);
      if (loV === null || hiV === null || hiV <= loV || !differs(lo.rules, hi.rules, rule)) continue;
      if (!out || hiV - loV > out.hiV - out.loV) out = { lo, hi, loV, hiV };
    }
  }
  return out;
}

function pairPrompt(kind: PromptKind, key: string, lo: StreetFigures, hi: StreetFigures, strength: number, words: Record<string, PromptParam>, rules: readonly RuleName[]): ComparePrompt {
  const [aRule, bRule] = contrast(lo.rules, hi.rules, rules);
  return { kind, key, params: { a: lo.name, b: hi.name, aRule, bRule, ...words }, streets: [lo.code, hi.code], strength };
}

/** Every figure the table shows, by the string that names it: what the fallback prompt looks through. */
function everyFigure(s: StreetFigures): [string, number][] {
  const out: [string, number][] = [
    ["players", s.players], ["days", s.daysPlayed], ["deeds", s.truth.deeds], ["entries", s.truth.entries], ["falsePublished", s.truth.falsePublished],
    ["wrongful", s.truth.wrongful], ["lifted", s.truth.wrongfulLifted], ["appealsFiled", s.appeals.filed], ["upheld", s.appeals.upheld],
    ["pending", s.appeals.pending], ["longestWait", s.appeals.longestWait],
  ];
  s.listedByDay.forEach((n, i) => out.push([`listedOnDay.${i + 1}`, n]));
  for (const r of s.measures) if (r.value !== null) out.push([`measure.${r.name}`, r.value]);
  return out;
}

/** The one figure on which two streets differ most, for an event where no kind of prompt applies. */
function differingFigure(streets: readonly StreetFigures[]): ComparePrompt | null {
  const figures = streets.map((s) => new Map(everyFigure(s)));
  let best: { name: string; lo: StreetFigures; hi: StreetFigures; loV: number; hiV: number; rel: number } | null = null;
  for (const name of new Set(figures.flatMap((f) => [...f.keys()]))) {
    const pair = extremes(streets, (s) => figures[streets.indexOf(s)]!.get(name) ?? null);
    if (!pair || pair.hiV === pair.loV) continue;
    const rel = (pair.hiV - pair.loV) / Math.max(Math.abs(pair.hiV), Math.abs(pair.loV), 1e-9);
    if (!best || rel > best.rel) best = { name, ...pair, rel };
  }
  if (!best) return null;
  const shown = (v: number) => (best.name.startsWith("measure.") && Math.abs(v) <= 1 && !Number.isInteger(v) ? `${Math.round(v * 100)} %` : String(oneDecimal(v)));
  const [what, day] = best.name.startsWith("listedOnDay.") ? ["listedOnDay", Number(best.name.split(".")[1])] : [best.name.replace(/\[.*$/, ""), 0];
  return pairPrompt("figure_differs", `${KEY}.figureDiffers`, best.lo, best.hi, 0.1 * best.rel, {
    what: { key: `eventDebrief.figure.${what}`, params: { day } }, aValue: shown(best.loV), bValue: shown(best.hiV),
  }, APPEAL_RULES);
}

/** The comparison prompts of an event, most striking first. */
export function comparePrompts(streets: readonly StreetFigures[]): ComparePrompt[] {
  if (streets.length < 2) return [];
  const out: ComparePrompt[] = [];
  KINDS.forEach((k, order) => {
    const pair = k.when ? furthestDiffering(streets, k.value, k.when) : extremes(streets, k.value);
    if (!pair || pair.hiV <= pair.loV) return;
    const scale = k.scale ? k.scale(pair.hiV, pair.loV, streets) : Math.max(Math.abs(pair.hiV), 1);
    const strength = k.weight * Math.min(1, (pair.hiV - pair.loV) / scale);
    out.push({ ...pairPrompt(k.kind, `${KEY}.${k.kind}`, pair.lo, pair.hi, strength, k.words(pair.lo, pair.hi), k.rules), strength: strength - order * 1e-6 });
  });
  out.sort((a, b) => b.strength - a.strength);
  if (out.length > 0) return out;
  const differs = differingFigure(streets);
  if (differs) return [differs];
  return [{ kind: "alike", key: `${KEY}.alike`, params: { count: streets.length }, streets: [], strength: 0 }];
}
