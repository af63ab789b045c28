/**
 * One bot-only game through the engine, start to end, with a simulated clock: bots act in
 * rounds (a shuffled order each round) until none has anything left to do, then the clock
 * advances the phase exactly as a room's timer would.
 */
import type { Scenario } from "../scenario/index.ts";
import { botCommand } from "../bots/index.ts";
import {
  HOST,
  SYSTEM,
  apply,
  createRng,
  decide,
  newGame,
  seatActor,
  shuffle,
  type Actor,
  type Command,
  type Ctx,
  type GameState,
  type Personality,
} from "../rules/index.ts";

export interface PlayOptions {
  players: number;
  seed: number;
  /** Keep the event log (for replay tests); off in bulk simulation for speed. */
  keepLog?: boolean;
  /** Rounds of bot turns per phase at most. */
  maxRounds?: number;
}

export interface PlayedGame {
  state: GameState;
  events: number;
  rejected: number;
  log: import("../rules/index.ts").GameEvent[];
}

export function playGame(scenario: Scenario, opts: PlayOptions): PlayedGame {
  const rng = createRng(opts.seed);
  const botRng = createRng((opts.seed ^ 0x9e3779b9) >>> 0);
  const ctx: Ctx = { now: 0, rng };
  let state = newGame(scenario);
  let events = 0;
  let rejected = 0;
  const log: PlayedGame["log"] = [];
  const run = (actor: Actor, command: Command): boolean => {
    ctx.now += 1;
    const d = decide(state, actor, command, ctx);
    if (!d.ok) {
      rejected++;
      return false;
    }
    for (const e of d.events) {
      state = apply(state, e);
      if (opts.keepLog) log.push(e);
    }
    events += d.events.length;
    return true;
  };
  for (let i = 0; i < opts.players; i++) {
    // bots fill the player places; seats beyond the scenario's cap are observers
    const bot = i < scenario.maxPlayers ? "auto" : null;
    run(HOST, { kind: "add_seat", seat: `b${i + 1}`, nickname: `Bot ${i + 1}`, bot });
  }
  if (!run(HOST, { kind: "start" })) return { state, events, rejected, log };
  const maxRounds = opts.maxRounds ?? 60;
  let guard = 0;
  while (state.phase !== "ended" && guard++ < 100) {
    if (state.phase !== "night") {
      const done = new Set<string>();
      const failures: Record<string, number> = {};
      for (let round = 0; round < maxRounds && done.size < state.seats.length; round++) {
        for (const seat of shuffle(botRng, state.seats)) {
          if (done.has(seat)) continue;
          const p = state.players[seat];
          if (!p || p.bot === null || p.bot === "auto") {
            done.add(seat);
            continue;
          }
          const cmd = botCommand(state.scenario, state, seat, p.bot as Personality, botRng);
          if (cmd === null || !run(seatActor(seat), cmd)) {
            if (cmd !== null) failures[seat] = (failures[seat] ?? 0) + 1;
            if (cmd === null || (failures[seat] ?? 0) >= 3) done.add(seat);
          } else if (cmd.kind === "ask_statement") {
            // a witness who had nothing left to do gets turns again, to answer within the phase
            done.delete(cmd.witness);
          }
        }
      }
    }
    ctx.now = Math.max(ctx.now, state.phaseEndsAt ?? ctx.now);
    run(SYSTEM, { kind: "advance" });
  }
  return { state, events, rejected, log };
}
