/**
 * The networked store: PostgreSQL through node-postgres, a pool of connections. Chosen by
 * DATABASE_URL; the same tables as the SQLite store, created by versioned migrations at start.
 *
 * Appends: each session has an in-order queue. An append waits behind the earlier ones of its
 * session and is acknowledged once its transaction committed; the appends that queued up while the
 * one before them was on the wire are written together, in one statement (one round trip, one
 * commit). When an append fails, the ones of its session queued behind it at that moment fail too
 * (they were decided on top of it); appends made after that are written as usual. Sessions write
 * side by side, each on a connection of the pool. A read waits for the appends made before it
 * (of its session, or of every session for the cross-session ones).
 *
 * Durability is the database server's (synchronous_commit): what is acknowledged has committed.
 * A write waiting for a lock gives up after LOCK_TIMEOUT_MS (as SQLite's busy_timeout), any
 * statement after STATEMENT_TIMEOUT_MS: a stuck database fails commands instead of hanging them.
 */
import pg from "pg";
import type { Logger } from "../log.ts";
import type { AppendExtras, Store, StoredEvent } from "./store.ts";
import { toSession, type SessionRow } from "./sessionRow.ts";
import { toDistrict, toPlaced, type DistrictRow } from "./districtRow.ts";
import { migrate } from "./postgresSchema.ts";

type Append = { firstSeq: number; events: readonly { type: string }[]; at: number; extras: AppendExtras };
type Pending = { append: Append; resolve: () => void; reject: (error: Error) => void };

export const LOCK_TIMEOUT_MS = 2000;
export const STATEMENT_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;
const POOL_SIZE = 10;
/** The database cannot be reached or prepared at start. Names where, never the password. */
export class PostgresOpenError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
    reached: boolean,
  ) {
    super(
      reached
        ? `Cannot prepare the PostgreSQL database at ${where} (${reason}). Check that DATABASE_URL's user may create tables there.`
        : `Cannot reach the PostgreSQL database at ${where} (${reason}). Check DATABASE_URL, and that the database server runs and lets this user in.`,
    );
  }
}

/** host:port/database of a connection URL, without user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const socket = parsed.searchParams.get("host");
    const host = parsed.hostname || socket || "localhost";
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "(default)";
    return `${host}:${parsed.port || "5432"}/${database}`;
  } catch {
    return "(an unreadable DATABASE_URL)";
  }
}

/** BIGINT columns (times in ms, seqs, counts) come back as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * One statement writes one or more appends of a session: their events, seat tokens, command ids
 * and (alone in its statement) a moved seat. A single statement is a transaction of its own.
 */
const APPEND_SQL = `
WITH e AS (
  INSERT INTO events (session_id, seq, at, type, data)
  SELECT $1, x.seq, x.at, x.type, x.data FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS x(seq, at, type, data)
), s AS (
  INSERT INTO seat_tokens (session_id, token_hash, seat_id)
  SELECT $1, y.token_hash, y.seat_id FROM unnest($6::text[], $7::text[]) AS y(token_hash, seat_id)
  ON CONFLICT (session_id, token_hash) DO UPDATE SET seat_id = EXCLUDED.seat_id
), c AS (
  INSERT INTO commands (session_id, key, seq)
  SELECT $1, z.key, z.seq FROM unnest($8::text[], $9::bigint[]) AS z(key, seq)
  ON CONFLICT (session_id, key) DO UPDATE SET seq = EXCLUDED.seq
), m AS (
  UPDATE seat_tokens SET seat_id = $11 WHERE $10::text IS NOT NULL AND session_id = $1 AND seat_id = $10
)
SELECT 1`;

const MOVE_SEAT_SQL = "UPDATE seat_tokens SET seat_id = $3 WHERE session_id = $1 AND seat_id = $2";

