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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
