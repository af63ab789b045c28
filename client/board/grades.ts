/**
 * Grade badges: a colour from a colour-blind-safe ramp (Okabe–Ito, best grade blue to worst
 * vermilion) always paired with the grade's label, so colour is never the only signal.
 */
import { local } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Scenario } from "../../shared/scenario/index.ts";

const RAMP = ["#0072b2", "#56b4e9", "#009e73", "#f0e442", "#e69f00", "#d55e00"];

/** The colour of the grade at `index` of `count` grades (0 = best). */
export function gradeColour(index: number, count: number): string {
  if (count <= 1) return RAMP[0]!;
  const at = Math.round((index / (count - 1)) * (RAMP.length - 1));
  return RAMP[Math.min(RAMP.length - 1, Math.max(0, at))]!;
}

export function gradeLabel(rulebook: Scenario | null, grade: string): string {
  const found = rulebook?.grades.find((g) => g.id === grade);
  return found ? local(found.label) : grade.toUpperCase();
}

/** A badge: the label in ink on white, with the grade's colour as a thick frame. */
export function gradeBadge(rulebook: Scenario | null, grade: string): HTMLElement {
  const grades = rulebook?.grades ?? [];
  const index = grades.findIndex((g) => g.id === grade);
  const badge = el("span", { class: "grade" }, gradeLabel(rulebook, grade));
  badge.style.setProperty("--grade", gradeColour(Math.max(0, index), grades.length));
  return badge;
}
