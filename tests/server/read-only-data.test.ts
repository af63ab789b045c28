/**
 * The data folder turns read-only. A running server keeps storing through the database files it
 * already holds open (so what it acknowledges is still stored, and survives a SIGKILL); a server
 * started on a read-only folder refuses to start with a clear message (exit 4) instead of running
 * without storage; once the folder is writable again every acknowledged command is back.
 * (A database that refuses writes while the server runs is tests/server/storage-failure.test.ts.)
 *
 * Root ignores folder permissions, so as root the server runs as the unprivileged user `nobody`.
 * Not with TEST_STORE=postgres: the database is then not in the data folder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, ensureClientBuilt } from "../../server/clientBuild.ts";
import { kill, spawnServer, type ServerProcess } from "../support/process.ts";
import { createSessionAt, until } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { onPostgres } from "../support/databases.ts";

const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;
const user = asRoot ? NOBODY : undefined;

/** As root, the unprivileged user must be able to read the checkout to run the server at all. */
function nobodyCanRun(): boolean {
  if (!asRoot) return true;
  try {
    execFileSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(join(ROOT, "server/main.ts"))})`], { ...NOBODY, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "gs-readonly-"));
let server: ServerProcess | undefined;

beforeAll(async () => {
  await ensureClientBuilt(); // the unprivileged server serves this build; it may not write one
  if (user) chownSync(dataDir, user.uid, user.gid);
});
afterAll(async () => {
  if (server) await kill(server);
  chmodSync(dataDir, 0o755);
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!nobodyCanRun() || onPostgres())("a read-only data folder", () => {
  it("loses nothing acknowledged while the folder is read-only, also across a SIGKILL and restart", async () => {
    const env = { DATA_DIR: dataDir, TMPDIR: tmpdir() };
    server = await spawnServer(env, { user });
    const { code, hostToken } = await createSessionAt(server.url, "quick-demo");
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    expect(await host.room.request("cmd", { id: "before", kind: "lock" })).toEqual({ ok: true, seq: expect.any(Number) });

    chmodSync(dataDir, 0o555);
    // still stored: the database files were open before the folder turned read-only
    expect(await host.room.request("cmd", { id: "after", kind: "unlock" })).toEqual({ ok: true, seq: expect.any(Number) });
    const ann = await joinPlayer(server.url, code, "Ann");
    await ann.welcome;
    await kill(server);

    // the database and its WAL files exist and stay writable: a restart in the read-only folder works
    server = await spawnServer(env, { user });
    const again = await joinHost(server.url, code, hostToken);
    await again.welcome;
    await until(() => (again.room.state as unknown as { players: Map<string, unknown> }).players.size === 1, "Ann's seat restored");
    const state = again.room.state as unknown as { locked: boolean; players: Map<string, { nickname: string }> };
    expect(state.locked).toBe(false); // both the lock and the unlock were stored
    expect([...state.players.values()].map((p) => p.nickname)).toEqual(["Ann"]);
    await kill(server);
    server = undefined;
  }, 60_000);

  it("refuses to start on a read-only folder it cannot create its database in, saying what to change", async () => {
    const empty = mkdtempSync(join(tmpdir(), "gs-readonly-empty-"));
    if (user) chownSync(empty, user.uid, user.gid);
    chmodSync(empty, 0o555);
    try {
      const refused = await spawnServer({ DATA_DIR: empty, TMPDIR: tmpdir() }, { user, waitReady: false });
      expect(await refused.exited).toBe(4);
      expect(refused.output()).toMatch(/Cannot open the game's database .*good-standing\.db for writing \(SQLITE_/);
      expect(refused.output()).toContain("DATA_DIR");
      expect(refused.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    } finally {
      chmodSync(empty, 0o755);
      rmSync(empty, { recursive: true, force: true });
    }
  }, 30_000);
});
