/**
 * Zod schemas for everything a client sends, with length caps. The server validates with them;
 * the browser only needs their types, so pages never bundle zod.
 */
import { z } from "zod";
import { NICKNAME_MAX } from "../lobby/nickname.ts";
import { PROTOCOL_VERSION } from "./version.ts";

const token = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** Free text typed for a nickname: capped generously here, then checked by the lobby rules. */
const nicknameInput = z.string().max(NICKNAME_MAX * 4);
const seatId = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/);
const commandId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);

/** What each kind of client sends when it joins the room (Colyseus join options). */
export const JoinRequestSchema = z.discriminatedUnion("as", [
  z.strictObject({
    as: z.literal("player"),
    v: z.literal(PROTOCOL_VERSION),
    seatToken: token,
    nickname: nicknameInput.optional(),
  }),
  z.strictObject({ as: z.literal("host"), v: z.literal(PROTOCOL_VERSION), hostToken: token }),
  z.strictObject({ as: z.literal("board"), v: z.literal(PROTOCOL_VERSION) }),
]);
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

/** Lobby commands, all sent by the facilitator (host). */
export const CommandSchema = z.discriminatedUnion("kind", [
  z.strictObject({ id: commandId, kind: z.literal("kick"), seatId }),
  z.strictObject({ id: commandId, kind: z.literal("rename"), seatId, nickname: nicknameInput }),
  z.strictObject({ id: commandId, kind: z.literal("lock") }),
  z.strictObject({ id: commandId, kind: z.literal("unlock") }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandKind = Command["kind"];
