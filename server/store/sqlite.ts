/**
 * The embedded store: one SQLite file in WAL mode through better-sqlite3. The appends of one turn
 * of the event loop are written in one transaction (groupCommit.ts), each in a savepoint of its
 * own, before the rooms acknowledge them; a read first writes what waits. Durability (`DURABILITY`):
 *  - "process" (default, synchronous=NORMAL): the write reaches the operating system before the
 *    reply, so whatever the room acknowledged survives a crash or a kill of the server process;
 *    a power cut or an OS crash can lose the last moment of play. No disk flush per command,
 *    which is what lets one process carry a workshop (the flush was most of the server's time).
 *  - "machine" (synchronous=FULL): also flushed to the disk before the reply, surviving a power
 *    cut, at the cost of one disk flush per command.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { AppendExtras, DistrictRecord, SessionRecord, Store, StoredEvent } from "./store.ts";
import { toSession, type SessionRow } from "./sessionRow.ts";
import { toDistrict, toPlaced, type DistrictRow } from "./districtRow.ts";
import type { Placed } from "../../shared/district/plan.ts";
import { startCheckpointer } from "./checkpointer.ts";
import { GroupCommit } from "./groupCommit.ts";

type Append = { sessionId: string; firstSeq: number; events: readonly { type: string }[]; at: number; extras: AppendExtras };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  scenario_id TEXT NOT NULL,
  host_token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE TABLE IF NOT EXISTS events (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seat_tokens (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL,
  seat_id TEXT NOT NULL,
  PRIMARY KEY (session_id, token_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS commands (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (session_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS districts (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  host_token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  plan TEXT NOT NULL,
  pinned TEXT
);
CREATE TABLE IF NOT EXISTS placements (
  district_id TEXT NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
  ticket TEXT NOT NULL,
  session_code TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (district_id, ticket)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
`;

/** The database cannot be opened for writing (a read-only or foreign-owned data folder …). */
export class StoreOpenError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(
      `Cannot open the game's database ${file} for writing (${code}). Nothing was changed. ` +
        "Make its folder writable by this user, or set DATA_DIR to a folder that is.",
    );
  }
}

export type Durability = "process" | "machine";

function openWritable(file: string, durability: Durability): Database.Database {
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma(durability === "machine" ? "synchronous = FULL" : "synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 2000");
    // deleted sessions are overwritten, not left in free pages (privacy: "deleted" means gone)
    db.pragma("secure_delete = ON");
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && /^(SQLITE_(READONLY|CANTOPEN|PERM|IOERR)|EACCES|EROFS|EPERM)/.test(code)) throw new StoreOpenError(file, code);
    throw error;
  }
}

/** SQLite's own threshold (pages in the WAL) for a checkpoint in the committing connection. */
const AUTOCHECKPOINT_PAGES = 1000;
/**
 * The store's connection finishes a worker's checkpoint (so the WAL restarts) once the WAL holds
 * this many frames and at most CATCH_UP_FRAMES of them wait to be copied: a copy of a few pages and
 * the checkpoint's flushes on the event loop, once every few megabytes written. Should the worker
 * fall far behind, it does so anyway at FORCED_RESTART_FRAMES, so the WAL stays bounded whatever the load.
 */
const RESTART_FRAMES = AUTOCHECKPOINT_PAGES;
const CATCH_UP_FRAMES = 256;
const FORCED_RESTART_FRAMES = 8 * RESTART_FRAMES;
/** A WAL that grew past this in a burst is cut back to it when it restarts. */
const WAL_SIZE_LIMIT = 64 * 2 ** 20;

