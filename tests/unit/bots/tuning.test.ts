/** The bot behaviours the balance rests on (see the closing note of issue 12 and simulate --check). */
import { describe, expect, it } from "vitest";
import { botCommand } from "../../../shared/bots/index.ts";
import { lowScorer } from "../../../shared/bots/context.ts";
import { reportChance } from "../../../shared/bots/resident.ts";
import { playGame } from "../../../shared/sim/index.ts";
import { createRng, type GameState, type PublicPlayer } from "../../../shared/rules/index.ts";
import { HOST, loadScenario, ok, to, town } from "../rules/helpers.ts";

const player = (i: number): PublicPlayer => ({ seat: `r${i}`, nickname: `R${i}`, role: "resident", location: "home", scored: true, score: 1000 - i, grade: "a", blacklisted: false });

describe("bots that tune the town", () => {
  it("tell tales about the lowest third of the board, not always about the very lowest", () => {
    const board = Array.from({ length: 30 }, (_, i) => player(i + 1));
    const rng = createRng(4);
    const picked = new Set(Array.from({ length: 300 }, () => lowScorer(rng, board)!.seat));
    // the ten lowest (r21 … r30), and only those
    expect([...picked].every((seat) => Number(seat.slice(1)) > 20)).toBe(true);
    expect(picked.size).toBeGreaterThan(5);
    // in a small class still among the three lowest
    const few = new Set(Array.from({ length: 100 }, () => lowScorer(rng, board.slice(0, 4))!.seat));
    expect([...few].sort()).toEqual(["r2", "r3", "r4"]);
    // where the board shows no scores, anyone
    const unscored = board.map((p) => ({ ...p, score: null }));
    const anyone = new Set(Array.from({ length: 300 }, () => lowScorer(rng, unscored)!.seat));
    expect(anyone.size).toBeGreaterThan(20);
  });

  it("a fair judge lists on two claims one of which was witnessed, not on one", () => {
    let s: GameState = to(town({ scenario: loadScenario("court-blacklist"), officials: 1 }), "day");
    s = ok(s, "w1", { kind: "move", to: "court", by: "bus" });
    s = ok(s, "r1", { kind: "move", to: "court", by: "bus" });
    s = ok(s, "r1", { kind: "act", action: "ignore_order" });
    const occurrence = Object.keys(s.occurrences)[0]!;
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "ignore_order", basis: "witnessed", occurrence });
    const first = Object.values(s.journal).find((e) => e.source === "watcher")!.id;
    s = ok(s, "o1", { kind: "review", entry: first, decision: "approve" });
    // anything else in the queue (a camera's copy of the same claim) is set aside
    for (const e of Object.values(s.journal)) if (e.status === "pending") s = ok(s, "o1", { kind: "review", entry: e.id, decision: "reject" });
    const judge = (state: GameState) => botCommand(state.scenario, state, "o1", "fair_official", createRng(3));
    expect(judge(s)).toBeNull();
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "hide_assets", basis: "hearsay" });
    const second = Object.values(s.journal).find((e) => e.status === "pending")!.id;
    s = ok(s, "o1", { kind: "review", entry: second, decision: "approve" });
    expect(judge(s)).toMatchObject({ kind: "blacklist", subject: "r1", entries: [first, second] });
  });

  it("a corrupt official reverses a cheap appeal now and then where appeals fall due, never its target's", () => {
    let s: GameState = to(town({ officials: 1 }), "day");
    s = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" });
    s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "litter", basis: "hearsay" });
    for (const id of Object.keys(s.journal)) s = ok(s, "o1", { kind: "review", entry: id, decision: "approve" });
    s = to(s, "night");
    s = ok(s, HOST, { kind: "advance" });
    const [e1, e2] = Object.values(s.journal).map((e) => e.id) as [string, string];
    s = ok(s, "r1", { kind: "appeal", entry: e1, reason: "did_not_happen", evidence: null });
    s = ok(s, "r2", { kind: "appeal", entry: e2, reason: "did_not_happen", evidence: null });
    s = to(s, "evening");
    s = { ...s, players: { ...s.players, o1: { ...s.players.o1!, target: "r1", ally: null } } };
    const decisions = Array.from({ length: 200 }, (_, seed) => botCommand(s.scenario, s, "o1", "corrupt_official", createRng(seed + 1)));
    const reversed = decisions.filter((c) => c?.kind === "decide_appeal" && c.decision === "reverse").map((c) => (c?.kind === "decide_appeal" ? s.appeals[c.appeal]!.appellant : ""));
    expect(reversed.length).toBeGreaterThan(0);
    expect(reversed).not.toContain("r1");
  });

  it("report neighbours more where reports pay: more reports, more of them false, on the same seeds", () => {
    expect([0, 5, 10, 30, 100].map(reportChance)).toEqual([0.02, 0.05, 0.08, 0.2, 0.2]);
    const pilot = loadScenario("rongcheng-pilot");
    const played = (reward: number) => {
      const scenario = { ...pilot, reporting: { enabled: true, reward } };
      let reports = 0;
      let falseReports = 0;
      for (let seed = 1; seed <= 20; seed++) {
        for (const e of Object.values(playGame(scenario, { players: 24, seed }).state.journal)) {
          if (e.source !== "report") continue;
          reports++;
          if (!e.truthful) falseReports++;
        }
      }
      return { reports, falseReports };
    };
    const unpaid = played(0);
    const paid = played(20);
    expect(unpaid.reports).toBeGreaterThan(0);
    expect(paid.reports).toBeGreaterThan(2 * unpaid.reports);
    expect(paid.falseReports).toBeGreaterThan(unpaid.falseReports);
  });
});
