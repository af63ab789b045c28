/**
 * Debrief prompts: questions drawn from this game's own events (naming players, days and
 * deeds) plus the scenario's own, arranged along a standard debrief sequence — what happened,
 * why it happened, what it means outside the game. Generated prompts are a string key and
 * parameters (the client's string tables word them in each language); names and deed labels
 * are LocalText so the page can switch language without asking again.
 */
import type { LocalText } from "../lang.ts";
import type { GameState } from "../rules/index.ts";
import type { TruthVsRecord } from "./truth.ts";
import type { Stories } from "./stories.ts";
import { badDeeds } from "./charts.ts";

export const STAGES = ["what", "why", "outside"] as const;
export type Stage = (typeof STAGES)[number];
/** Every key the generator words its prompts with (`debrief.prompt.<key>` in the string tables, a plural family where it counts). */
export const PROMPT_KEYS = [
  "wrongfulListing", "hearsayListing", "falsePublished", "biggestDrop", "appealPending", "appealReversed", "appealUpheld", "unrecorded",
  "busiestWatcher", "hearsay", "badDeeds", "outsideRecords", "cosigner", "cosignerGrade", "cameraMistake", "blockedGoal", "blockedGoalTried",
  "officialProtect", "officialTarget", "officialTargetListed", "ruleChanged", "reports",
] as const;
export type PromptKey = (typeof PROMPT_KEYS)[number];
export type PromptParam = string | number | LocalText;
export type Prompt = { id: string; stage: Stage } & ({ key: string; params: Record<string, PromptParam> } | { text: LocalText });

/** `stories` (./stories.ts) adds the prompts on cosigners, cameras, restrictions, officials' goals, rules and reports. */
export function prompts(game: GameState, truth: TruthVsRecord, nameOf: (seat: string) => LocalText, stories?: Stories): Prompt[] {
  const sc = game.scenario;
  const labelOf = (list: readonly { id: string; label: LocalText }[], id: string | null): LocalText => list.find((d) => d.id === id)?.label ?? { en: id ?? "?", zh: id ?? "?" };
  const deed = (id: string | null): LocalText => labelOf(sc.deeds, id);
  const out: Prompt[] = [];
  const add = (id: string, stage: Stage, key: PromptKey, params: Record<string, PromptParam>) => out.push({ id, stage, key: `debrief.prompt.${key}`, params });

  for (const l of truth.shakyListings.slice(0, 3)) {
    const entry = game.journal[l.falseEntries[0] ?? l.hearsayEntries[0] ?? ""];
    add(`listing-${l.seat}-${l.day}`, "what", l.falseEntries.length > 0 ? "wrongfulListing" : "hearsayListing", { name: nameOf(l.seat), day: l.day, deed: deed(entry?.deed ?? null) });
  }
  const published = truth.falseEntries.filter((e) => e.published);
  for (const e of published.slice(0, 2)) {
    add(`false-${e.id}`, "what", "falsePublished", { name: nameOf(e.subject), day: e.day, deed: deed(e.deed) });
  }
  const drops = game.seats
    .map((s) => game.players[s])
    .filter((p) => p?.scored && p.score < sc.scoring.startScore)
    .sort((a, b) => a!.score - b!.score);
  const worst = drops[0];
  if (worst && sc.scoring.mode === "points") add(`drop-${worst.seat}`, "what", "biggestDrop", { name: nameOf(worst.seat), from: sc.scoring.startScore, to: worst.score });
  if (stories) whatPrompts(stories, add, nameOf, deed, labelOf, game);

  const waited = truth.appeals.filter((a) => a.waitedEvenings > 0 || a.status === "pending").sort((a, b) => b.waitedEvenings - a.waitedEvenings)[0];
  if (waited) {
    add(`appeal-${waited.id}`, "why", waited.status === "pending" ? "appealPending" : waited.status === "reversed" ? "appealReversed" : "appealUpheld", {
      name: nameOf(waited.appellant), deed: deed(waited.deed), count: waited.waitedEvenings,
    });
  }
  if (truth.totals.deeds > 0) add("unrecorded", "why", "unrecorded", { unrecorded: truth.unrecorded.length, count: truth.totals.deeds, falseCount: truth.totals.falseEntries });
  const authors = new Map<string, number>();
  for (const e of Object.values(game.journal)) if (e.source === "watcher" && e.author) authors.set(e.author, (authors.get(e.author) ?? 0) + 1);
  const busiest = [...authors].sort((a, b) => b[1] - a[1])[0];
  if (busiest) add(`watcher-${busiest[0]}`, "why", "busiestWatcher", { name: nameOf(busiest[0]), count: busiest[1] });
  const hearsay = Object.values(game.journal).filter((e) => e.basis === "hearsay" && e.status !== "rejected").length;
  if (hearsay > 0) add("hearsay", "why", "hearsay", { count: hearsay });
  if (stories) whyPrompts(stories, add, nameOf, deed);
  // the other side of the argument: did the scores keep order? (deeds that happened, recorded or not)
  const bad = badDeeds(game);
  const total = (i: number) => bad.recorded[i]! + bad.unrecorded[i]!;
  if (bad.days.length >= 2 && bad.days.some((_, i) => total(i) > 0)) {
    add("bad-deeds", "why", "badDeeds", { first: total(0), last: total(bad.days.length - 1), day: bad.days.at(-1)! });
  }

  add("outside-records", "outside", "outsideRecords", {});
  sc.debrief.prompts.forEach((text, i) => out.push({ id: `scenario-${i}`, stage: "outside", text }));
  return out;
}

