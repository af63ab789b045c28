/** Runs in every test file's process: after its tests, the PostgreSQL its servers used (TEST_STORE=postgres) stops. */
import { afterAll } from "vitest";

afterAll(async () => {
  if (process.env.TEST_STORE !== "postgres") return;
  const { stopSharedPostgres } = await import("./databases.ts");
  await stopSharedPostgres();
});
