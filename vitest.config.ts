import { defineConfig } from "vitest/config";

// One run covers unit tests (pure rules), server tests over real WebSockets and browser tests in
// real Chromium. Server and browser files each start their own server on a free port, so files
// may run in parallel; two workers match the two cores of our machines.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/bench/**", "node_modules/**"],
    pool: "forks",
    maxWorkers: 2,
    // Watchdogs against a hung test, not budgets: every wait inside a test is for a condition. They
    // are generous because the suite must also pass on a busy machine (two runs side by side).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The Colyseus SDK announces every socket a server closes and every reconnection attempt on the
    // console; tests refuse and drop sockets on purpose and assert the outcome themselves.
    onConsoleLog: (log) => !/^Room connection was closed unexpectedly|^\[Colyseus reconnection\]/.test(log),
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
  },
});