/** The parameters of APPEND_SQL for `appends` (none of them moving a seat, but the last may). */
function appendValues(sessionId: string, appends: readonly Append[], moveSeat?: { from: string; to: string }): unknown[] {
  const seqs: number[] = [];
  const ats: number[] = [];
  const typeNames: string[] = [];
  const data: string[] = [];
  // one row per key in one statement (ON CONFLICT may not touch a row twice): the last one wins, as it would one by one
  const seats = new Map<string, string>();
  const commands = new Map<string, number>();
  for (const { firstSeq, events, at, extras } of appends) {
    events.forEach((event, i) => {
      seqs.push(firstSeq + i);
      ats.push(at);
      typeNames.push(event.type);
      data.push(JSON.stringify(event));
    });
    if (extras.seat) {
      seats.delete(extras.seat.tokenHash);
      seats.set(extras.seat.tokenHash, extras.seat.seatId);
    }
    if (extras.commandKey) {
      commands.delete(extras.commandKey);
      commands.set(extras.commandKey, firstSeq + events.length - 1);
    }
  }
  return [sessionId, seqs, ats, typeNames, data, [...seats.keys()], [...seats.values()], [...commands.keys()], [...commands.values()], moveSeat?.from ?? null, moveSeat?.to ?? null];
}

/** An integrity error (a seq already taken, a session that does not exist …): this append's own fault. */
const isIntegrityError = (error: unknown) => typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("23");

export type PostgresOptions = {
  /** Write the appends that queued behind one another together (default). Off: one statement each (for measuring). */
  batchAppends?: boolean;
};

