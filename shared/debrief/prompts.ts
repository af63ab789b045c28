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

export const STAGES = ["what", "why", "outside"] as const;
export type Stage = (typeof STAGES)[number];
export type PromptParam = string | number | LocalText;
export type Prompt = { id: string; stage: Stage } & ({ key: string; params: Record<string, PromptParam> } | { text: LocalText });

export function prompts(game: GameState, truth: TruthVsRecord, nameOf: (seat: string) => LocalText): Prompt[] {
  const sc = game.scenario;
  const deed = (id: string | null): LocalText => sc.deeds.find((d) => d.id === id)?.label ?? { en: id ?? "?", zh: id ?? "?" };
  const out: Prompt[] = [];
  const add = (id: string, stage: Stage, key: string, params: Record<string, PromptParam>) => out.push({ id, stage, key: `debrief.prompt.${key}`, params });

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

  const waited = truth.appeals.filter((a) => a.waitedEvenings > 0 || a.status === "pending").sort((a, b) => b.waitedEvenings - a.waitedEvenings)[0];
  if (waited) {
    add(`appeal-${waited.id}`, "why", waited.status === "pending" ? "appealPending" : waited.status === "reversed" ? "appealReversed" : "appealUpheld", {
      name: nameOf(waited.appellant), deed: deed(waited.deed), count: waited.waitedEvenings,
    });
  }
  if (truth.totals.deeds > 0) add("unrecorded", "why", "unrecorded", { count: truth.unrecorded.length, total: truth.totals.deeds, falseCount: truth.totals.falseEntries });
  const authors = new Map<string, number>();
  for (const e of Object.values(game.journal)) if (e.source === "watcher" && e.author) authors.set(e.author, (authors.get(e.author) ?? 0) + 1);
  const busiest = [...authors].sort((a, b) => b[1] - a[1])[0];
  if (busiest) add(`watcher-${busiest[0]}`, "why", "busiestWatcher", { name: nameOf(busiest[0]), count: busiest[1] });
  const hearsay = Object.values(game.journal).filter((e) => e.basis === "hearsay" && e.status !== "rejected").length;
  if (hearsay > 0) add("hearsay", "why", "hearsay", { count: hearsay });

  add("outside-records", "outside", "outsideRecords", {});
  sc.debrief.prompts.forEach((text, i) => out.push({ id: `scenario-${i}`, stage: "outside", text }));
  return out;
}
