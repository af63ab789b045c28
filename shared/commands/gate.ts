/**
 * The one gate every command passes: a player's, a bot's, the facilitator's, the clock's and a
 * seat joining at the door. It reads the command's declaration (contract.ts) — who may send it,
 * in which phases, whether a pause stops it — and then hands over to its handler. Never mutates.
 *
 *   decide(game, actor, command, ctx)                   — the rules' kinds, on the game alone (the simulator, bots' checks)
 *   decideSession(session, actor, command, ctx, fresh)  — every kind, on lobby and game (the room)
 */
import { Reasons, reject, type Actor, type Ctx, type Decision, type GameState, type Phase, type Rejection, type Role } from "../rules/index.ts";
import type { Session } from "../session/index.ts";
import { CONTRACT, HANDLERS, type Command, type CommandKind } from "./contract.ts";
import type { Fresh, Handler, Sender, Spec, Verdict } from "./spec.ts";

/** Senders that are not a role's players. */
const STAFF: ReadonlySet<Sender> = new Set(["host", "clock", "door"]);

/** The gate's checks, in order; null when the command may go to its handler. */
export function gate(game: GameState, actor: Actor, spec: Spec): Rejection | null {
  const who = spec.who;
  const forPlayers = who.some((w) => !STAFF.has(w));
  if (actor.kind === "board") return reject(Reasons.not_allowed);
  if (actor.kind !== "seat") {
    if (!who.includes(actor.kind)) return reject(forPlayers && !who.includes("host") ? Reasons.wrong_role : Reasons.not_facilitator);
  } else if (!forPlayers) {
    return reject(Reasons.not_facilitator);
  } else if (who.includes("player")) {
    // the student themself (stepping out): not a bot playing their seat
    if (!actor.student) return reject(Reasons.not_allowed);
  } else {
    const p = game.players[actor.seat];
    // a player whose character was handed to a bot watches now
    if (p?.bot && actor.student) return reject(Reasons.played_by_bot);
    if (!p) return reject(Reasons.unknown_seat);
    if (game.phase === "lobby") return reject(Reasons.game_not_started);
    if (game.phase === "ended") return reject(Reasons.game_over);
    if (!p.role || !who.includes(p.role)) return reject(Reasons.wrong_role);
  }
  if (!spec.phases.includes(game.phase)) {
    if (game.phase === "lobby") return reject(Reasons.game_not_started);
    if (game.phase === "ended") return reject(Reasons.game_over);
    return reject(Reasons.wrong_phase);
  }
  if (game.paused && !(spec.whilePaused ?? !forPlayers)) return reject(Reasons.paused);
  return null;
}

type Declared = { spec: Spec; handler: Handler<never> };

function declared(command: Command): Declared | undefined {
  if (!command || typeof command !== "object" || typeof command.kind !== "string" || !Object.hasOwn(CONTRACT, command.kind)) return undefined;
  return { spec: CONTRACT[command.kind] as Spec, handler: HANDLERS[command.kind] as Handler<never> };
}

/**
 * Decide a game-level command on the game state alone. Pure: the same state, actor, command,
 * clock value and random draws always give the same answer. Session-level kinds (the lobby's)
 * are refused here as invalid.
 *
 * @example
 *   const d = decide(state, seatActor("s1"), { kind: "move", to: "market" }, { now, rng });
 *   if (d.ok) state = applyAll(state, d.events); else showReason(d.reason);
 */
export function decide(game: GameState, actor: Actor, command: Command, ctx: Ctx): Decision {
  const found = declared(command);
  if (!found?.handler.game) return reject(Reasons.invalid_command);
  const blocked = gate(game, actor, found.spec);
  if (blocked) return blocked;
  return found.handler.game(game, actor.kind === "seat" ? actor.seat : "", command as never, ctx, actor);
}

/** Decide any command for a session: the room's one entrance. Pure; the room supplies the clock, the random source and fresh ids. */
export function decideSession(session: Session, actor: Actor, command: Command, ctx: Ctx, fresh: Fresh): Verdict {
  const found = declared(command);
  if (!found) return reject(Reasons.invalid_command);
  if (found.handler.game) return decide(session.game, actor, command, ctx);
  const blocked = gate(session.game, actor, found.spec);
  if (blocked) return blocked;
  return found.handler.session!(session, command as never, { ctx, actor, fresh, decide: (game, by, c) => decide(game, by, c, ctx) });
}

/** Whether the contract opens `kind` to a player of `role` in `phase` (before looking at the game itself). */
export function opensTo(kind: CommandKind, role: Role, phase: Phase): boolean {
  const spec: Spec = CONTRACT[kind];
  return spec.who.includes(role) && spec.phases.includes(phase);
}
