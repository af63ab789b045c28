/**
 * When the database cannot take a write (here: another connection holds its write lock past the
 * busy timeout — SQLite's, or PostgreSQL's lock timeout with TEST_STORE=postgres), the room acknowledges nothing it could not store: commands and joins are
 * refused with `storage_unavailable`, state is unchanged, and all is well once the lock goes.
 * Commands are decided before the store has taken the ones before them (it writes a turn's
 * commands together): one decided on top of a failed one fails with it, and nothing unstored is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { join } from "node:path";
import { startTestServer, type TestServer } from "../support/server.ts";
import { databaseFor, onPostgres } from "../support/databases.ts";
import { joinHost, refusal, seatToken } from "../support/clients.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Takes the database's write lock from another connection; resolves to its release. */
async function holdWriteLock(server: TestServer): Promise<() => Promise<void>> {
  if (onPostgres()) {
    const blocker = new pg.Client(await databaseFor(server.dataDir));
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE events IN ACCESS EXCLUSIVE MODE");
    return async () => {
      await blocker.query("ROLLBACK");
      await blocker.end();
    };
  }
  const blocker = new Database(join(server.dataDir, "good-standing.db"));
  blocker.exec("BEGIN EXCLUSIVE");
  return async () => {
    blocker.exec("ROLLBACK");
    blocker.close();
  };
}

describe("a database that cannot be written", () => {
  it("refuses to acknowledge, changes nothing, and recovers", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    const release = await holdWriteLock(server);
    try {
      expect(await host.room.request("cmd", { id: "l1", kind: "lock" })).toEqual({ ok: false, reason: "storage_unavailable" });
      // two at once: the second is decided on top of the first (or after it failed) and fails too
      const twice = await Promise.all([host.room.request("cmd", { id: "l2", kind: "lock" }), host.room.request("cmd", { id: "a1", kind: "anonymous_board", on: true })]);
      expect(twice).toEqual([
        { ok: false, reason: "storage_unavailable" },
        { ok: false, reason: "storage_unavailable" },
      ]);
      expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "Ann" })).toEqual({ reason: "storage_unavailable" });
      expect(host.room.state.locked).toBe(false);
      expect(host.room.state.players.size).toBe(0);
    } finally {
      await release();
    }
    // the same command id is not remembered as failed: a retry goes through
    expect(await host.room.request("cmd", { id: "l1", kind: "lock" })).toMatchObject({ ok: true });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "Ann" })).toEqual({ reason: "room_locked" });
    expect((await server.events(code)).map((e) => e.type)).toEqual(["session_opened", "room_locked"]);
    expect(host.room.state.anonymousBoard).toBe(false);

    // the same id sent twice in one turn (a page retrying at once): one decision, one reply for both
    const [first, retry] = await Promise.all([host.room.request("cmd", { id: "a2", kind: "anonymous_board", on: true }), host.room.request("cmd", { id: "a2", kind: "anonymous_board", on: true })]);
    expect(first).toMatchObject({ ok: true });
    expect(retry).toEqual(first);
    expect((await server.events(code)).filter((e) => e.type === "board_anonymised")).toHaveLength(1);
  }, 20_000);
});
