/**
 * One bot-only game through the engine, start to end, with a simulated clock: bots act in
 * rounds (a shuffled order each round) until none has anything left to do, then the clock
 * advances the phase exactly as a room's timer would.
 *
 * With `measure`, the game also leaves a Tally for the experience measures: every applied event
 * is observed with the states on either side, and at each phase's start, after rounds 1, 2, 4,
 * 8 … and at its end each seat is asked whether a non-trivial command of theirs would pass decide().
 */
import type { Scenario } from "../scenario/index.ts";
import { botCommand, offersFor } from "../bots/index.ts";
import { HOST, CLOCK, apply, createRng, newGame, seatActor, shuffle, viewFor, type Actor, type Ctx, type GameEvent, type GameState, type Personality } from "../rules/index.ts";
import { decide, opensTo, type Command } from "../commands/index.ts";
import { MEASURED_ROLES, type MeasuredRole } from "../scenario/index.ts";
import { finish, gatedServices, newTally, observe, type Tally } from "./measures.ts";

/** Shares of the players seated as careless or random-legal students (the rest fit their role). */
export interface Mix {
  careless?: number;
  random?: number;
}

export interface PlayOptions {
  players: number;
  seed: number;
  /** Keep the event log (for replay tests and `--logs`); off in bulk simulation for speed. */
  keepLog?: boolean;
  /** Rounds of bot turns per phase at most. */
  maxRounds?: number;
  mix?: Mix;
  /** Collect the experience measures' tally. */
  measure?: boolean;
}

export interface PlayedGame {
  state: GameState;
  events: number;
  rejected: number;
  log: GameEvent[];
  /** Clock value (ms) of each logged event. */
  times: number[];
  tally: Tally | null;
}

/** Rounds a careless player sits out at the start of every phase (they act late). */
const LATE_ROUNDS = 2;

/** The seats' bots: `mix` shares drawn at random from the seed, the rest "auto". */
function seatBots(players: number, mix: Mix | undefined, seed: number): (Personality | "auto")[] {
  const bots: (Personality | "auto")[] = Array.from({ length: players }, () => "auto");
  if (!mix) return bots;
  const order = shuffle(createRng((seed ^ 0x85ebca6b) >>> 0), bots.map((_, i) => i));
  const careless = Math.round(players * (mix.careless ?? 0));
  const random = Math.round(players * (mix.random ?? 0));
  order.forEach((i, k) => {
    if (k < random) bots[i] = "random";
    else if (k < random + careless) bots[i] = "careless";
  });
  return bots;
}

function measuredRole(s: GameState, seat: string): MeasuredRole | null {
  const role = s.players[seat]?.role;
  return role && (MEASURED_ROLES as readonly string[]).includes(role) ? (role as MeasuredRole) : null;
}

/** Whether the contract opens any prompted offer on this role's screen in this phase. */
function openKinds(s: GameState, role: MeasuredRole): boolean {
  return offersFor(role).some((o) => o.prompted && opensTo(o.kind, role, s.phase));
}

/**
 * Whether any prompted command the seat could try would pass decide() now: a deed or service
 * where they stand, a loan to cosign, an entry to appeal or review, an observation to journal …
 * (not walking about, and not a report, hearsay or rule proposal, which are always open).
 */
function hasMeaningfulAction(s: GameState, seat: string, probe: Ctx): boolean {
  const role = measuredRole(s, seat);
  // No view to build when the rules open nothing to this role in this phase.
  if (!role || !openKinds(s, role)) return false;
  const view = viewFor(s, { kind: "seat", seat });
  for (const offer of offersFor(role)) {
    if (!offer.prompted || !opensTo(offer.kind, role, s.phase)) continue;
    for (const c of offer.list(s.scenario, view)) if (decide(s, seatActor(seat), c, probe).ok) return true;
  }
  return false;
}

export function playGame(scenario: Scenario, opts: PlayOptions): PlayedGame {
  const rng = createRng(opts.seed);
  const botRng = createRng((opts.seed ^ 0x9e3779b9) >>> 0);
  const ctx: Ctx = { now: 0, rng };
  let state = newGame(scenario);
  let events = 0;
  let rejected = 0;
  const log: GameEvent[] = [];
  const times: number[] = [];
  const tally = opts.measure ? newTally() : null;
  const gated = gatedServices(scenario);
  // witnesses asked for a statement: a witness who had nothing left to do gets turns again, to answer within the phase
  const asked: string[] = [];
  const run = (actor: Actor, command: Command): boolean => {
    ctx.now += 1;
    const d = decide(state, actor, command, ctx);
    if (!d.ok) {
      rejected++;
      return false;
    }
    for (const e of d.events) {
      const before = state;
      state = apply(state, e);
      if (tally) observe(tally, gated, before, e, state);
      if (e.type === "statement_asked") asked.push(e.statement.witness);
      if (opts.keepLog) {
        log.push(e);
        times.push(ctx.now);
      }
    }
    events += d.events.length;
    return true;
  };

  // Availability: which seats had something meaningful to do in the phase under way.
  let available = new Set<string>();
  const probe = () => {
    if (!tally) return;
    const probeCtx: Ctx = { now: ctx.now, rng: createRng(0) };
    for (const seat of state.seats) {
      if (available.has(seat) || measuredRole(state, seat) === null) continue;
      if (hasMeaningfulAction(state, seat, probeCtx)) available.add(seat);
    }
  };
  const closePhase = () => {
    if (!tally) return;
    for (const seat of state.seats) {
      const role = measuredRole(state, seat);
      if (!role) continue;
      tally.phases[role].phases++;
      if (available.has(seat)) tally.phases[role].available++;
    }
    available = new Set();
  };

  const bots = seatBots(opts.players, opts.mix, opts.seed);
  for (let i = 0; i < opts.players; i++) {
    // bots fill the player places; seats beyond the scenario's cap are observers
    const bot = i < scenario.maxPlayers ? bots[i]! : null;
    run(HOST, { kind: "add_seat", seat: `b${i + 1}`, nickname: `Bot ${i + 1}`, bot });
  }
  if (!run(HOST, { kind: "start" })) return { state, events, rejected, log, times, tally };
  const maxRounds = opts.maxRounds ?? 60;
  let guard = 0;
  while (state.phase !== "ended" && guard++ < 100) {
    probe();
    // Bots play every running phase, night included, as the room's bot driver does.
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
        if (p.bot === "careless" && round < LATE_ROUNDS) continue;
        const cmd = botCommand(state.scenario, state, seat, p.bot, botRng);
        if (cmd === null || !run(seatActor(seat), cmd)) {
          if (cmd !== null) failures[seat] = (failures[seat] ?? 0) + 1;
          if (cmd === null || (failures[seat] ?? 0) >= 3) done.add(seat);
        }
        for (const witness of asked.splice(0)) done.delete(witness);
      }
      // after rounds 1, 2, 4, 8 …: what a phase offers changes early (others act, entries
      // arrive), and probing every round would cost more than the game itself
      if (((round + 1) & round) === 0) probe();
    }
    probe();
    closePhase();
    ctx.now = Math.max(ctx.now, state.phaseEndsAt ?? ctx.now);
    run(CLOCK, { kind: "advance" });
  }
  if (tally) finish(tally, state);
  return { state, events, rejected, log, times, tally };
}
