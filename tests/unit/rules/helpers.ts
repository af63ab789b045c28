/** Test helpers: load shipped scenarios, seat a small town with fixed roles, run commands. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { parseScenario, type Scenario } from "../../../shared/scenario/index.ts";
import { HOST, CLOCK, applyAll, createRng, newGame, seatActor, type Actor, type Ctx, type Decision, type GameState, type Phase, type Reason, type Role } from "../../../shared/rules/index.ts";
import { decide, type Command } from "../../../shared/commands/index.ts";

export const SCENARIO_DIR = join(import.meta.dirname, "..", "..", "..", "assets", "scenarios");

export function loadScenario(id: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), "utf8")));
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

export const pilot = () => loadScenario("rongcheng-pilot");

export function ctx(now = 1000, seed = 7): Ctx {
  return { now, rng: createRng(seed) };
}

export interface Run {
  state: GameState;
  decision: Decision;
}

/** Decide and apply; returns the new state (unchanged when rejected) and the decision. */
export function run(state: GameState, actor: Actor | string, command: Command, c: Ctx = ctx()): Run {
  const who = typeof actor === "string" ? seatActor(actor) : actor;
  const decision = decide(state, who, command, c);
  return { state: decision.ok ? applyAll(state, decision.events) : state, decision };
}

/** Run and insist it was accepted. */
export function ok(state: GameState, actor: Actor | string, command: Command, c?: Ctx): GameState {
  const r = run(state, actor, command, c);
  if (!r.decision.ok) throw new Error(`${command.kind} rejected: ${r.decision.reason} ${r.decision.detail ?? ""}`);
  return r.state;
}

/**
 * Run and insist it was rejected with `reason`, leaving the state untouched: the state is
 * deep-copied before the command, so a decide() that wrote into its input fails here (comparing
 * the state with itself could not).
 */
export function rejected(state: GameState, actor: Actor | string, command: Command, reason: Reason, c?: Ctx): void {
  const before = structuredClone(state);
  const r = run(state, actor, command, c);
  expect(r.decision.ok ? "accepted" : r.decision.reason).toBe(reason);
  expect(r.decision.ok ? r.decision.events : [], "a refused command emits no events").toEqual([]);
  expect(state, `${command.kind} refused, yet its input changed`).toStrictEqual(before);
  expect(r.state, `${command.kind} refused, yet the state changed`).toStrictEqual(before);
}

/**
 * A started game: seats r1..rN residents, w1.. watchers, o1.. officials, in the morning of day 1.
 */
export function town(
  opts: { residents?: number; watchers?: number; officials?: number; scenario?: Scenario; seed?: number } = {},
): GameState {
  const scenario = opts.scenario ?? pilot();
  let s = newGame(scenario);
  const seats: [string, Role][] = [];
  for (let i = 1; i <= (opts.residents ?? 4); i++) seats.push([`r${i}`, "resident"]);
  for (let i = 1; i <= (opts.watchers ?? 1); i++) seats.push([`w${i}`, "watcher"]);
  for (let i = 1; i <= (opts.officials ?? 1); i++) seats.push([`o${i}`, "official"]);
  for (const [seat, role] of seats) {
    s = ok(s, HOST, { kind: "add_seat", seat, nickname: seat.toUpperCase() });
    s = ok(s, HOST, { kind: "assign_role", seatId: seat, role });
  }
  return ok(s, HOST, { kind: "start" }, ctx(0, opts.seed ?? 1));
}

/** Skip (as the facilitator) until the game reaches `phase` (on this or a later day). */
export function to(state: GameState, phase: Phase): GameState {
  let s = state;
  for (let i = 0; i < 50 && s.phase !== phase; i++) s = ok(s, HOST, { kind: "advance" });
  expect(s.phase).toBe(phase);
  return s;
}

/** Patch one player (test setup only). */
export function withPlayer(state: GameState, seat: string, patch: Partial<GameState["players"][string]>): GameState {
  const p = state.players[seat];
  if (!p) throw new Error(`no seat ${seat}`);
  return { ...state, players: { ...state.players, [seat]: { ...p, ...patch } } };
}

export { HOST, CLOCK };
