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
  it("appends events in order and keeps them after the file is closed and reopened", () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    store.createSession(session("s1", "AAAAAA"));
    expect(store.append("s1", [{ type: "a" }, { type: "b" }], 1)).toBe(2);
    expect(store.append("s1", [{ type: "c" }], 3, { seat: { tokenHash: "t1", seatId: "seat1" }, commandKey: "host:c1" })).toBe(3);
    store.close();
    const again = openSqliteStore(file);
    expect(again.events("s1").map((e) => [e.seq, e.type])).toEqual([[1, "a"], [2, "b"], [3, "c"]]);
    expect(again.seatForToken("s1", "t1")).toBe("seat1");
    expect(again.seatForToken("s1", "nope")).toBeUndefined();
    expect(again.commandSeq("s1", "host:c1")).toBe(3);
    expect(again.commandSeq("s1", "host:c2")).toBeUndefined();
    expect(again.openSessions(Date.now()).map((s) => s.code)).toEqual(["AAAAAA"]);
    again.close();
  });

  it("uses WAL and refuses to rewrite history", () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    store.createSession(session("s1", "AAAAAA"));
    store.append("s1", [{ type: "a" }], 1);
    store.close();
    const raw = new Database(file);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(() => raw.prepare("UPDATE events SET type = 'forged'").run()).toThrow(/append-only/);
    raw.close();
  });

  it("deletes expired sessions with their events and seats, and only those", () => {
    const store = openSqliteStore(join(tempDir(), "gs.db"));
    store.createSession(session("old", "OLDOLD", Date.now() - 1));
    store.createSession(session("new", "NEWNEW"));
    store.append("old", [{ type: "a" }], 1, { seat: { tokenHash: "t", seatId: "x" } });
    store.append("new", [{ type: "a" }], 1);
    expect(store.openSessions(Date.now()).map((s) => s.id)).toEqual(["new"]);
    expect(store.deleteExpired(Date.now())).toBe(1);
    expect(store.sessionByCode("OLDOLD")).toBeUndefined();
    expect(store.events("old")).toEqual([]);
    expect(store.seatForToken("old", "t")).toBeUndefined();
    expect(store.events("new")).toHaveLength(1);
    store.close();
  });

  it("leaves no readable trace of a deleted session in the database files", () => {
    const dir = tempDir();
    const file = join(dir, "gs.db");
    const store = openSqliteStore(file);
    store.createSession(session("gone", "GONEGO"));
    store.createSession(session("kept", "KEPTKE"));
    store.append("gone", [{ type: "seat_joined", nickname: "Zanzibar-Quokka" } as { type: string }], 1);
    store.append("kept", [{ type: "seat_joined", nickname: "Ann" } as { type: string }], 1);
    store.deleteSession("gone");
    store.close();
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).includes("Zanzibar-Quokka"), `${name} still holds the deleted nickname`).toBe(false);
    }
    expect(readFileSync(file).includes("Ann")).toBe(true);
  });
});
