/**
 * The numbers and switches of a scenario that the lab lets a facilitator change, grouped as a
 * teacher thinks of them: the score and its grades, deeds, loans, appeals, cameras, reporting,
 * roles, the clock and goal cards. Each field names the scenario path it edits, in the form the
 * scenario check reports problems (`grades[1].min`), so a problem lands next to its field.
 * Labels are string keys, or the scenario's own names (a deed, a grade, a place).
 */
import type { LocalText } from "../../shared/lang.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

/** A string-table key with its values, or a text the scenario names itself. */
export type Label = { key: string; values?: Record<string, unknown>; text?: undefined } | { text: LocalText; key?: undefined };

type Common = { path: string; label: Label; help?: string };
export type Field =
  | (Common & { kind: "number"; min: number; max: number; step?: number; percent?: boolean })
  | (Common & { kind: "check" })
  | (Common & { kind: "choice"; options: readonly string[] })
  /** Whether `item` is in the list at `path` (a grade's perks and restrictions). */
  | (Common & { kind: "member"; item: string });

export type Group = { id: string; fields: Field[] };

const key = (k: string, values?: Record<string, unknown>): Label => (values ? { key: k, values } : { key: k });
const text = (t: LocalText): Label => ({ text: t });

export function groupsFor(s: Scenario): Group[] {
  const groups: Group[] = [];
  const score: Field[] = [];
  if (s.scoring.mode === "points") score.push({ kind: "number", path: "scoring.startScore", label: key("lab.field.startScore"), help: "lab.help.startScore", min: 0, max: 100000 });
  s.grades.forEach((g, i) => {
    if (g.min !== null) score.push({ kind: "number", path: `grades[${i}].min`, label: key("lab.field.gradeMin", { grade: g.label }), ...(i === 0 ? { help: "lab.help.gradeMin" } : {}), min: -100000, max: 100000 });
  });
  groups.push({ id: "score", fields: score });

  const standing: Field[] = [];
  s.grades.forEach((g, i) => {
    for (const perk of s.perks) standing.push({ kind: "member", path: `grades[${i}].perks`, item: perk.id, label: key("lab.field.perkFor", { grade: g.label, perk: perk.label }) });
    for (const restriction of s.restrictions) standing.push({ kind: "member", path: `grades[${i}].restrictions`, item: restriction.id, label: key("lab.field.restrictionFor", { grade: g.label, restriction: restriction.label }) });
  });
  if (standing.length) groups.push({ id: "standing", fields: standing });

  groups.push({ id: "deeds", fields: s.deeds.map((d, i) => ({ kind: "number", path: `deeds[${i}].points`, label: text(d.label), min: -1000, max: 1000 })) });

  if (s.loans) {
    groups.push({
      id: "loans",
      fields: [
        { kind: "number", path: "loans.amount", label: key("lab.field.loanAmount"), help: "lab.help.loanAmount", min: 0, max: 100000 },
        { kind: "number", path: "loans.repay", label: key("lab.field.loanRepay"), help: "lab.help.loanRepay", min: 0, max: 100000 },
        { kind: "number", path: "loans.termDays", label: key("lab.field.loanTerm"), help: "lab.help.loanTerm", min: 1, max: 10 },
        { kind: "number", path: "loans.cosignersRequired", label: key("lab.field.cosigners"), help: "lab.help.cosigners", min: 0, max: 3 },
        { kind: "number", path: "loans.cosignerPoints", label: key("lab.field.cosignerPoints"), help: "lab.help.cosignerPoints", min: -1000, max: 0 },
      ],
    });
  }

  groups.push({
    id: "appeals",
    fields: [
      { kind: "check", path: "appeals.enabled", label: key("lab.field.appealsOn"), help: "lab.help.appealsOn" },
      { kind: "number", path: "appeals.deadlineEvenings", label: key("lab.field.appealDeadline"), help: "lab.help.appealDeadline", min: 1, max: 10 },
      { kind: "choice", path: "appeals.undecided", label: key("lab.field.appealUndecided"), help: "lab.help.appealUndecided", options: ["upheld", "reversed", "pending"] },
      { kind: "number", path: "appeals.maxOpen", label: key("lab.field.appealsOpen"), help: "lab.help.appealsOpen", min: 1, max: 20 },
    ],
  });

  groups.push({
    id: "cameras",
    fields: [
      { kind: "number", path: "cameras.errorRate", label: key("lab.field.cameraError"), help: "lab.help.cameraError", min: 0, max: 100, percent: true },
      ...s.locations.map((l, i): Field => ({ kind: "check", path: `locations[${i}].camera`, label: key("lab.field.cameraAt", { place: l.label }) })),
    ],
  });

  groups.push({
    id: "reporting",
    fields: [
      { kind: "check", path: "reporting.enabled", label: key("lab.field.reportingOn"), help: "lab.help.reportingOn" },
      { kind: "number", path: "reporting.reward", label: key("lab.field.reportingReward"), help: "lab.help.reportingReward", min: 0, max: 100000 },
    ],
  });

  groups.push({
    id: "roles",
    // the scenario's own playing roles, each with its share (observers have none)
    fields: (Object.keys(s.roles) as (keyof Scenario["roles"])[]).map((role): Field => ({
      kind: "number",
      path: `roles.${role}.ratio`,
      label: key("lab.field.roleRatio", { role: s.roles[role].label }),
      ...(role === "resident" ? { help: "lab.help.roleRatio" } : {}),
      min: 0,
      max: 100,
      percent: true,
    })).concat([{ kind: "check", path: "roles.watcher.secret", label: key("lab.field.secretWatchers"), help: "lab.help.secretWatchers" }]),
  });

  groups.push({
    id: "clock",
    fields: [
      { kind: "number", path: "phases.days", label: key("lab.field.days"), help: "lab.help.days", min: 1, max: 10 },
      ...(["morning", "day", "evening", "night"] as const).map((phase): Field => ({ kind: "number", path: `phases.${phase}`, label: key(`lab.field.phase.${phase}`), help: `lab.help.phase.${phase}`, min: 5, max: 3600 })),
    ],
  });

  groups.push({ id: "goals", fields: [{ kind: "number", path: "goalsPerPlayer", label: key("lab.field.goals"), help: "lab.help.goals", min: 0, max: 3 }] });
  return groups;
}

