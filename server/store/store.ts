/**
 * What the server keeps: sessions, their append-only event logs and the hashes of seat tokens.
 * One interface so the room never knows which database holds it; SQLite is the embedded default.
 */
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

export interface Store {
  createSession(session: Omit<SessionRecord, "endedAt">): void;
  sessionByCode(code: string): SessionRecord | undefined;
  /** Sessions not ended and not expired at `now`: reopened after a restart. */
  openSessions(now: number): SessionRecord[];
  countOpenSessions(now: number): number;
  /**
   * Stores `events`, numbered from `firstSeq` on, with `extras`, atomically; resolves once they
   * are stored as durably as the store promises. The room numbers its events and decides the next
   * command without waiting, so appends of one session are stored in the order they were made, and
   * when one fails, those of the same session that waited with it fail too (they were decided on
   * top of it). Numbers already taken fail the append: one room holds a session at a time.
   */
  append(sessionId: string, firstSeq: number, events: readonly { type: string }[], at: number, extras?: AppendExtras): Promise<void>;
  /** The seq a stored command ("actor:id") reached, or undefined if it was never acknowledged. */
  commandSeq(sessionId: string, key: string): number | undefined;
  events(sessionId: string): StoredEvent[];
  /** Records which seat a token hash holds. */
  bindSeatToken(sessionId: string, tokenHash: string, seatId: string): void;
  seatForToken(sessionId: string, tokenHash: string): string | undefined;
  endSession(sessionId: string, at: number): void;
  deleteSession(sessionId: string): void;
  /** Deletes every session whose retention ran out; returns how many. */
  deleteExpired(now: number): number;
  close(): void;
}
