/**
 * The PostgreSQL store against a private PostgreSQL (tests/support/postgres.ts), one database per
 * test: the stores' contract, and what only it has — migrations, a clear error when the database
 * cannot be reached, a write that gives up on a held lock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openPostgresStore, LOCK_TIMEOUT_MS } from "../../server/store/postgres.ts";
import { MIGRATIONS } from "../../server/store/postgresSchema.ts";
import { startPostgres, type PostgresService } from "../support/postgres.ts";
import { skipWithoutServices } from "../support/services.ts";
import { createDatabase } from "../support/databases.ts";
import { freePort } from "../support/process.ts";
import { session, storeContract } from "./contract.ts";

const skip = skipWithoutServices("postgres");
let service: PostgresService;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(skip)("PostgreSQL", () => {
  beforeAll(async () => {
    service = await startPostgres();
  });
  afterAll(async () => {
    await service?.stop();
  });

  storeContract("PostgreSQL", async () => {
    const url = await createDatabase(service, "gs_contract");
    return {
      store: await openPostgresStore(url),
      reopen: () => openPostgresStore(url),
      rewriteHistory: () => withClient(url, (client) => client.query("UPDATE events SET type = 'forged'")),
      cleanup: async () => {},
    };
  });

  describe("the PostgreSQL store's own", () => {
    it("migrations run once each, recorded by version, and a newer schema is refused", async () => {
      const url = await createDatabase(service, "gs_migrations");
      const [first, second] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]); // two servers starting at once
      await first.close();
      await second.close();
      await (await openPostgresStore(url)).close();
      const versions = await withClient(url, (client) => client.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version"));
      expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      await withClient(url, (client) => client.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')"));
      await expect(openPostgresStore(url)).rejects.toThrow(/Cannot prepare the PostgreSQL database at 127\.0\.0\.1:\d+\/gs_migrations_\d+_\d+ \(its schema is version 999, newer than this server knows/);
    });

    it("says which database it cannot reach, without the password", async () => {
      const port = await freePort();
      const error = await openPostgresStore(`postgres://gs:hunter2@127.0.0.1:${port}/good_standing`).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(new RegExp(`^Cannot reach the PostgreSQL database at 127\\.0\\.0\\.1:${port}/good_standing \\(.*ECONNREFUSED`));
      expect((error as Error).message).not.toContain("hunter2");
      const missing = await openPostgresStore(`postgres://postgres:hunter2@127.0.0.1:${service.port}/no_such_db`).catch((e: Error) => e);
      expect((missing as Error).message).toMatch(/^Cannot reach the PostgreSQL database at 127\.0\.0\.1:\d+\/no_such_db \(database "no_such_db" does not exist\)/);
      expect((missing as Error).message).not.toContain("hunter2");
    });

    it("fails a write held up by a lock after the lock timeout, with PostgreSQL's message, and writes again once it is gone", async () => {
      const url = await createDatabase(service, "gs_lock");
      const store = await openPostgresStore(url);
      try {
        await store.createSession(session("s1", "AAAAAA"));
        await store.append("s1", 1, [{ type: "a" }], 1);
        const blocker = new pg.Client(url);
        await blocker.connect();
        await blocker.query("BEGIN");
        await blocker.query("LOCK TABLE events IN ACCESS EXCLUSIVE MODE");
        const started = Date.now();
        const outcomes = await Promise.allSettled([store.append("s1", 2, [{ type: "b" }], 2), store.append("s1", 3, [{ type: "c" }], 3)]);
        const waited = Date.now() - started;
        await blocker.query("ROLLBACK");
        await blocker.end();
        expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
        expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/lock timeout/);
        expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/an earlier append of this session failed: .*lock timeout/);
        expect(waited).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 100);
        expect(waited).toBeLessThan(LOCK_TIMEOUT_MS * 2);
        await store.append("s1", 2, [{ type: "b" }], 4);
        expect((await store.events("s1")).map((e) => e.type)).toEqual(["a", "b"]);
      } finally {
        await store.close();
      }
    });
  });
});
