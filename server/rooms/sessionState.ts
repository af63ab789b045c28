/**
 * What Colyseus keeps in sync on the clients. Public: the join code, the lobby, the phase and its
 * deadline, every player's public standing, the published feed — fine-grained fields so a patch
 * carries only what changed. Private: one `PrivateView` per seat (and one for the facilitator),
 * tagged with `.view()`, so each client's StateView holds only its own. Seat tokens and the host
 * token never enter the state.
 */
import { schema, t, type SchemaType } from "@colyseus/schema";

export const PlayerState = schema(
  {
    seatId: t.string().default(""),
    nickname: t.string().default(""),
    connected: t.boolean().default(false),
    joinedAt: t.number().default(0),
    bot: t.boolean().default(false),
    /** "" until roles are dealt. */
    role: t.string().default(""),
    location: t.string().default(""),
    /** Whether the player carries a score (a subject the journal, reports and listings may name). */
    scored: t.boolean().default(false),
    /** Whether the score is shown; `score` means nothing when false. */
    scoreShown: t.boolean().default(false),
    score: t.number().default(0),
    grade: t.string().default(""),
    blacklisted: t.boolean().default(false),
    /** Position in the game's seats (joining order): the stable pseudonym for anonymous screens. */
    pseudonym: t.number().default(0),
  },
  "Player",
);
export type PlayerState = SchemaType<typeof PlayerState>;

/** A published journal entry as the board shows it (the official stays anonymous). */
export const FeedEntry = schema(
  {
    id: t.string().default(""),
    subject: t.string().default(""),
    deed: t.string().default(""),
    hasPoints: t.boolean().default(false),
    points: t.number().default(0),
    day: t.number().default(0),
    status: t.string().default(""),
  },
  "FeedEntry",
);
export type FeedEntry = SchemaType<typeof FeedEntry>;

/**
 * One seat's (or the facilitator's) private part of its view, in sections and records (see
 * shared/protocol/viewWire.ts), so a patch carries only the parts that changed. The fields are
 * tagged `.view()`: a client receives them only for the one PrivateView its StateView holds.
 */
export const PrivateView = schema(
  {
    /** `"$keys"` → the view's keys; each key → its JSON, or a mark for a list or record kept in `items`. */
    parts: t.map("string").view(),
    /** The elements of the lists and the entries of the records named in `parts`, and the shapes they use (shared/protocol/viewWire.ts). */
    items: t.map("string").view(),
    /** The facilitator's view only: every seat's nickname as JSON (the public state has none while the board is anonymous). */
    names: t.string().default("").view(),
  },
  "PrivateView",
);
export type PrivateView = SchemaType<typeof PrivateView>;

export const SessionState = schema(
  {
    code: t.string().default(""),
    scenarioId: t.string().default(""),
    locked: t.boolean().default(false),
    maxPlayers: t.number().default(0),
    /** Position of the last stored event: clients can tell a fresh state from a stale one. */
    seq: t.number().default(0),
    phase: t.string().default("lobby"),
    day: t.number().default(0),
    paused: t.boolean().default(false),
    /** Clock value (ms) when the phase ends; 0 when there is no running timer. */
    phaseEndsAt: t.number().default(0),
    /** Time left (ms) while paused. */
    pausedLeft: t.number().default(0),
    players: t.map(PlayerState),
    feed: t.array(FeedEntry),
    /** Rarely changing public parts of the board (honour roll, blacklist, cards, cameras, points) as JSON. */
    board: t.string().default("{}"),
    /** The rulebook in force (the scenario with rule changes), as JSON: labels, locations, deeds. */
    rulebook: t.string().default("{}"),
    /** The facilitator's broadcasts as JSON ([{at, text}], oldest first). */
    announcements: t.string().default("[]"),
    /** The board shows pseudonyms instead of nicknames. */
    anonymousBoard: t.boolean().default(false),
    /** Private views by seat id (and "host"): every client knows the keys, each sees the fields of one. */
    views: t.map(PrivateView),
  },
  "SessionState",
);
export type SessionState = SchemaType<typeof SessionState>;
