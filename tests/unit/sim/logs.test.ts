/**
 * `simulate --logs DIR`: each game is written as the debrief's own export, re-imports through
 * the debrief's import (shared/debrief/import.ts), replays to a finished game, and its raw
 * events give back the measures the simulator printed.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../server/clientBuild.ts";
import { tempDir } from "../../support/server.ts";
import { importJson } from "../../../shared/debrief/import.ts";
import { buildReplay } from "../../../shared/debrief/replay.ts";
import type { MeasureRow } from "../../../shared/sim/index.ts";

const GAMES = 4;

describe("simulate --logs", () => {
  it("writes every game as a debrief export whose raw events give back the printed measures", () => {
    const dir = tempDir("gs-sim-logs-");
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts/simulate.ts"), "--scenario", "rongcheng-pilot", "--games", String(GAMES), "--players", "12", "--seed", "21", "--json", "--logs", dir],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    const [summary] = JSON.parse(r.stdout) as { games: number; falseEntriesPerGame: number; measures: MeasureRow[] }[];
    const value = (name: string) => summary!.measures.find((m) => m.name === name)?.value;

    const files = readdirSync(dir).sort();
    expect(files).toEqual(Array.from({ length: GAMES }, (_, i) => `rongcheng-pilot-12-000${i + 1}.json`));
    let withListing = 0;
    let falseEntries = 0;
    let withCosign = 0;
    let reports = 0;
    for (const file of files) {
      const imported = importJson(readFileSync(join(dir, file), "utf8"));
      if ("problems" in imported) throw new Error(`${file}: ${imported.problems.join("; ")}`);
      expect(imported.log[0]!.event.type).toBe("session_opened");
      expect(buildReplay(imported.log).final.game.phase).toBe("ended");
      // recomputed from the raw events alone, not from the simulator's state
      const events = imported.log.map((l) => l.event);
      if (events.some((e) => e.type === "blacklisted")) withListing++;
      if (events.some((e) => e.type === "loan_cosigned")) withCosign++;
      falseEntries += events.filter((e) => e.type === "entry_written" && !e.entry.truthful).length;
      reports += events.filter((e) => e.type === "entry_written" && e.entry.source === "report").length;
    }
    expect(value("games_with_blacklisting")).toBe(withListing / GAMES);
    expect(value("games_with_cosigned_loan")).toBe(withCosign / GAMES);
    expect(value("false_entries_per_game")).toBe(falseEntries / GAMES);
    expect(summary!.falseEntriesPerGame).toBe(falseEntries / GAMES); // the older figure agrees
    expect(falseEntries).toBeGreaterThan(0);
    expect(reports).toBeGreaterThan(0);
    expect(value("reports_per_game")).toBe(reports / GAMES);
  }, 120_000);
});
