/**
 * The scenario catalogue with an extra folder (SCENARIOS_DIR): a facilitator's own scenario is
 * offered beside the built-in ones; a broken file and a file reusing a built-in id are refused
 * with the reason named, and nothing else is affected.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "../../server/scenarios.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { tempDir } from "../support/server.ts";

const BUILT_IN = join(ROOT, "assets", "scenarios");

describe("the scenario catalogue", () => {
  it("adds a folder of one's own scenarios and refuses broken files and taken ids", () => {
    const mine = tempDir("gs-my-scenarios-");
    const pilot = JSON.parse(readFileSync(join(BUILT_IN, "rongcheng-pilot.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(mine, "our-school.json"), JSON.stringify({ ...pilot, id: "our-school", default: false }));
    writeFileSync(join(mine, "rongcheng-pilot.json"), JSON.stringify(pilot));
    writeFileSync(join(mine, "half-done.json"), JSON.stringify({ ...pilot, id: "half-done", default: false, grades: [] }));
    writeFileSync(join(mine, "typo.json"), "{ not json");

    const catalogue = loadCatalogue(BUILT_IN, mine);
    const ids = catalogue.list.map((s) => s.id);
    expect(ids).toContain("our-school");
    expect(ids).toEqual(expect.arrayContaining(["rongcheng-pilot", "commercial-credit", "court-blacklist", "quick-demo"]));
    expect(catalogue.list[0]!.id).toBe("rongcheng-pilot"); // the default stays first
    expect(catalogue.get("our-school")?.deeds.length).toBeGreaterThan(0);

    const problems: Record<string, { path: string; message: string }[]> = Object.fromEntries(catalogue.problems.map((p) => [p.file.split("/").pop() ?? "", p.errors]));
    expect(problems["rongcheng-pilot.json"]).toEqual([{ path: "id", message: '"rongcheng-pilot" is already defined by another scenario file' }]);
    expect(problems["half-done.json"]?.map((e) => e.path)).toContain("grades");
    expect(problems["typo.json"]?.[0]?.message).toMatch(/not valid JSON/);
  });
});
