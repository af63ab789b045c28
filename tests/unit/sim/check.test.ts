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

/** One run of the CLI for both scenarios (one process start, not two). */
function check() {
  const args = ["--check", "--scenario", "rongcheng-pilot,quick-demo", "--games", "40", "--sizes", "24", "--seed", "1", "--margin", "2", "--no-random", "--json"];
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/simulate.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
  type Run = { scenario: string; players: number; games: number; gating: boolean; measures: MeasureRow[] };
  return { status: r.status, stderr: r.stderr, runs: JSON.parse(r.stdout || "[]") as Run[] };
}

describe("simulate --check (40 games, 24 players, bands widened by the sample's margin)", () => {
  it("the default scenario and the quick demo stay within their experience targets", () => {
    const { status, stderr, runs } = check();
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(runs.map((r) => [r.scenario, r.players, r.games, r.gating])).toEqual([
      ["quick-demo", 24, 40, true],
      ["rongcheng-pilot", 24, 40, true],
    ]);
    for (const run of runs) {
      // every measure of the catalogue is reported beside its band
      expect(run.measures.map((m) => m.measure)).toEqual(expect.arrayContaining(["perk_grade_share", "goal_met_rate", "meaningful_action_share", "play_minutes"]));
      const out = run.measures.filter((m) => m.band !== null && m.met !== true);
      expect(out.map((m) => `${run.scenario}: ${m.name} = ${m.value} outside ${JSON.stringify(m.band)}`)).toEqual([]);
    }
    expect(status).toBe(0);
  }, 120_000);
});
