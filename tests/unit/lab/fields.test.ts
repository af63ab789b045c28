/** The scenario lab's fields: every one names a value the scenario holds, and edits keep a scenario the server accepts. */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../server/clientBuild.ts";
import { parseScenario, type Scenario } from "../../../shared/scenario/index.ts";
import { fitToDays, getAt, groupsFor, setAt } from "../../../client/lab/fields.ts";

const DIR = join(ROOT, "assets/scenarios");
const builtIn = () => readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as Record<string, unknown>);

describe("the lab's fields", () => {
  it("name a value of every built-in scenario, of the kind the field edits", () => {
    for (const json of builtIn()) {
      const parsed = parseScenario(json);
      if (!parsed.ok) throw new Error(`${String(json.id)} does not parse`);
      const fields = groupsFor(parsed.scenario).flatMap((g) => g.fields);
      expect(fields.length, String(json.id)).toBeGreaterThan(20);
      for (const field of fields) {
        const value = getAt(parsed.scenario, field.path);
        const kind = { number: "number", check: "boolean", choice: "string", member: "object" }[field.kind];
        expect(typeof value, `${String(json.id)} ${field.path}`).toBe(kind);
      }
    }
  });

  it("set a value where the scenario check reports it, so a problem lands beside its field", () => {
    const fields = new Set(groupsFor(JSON.parse(readFileSync(join(DIR, "quick-demo.json"), "utf8")) as Scenario).flatMap((g) => g.fields.map((f) => f.path)));
    // a shape problem (zod) and a problem between fields (the cross-check) each name the field's path
    const paths: string[] = [];
    for (const [path, value] of [["loans.cosignerPoints", 5], ["grades[3].min", 2000], ["deeds[0].points", -5]] as const) {
      const json = builtIn().find((s) => s.id === "quick-demo")!;
      setAt(json, path, value);
      const parsed = parseScenario(json);
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.path), path).toContain(path);
      paths.push(path);
    }
    for (const path of paths) expect(fields.has(path), path).toBe(true);
  });

  it("keep a shorter game valid: later news cards are left out, later goals and purchases move to the last day", () => {
    for (const json of builtIn()) {
      for (const days of [1, 2]) {
        const copy = structuredClone(json);
        setAt(copy, "phases.days", days);
        fitToDays(copy, days);
        const parsed = parseScenario(copy);
        expect(parsed.ok ? [] : parsed.errors, `${String(json.id)} in ${days} days`).toEqual([]);
      }
    }
  });
});
