/**
 * Fresh PostgreSQL databases for tests, on clusters started by startPostgres. With
 * TEST_STORE=postgres, test servers (startTestServer, spawnServer) keep their sessions in one:
 * one cluster per test file process, one database per server data folder (a server restarted on
 * the same folder finds its sessions again), read back with storedLog.
 */
import pg from "pg";
import Database from "better-sqlite3";
import { join } from "node:path";
import { startPostgres, type PostgresService } from "./postgres.ts";

let created = 0;

/** A new empty database on `service`; returns its URL. */
export async function createDatabase(service: PostgresService, prefix = "gs_test"): Promise<string> {
  const name = `${prefix}_${process.pid}_${++created}`;
  const admin = new pg.Client(service.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(service.url);
  url.pathname = `/${name}`;
  return url.href;
}

/** Whether test servers keep their sessions in PostgreSQL (TEST_STORE=postgres) instead of SQLite. */
export const onPostgres = (): boolean => process.env.TEST_STORE === "postgres";

let shared: Promise<PostgresService> | undefined;
const byDataDir = new Map<string, Promise<string>>();

/** The database of the test server whose data folder is `dataDir` (created on first use). */
export function databaseFor(dataDir: string): Promise<string> {
  let url = byDataDir.get(dataDir);
  if (!url) {
    shared ??= startPostgres();
    url = shared.then((service) => createDatabase(service));
    byDataDir.set(dataDir, url);
  }
  return url;
}

/** Stops this process's shared cluster, if one was started (tests/support/setup.ts, after each file). */
export async function stopSharedPostgres(): Promise<void> {
  const service = shared;
  shared = undefined;
  byDataDir.clear();
  if (service) await (await service).stop();
}

export type StoredRow = { seq: number; type: string; data: string };

/** The stored log of the session with this join code, straight from the database of the server on `dataDir`. */
export async function storedLog(dataDir: string, code: string): Promise<StoredRow[]> {
  if (onPostgres()) {
    const client = new pg.Client(await databaseFor(dataDir));
    await client.connect();
    try {
      const { rows } = await client.query<StoredRow>(
        "SELECT e.seq::int AS seq, e.type, e.data FROM events e JOIN sessions s ON s.id = e.session_id WHERE s.code = $1 ORDER BY e.seq",
        [code],
      );
      const known = await client.query("SELECT 1 FROM sessions WHERE code = $1", [code]);
      if (known.rowCount === 0) throw new Error(`no session ${code} in the database`);
      return rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(dataDir, "good-standing.db"), { fileMustExist: true });
  try {
    const session = db.prepare<[string], { id: string }>("SELECT id FROM sessions WHERE code = ?").get(code);
    if (!session) throw new Error(`no session ${code} in the database`);
    return db.prepare<[string], StoredRow>("SELECT seq, type, data FROM events WHERE session_id = ? ORDER BY seq").all(session.id);
  } finally {
    db.close();
  }
}
