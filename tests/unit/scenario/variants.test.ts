/** Variants: a few switches over a base scenario, applied into ordinary scenarios and checked like them. */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../server/clientBuild.ts";
import { parseScenario, type Scenario } from "../../../shared/scenario/index.ts";
import { parseVariants } from "../../../shared/scenario/variants.ts";

const DIR = join(ROOT, "assets/scenarios");
const scenarios = new Map<string, Scenario>();
for (const file of readdirSync(DIR).filter((f) => f.endsWith(".json"))) {
  const parsed = parseScenario(JSON.parse(readFileSync(join(DIR, file), "utf8")));
  if (parsed.ok) scenarios.set(parsed.scenario.id, parsed.scenario);
}
const lookUp = (id: string) => scenarios.get(id);
const label = (en: string) => ({ en, zh: en });
const problems = (input: unknown) => {
  const r = parseVariants(input, lookUp);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe("variants", () => {
  it("apply each variant's switches to the base and nothing else", () => {
    const r = parseVariants(JSON.parse(readFileSync(join(ROOT, "assets/variants/three-streets.json"), "utf8")), lookUp);
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
    const base = scenarios.get("rongcheng-pilot")!;
    const [birch, elm, oak] = r.set.variants.map((v) => v.scenario);
    expect(birch!.appeals).toEqual({ ...base.appeals, undecided: "reversed", deadlineEvenings: 1 });
    expect(elm!.appeals).toEqual({ ...base.appeals, undecided: "upheld", deadlineEvenings: 2 });
    expect(oak!.cameras.errorRate).toBe(0.1);
    expect(oak!.locations.filter((l) => l.camera).map((l) => l.id)).toEqual(base.locations.filter((l) => l.id !== "home").map((l) => l.id));
    // everything a variant does not name is the base's
    const { appeals: _a, id: _i, title: _t, default: _d, ...rest } = birch!;
    const { appeals: _ba, id: _bi, title: _bt, default: _bd, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
    expect(r.set.variants.map((v) => v.scenario.id)).toEqual(["rongcheng-pilot-birch", "rongcheng-pilot-elm", "rongcheng-pilot-oak"]);
    expect(birch!.title.en).toBe("Rongcheng-style pilot: Birch Street: an appeal nobody decides is reversed");
  });

  it("take a whole scenario as the base, and set grade thresholds and the cosigner penalty", () => {
    const demo = JSON.parse(readFileSync(join(DIR, "quick-demo.json"), "utf8")) as Record<string, unknown>;
    const r = parseVariants(
      {
        base: demo,
        variants: [
          { id: "soft", label: label("Soft"), cosignerPoints: 0 },
          { id: "hard", label: label("Hard"), cosignerPoints: -200, grades: { aa: 1010, a: 1000 }, reporting: { reward: 20 }, secretWatchers: true },
        ],
      },
      lookUp,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [soft, hard] = r.set.variants.map((v) => v.scenario);
    expect(soft!.loans?.cosignerPoints).toBe(0);
    expect(hard!.loans?.cosignerPoints).toBe(-200);
    expect(hard!.grades.map((g) => g.min)).toEqual([1025, 1010, 1000, 940, 900, null]);
    expect(hard!.reporting).toEqual({ enabled: true, reward: 20 });
    expect([soft!.roles.watcher.secret, hard!.roles.watcher.secret]).toEqual([false, true]);
  });

  it("refuse a broken file, naming each problem by its path", () => {
    const v = (id: string, more: object = {}) => ({ id, label: label(id), ...more });
    expect(problems({ base: "atlantis", variants: [v("a"), v("b")] })).toEqual(['base: no scenario "atlantis"']);
    expect(problems({ base: "quick-demo", variants: [v("a")] })[0]).toMatch(/^variants: /);
    expect(problems({ base: "quick-demo", variants: [v("a", { colour: "red" }), v("b")] })[0]).toMatch(/^variants\[0\]: /);
    expect(problems({ base: "quick-demo", variants: [v("a"), v("a")] })).toEqual(['variants[1].id: duplicate id "a"']);
    expect(problems({ base: "quick-demo", variants: [v("a", { grades: { zz: 5, d: 3 } }), v("b")] })).toEqual([
      'variants[0].grades.zz: unknown grade "zz"',
      "variants[0].grades.d: the bottom grade has no lowest score",
    ]);
    expect(problems({ base: "quick-demo", variants: [v("a"), v("b", { grades: { b: 1200 } })] })).toEqual(["variants[1] → grades[3].min: thresholds must descend (1200 is not below 995)"]);
    expect(problems({ base: "quick-demo", variants: [v("a", { appeals: { undecided: "maybe" } }), v("b")] })[0]).toMatch(/^variants\[0\]\.appeals\.undecided: /);
  });
});