export async function openPostgresStore(url: string, log?: Logger, options: PostgresOptions = {}): Promise<Store> {
  const batchAppends = options.batchAppends ?? true;
  const where = describeDatabase(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    lock_timeout: LOCK_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: "good-standing",
    keepAlive: true,
    types,
  });
  // an idle connection the server dropped: the pool replaces it; unhandled, it would end the process
  pool.on("error", (error) => log?.warn({ err: { message: error.message } }, "a PostgreSQL connection was lost"));

  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new PostgresOpenError(where, (error as Error).message || String((error as { code?: string }).code ?? error), false);
  }
  try {
    await migrate(client);
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => {});
    throw new PostgresOpenError(where, (error as Error).message, true);
  }
  client.release();

  /** Per session: the appends waiting for the one on the wire; absent when none is. */
  const queues = new Map<string, Pending[]>();
  /** Per session: settles when the latest append made so far has (so every earlier one has). */
  const latest = new Map<string, Promise<void>>();
  let closed = false;

  /** Writes `appends` (in order) in one statement; only a single append moves a seat. */
  async function writeStatement(sessionId: string, appends: readonly Append[]): Promise<void> {
    const last = appends.at(-1)!;
    const move = last.extras.moveSeat;
    if (move && last.extras.seat) {
      // a new seat and a moved one in one step: two statements, one transaction
      const tx = await pool.connect();
      try {
        await tx.query("BEGIN");
        await tx.query({ name: "gs-append", text: APPEND_SQL, values: appendValues(sessionId, appends) });
        await tx.query({ name: "gs-move-seat", text: MOVE_SEAT_SQL, values: [sessionId, move.from, move.to] });
        await tx.query("COMMIT");
        tx.release();
      } catch (error) {
        await tx.query("ROLLBACK").then(
          () => tx.release(),
          () => tx.release(true),
        );
        throw error;
      }
      return;
    }
    await pool.query({ name: "gs-append", text: APPEND_SQL, values: appendValues(sessionId, appends, move) });
  }

  /** Stores `batch` in order; for each append, the error that failed it (then every later one fails too). */
  async function writeBatch(sessionId: string, batch: readonly Append[]): Promise<(Error | undefined)[]> {
    // runs of appends that share a statement; one that moves a seat goes alone (a statement does not see its own writes)
    const runs: Append[][] = [];
    let run: Append[] = [];
    for (const append of batch) {
      if (append.extras.moveSeat || !batchAppends) {
        if (run.length > 0) runs.push(run);
        runs.push([append]);
        run = [];
      } else run.push(append);
    }
    if (run.length > 0) runs.push(run);

    const outcomes: (Error | undefined)[] = [];
    const failAll = (count: number, error: Error) => {
      for (let i = 0; i < count; i++) outcomes.push(i === 0 ? error : new Error(`an earlier append of this session failed: ${error.message}`));
    };
    for (const [index, appends] of runs.entries()) {
      try {
        await writeStatement(sessionId, appends);
        outcomes.push(...appends.map(() => undefined));
        continue;
      } catch (error) {
        const rest = runs.slice(index + 1).reduce((n, r) => n + r.length, 0);
        if (appends.length === 1 || !isIntegrityError(error)) {
          failAll(appends.length + rest, error as Error);
          return outcomes;
        }
      }
      // one of them is at fault: one by one, to store those before it and fail it and those after
      for (const [i, append] of appends.entries()) {
        try {
          await writeStatement(sessionId, [append]);
          outcomes.push(undefined);
        } catch (error) {
          const rest = appends.length - i + runs.slice(index + 1).reduce((n, r) => n + r.length, 0);
          failAll(rest, error as Error);
          return outcomes;
        }
      }
    }
    return outcomes;
  }

  /** Writes what waits in the session's queue until it is empty; never rejects. */
  async function drain(sessionId: string, queue: Pending[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, queue.length);
      let outcomes: (Error | undefined)[];
      try {
        outcomes = await writeBatch(sessionId, batch.map((p) => p.append));
      } catch (error) {
        outcomes = batch.map(() => error as Error);
      }
      // settled in one synchronous stretch: nothing is appended on top of a failure before its queue fails with it
      let failure: Error | undefined;
      batch.forEach((pending, i) => {
        const error = outcomes[i];
        if (error) {
          failure ??= error;
          pending.reject(error);
        } else pending.resolve();
      });
      if (failure) {
        const message = `an earlier append of this session failed: ${failure.message}`;
        for (const pending of queue.splice(0, queue.length)) pending.reject(new Error(message));
      }
    }
    queues.delete(sessionId);
  }

  function append(sessionId: string, firstSeq: number, events: readonly { type: string }[], at: number, extras: AppendExtras = {}): Promise<void> {
    if (closed) return Promise.reject(new Error("the store is closed"));
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const stored = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // copied now: the caller may change its objects while the append waits
    const pending: Pending = { append: { firstSeq, events: [...events], at, extras: { ...extras } }, resolve, reject };
    let queue = queues.get(sessionId);
    if (queue) queue.push(pending);
    else {
      queue = [pending];
      queues.set(sessionId, queue);
      void drain(sessionId, queue);
    }
    const settled = stored.then(
      () => {},
      () => {},
    );
    latest.set(sessionId, settled);
    void settled.then(() => {
      if (latest.get(sessionId) === settled) latest.delete(sessionId);
    });
    return stored;
  }

  /** Every append of the session made before now has settled. */
  const afterAppendsOf = async (sessionId: string) => {
    await latest.get(sessionId);
  };
  /** Every append made before now has settled. */
  const afterAllAppends = async () => {
    await Promise.all(latest.values());
  };

  const query = async <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) => pool.query<R>({ name, text, values });

  return {
    async createSession(session) {
      await query("gs-create-session", "INSERT INTO sessions (id, code, scenario_id, host_token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)", [
        session.id,
        session.code,
        session.scenarioId,
        session.hostTokenHash,
        session.createdAt,
        session.expiresAt,
      ]);
    },
    async sessionByCode(code) {
      const { rows } = await query<SessionRow>("gs-session-by-code", "SELECT * FROM sessions WHERE code = $1", [code]);
      return rows[0] ? toSession(rows[0]) : undefined;
    },
    async openSessions(now) {
      await afterAllAppends();
      const { rows } = await query<SessionRow>("gs-open-sessions", "SELECT * FROM sessions WHERE ended_at IS NULL AND expires_at > $1 ORDER BY created_at, id", [now]);
      return rows.map(toSession);
    },
    async countOpenSessions(now) {
      await afterAllAppends();
      const { rows } = await query<{ n: number }>("gs-count-open", "SELECT COUNT(*) AS n FROM sessions WHERE ended_at IS NULL AND expires_at > $1", [now]);
      return rows[0]?.n ?? 0;
    },
    append,
    async acknowledged(sessionId) {
      await afterAppendsOf(sessionId);
      const { rows } = await query<{ key: string; seq: number }>("gs-commands", "SELECT key, seq FROM commands WHERE session_id = $1", [sessionId]);
      return new Map(rows.map((row) => [row.key, row.seq]));
    },
    async events(sessionId): Promise<StoredEvent[]> {
      await afterAppendsOf(sessionId);
      const { rows } = await query<{ seq: number; at: number; type: string; data: string }>(
        "gs-events",
        "SELECT seq, at, type, data FROM events WHERE session_id = $1 ORDER BY seq",
        [sessionId],
      );
      return rows.map((row) => ({ seq: row.seq, at: row.at, type: row.type, data: JSON.parse(row.data) as unknown }));
    },
    async seatForToken(sessionId, tokenHash) {
      await afterAppendsOf(sessionId);
      const { rows } = await query<{ seat_id: string }>("gs-seat", "SELECT seat_id FROM seat_tokens WHERE session_id = $1 AND token_hash = $2", [sessionId, tokenHash]);
      return rows[0]?.seat_id;
    },
    async endSession(sessionId, at) {
      await afterAppendsOf(sessionId);
      await query("gs-end-session", "UPDATE sessions SET ended_at = $1 WHERE id = $2", [at, sessionId]);
    },
    async deleteSession(sessionId) {
      await afterAppendsOf(sessionId);
      await query("gs-delete-session", "DELETE FROM sessions WHERE id = $1", [sessionId]);
    },
    async deleteExpired(now) {
      await afterAllAppends();
      const result = await query("gs-delete-expired", "DELETE FROM sessions WHERE expires_at <= $1", [now]);
      await query("gs-delete-expired-districts", "DELETE FROM districts WHERE expires_at <= $1", [now]);
      return result.rowCount ?? 0;
    },
    async createDistrict(d) {
      await query("gs-create-district", "INSERT INTO districts (id, code, host_token_hash, created_at, expires_at, plan) VALUES ($1, $2, $3, $4, $5, $6)", [
        d.id,
        d.code,
        d.hostTokenHash,
        d.createdAt,
        d.expiresAt,
        JSON.stringify(d.plan),
      ]);
    },
    async districtByCode(code) {
      const { rows } = await query<DistrictRow>("gs-district-by-code", "SELECT * FROM districts WHERE code = $1", [code]);
      return rows[0] ? toDistrict(rows[0]) : undefined;
    },
    async pinDistrict(districtId, pinned) {
      await query("gs-pin-district", "UPDATE districts SET pinned = $1 WHERE id = $2", [pinned, districtId]);
    },
    async placeInDistrict(districtId, ticket, choose, at) {
      // the district's row, locked, puts arrivals through every process one after another
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT 1 FROM districts WHERE id = $1 FOR UPDATE", [districtId]);
        const known = await client.query<{ session_code: string }>("SELECT session_code FROM placements WHERE district_id = $1 AND ticket = $2", [districtId, ticket]);
        let code = known.rows[0]?.session_code;
        if (code === undefined) {
          const counts = await client.query<{ session_code: string; n: number }>("SELECT session_code, COUNT(*) AS n FROM placements WHERE district_id = $1 GROUP BY session_code", [districtId]);
          code = choose(toPlaced(counts.rows));
          await client.query("INSERT INTO placements (district_id, ticket, session_code, at) VALUES ($1, $2, $3, $4)", [districtId, ticket, code, at]);
        }
        await client.query("COMMIT");
        return code;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async movePlacement(districtId, ticket, to) {
      const result = await query("gs-move-placement", "UPDATE placements SET session_code = $1 WHERE district_id = $2 AND ticket = $3", [to, districtId, ticket]);
      return (result.rowCount ?? 0) > 0;
    },
    async deleteDistrict(districtId) {
      await query("gs-delete-district", "DELETE FROM districts WHERE id = $1", [districtId]);
    },
    async placedCounts(districtId) {
      const { rows } = await query<{ session_code: string; n: number }>("gs-placed-counts", "SELECT session_code, COUNT(*) AS n FROM placements WHERE district_id = $1 GROUP BY session_code", [districtId]);
      return toPlaced(rows);
    },
    async close() {
      if (closed) return;
      closed = true;
      await afterAllAppends();
      await pool.end();
    },
  };
}
