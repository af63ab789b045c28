/** Bots that play like students: the random-legal player and the careless one. */
import { describe, expect, it } from "vitest";
import { botCommand, missesPhase } from "../../../shared/bots/index.ts";
import { HOST, CLOCK, apply, createRng, newGame, seatActor, shuffle, type GameState, type Personality } from "../../../shared/rules/index.ts";
import { decide, type Command } from "../../../shared/commands/index.ts";
import { loadScenario } from "../rules/helpers.ts";

/** A game where every seat plays `personality`, each command judged by decide; returns what was sent. */
function playAll(scenarioId: string, personality: Personality, players: number, seed: number) {
  const scenario = loadScenario(scenarioId);
  const rng = createRng(seed);
  const ctx = { now: 0, rng };
  let s: GameState = newGame(scenario);
  const run = (actor: Parameters<typeof decide>[1], c: Command) => {
    ctx.now++;
    const d = decide(s, actor, c, ctx);
    if (d.ok) for (const e of d.events) s = apply(s, e);
    return d;
  };
  for (let i = 0; i < players; i++) run(HOST, { kind: "add_seat", seat: `s${i}`, nickname: `S${i}`, bot: personality });
  expect(run(HOST, { kind: "start" }).ok).toBe(true);
  const sent: { seat: string; day: number; phase: string; command: Command; ok: boolean; reason?: string }[] = [];
  while (s.phase !== "ended") {
    for (let round = 0; round < 8; round++) {
      for (const seat of shuffle(rng, s.seats)) {
        const c = botCommand(scenario, s, seat, personality, rng);
        if (!c) continue;
        const when = { day: s.day, phase: s.phase };
        const d = run(seatActor(seat), c);
        sent.push({ seat, ...when, command: c, ok: d.ok, ...(d.ok ? {} : { reason: d.reason }) });
      }
    }
    ctx.now = Math.max(ctx.now, s.phaseEndsAt ?? ctx.now);
    run(CLOCK, { kind: "advance" });
  }
  return { state: s, sent };
}

describe("random-legal players", () => {
  it("keep their personality in every role and send only commands decide() accepts", () => {
    const { state, sent } = playAll("rongcheng-pilot", "random", 10, 4);
    const roles = new Set(state.seats.map((x) => state.players[x]!.role));
    expect(roles).toEqual(new Set(["resident", "watcher", "official"]));
    for (const seat of state.seats) expect(state.players[seat]!.bot).toBe("random");
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.filter((x) => !x.ok)).toEqual([]);
  });

  it("cover many kinds of command across the roles", () => {
    const kinds = new Set<string>();
    for (const id of ["rongcheng-pilot", "court-blacklist"]) for (const x of playAll(id, "random", 10, 7).sent) kinds.add(x.command.kind);
    for (const k of ["move", "act", "report", "appeal", "write_entry", "review", "decide_appeal"]) expect(kinds).toContain(k);
    expect(kinds.size).toBeGreaterThanOrEqual(9);
  });
});

describe("careless players", () => {
  it("miss some phases (a stable draw per seat, day and phase), not most", () => {
    let missed = 0;
    let total = 0;
    for (let seat = 0; seat < 40; seat++) {
      for (let day = 1; day <= 4; day++) {
        for (const phase of ["morning", "day", "evening", "night"]) {
          total++;
          if (missesPhase(`b${seat}`, day, phase)) missed++;
          expect(missesPhase(`b${seat}`, day, phase)).toBe(missesPhase(`b${seat}`, day, phase));
        }
      }
    }
    expect(missed / total).toBeGreaterThan(0.08);
    expect(missed / total).toBeLessThan(0.25);
  });

  it("play every role, rarely send a command the rules refuse, and sit out the phases they miss", () => {
    const careless = playAll("rongcheng-pilot", "careless", 12, 5);
    for (const seat of careless.state.seats) expect(careless.state.players[seat]!.bot).toBe("careless");
    expect(new Set(careless.state.seats.map((x) => careless.state.players[x]!.role))).toEqual(new Set(["resident", "watcher", "official"]));
    expect(careless.sent.length).toBeGreaterThan(50);
    const refused = careless.sent.filter((x) => !x.ok);
    expect(refused.length / careless.sent.length).toBeLessThan(0.1);
    for (const x of refused) expect(["wrong_role", "wrong_phase"]).not.toContain(x.reason);
    // nothing at all in a phase they miss, and they do miss some
    expect(careless.sent.filter((x) => missesPhase(x.seat, x.day, x.phase))).toEqual([]);
    const days = careless.state.scenario.phases.days;
    const missed = careless.state.seats.flatMap((seat) =>
      Array.from({ length: days }, (_, d) => ["morning", "day", "evening", "night"].filter((ph) => missesPhase(seat, d + 1, ph))).flat(),
    );
    expect(missed.length).toBeGreaterThan(0);
  });
});
