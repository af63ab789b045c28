/**
 * The built-in variants files (`assets/variants/*.json`): ready-made comparisons a host can pick
 * for an event. A file that does not parse against the catalogue is left out and logged, like a
 * broken scenario.
 */
import { readdirSync } from "node:fs";
import { parseVariants, variantName, type VariantSet } from "../shared/scenario/variants.ts";
import type { VariantSetSummary } from "../shared/protocol/http.ts";
import { readJsonFile, type Catalogue, type ScenarioProblem } from "./scenarios.ts";

export type VariantShelf = { list: VariantSetSummary[]; get(id: string): VariantSet | undefined; problems: ScenarioProblem[] };

export function loadVariantShelf(dir: string, catalogue: Catalogue): VariantShelf {
  const sets = new Map<string, VariantSet>();
  const problems: ScenarioProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  } catch {
    // no folder: no built-in comparisons
  }
  for (const file of files) {
    const json = readJsonFile(dir, file, problems);
    if (json === undefined) continue;
    const parsed = parseVariants(json, (id) => catalogue.get(id));
    if (!parsed.ok) problems.push({ file, errors: parsed.errors });
    else sets.set(file.replace(/\.json$/, ""), parsed.set);
  }
  const list = [...sets].map(([id, set]) => ({
    id,
    title: set.title ?? set.base.title,
    base: set.base.id,
    neighbourhoods: set.variants.map(({ variant }) => variantName(variant)),
  }));
  return { list, get: (id) => sets.get(id), problems };
}
