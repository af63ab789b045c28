/**
 * References between parts of a scenario that zod's shape check cannot see: ids must be
 * unique, names must point at things that exist, grade thresholds must descend. Each problem
 * becomes one error with the path of the field that holds the broken value.
 */
import type { Scenario } from "./schema.ts";
import { checkTargets } from "./targets.ts";

export interface ScenarioError {
  /** Where the problem is, e.g. `deeds[3].points`. */
  path: string;
  message: string;
  /** For the problems an edit in the scenario lab can cause: a name the lab words in the reader's language, with its values. */
  code?: string;
  values?: Record<string, number>;
}

export function crossCheck(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string, code?: string, values?: Record<string, number>) =>
    errors.push({ path, message, ...(code ? { code } : {}), ...(values ? { values } : {}) });

  const unique = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) err(`${name}[${i}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const grades = unique(s.grades, "grades");
  const perks = unique(s.perks, "perks");
  const restrictions = unique(s.restrictions, "restrictions");
  const locations = unique(s.locations, "locations");
  const deeds = unique(s.deeds, "deeds");
  const services = unique(s.services, "services");
  unique(s.eventCards, "eventCards");
  unique(s.goals, "goals");
  for (const id of services) if (deeds.has(id)) err("services", `id "${id}" is both a deed and a service`);
  const items = new Set(s.services.map((sv) => sv.grants));
  const blockable = new Set([...deeds, ...services]);

  const need = (set: Set<string>, id: string, path: string, what: string) => {
    if (!set.has(id)) err(path, `unknown ${what} "${id}"`);
  };

  s.grades.forEach((g, i) => {
    g.perks.forEach((p, j) => need(perks, p, `grades[${i}].perks[${j}]`, "perk"));
    g.restrictions.forEach((r, j) => need(restrictions, r, `grades[${i}].restrictions[${j}]`, "restriction"));
    const last = i === s.grades.length - 1;
    if (last && g.min !== null) err(`grades[${i}].min`, "the bottom grade must have min null (below)");
    if (!last && g.min === null) err(`grades[${i}].min`, "only the bottom grade may have min null");
    const prev = s.grades[i - 1];
    if (prev && prev.min !== null && g.min !== null && g.min >= prev.min) {
      err(`grades[${i}].min`, `thresholds must descend (${g.min} is not below ${prev.min})`, "thresholds_descend", { min: g.min, above: prev.min });
    }
  });
  s.perks.forEach((p, i) =>
    p.discounts.forEach((d, j) => need(services, d.service, `perks[${i}].discounts[${j}].service`, "service")),
  );
  s.restrictions.forEach((r, i) =>
    r.blocks.forEach((b, j) => need(blockable, b, `restrictions[${i}].blocks[${j}]`, "deed or service")),
  );
  need(locations, s.home, "home", "location");
  s.deeds.forEach((d, i) => {
    d.locations.forEach((l, j) => need(locations, l, `deeds[${i}].locations[${j}]`, "location"));
    if (d.range && (d.range.min > d.points || d.range.max < d.points)) {
      err(`deeds[${i}].range`, `range ${d.range.min}..${d.range.max} must contain points ${d.points}`);
    }
    if (d.category === "good" && d.points < 0) err(`deeds[${i}].points`, "a good deed cannot take points away", "good_deed_negative");
    if (d.category === "bad" && d.points > 0) err(`deeds[${i}].points`, "a bad deed cannot add points", "bad_deed_positive");
  });
  s.services.forEach((sv, i) => {
    sv.locations.forEach((l, j) => need(locations, l, `services[${i}].locations[${j}]`, "location"));
    if (sv.opensLoan && !s.loans) err(`services[${i}].opensLoan`, "opens a loan but the scenario has no loans section");
  });
  if (s.loans) {
    need(deeds, s.loans.defaultDeed, "loans.defaultDeed", "deed");
    const d = s.deeds.find((x) => x.id === s.loans?.defaultDeed);
    if (d && d.source !== "system") err("loans.defaultDeed", `deed "${d.id}" must have source "system"`);
  }
  const r = s.roles;
  if (r.resident.ratio + r.watcher.ratio + r.official.ratio <= 0) err("roles", "role ratios must not all be zero", "no_role_share");
  if (r.resident.min + r.watcher.min + r.official.min > s.minPlayers) {
    err("roles", `role minimums exceed minPlayers (${s.minPlayers})`, "role_minimums", { min: s.minPlayers });
  }
  if (s.minPlayers > s.maxPlayers) err("minPlayers", "must not exceed maxPlayers");
  s.eventCards.forEach((c, i) => {
    if (c.day !== null && c.day > s.phases.days) err(`eventCards[${i}].day`, `day ${c.day} is after the last day (${s.phases.days})`);
    c.effects.forEach((e, j) => {
      const p = `eventCards[${i}].effects[${j}]`;
      if (e.kind === "install_camera") need(locations, e.location, `${p}.location`, "location");
      if (e.kind === "set_points" || e.kind === "offer_deed") need(deeds, e.deed, `${p}.deed`, "deed");
    });
  });
  s.goals.forEach((g, i) => {
    const c = g.check;
    const p = `goals[${i}].check`;
    if (c.kind === "acquire") need(items, c.item, `${p}.item`, "item (a service's grants)");
    if (c.kind === "keep_grade" || c.kind === "ally_keeps_grade" || c.kind === "target_down" || c.kind === "ally_ends_grade") {
      need(grades, c.grade, `${p}.grade`, "grade");
    }
    if (c.kind === "acquire" && c.byDay > s.phases.days) err(`${p}.byDay`, `day ${c.byDay} is after the last day`);
    if (g.forTargetOf !== undefined && s.goals.find((x) => x.id === g.forTargetOf)?.check.kind !== "target_down") {
      err(`goals[${i}].forTargetOf`, `"${g.forTargetOf}" is not a goal card that names a target`);
    }
  });
  s.services.forEach((sv, i) => {
    if (sv.fromDay > s.phases.days) err(`services[${i}].fromDay`, `day ${sv.fromDay} is after the last day`);
  });
  s.blacklist.restrictions.forEach((x, j) => need(restrictions, x, `blacklist.restrictions[${j}]`, "restriction"));
  s.blacklist.citable.forEach((x, j) => need(deeds, x, `blacklist.citable[${j}]`, "deed"));
  if (s.blacklist.mode === "grade" && !s.grades.some((g) => g.blacklisted)) {
    err("blacklist.mode", 'mode "grade" needs at least one grade with blacklisted: true');
  }
  if (s.default === true && s.id !== "rongcheng-pilot") err("default", "only rongcheng-pilot may be the default");
  if (s.targets) errors.push(...checkTargets(s.targets, new Set(s.goals.map((g) => g.id))));
  return errors;
}
