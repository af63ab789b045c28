/**
 * The balance guard: `simulate --check` on a smaller sample than the 200-game check, so a change
 * to rules, numbers or bots that pushes a built-in scenario out of its experience targets fails
 * CI. Fixed seed, so it is deterministic (never flaky).
 *
 * Why the bands are widened: 40 games estimate each share with a standard error of at most
 * √(p(1−p)/n) ≤ √(0.25/40) ≈ 0.079 for a per-game share (smaller for per-player shares, which
 * rest on hundreds of players). `--margin 2` widens every band by two such errors (about a
 * 95 % interval at the worst case p = 0.5), so a scenario whose 200-game value lies inside its
 * band is not failed by the sampling noise of 40 games, while a change that moves a measure
 * well outside its band still is. Numeric measures are widened by the same relative amount;
 * play time is not sampled and is never widened.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../../server/clientBuild.ts";
import type { MeasureRow } from "../../../shared/sim/index.ts";

const SCENARIOS = ["rongcheng-pilot", "quick-demo", "court-blacklist", "commercial-credit"];

/** One run of the CLI for one scenario at the three class sizes. */
function check(scenario: string) {
  const args = ["--check", "--scenario", scenario, "--games", "40", "--sizes", "12,24,36", "--seed", "1", "--margin", "2", "--no-random", "--json"];
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/simulate.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
  type Run = { scenario: string; players: number; games: number; gating: boolean; measures: MeasureRow[] };
  return { status: r.status, stderr: r.stderr, runs: JSON.parse(r.stdout || "[]") as Run[] };
}

describe("simulate --check (40 games at 12, 24 and 36 players, bands widened by the sample's margin)", () => {
  it.each(SCENARIOS)("%s stays within its experience targets", (scenario) => {
    const { status, stderr, runs } = check(scenario);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(runs.map((r) => [r.scenario, r.players, r.games, r.gating])).toEqual([
      [scenario, 12, 40, true],
      [scenario, 24, 40, true],
      [scenario, 36, 40, true],
    ]);
    for (const run of runs) {
      // every measure of the catalogue is reported beside its band
      expect(run.measures.map((m) => m.measure)).toEqual(expect.arrayContaining(["perk_grade_share", "goal_met_rate", "meaningful_action_share", "play_minutes"]));
      const out = run.measures.filter((m) => m.band !== null && m.met !== true);
      expect(out.map((m) => `${run.scenario} at ${run.players}: ${m.name} = ${m.value} outside ${JSON.stringify(m.band)}`)).toEqual([]);
    }
    expect(status).toBe(0);
  }, 300_000);
});
