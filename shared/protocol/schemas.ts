/**
 * The zod schema of what each kind of client sends when it joins, with length caps. (Commands'
 * schema is derived from their contract: shared/commands/wire.ts.) The server validates with it;
 * the browser only needs its type, so pages never bundle zod.
 */
import { z } from "zod";
import { NICKNAME_MAX } from "../lobby/nickname.ts";
import { PROTOCOL_VERSION } from "./version.ts";

const token = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** Free text typed for a nickname: capped generously here, then checked by the lobby rules. */
const nicknameInput = z.string().max(NICKNAME_MAX * 4);

/** What each kind of client sends when it joins the room (Colyseus join options). */
export const JoinRequestSchema = z.discriminatedUnion("as", [
  z.strictObject({
    as: z.literal("player"),
    v: z.literal(PROTOCOL_VERSION),
    seatToken: token,
    nickname: nicknameInput.optional(),
    /** At an event, the ticket the player was placed with (so the host can move them: districts/). */
    ticket: token.optional(),
  }),
  z.strictObject({ as: z.literal("host"), v: z.literal(PROTOCOL_VERSION), hostToken: token }),
  z.strictObject({ as: z.literal("board"), v: z.literal(PROTOCOL_VERSION) }),
]);
export type JoinRequest = z.infer<typeof JoinRequestSchema>;
