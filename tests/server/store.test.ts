/** The SQLite store on a real file: durable appends, an append-only log, seat tokens, retention. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import Database from "better-sqlite3";
import { readFileSync, readdirSync } from "node:fs";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { tempDir } from "../support/server.ts";

const session = (id: string, code: string, expiresAt = Date.now() + 60_000) => ({
  id,
  code,
  scenarioId: "rongcheng-pilot",
  hostTokenHash: "ab".repeat(32),
  createdAt: Date.now(),
  expiresAt,
});

describe("the SQLite store", () => {
  it("appends events in order and keeps them after the file is closed and reopened", async () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("s1", "AAAAAA"));
    await store.append("s1", 1, [{ type: "a" }, { type: "b" }], 1);
    await store.append("s1", 3, [{ type: "c" }], 3, { seat: { tokenHash: "t1", seatId: "seat1" }, commandKey: "host:c1" });
    await store.close();
    const again = openSqliteStore(file);
    expect((await again.events("s1")).map((e) => [e.seq, e.type])).toEqual([[1, "a"], [2, "b"], [3, "c"]]);
    expect(await again.seatForToken("s1", "t1")).toBe("seat1");
    expect(await again.seatForToken("s1", "nope")).toBeUndefined();
    expect(await again.acknowledged("s1")).toEqual(new Map([["host:c1", 3]]));
    expect((await again.openSessions(Date.now())).map((s) => s.code)).toEqual(["AAAAAA"]);
    await again.close();
  });

  it("uses WAL and refuses to rewrite history", async () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("s1", "AAAAAA"));
    await store.append("s1", 1, [{ type: "a" }], 1);
    await store.close();
    const raw = new Database(file);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(() => raw.prepare("UPDATE events SET type = 'forged'").run()).toThrow(/append-only/);
    raw.close();
  });

  it("deletes expired sessions with their events and seats, and only those", async () => {
    const store = openSqliteStore(join(tempDir(), "gs.db"));
    await store.createSession(session("old", "OLDOLD", Date.now() - 1));
    await store.createSession(session("new", "NEWNEW"));
    await store.append("old", 1, [{ type: "a" }], 1, { seat: { tokenHash: "t", seatId: "x" } });
    await store.append("new", 1, [{ type: "a" }], 1);
    expect((await store.openSessions(Date.now())).map((s) => s.id)).toEqual(["new"]);
    expect(await store.deleteExpired(Date.now())).toBe(1);
    expect(await store.sessionByCode("OLDOLD")).toBeUndefined();
    expect(await store.events("old")).toEqual([]);
    expect(await store.seatForToken("old", "t")).toBeUndefined();
    expect(await store.events("new")).toHaveLength(1);
    await store.close();
  });

  it("leaves no readable trace of a deleted session in the database files", async () => {
    const dir = tempDir();
    const file = join(dir, "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("gone", "GONEGO"));
    await store.createSession(session("kept", "KEPTKE"));
    await store.append("gone", 1, [{ type: "seat_joined", nickname: "Zanzibar-Quokka" } as { type: string }], 1);
    await store.append("kept", 1, [{ type: "seat_joined", nickname: "Ann" } as { type: string }], 1);
    await store.deleteSession("gone");
    await store.close();
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).includes("Zanzibar-Quokka"), `${name} still holds the deleted nickname`).toBe(false);
    }
    expect(readFileSync(file).includes("Ann")).toBe(true);
  });

  it("writes the appends of one turn in one transaction, in order; a failed one fails the later ones of its session only", async () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("s1", "AAAAAA"));
    await store.createSession(session("s2", "BBBBBB"));
    await store.append("s1", 1, [{ type: "a" }], 1);
    const outcomes = await Promise.allSettled([
      store.append("s1", 2, [{ type: "b" }], 2, { commandKey: "host:b" }),
      store.append("s2", 1, [{ type: "x" }], 2),
      store.append("s1", 2, [{ type: "taken" }], 3), // seq 2 is taken: one room holds a session at a time
      store.append("s1", 3, [{ type: "after" }], 3), // decided on top of the failed one
      store.append("s2", 2, [{ type: "y" }], 3),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((await store.events("s1")).map((e) => [e.seq, e.type])).toEqual([[1, "a"], [2, "b"]]);
    expect((await store.events("s2")).map((e) => [e.seq, e.type])).toEqual([[1, "x"], [2, "y"]]);
    expect(await store.acknowledged("s1")).toEqual(new Map([["host:b", 2]]));
    await store.close();
  });

  it("lets a read see the appends made before it, and writes what waits when it closes", async () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("s1", "AAAAAA"));
    const stored = store.append("s1", 1, [{ type: "a" }], 1, { seat: { tokenHash: "t1", seatId: "seat1" } });
    expect(await store.seatForToken("s1", "t1")).toBe("seat1"); // asked before the turn ends
    await stored;
    void store.append("s1", 2, [{ type: "b" }], 2);
    await store.close();
    const again = openSqliteStore(file);
    expect((await again.events("s1")).map((e) => e.type)).toEqual(["a", "b"]);
    await again.close();
  });
});
