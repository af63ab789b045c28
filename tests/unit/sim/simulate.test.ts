import { describe, expect, it } from "vitest";
import { replay } from "../../../shared/rules/index.ts";
import { formatSummary, gini, playGame, simulate } from "../../../shared/sim/index.ts";
import { loadScenario } from "../rules/helpers.ts";

describe("simulator", () => {
  const pilot = loadScenario("rongcheng-pilot");

  it("plays a bot-only game to the end, and its log replays to the same state", () => {
    const g = playGame(pilot, { players: 30, seed: 11, keepLog: true });
    expect(g.state.phase).toBe("ended");
    expect(g.state.day).toBe(pilot.phases.days);
    expect(g.events).toBe(g.log.length);
    expect(Object.keys(g.state.journal).length).toBeGreaterThan(20);
    expect(replay(pilot, g.log)).toEqual(g.state);
  });

  it("is deterministic for a seed", () => {
    const a = simulate(pilot, { games: 4, seed: 5, players: 20 });
    const b = simulate(pilot, { games: 4, seed: 5, players: 20 });
    expect(formatSummary(a)).toBe(formatSummary(b));
    expect(a).toEqual(b);
    const c = simulate(pilot, { games: 4, seed: 6, players: 20 });
    expect(c).not.toEqual(a);
  });

  it("the default scenario makes a game worth discussing: listings, some wrongful, some appeals reversed", () => {
    const s = simulate(pilot, { games: 40, seed: 1 });
    expect(s.shareEverBlacklisted).toBeGreaterThan(0);
    // balanced by the experience targets (a listing in most games): still a minority of the town
    expect(s.shareEverBlacklisted).toBeLessThan(0.4);
    expect(s.wrongfulBlacklistings).toBeGreaterThan(0);
    expect(s.appealsReversed).toBeGreaterThan(0);
    expect(s.appealsFiled).toBeGreaterThan(s.appealsReversed);
    // someone falls below C (the listed grade D)
    expect(s.scoreMin).toBeLessThan(pilot.grades.find((g) => g.id === "c")!.min!);
    expect(s.approvalRate.fair_official).toBeLessThan(s.approvalRate.corrupt_official ?? 0);
    const table = formatSummary(s);
    for (const row of ["share ending blacklisted", "wrongful blacklistings", "appeals filed", "score min / median / max", "Gini", "entries per watcher", "approval rate (fair_official)", "secret goals met"]) {
      expect(table).toContain(row);
    }
  });

  it("each secondary scenario plays as its description says", () => {
    const court = simulate(loadScenario("court-blacklist"), { games: 6, seed: 2 });
    expect(court.scoreMin).toBe(court.scoreMax); // no points, only a list
    expect(court.shareEverBlacklisted).toBeGreaterThan(0);
    expect(court.appealsPending).toBeGreaterThan(0); // slow by design: undecided stays pending
    const app = simulate(loadScenario("commercial-credit"), { games: 6, seed: 2 });
    expect(app.entriesPerWatcher).toBe(0); // no watchers: only automated flags
    expect(app.falseEntriesPerGame).toBeGreaterThan(0); // flags sometimes name the wrong person
    const demo = playGame(loadScenario("quick-demo"), { players: 12, seed: 3 });
    expect(demo.state.phase).toBe("ended");
    expect(demo.state.day).toBe(2);
  });

  it("gini is 0 for equal scores and grows with inequality", () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([0, 0, 10])).toBeCloseTo(2 / 3);
  });
});
