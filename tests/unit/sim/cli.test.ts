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
    for (const args of [["--bogus"], ["--games", "many"], ["--scenario", "atlantis"]]) {
      const r = simulate(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).not.toMatch(/\n\s+at /); // no stack frames
      expect(r.stderr, args.join(" ")).toMatch(/usage: npm run simulate|unknown scenario/);
    }
    const help = simulate("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run simulate");
  }, 30_000);
});
