/** The SQLite store on a real file: the stores' contract, and what only a file can show (WAL, deleted means gone). */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import Database from "better-sqlite3";
import { existsSync, openSync, readFileSync, readSync, closeSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
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

/** The WAL's checkpoint sequence number (its header, bytes 12–15): SQLite adds one each time it restarts the WAL from its start. */
function walRestarts(wal: string): number {
  if (!existsSync(wal) || statSync(wal).size < 32) return 0;
  const fd = openSync(wal, "r");
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
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

  it("keeps its WAL a few megabytes under writes that never pause: the WAL restarts from its start while the appends go on", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, "gs.db");
    const store = openSqliteStore(file);
    const sessions = Array.from({ length: 40 }, (_, i) => `s${i}`);
    for (const [i, id] of sessions.entries()) await store.createSession(session(id, `WAL${String(i).padStart(3, "0")}`));
    const seq = new Map(sessions.map((id) => [id, 1]));
    const note = "x".repeat(300);
    const first = walRestarts(`${file}-wal`);
    let largest = 0;
    // a busy workshop: a commit every millisecond or two, in many sessions, never a quiet moment for
    // the checkpoints' worker to finish in; until SQLite has restarted the WAL twice
    while (walRestarts(`${file}-wal`) < first + 2) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await Promise.all(
        sessions.slice(0, 2).map((id) => {
          const at = seq.get(id)!;
          seq.set(id, at + 1);
          return store.append(id, at, [{ type: "note_written", text: note } as { type: string }], at);
        }),
      );
      sessions.push(sessions.shift()!);
      largest = Math.max(largest, statSync(`${file}-wal`).size);
      // the store restarts it by 32 MB at the latest however slow the worker (sqlite.ts); the old one never did
      expect(largest, "the WAL grew past 48 MB without restarting").toBeLessThan(48 * 2 ** 20);
    }
    await store.close();
    rmSync(dir, { recursive: true });
  });

  it("never keeps its process running: a program that ends without closing the store exits, checkpoints' worker and all", async () => {
    const dir = tempDir();
    const program = join(dir, "forgets-to-close.mts");
    writeFileSync(
      program,
      `import { openSqliteStore } from ${JSON.stringify(join(import.meta.dirname, "../../server/store/sqlite.ts"))};
const store = openSqliteStore(process.argv[2]);
await store.createSession({ id: "s1", code: "AAAAAA", scenarioId: "rongcheng-pilot", hostTokenHash: "ab", createdAt: Date.now(), expiresAt: Date.now() + 60_000 });
for (let seq = 1; seq <= 2000; seq++) await store.append("s1", seq, [{ type: "note_written", text: "x".repeat(500) }], seq);
// long enough for the worker to checkpoint and report a pass to the store
await new Promise((resolve) => setTimeout(resolve, 1500));
console.log("written, store left open");
`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", program, join(dir, "gs.db")], { cwd: join(import.meta.dirname, "../.."), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    // a watchdog, not a budget: the program ends in a few seconds; a store that holds it never does
    const watchdog = setTimeout(() => child.kill("SIGKILL"), 90_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once("exit", (c, s) => resolve([c, s])));
    clearTimeout(watchdog);
    expect({ code, signal, output: output.trim() }).toEqual({ code: 0, signal: null, output: "written, store left open" });
    rmSync(dir, { recursive: true, force: true });
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
