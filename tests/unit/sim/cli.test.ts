/** `npm run simulate -- --file <scenario.json>`: a scenario author's own file is checked, then played. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../server/clientBuild.ts";
import { tempDir } from "../../support/server.ts";

function simulate(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/simulate.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("the simulator's --file option", () => {
  it("refuses a broken scenario naming every bad field, and plays a good one", () => {
    const dir = tempDir("gs-sim-");
    const demo = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/quick-demo.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ ...demo, id: "Broken Town", phases: { days: 0 } }));
    const broken = simulate("--file", join(dir, "broken.json"), "--games", "2");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain("id: must be kebab-case");
    expect(broken.stderr).toMatch(/phases\.days: /);
    expect(broken.stdout).toBe("");

    writeFileSync(join(dir, "our-town.json"), JSON.stringify({ ...demo, id: "our-town" }));
    const played = simulate("--file", join(dir, "our-town.json"), "--games", "3", "--json");
    expect(played.status).toBe(0);
    const [summary] = JSON.parse(played.stdout) as { scenario: string; games: number }[];
    expect(summary).toMatchObject({ scenario: "our-town", games: 3 });
  }, 30_000);

  it("answers an unknown option or a bad number with the usage line, not a stack trace", () => {
    for (const args of [["--bogus"], ["--games", "many"], ["--scenario", "atlantis"], ["--mix", "lazy"]]) {
      const r = simulate(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).not.toMatch(/\n\s+at /); // no stack frames
      expect(r.stderr, args.join(" ")).toMatch(/usage: npm run simulate|unknown scenario/);
    }
    const help = simulate("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run simulate");
  }, 30_000);

  it("--variants plays each variant on the same seeds side by side, and refuses a broken file naming each problem", () => {
    const dir = tempDir("gs-sim-");
    writeFileSync(
      join(dir, "broken.json"),
      JSON.stringify({
        base: "quick-demo",
        variants: [
          { id: "a", label: { en: "A", zh: "甲" }, cameras: { at: ["park", "moon"] } },
          { id: "b", label: { en: "B", zh: "乙" }, grades: { aa: 2000 } },
        ],
      }),
    );
    const broken = simulate("--variants", join(dir, "broken.json"), "--games", "2");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('variants[0].cameras.at[1]: unknown location "moon"');
    expect(broken.stderr).toMatch(/variants\[1\] → grades\[1\]\.min: thresholds must descend/);
    expect(broken.stdout).toBe("");

    const played = simulate("--variants", join(ROOT, "assets/variants/three-streets.json"), "--games", "2", "--players", "12", "--json");
    expect(played.status, played.stderr).toBe(0);
    const runs = JSON.parse(played.stdout) as { variant: string; scenario: string; games: number; players: number; mix: object; seed: number }[];
    expect(runs.map((r) => r.variant)).toEqual(["birch", "elm", "oak"]);
    expect(runs.map((r) => r.scenario)).toEqual(["rongcheng-pilot-birch", "rongcheng-pilot-elm", "rongcheng-pilot-oak"]);
    for (const run of runs) expect(run).toMatchObject({ games: 2, players: 12, seed: 1, mix: { careless: 0.2, random: 0.05 } });
    const table = simulate("--variants", join(ROOT, "assets/variants/three-streets.json"), "--games", "2", "--players", "12");
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^rongcheng-pilot, 3 variants on the same seeds/);
    expect(table.stdout).toMatch(/games_with_wrongful_blacklisting(\s+\S+ %( ✗)?){3}\n/);
  }, 60_000);
});
