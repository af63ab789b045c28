/**
 * The wire protocol between the browser and the session room: the version, message names, the
 * replies and notices, and (in schemas.ts) the zod schema of a join request. Commands travel as
 * their contract declares them (shared/commands; the schema is derived in wire.ts). Both sides
 * import this file; it imports no zod itself, so pages stay small. The HTTP API's routes are
 * declared beside it, in http.ts.
 */
import { isReason, type Reason } from "../reasons.ts";

export { Reasons, isReason, REASONS, type Reason } from "../reasons.ts";
export { PROTOCOL_VERSION } from "./version.ts";
export type { JoinRequest } from "./schemas.ts";
export type { WireCommand, CommandKind } from "../commands/index.ts";
import type { Rejection } from "../rules/context.ts";

/** Name of the one room type; its room id is always the session's join code. */
export const SESSION_ROOM = "session";

/** The message type every command travels in (`room.request(COMMAND, …)`). */
export const COMMAND = "cmd";

/** Server → client notices (`room.onMessage(…)`). */
export const Notice = {
  welcome: "welcome",
  farewell: "farewell",
} as const;

/** The answer to every command: accepted with the log position it reached, or the gate's or handler's refusal. */
export type CommandReply = { ok: true; seq: number } | Rejection;

/** Sent once after joining: who the server thinks you are. */
export type Welcome =
  | { as: "player"; seatId: string; nickname: string; code: string }
  | { as: "host"; code: string; scenarioId: string }
  | { as: "board"; code: string };

/** Sent just before the server closes a connection on purpose. */
/** Why the server closes a connection; `to`, for a player sent to another neighbourhood of an event, is where. */
export type Farewell = { reason: Reason; to?: string };

/**
 * A refused join travels as the error message of the failed join: JSON with the reason and,
 * for a taken nickname, a free alternative.
 */
export type JoinRefusal = { reason: Reason; suggestion?: string };

export function encodeRefusal(refusal: JoinRefusal): string {
  return JSON.stringify(refusal);
}

export function decodeRefusal(message: unknown): JoinRefusal | undefined {
  if (typeof message !== "string" || !message.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(message) as { reason?: unknown; suggestion?: unknown };
    if (!isReason(parsed.reason)) return undefined;
    return typeof parsed.suggestion === "string" ? { reason: parsed.reason, suggestion: parsed.suggestion } : { reason: parsed.reason };
  } catch {
    return undefined;
  }
}

/** Close codes the server uses on purpose (4000–4999 are free for applications). */
export const CloseReason = {
  kicked: 4101,
  replaced: 4102,
  sessionEnded: 4103,
  /** The seat token now holds another seat (a bot's): join again to take it. */
  seatMoved: 4104,
  /** At an event, the host sent the player to another neighbourhood (the farewell says which). */
  sentAway: 4105,
} as const;