/** `grades[1].min` → `["grades", 1, "min"]`. */
export function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export function getAt(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const k of pathKeys(path)) at = at === null || typeof at !== "object" ? undefined : (at as Record<string | number, unknown>)[k];
  return at;
}

/** Sets the value at `path`, creating the objects on the way (a scenario without `cameras`, say). */
export function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = pathKeys(path);
  let at: Record<string | number, unknown> = root;
  keys.slice(0, -1).forEach((k, i) => {
    if (at[k] === null || typeof at[k] !== "object") at[k] = typeof keys[i + 1] === "number" ? [] : {};
    at = at[k] as Record<string | number, unknown>;
  });
  at[keys[keys.length - 1]!] = value;
}

type DayBound = { day?: number | null; fromDay?: number; check?: { kind?: string; byDay?: number } };

/**
 * After the number of days changed: news cards of a day past the end are left out (they would
 * never be drawn), and goals and purchases due after the end move to the last day, so a shorter
 * game is still a valid scenario.
 */
export function fitToDays(draft: Record<string, unknown>, days: unknown): void {
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1) return;
  const list = (name: string) => (Array.isArray(draft[name]) ? (draft[name] as DayBound[]) : []);
  if (Array.isArray(draft.eventCards)) draft.eventCards = list("eventCards").filter((c) => c.day === null || c.day === undefined || c.day <= days);
  for (const g of list("goals")) if (g.check?.kind === "acquire" && (g.check.byDay ?? 0) > days) g.check.byDay = days;
  for (const s of list("services")) if ((s.fromDay ?? 0) > days) s.fromDay = days;
}
