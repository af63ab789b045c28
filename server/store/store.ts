/**
 * What the server keeps: sessions, their append-only event logs and the hashes of seat tokens.
 * One interface so the room never knows which database holds it; SQLite is the embedded default.
 */
import type { DistrictPlan, Placed } from "../../shared/district/plan.ts";

export type SessionRecord = {
  id: string;
  code: string;
  scenarioId: string;
  hostTokenHash: string;
  createdAt: number;
  expiresAt: number;
  endedAt: number | null;
};

export type StoredEvent = {
  seq: number;
  at: number;
  type: string;
  /** The whole event as JSON-ready data (it repeats `type`). */
  data: unknown;
};

/** What an append may record beside the events, in the same transaction. */
export type AppendExtras = {
  /** A new seat's token hash, so a seat never exists without its token. */
  seat?: { tokenHash: string; seatId: string };
  /** The command these events answer ("actor:id"), so a retry after a restart is answered, not applied again. */
  commandKey?: string;
  /** A player's seat moved (they took over a bot's seat): their token now holds `to`. */
  moveSeat?: { from: string; to: string };
};

/** An event of several neighbourhoods (a "district" in code: see shared/district/plan.ts). */
export type DistrictRecord = {
  id: string;
  code: string;
  hostTokenHash: string;
  createdAt: number;
  expiresAt: number;
  plan: DistrictPlan;
  /** The neighbourhood arrivals go to while it has room (session code), or none. */
  pinned: string | null;
};

/**
 * Every method is asynchronous: the embedded SQLite store answers at once, a networked one
 * (PostgreSQL) over the wire. A read sees every append made before it.
 */
export interface Store {
  createSession(session: Omit<SessionRecord, "endedAt">): Promise<void>;
  sessionByCode(code: string): Promise<SessionRecord | undefined>;
  /** Sessions not ended and not expired at `now`: reopened after a restart. */
  openSessions(now: number): Promise<SessionRecord[]>;
  countOpenSessions(now: number): Promise<number>;
  /**
   * Stores `events`, numbered from `firstSeq` on, with `extras`, atomically; resolves once they
   * are stored as durably as the store promises. The room numbers its events and decides the next
   * command without waiting, so appends of one session are stored in the order they were made, and
   * when one fails, those of the same session that waited with it fail too (they were decided on
   * top of it). Numbers already taken fail the append: one room holds a session at a time.
   */
  append(sessionId: string, firstSeq: number, events: readonly { type: string }[], at: number, extras?: AppendExtras): Promise<void>;
  /** Every command id ("actor:id") stored for a session, with the seq it reached: the room answers retries from these. */
  acknowledged(sessionId: string): Promise<Map<string, number>>;
  events(sessionId: string): Promise<StoredEvent[]>;
  /** The seat a seat token (its hash) holds. */
  seatForToken(sessionId: string, tokenHash: string): Promise<string | undefined>;
  endSession(sessionId: string, at: number): Promise<void>;
  deleteSession(sessionId: string): Promise<void>;
  /** Deletes every session (and event) whose retention ran out; returns how many sessions. */
  deleteExpired(now: number): Promise<number>;
  createDistrict(district: Omit<DistrictRecord, "pinned">): Promise<void>;
  districtByCode(code: string): Promise<DistrictRecord | undefined>;
  pinDistrict(districtId: string, pinned: string | null): Promise<void>;
  /**
   * The neighbourhood of the arrival holding `ticket`: the one it was given before, or the one
   * `choose` picks from how many each was given so far (decided and recorded atomically, so
   * arrivals at the same moment, through any process, are counted one after another).
   */
  placeInDistrict(districtId: string, ticket: string, choose: (placed: Placed) => string, at: number): Promise<string>;
  /** The host moved a placed arrival to another neighbourhood (false: no such ticket). */
  movePlacement(districtId: string, ticket: string, to: string): Promise<boolean>;
  /** How many arrivals each neighbourhood was given. */
  placedCounts(districtId: string): Promise<Placed>;
  /** The event and its placements (its neighbourhoods are sessions, deleted as sessions are). */
  deleteDistrict(districtId: string): Promise<void>;
  close(): Promise<void>;
}
