import { defineConfig } from "vitest/config";
import { servicesAvailable } from "./tests/support/services.ts";

// One run covers unit tests (pure rules), server tests over real WebSockets and browser tests in
// real Chromium. Server and browser files each start their own server on a free port, so files
// may run in parallel; two workers match the two cores of our machines.

/**
 * The server tests that matter most for a store run once more with the PostgreSQL store
 * (TEST_STORE=postgres: each file starts its own PostgreSQL): a crash, hostile clients, every
 * refusal. Where PostgreSQL is not installed they are left out with a message, except in CI.
 */
const ON_POSTGRES = ["tests/server/crash-recovery.test.ts", "tests/server/fuzz.test.ts", "tests/server/permissions.test.ts"];
const postgres = servicesAvailable().postgres || Boolean(process.env.CI);
if (!postgres) console.warn("[the PostgreSQL run of the crash, fuzz and permissions tests is left out] PostgreSQL is not installed here (apt-get install -y postgresql). CI runs it always.");

export default defineConfig({
  test: {
    exclude: ["tests/bench/**", "node_modules/**"],
    pool: "forks",
    maxWorkers: 2,
    // Watchdogs against a hung test, not budgets: every wait inside a test is for a condition. They
    // are generous because the suite must also pass on a busy machine (two runs side by side).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // `expect.poll` waits for its condition as long as a page's own waits do (vitest's default is 1 s)
    expect: { poll: { timeout: 30_000 } },
    // The Colyseus SDK announces every socket a server closes and every reconnection attempt on the
    // console; tests refuse and drop sockets on purpose and assert the outcome themselves.
    onConsoleLog: (log) => !/^Room connection was closed unexpectedly|^\[Colyseus reconnection\]/.test(log),
    setupFiles: ["tests/support/setup.ts"],
    projects: [
      // the pages the browser tests load are built once, before everything
      { extends: true, test: { name: "sqlite", include: ["tests/**/*.test.ts"], globalSetup: ["tests/support/global-setup.ts"] } },
      ...(postgres ? [{ extends: true as const, test: { name: "postgres", include: ON_POSTGRES, env: { TEST_STORE: "postgres" } } }] : []),
    ],
  },
});
