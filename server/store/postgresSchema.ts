/**
 * The PostgreSQL store's tables (the same as the SQLite store's), as versioned migrations that
 * run at start: each once, in order, one process at a time.
 */
import type pg from "pg";

/** Different processes starting on one database migrate one at a time (pg_advisory_xact_lock key). */
const MIGRATION_LOCK = 0x67_73_6d_69; // "gsmi"

/** Versioned schema changes, applied in order, each once; never edit one that shipped, add another. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "sessions, append-only events, seat tokens, commands",
    sql: `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  scenario_id TEXT NOT NULL,
  host_token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE TABLE events (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  type TEXT NOT NULL,
  -- TEXT, not JSONB: the event comes back exactly as written (key order included)
  data TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE seat_tokens (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL,
  seat_id TEXT NOT NULL,
  PRIMARY KEY (session_id, token_hash)
);
CREATE TABLE commands (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (session_id, key)
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();
`,
  },
  {
    version: 2,
    name: "events of several neighbourhoods (districts) and their placements",
    sql: `
CREATE TABLE districts (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  host_token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  plan TEXT NOT NULL,
  pinned TEXT
);
CREATE TABLE placements (
  district_id TEXT NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
  ticket TEXT NOT NULL,
  session_code TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (district_id, ticket)
);
CREATE INDEX districts_expires_at ON districts (expires_at);
`,
  },
];

/** Applies the migrations this database lacks, in one transaction, one process at a time. */
export async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    // a schema change may take long on a big database: no statement timeout here
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SET LOCAL lock_timeout = 0");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...applied);
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > known) throw new Error(`its schema is version ${newest}, newer than this server knows (${known}): run a newer Good Standing`);
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