type Add = (id: string, stage: Stage, key: PromptKey, params: Record<string, PromptParam>) => void;
type Labels = (list: readonly { id: string; label: LocalText }[], id: string | null) => LocalText;

/** What happened: a cosigner marked for someone else's default, a camera that named the wrong person, a goal a restriction closed. */
function whatPrompts(st: Stories, add: Add, nameOf: (seat: string) => LocalText, deed: (id: string | null) => LocalText, labelOf: Labels, game: GameState): void {
  const sc = game.scenario;
  // the hit that hurt most: one that crossed a grade line, else the first
  const hit = st.cosignerHits.find((h) => h.gradeAfter !== h.gradeBefore) ?? st.cosignerHits[0];
  if (hit) {
    const params = { name: nameOf(hit.cosigner), borrower: nameOf(hit.borrower), count: Math.abs(hit.delta), day: hit.day };
    if (hit.gradeAfter !== hit.gradeBefore) add(`cosigner-${hit.loan}-${hit.cosigner}`, "what", "cosignerGrade", { ...params, from: labelOf(sc.grades, hit.gradeBefore), to: labelOf(sc.grades, hit.gradeAfter) });
    else add(`cosigner-${hit.loan}-${hit.cosigner}`, "what", "cosigner", params);
  }
  const mistake = st.cameraMistakes.find((c) => c.published) ?? st.cameraMistakes[0];
  if (mistake) {
    add(`camera-${mistake.entry}`, "what", "cameraMistake", {
      named: nameOf(mistake.named), filmed: nameOf(mistake.filmed), deed: deed(mistake.deed), place: labelOf(sc.locations, mistake.location), day: mistake.day,
    });
  }
  const blocked = st.blockedGoals.find((b) => b.visited.length > 0) ?? st.blockedGoals[0];
  if (blocked) {
    const way = sc.services.find((s) => s.grants === blocked.item);
    const params = { name: nameOf(blocked.seat), item: labelOf(sc.services, way?.id ?? blocked.item), restriction: labelOf(sc.restrictions, blocked.restriction), day: blocked.days[0]! };
    if (blocked.visited.length > 0) add(`blocked-${blocked.seat}-${blocked.goal}`, "what", "blockedGoalTried", { ...params, place: labelOf(sc.locations, way?.locations[0] ?? null) });
    else add(`blocked-${blocked.seat}-${blocked.goal}`, "what", "blockedGoal", params);
  }
}

/** Why it happened: officials' secret goals against their decisions, rules changed by the people applying them, neighbours reporting neighbours. */
function whyPrompts(st: Stories, add: Add, nameOf: (seat: string) => LocalText, deed: (id: string | null) => LocalText): void {
  for (const o of st.officialGoals) {
    const params = { name: nameOf(o.official), other: nameOf(o.other) };
    if (o.aim === "protect" && o.rejectedTrue > 0) add(`official-${o.official}-${o.goal}`, "why", "officialProtect", { ...params, count: o.rejectedTrue });
    else if (o.aim === "target" && o.approvedFalse > 0) add(`official-${o.official}-${o.goal}`, "why", "officialTarget", { ...params, count: o.approvedFalse });
    else if (o.aim === "target" && o.listed > 0) add(`official-${o.official}-${o.goal}`, "why", "officialTargetListed", params);
  }
  const changed = st.rules.find((r) => r.changedDay !== null && r.official);
  if (changed) {
    add(`rule-${changed.deed}-${changed.changedDay}`, "why", "ruleChanged", {
      name: nameOf(changed.official!), deed: deed(changed.deed), from: changed.from, to: changed.to, day: changed.changedDay!, count: changed.approvedAfter,
    });
  }
  if (st.reports.length > 0) {
    add("reports", "why", "reports", { count: st.reports.length, falseCount: st.reports.filter((r) => !r.truthful).length });
  }
}
