/** The SQLite store on a real file: the stores' contract, and what only a file can show (WAL, deleted means gone). */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import Database from "better-sqlite3";
import { readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { tempDir } from "../support/server.ts";
import { session, storeContract } from "./contract.ts";

storeContract("SQLite", async () => {
  const dir = tempDir();
  const file = join(dir, "gs.db");
  return {
    store: openSqliteStore(file),
    reopen: async () => openSqliteStore(file),
    rewriteHistory: async () => {
      const raw = new Database(file);
      try {
        raw.prepare("UPDATE events SET type = 'forged'").run();
      } finally {
        raw.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

/** The files under `dir` this process holds open, one line per descriptor (Linux's /proc). */
function openIn(dir: string): string[] {
  return readdirSync("/proc/self/fd").flatMap((fd) => {
    try {
      const target = readlinkSync(join("/proc/self/fd", fd));
      return target.startsWith(`${dir}/`) ? [target] : [];
    } catch {
      return []; // closed while we looked
    }
  });
}

describe("the SQLite file", () => {
  it("is in WAL mode", async () => {
    const file = join(tempDir(), "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("s1", "AAAAAA"));
    await store.append("s1", 1, [{ type: "a" }], 1);
    await store.close();
    const raw = new Database(file);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("is closed, checkpoints and all, when close resolves: the file is alone in its folder and the folder can go", async () => {
    const dir = tempDir();
    const file = join(dir, "gs.db");
    const store = openSqliteStore(file);
    await store.createSession(session("s1", "AAAAAA"));
    await store.append("s1", 1, [{ type: "a" }], 1);
    // the worker has opened its own connection to the file (threads share the process's descriptors)
    while (openIn(dir).filter((name) => name === file).length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await store.close();
    expect(openIn(dir)).toEqual([]);
    // the last connection to close (the checkpoints' worker's included) folds the WAL in and removes it
    expect(readdirSync(dir)).toEqual(["gs.db"]);
    rmSync(dir, { recursive: true });
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
});
