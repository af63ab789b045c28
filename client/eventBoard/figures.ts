/**
 * A neighbourhood's key figures in words, the same on its tile and in the strip that compares
 * them: which figures the hall sees, in which order, and how the game's moment reads.
 */
import { t } from "../i18n.ts";
import type { Figures } from "../../shared/district/figures.ts";
import type { LocalText } from "../../shared/lang.ts";

/** A neighbourhood as the big board knows it (its host token is never kept here). */
export type Street = { code: string; name: LocalText; placed: number };

/** What the hall compares, in order: the listed, the wrongly listed, appeals waiting, the average score. */
export const KEY_FIGURES = [
  { key: "listed", value: (f: Figures) => String(f.blacklisted) },
  { key: "wrongful", value: (f: Figures) => String(f.wrongful) },
  { key: "appeals", value: (f: Figures) => String(f.appealsWaiting) },
  { key: "score", value: (f: Figures) => (f.averageScore === null ? t("eventBoard.noScore") : String(f.averageScore)) },
] as const;

/** "Day 1 of 2 · Evening", as the ordinary board says it; the lobby and the end by their names. */
export function momentOf(f: Figures): string {
  const phase = t(`board.phase.${f.phase}`);
  if (f.phase === "lobby" || f.phase === "ended") return phase;
  return `${t("board.dayOf", { day: f.day, days: f.days })} · ${phase}`;
}
