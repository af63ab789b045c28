/**
 * Variants: the same town under different rules, for comparing neighbourhoods side by side. A
 * variants file names a base scenario (a built-in id, or a whole scenario) and a few variants,
 * each a small set of switches and numbers over the base — appeals on or off and what an
 * undecided one becomes, the cameras' error rate and where they are, secret or known watchers,
 * the reporting reward, the cosigner penalty, grade thresholds. Applying a variant gives an ordinary scenario, checked like
 * any other, so every problem is named by its path in the variants file.
 */
import { z } from "zod";
import { IdSchema, LocalTextSchema, type Scenario } from "./schema.ts";
import { formatPath, parseScenario } from "./index.ts";
import type { ScenarioError } from "./crosscheck.ts";
import type { LocalText } from "../lang.ts";

/** A variant's short name: its own, or its label up to the first colon ("Birch Street: …" → "Birch Street"). */
export function variantName(v: Variant): LocalText {
  if (v.name) return v.name;
  const short = (text: string) => text.split(/[:：]/)[0]!.trim() || text;
  return { en: short(v.label.en), zh: short(v.label.zh) };
}

export const VariantSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    /** A short name for the neighbourhood at an event ("Birch Street"); the label's part before a colon otherwise. */
    name: LocalTextSchema.optional(),
    appeals: z
      .object({
        enabled: z.boolean().optional(),
        undecided: z.enum(["upheld", "reversed", "pending"]).optional(),
        deadlineEvenings: z.number().int().min(1).max(10).optional(),
      })
      .strict()
      .optional(),
    cameras: z
      .object({
        errorRate: z.number().min(0).max(1).optional(),
        /** The places with a camera, all of them (the base's others lose theirs). */
        at: z.array(IdSchema).max(50).optional(),
      })
      .strict()
      .optional(),
    reporting: z.object({ enabled: z.boolean().optional(), reward: z.number().int().min(0).optional() }).strict().optional(),
    /** Secret watchers: the board shows them as residents. */
    secretWatchers: z.boolean().optional(),
    /** Points for each cosigner of a defaulted loan. */
    cosignerPoints: z.number().int().min(-1000).max(0).optional(),
    /** Lowest score of a grade, by grade id (not the bottom grade). */
    grades: z.record(IdSchema, z.number().int()).optional(),
  })
  .strict();

export type Variant = z.infer<typeof VariantSchema>;

export const VariantsFileSchema = z
  .object({
    /** What the comparison is about, for a host choosing among files. */
    title: LocalTextSchema.optional(),
    /** A scenario of the catalogue by id, or a whole scenario. */
    base: z.union([IdSchema, z.record(z.string(), z.unknown())]),
    variants: z.array(VariantSchema).min(2).max(12),
  })
  .strict();

export type VariantSet = { title?: LocalText; base: Scenario; variants: { variant: Variant; scenario: Scenario }[] };

export type VariantsResult = { ok: true; set: VariantSet } | { ok: false; errors: ScenarioError[] };

/** The base with one variant's switches set: a new scenario, the variant's id and label added to the base's. */
export function applyVariant(base: Scenario, v: Variant): unknown {
  const s = structuredClone(base) as Scenario & Record<string, unknown>;
  s.id = `${base.id}-${v.id}`.slice(0, 48);
  s.title = { en: `${base.title.en}: ${v.label.en}`, zh: `${base.title.zh}：${v.label.zh}` };
  s.default = false;
  if (v.appeals) s.appeals = { ...s.appeals, ...v.appeals };
  if (v.cameras?.errorRate !== undefined) s.cameras = { ...s.cameras, errorRate: v.cameras.errorRate };
  const at = v.cameras?.at;
  if (at) s.locations = s.locations.map((l) => ({ ...l, camera: at.includes(l.id) }));
  if (v.reporting) s.reporting = { ...s.reporting, ...v.reporting };
  if (v.secretWatchers !== undefined) s.roles = { ...s.roles, watcher: { ...s.roles.watcher, secret: v.secretWatchers } };
  if (v.cosignerPoints !== undefined && s.loans) s.loans = { ...s.loans, cosignerPoints: v.cosignerPoints };
  if (v.grades) s.grades = s.grades.map((g) => (v.grades![g.id] !== undefined ? { ...g, min: v.grades![g.id]! } : g));
  return s;
}

/**
 * Reads a variants file: its shape, the base (`lookUp` finds a built-in id), the names each
 * variant uses (places, grades, loans), and each variant's scenario checked like any other.
 */
export function parseVariants(input: unknown, lookUp: (id: string) => Scenario | undefined): VariantsResult {
  const shaped = VariantsFileSchema.safeParse(input);
  if (!shaped.success) return { ok: false, errors: shaped.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  const file = shaped.data;
  let base: Scenario;
  if (typeof file.base === "string") {
    const found = lookUp(file.base);
    if (!found) return { ok: false, errors: [{ path: "base", message: `no scenario "${file.base}"` }] };
    base = found;
  } else {
    const parsed = parseScenario(file.base);
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ ...e, path: `base.${e.path}` })) };
    base = parsed.scenario;
  }
  const errors: ScenarioError[] = [];
  const ids = new Set<string>();
  const variants: VariantSet["variants"] = [];
  file.variants.forEach((v, i) => {
    const at = `variants[${i}]`;
    const before = errors.length;
    if (ids.has(v.id)) errors.push({ path: `${at}.id`, message: `duplicate id "${v.id}"` });
    ids.add(v.id);
    const places = new Set(base.locations.map((l) => l.id));
    v.cameras?.at?.forEach((id, j) => {
      if (!places.has(id)) errors.push({ path: `${at}.cameras.at[${j}]`, message: `unknown location "${id}"` });
    });
    for (const id of Object.keys(v.grades ?? {})) {
      const grade = base.grades.find((g) => g.id === id);
      if (!grade) errors.push({ path: `${at}.grades.${id}`, message: `unknown grade "${id}"` });
      else if (grade.min === null) errors.push({ path: `${at}.grades.${id}`, message: "the bottom grade has no lowest score" });
    }
    if (v.cosignerPoints !== undefined && !base.loans) errors.push({ path: `${at}.cosignerPoints`, message: "the base scenario has no loans" });
    if (errors.length > before) return; // its names are wrong: applying it would only repeat that
    const parsed = parseScenario(applyVariant(base, v));
    if (!parsed.ok) errors.push(...parsed.errors.map((e) => ({ ...e, path: `${at} → ${e.path}` })));
    else variants.push({ variant: v, scenario: parsed.scenario });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, set: { ...(file.title ? { title: file.title } : {}), base, variants } };
}
