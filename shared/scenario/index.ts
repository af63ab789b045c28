/**
 * Scenario loading: shape (zod) first, then cross-references. A file is either accepted whole
 * or refused with every bad field named; nothing is ever half-loaded.
 *
 * @example
 *   const r = parseScenario(JSON.parse(text));
 *   if (!r.ok) for (const e of r.errors) console.log(`${e.path}: ${e.message}`);
 */
import { ScenarioSchema, type Scenario } from "./schema.ts";
import { crossCheck, type ScenarioError } from "./crosscheck.ts";
import { MEASURES } from "./targets.ts";

export * from "./schema.ts";
export * from "./targets.ts";
export type { ScenarioError } from "./crosscheck.ts";

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** `["deeds", 3, "points"]` → `deeds[3].points` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

export function parseScenario(input: unknown): ParseResult {
  const shaped = ScenarioSchema.safeParse(input);
  if (!shaped.success) {
    const errors = shaped.error.issues.map((issue) => {
      // zod reports unknown keys on the parent object; name each key so the author finds it.
      if (issue.code === "unrecognized_keys") {
        const base = formatPath(issue.path);
        return issue.keys.map((k) => ({
          path: base === "(root)" ? k : `${base}.${k}`,
          message: base === "targets" ? `unknown measure (known: ${MEASURES.join(", ")})` : "unknown field",
        }));
      }
      return [{ path: formatPath(issue.path), message: issue.message }];
    });
    return { ok: false, errors: errors.flat() };
  }
  const errors = crossCheck(shaped.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: shaped.data };
}
