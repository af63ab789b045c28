/**
 * The public part of a session that Colyseus keeps in sync on every client: the join code, the
 * lobby's seats and whether the room is locked. Nothing here is secret; seat tokens and the
 * host token never enter the state.
 */
import { schema, t, type SchemaType } from "@colyseus/schema";

export const PlayerState = schema(
  {
    seatId: t.string().default(""),
    nickname: t.string().default(""),
    connected: t.boolean().default(false),
    joinedAt: t.number().default(0),
  },
  "Player",
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const SessionState = schema(
  {
    code: t.string().default(""),
    scenarioId: t.string().default(""),
    phase: t.string().default("lobby"),
    locked: t.boolean().default(false),
    maxPlayers: t.number().default(0),
    /** Position of the last stored event: clients can tell a fresh state from a stale one. */
    seq: t.number().default(0),
    players: t.map(PlayerState),
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;
