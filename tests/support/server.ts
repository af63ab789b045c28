/**
 * Starts a real server in this test process: port 0 on 127.0.0.1, a fresh temporary data
 * directory, and logs captured in memory (so tests can check what was logged). With
 * TEST_STORE=postgres its sessions live in a PostgreSQL database of its own (one per data
 * directory, so a server started again on the same directory finds them), see databases.ts.
 */
import "../../server/shim.ts";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "../../server/config.ts";
import { startServer, type Running } from "../../server/app.ts";
import { createLogger } from "../../server/log.ts";
import { ROOT } from "../../server/clientBuild.ts";
import type { StoredEvent } from "../../server/store/store.ts";
import { databaseFor, onPostgres } from "./databases.ts";

export type TestServer = Running & {
  logs: string[];
  dataDir: string;
  createSession(scenarioId?: string): Promise<{ code: string; hostToken: string }>;
  /** The stored log of the session with this join code (empty if there is none). */
  events(code: string): Promise<StoredEvent[]>;
};

export function tempDir(prefix = "gs-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A scenarios folder holding the default scenario and the quick demo, plus `tiny-room`, the same scenario capped at
 * `maxPlayers` players, for tests of a full room, `fast-clock`, with 5-second phases, and `quick-demo-slow`, the quick
 * demo with half-hour phases, and `pilot-slow`, the default with hour-long phases, so that a test which skips each
 * phase by hand never races the clock.
 */
export function testScenarios(maxPlayers = 4): string {
  const dir = tempDir("gs-scenarios-");
  const source = readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8");
  writeFileSync(join(dir, "rongcheng-pilot.json"), source);
  writeFileSync(join(dir, "quick-demo.json"), readFileSync(join(ROOT, "assets/scenarios/quick-demo.json"), "utf8"));
  const tiny = { ...(JSON.parse(source) as Record<string, unknown>), id: "tiny-room", default: false, maxPlayers };
  writeFileSync(join(dir, "tiny-room.json"), JSON.stringify(tiny));
  // the shortest phases a scenario may have, for tests of the room's clock
  const fast = { ...(JSON.parse(source) as Record<string, unknown>), id: "fast-clock", default: false, phases: { days: 4, morning: 5, day: 5, evening: 5, night: 5 } };
  writeFileSync(join(dir, "fast-clock.json"), JSON.stringify(fast));
  // the quick demo with phases no test outlasts, for browser tests that pace the game by hand
  const demo = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/quick-demo.json"), "utf8")) as Record<string, unknown> & { title: Record<string, string> };
  const slow = { ...demo, id: "quick-demo-slow", default: false, title: { en: "Quick demo, long phases", zh: "快速体验（长时段）" }, phases: { days: 2, morning: 1800, day: 1800, evening: 1800, night: 1800 } };
  writeFileSync(join(dir, "quick-demo-slow.json"), JSON.stringify(slow));
  const pilotSlow = { ...(JSON.parse(source) as Record<string, unknown>), id: "pilot-slow", default: false, title: { en: "Pilot, long phases", zh: "试点（长时段）" }, phases: { days: 4, morning: 3600, day: 3600, evening: 3600, night: 3600 } };
  writeFileSync(join(dir, "pilot-slow.json"), JSON.stringify(pilotSlow));
  return dir;
}

export async function startTestServer(env: Record<string, string> = {}, dataDir = tempDir()): Promise<TestServer> {
  mkdirSync(dataDir, { recursive: true });
  const database = onPostgres() && !env.DATABASE_URL ? { DATABASE_URL: await databaseFor(dataDir) } : {};
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", ...database, ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const running = await startServer(config, { log: createLogger("info", sink), scenariosDir: testScenarios() });
  return testServer(running, dataDir, logs);
}

/** A running server with the tests' handles on it. */
export function testServer(running: Running, dataDir: string, logs: string[]): TestServer {
  return {
    ...running,
    logs,
    dataDir,
    createSession: (scenarioId = "rongcheng-pilot") => createSessionAt(running.url, scenarioId),
    events: async (code) => {
      const record = await running.services.store.sessionByCode(code);
      return record ? running.services.store.events(record.id) : [];
    },
  };
}

export async function createSessionAt(url: string, scenarioId = "rongcheng-pilot"): Promise<{ code: string; hostToken: string }> {
  const response = await fetch(`${url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId }),
  });
  if (response.status !== 201) throw new Error(`creating a session failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { code: string; hostToken: string };
}

/**
 * Waits until `check` returns true, polling; fails with `what` after `timeoutMs` — a watchdog as
 * generous as the pages' own waits, for a machine running two suites at once.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
