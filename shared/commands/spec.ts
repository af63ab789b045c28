/**
 * How a command kind is declared: its payload (a zod shape), who may send it, in which phases,
 * whether a pause stops it; and its handler — at the game's level (the rules, on the game state
 * alone, as the simulator plays) or at the session's (lobby and game together, as the room
 * holds them). contract.ts declares every kind this way; gate.ts reads these fields and nothing
 * else, so a kind's name appears in its declaration, its handler, its bot and its panel only.
 */
import type { z } from "zod";
import type { LobbyEvent } from "../lobby/lobby.ts";
import type { Reason } from "../reasons.ts";
import type { Actor, Ctx, Decision, GameState, Phase, Role, SeatId, Verdict as Decided } from "../rules/index.ts";
import type { Session, SessionEvent } from "../session/index.ts";
import type { Command } from "./contract.ts";

/** What deciding a session's command gives: lobby and game events, or a rejection. */
export type Verdict = Decided<SessionEvent>;

/**
 * Who may send a kind: the facilitator, the clock, the door (seating a student who joined), a
 * role's players, or `player`: any seated student themself, whatever their role (stepping out).
 */
export type Sender = "host" | "clock" | "door" | "player" | Role;


/**
 * Fresh ids and names the room draws for commands that create something (a bot's seat), free in
 * `session`; and the seats that have a connection right now, which only the room knows.
 */
export type Fresh = { seatId(session: Session): string; botName(session: Session): string; present?(): ReadonlySet<string> };

/** The rules decide it from the game state alone (`seat` is the sender's seat, "" for others). */
export type GameHandler<C> = (game: GameState, seat: SeatId, command: C, ctx: Ctx, actor: Actor) => Decision;
/**
 * What a session-level handler works with: the clock and random source, the sender, what the
 * room draws, and the gate itself for the game-level kinds it passes on (a bot's seat, a kicked one).
 */
export interface Desk {
  ctx: Ctx;
  actor: Actor;
  fresh: Fresh;
  decide(game: GameState, actor: Actor, command: Command): Decision;
}
/** It needs the lobby too (names, seats held, the room's state). */
export type SessionHandler<C> = (session: Session, command: C, desk: Desk) => Verdict;

export interface Spec<P extends z.ZodRawShape = z.ZodRawShape> {
  payload: P;
  who: readonly Sender[];
  phases: readonly Phase[];
  /** Allowed while the facilitator has paused the game: by default, what no role's player sends. */
  whilePaused?: boolean;
  /** Sent by the server to itself (a seat joining, a bot added), never by a client: not in the wire schema. */
  internal?: boolean;
}

/** Declares one kind (keeping whether it is internal, so the wire's types leave those out). */
export const spec = <P extends z.ZodRawShape, I extends boolean = false>(declared: Spec<P> & { internal?: I }): Spec<P> & { internal?: I } => declared;

/** A kind's handler: the rules decide it on the game alone, or the session with the lobby. */
export type Handler<C> = { game: GameHandler<C>; session?: never } | { session: SessionHandler<C>; game?: never };

/** A lobby decision as a verdict. */
export const fromLobby = (decision: { events: LobbyEvent[] } | { reason: Reason; suggestion?: string }): Verdict =>
  "events" in decision ? { ok: true, events: decision.events } : { ok: false, ...decision };
