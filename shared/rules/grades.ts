/**
 * Grades, perks and restrictions: a score maps to exactly one grade of the scenario's table
 * (first grade whose threshold the score reaches), and a grade plus the blacklist decides the
 * perks and restrictions a resident lives with.
 */
import type { Grade, Scenario } from "../scenario/index.ts";

export function gradeFor(scenario: Scenario, score: number): Grade {
  for (const g of scenario.grades) {
    if (g.min === null || score >= g.min) return g;
  }
  // The schema guarantees a bottom grade with min null.
  return scenario.grades[scenario.grades.length - 1] as Grade;
}

export function gradeIndex(scenario: Scenario, gradeId: string): number {
  return scenario.grades.findIndex((g) => g.id === gradeId);
}

/** Perks and restrictions for a grade, with the blacklist's restrictions on top when listed. */
export function standingFor(
  scenario: Scenario,
  gradeId: string,
  blacklisted: boolean,
): { perks: string[]; restrictions: string[] } {
  const g = scenario.grades.find((x) => x.id === gradeId);
  const restrictions = g ? g.restrictions.slice() : [];
  if (blacklisted) {
    for (const r of scenario.blacklist.restrictions) if (!restrictions.includes(r)) restrictions.push(r);
  }
  return { perks: g ? g.perks.slice() : [], restrictions };
}

/** The restriction (if any) that blocks a deed or service for someone holding `restrictions`. */
export function blockingRestriction(scenario: Scenario, restrictions: readonly string[], target: string): string | null {
  for (const id of restrictions) {
    const r = scenario.restrictions.find((x) => x.id === id);
    if (r && r.blocks.includes(target)) return id;
  }
  return null;
}

/** Bus fare after perks and restrictions (a full-fare restriction cancels discounts). */
export function busFare(scenario: Scenario, perks: readonly string[], restrictions: readonly string[]): number {
  const fullFare = restrictions.some((id) => scenario.restrictions.find((r) => r.id === id)?.fullFareBus);
  if (fullFare) return scenario.travel.busFare;
  let discount = 0;
  for (const id of perks) discount = Math.max(discount, scenario.perks.find((p) => p.id === id)?.busDiscount ?? 0);
  return Math.round(scenario.travel.busFare * (1 - discount));
}

/** Money cost of a service after perk discounts (deposit-free rentals). */
export function serviceMoney(scenario: Scenario, perks: readonly string[], service: string, base: number): number {
  let discount = 0;
  for (const id of perks) {
    const perk = scenario.perks.find((p) => p.id === id);
    for (const d of perk?.discounts ?? []) if (d.service === service) discount = Math.max(discount, d.fraction);
  }
  return Math.round(base * (1 - discount));
}

/** Whether a grade puts a resident on the blacklist (grade mode). */
export function isBlacklistGrade(scenario: Scenario, gradeId: string): boolean {
  return scenario.blacklist.mode === "grade" && scenario.grades.some((g) => g.id === gradeId && g.blacklisted);
}