export function openSqliteStore(file: string, durability: Durability = "process"): Store {
  const db = openWritable(file, durability);
  // a file's checkpoints run on a worker (checkpointer.ts); should it stop, this connection takes them back
  const checkpointer =
    file === ":memory:"
      ? undefined
      : startCheckpointer(
          file,
          durability === "machine" ? "FULL" : "NORMAL",
          () => {
            if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
          },
          ({ log, copied }) => {
            const due = log >= FORCED_RESTART_FRAMES || (log >= RESTART_FRAMES && log - copied <= CATCH_UP_FRAMES);
            if (!db.open || !due) return;
            try {
              db.pragma("wal_checkpoint(PASSIVE)");
            } catch {
              // the worker's next pass is under way: the next report tries again
            }
          },
        );
  if (checkpointer) db.pragma("wal_autocheckpoint = 0");
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);

  const insertSession = db.prepare(
    "INSERT INTO sessions (id, code, scenario_id, host_token_hash, created_at, expires_at) VALUES (@id, @code, @scenarioId, @hostTokenHash, @createdAt, @expiresAt)",
  );
  const byCode = db.prepare<[string], SessionRow>("SELECT * FROM sessions WHERE code = ?");
  const open = db.prepare<[number], SessionRow>("SELECT * FROM sessions WHERE ended_at IS NULL AND expires_at > ? ORDER BY created_at");
  const countOpen = db.prepare<[number], { n: number }>("SELECT COUNT(*) AS n FROM sessions WHERE ended_at IS NULL AND expires_at > ?");
  const insertEvent = db.prepare("INSERT INTO events (session_id, seq, at, type, data) VALUES (?, ?, ?, ?, ?)");
  const selectEvents = db.prepare<[string], { seq: number; at: number; type: string; data: string }>(
    "SELECT seq, at, type, data FROM events WHERE session_id = ? ORDER BY seq",
  );
  const insertSeat = db.prepare("INSERT OR REPLACE INTO seat_tokens (session_id, token_hash, seat_id) VALUES (?, ?, ?)");
  const selectSeat = db.prepare<[string, string], { seat_id: string }>("SELECT seat_id FROM seat_tokens WHERE session_id = ? AND token_hash = ?");
  const endStmt = db.prepare("UPDATE sessions SET ended_at = ? WHERE id = ?");
  const deleteStmt = db.prepare("DELETE FROM sessions WHERE id = ?");
  /** Copies of deleted pages also live in the WAL file until a checkpoint: empty it now. */
  const forgetOldPages = () => {
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // a reader holds the WAL: the next checkpoint empties it
    }
  };
  const deleteExpiredStmt = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");

  const insertDistrict = db.prepare(
    "INSERT INTO districts (id, code, host_token_hash, created_at, expires_at, plan) VALUES (@id, @code, @hostTokenHash, @createdAt, @expiresAt, @plan)",
  );
  const districtByCode = db.prepare<[string], DistrictRow>("SELECT * FROM districts WHERE code = ?");
  const pinStmt = db.prepare("UPDATE districts SET pinned = ? WHERE id = ?");
  const placementOf = db.prepare<[string, string], { session_code: string }>("SELECT session_code FROM placements WHERE district_id = ? AND ticket = ?");
  const countPlaced = db.prepare<[string], { session_code: string; n: number }>("SELECT session_code, COUNT(*) AS n FROM placements WHERE district_id = ? GROUP BY session_code");
  const insertPlacement = db.prepare("INSERT INTO placements (district_id, ticket, session_code, at) VALUES (?, ?, ?, ?)");
  const movePlacementStmt = db.prepare("UPDATE placements SET session_code = ? WHERE district_id = ? AND ticket = ?");
  const deleteExpiredDistricts = db.prepare("DELETE FROM districts WHERE expires_at <= ?");
  const deleteDistrictStmt = db.prepare("DELETE FROM districts WHERE id = ?");
  const place = db.transaction((districtId: string, ticket: string, choose: (placed: Placed) => string, at: number): string => {
    const known = placementOf.get(districtId, ticket);
    if (known) return known.session_code;
    const code = choose(toPlaced(countPlaced.all(districtId)));
    insertPlacement.run(districtId, ticket, code, at);
    return code;
  });

  const moveSeatStmt = db.prepare("UPDATE seat_tokens SET seat_id = ? WHERE session_id = ? AND seat_id = ?");
  const insertCommand = db.prepare("INSERT OR REPLACE INTO commands (session_id, key, seq) VALUES (?, ?, ?)");
  const selectCommands = db.prepare<[string], { key: string; seq: number }>("SELECT key, seq FROM commands WHERE session_id = ?");
  const appendOne = db.transaction(({ sessionId, firstSeq, events, at, extras }: Append) => {
    if (extras.seat) insertSeat.run(sessionId, extras.seat.tokenHash, extras.seat.seatId);
    events.forEach((event, i) => insertEvent.run(sessionId, firstSeq + i, at, event.type, JSON.stringify(event)));
    if (extras.commandKey) insertCommand.run(sessionId, extras.commandKey, firstSeq + events.length - 1);
    if (extras.moveSeat) moveSeatStmt.run(extras.moveSeat.to, sessionId, extras.moveSeat.from);
  });
  /** One transaction; an append that fails rolls back its own savepoint, and fails the later ones of its session. */
  const appendAll = db.transaction((batch: readonly Append[]) => {
    const failed = new Map<string, Error>();
    return batch.map((append) => {
      const earlier = failed.get(append.sessionId);
      if (earlier) return new Error(`an earlier append of this session failed: ${earlier.message}`);
      try {
        appendOne(append);
        return undefined;
      } catch (error) {
        failed.set(append.sessionId, error as Error);
        return error as Error;
      }
    });
  });
  const appends = new GroupCommit<Append>((batch) => appendAll(batch));
  /** A read or write that sees every append made before it. */
  const inTurn = <A extends unknown[], R>(run: (...args: A) => R) => (...args: A): Promise<R> => {
    try {
      appends.flush();
      return Promise.resolve(run(...args));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };

  return {
    createSession: inTurn((session: Omit<SessionRecord, "endedAt">) => void insertSession.run(session)),
    sessionByCode: inTurn((code: string) => {
      const row = byCode.get(code);
      return row ? toSession(row) : undefined;
    }),
    openSessions: inTurn((now: number) => open.all(now).map(toSession)),
    countOpenSessions: inTurn((now: number) => countOpen.get(now)?.n ?? 0),
    append: (sessionId, firstSeq, events, at, extras = {}) => appends.add({ sessionId, firstSeq, events, at, extras }),
    acknowledged: inTurn((sessionId: string) => new Map(selectCommands.all(sessionId).map((row) => [row.key, row.seq]))),
    events: inTurn((sessionId: string): StoredEvent[] =>
      selectEvents.all(sessionId).map((row) => ({ seq: row.seq, at: row.at, type: row.type, data: JSON.parse(row.data) as unknown })),
    ),
    seatForToken: inTurn((sessionId: string, tokenHash: string) => selectSeat.get(sessionId, tokenHash)?.seat_id),
    endSession: inTurn((sessionId: string, at: number) => void endStmt.run(at, sessionId)),
    deleteSession: inTurn((sessionId: string) => {
      deleteStmt.run(sessionId);
      forgetOldPages();
    }),
    deleteExpired: inTurn((now: number) => {
      const deleted = deleteExpiredStmt.run(now).changes;
      const districts = deleteExpiredDistricts.run(now).changes;
      if (deleted + districts > 0) forgetOldPages();
      return deleted;
    }),
    createDistrict: inTurn((d: Omit<DistrictRecord, "pinned">) => void insertDistrict.run({ ...d, plan: JSON.stringify(d.plan) })),
    districtByCode: inTurn((code: string) => {
      const row = districtByCode.get(code);
      return row ? toDistrict(row) : undefined;
    }),
    pinDistrict: inTurn((districtId: string, pinned: string | null) => void pinStmt.run(pinned, districtId)),
    placeInDistrict: inTurn(place),
    movePlacement: inTurn((districtId: string, ticket: string, to: string) => movePlacementStmt.run(to, districtId, ticket).changes > 0),
    placedCounts: inTurn((districtId: string) => toPlaced(countPlaced.all(districtId))),
    deleteDistrict: inTurn((districtId: string) => {
      deleteDistrictStmt.run(districtId);
      forgetOldPages();
    }),
    // the worker's connection closes too before this resolves: a folder removed after it is empty
    close: () => inTurn(() => db.close())().then(() => checkpointer?.stop()),
  };
}
