/**
 * Server processes sharing one Redis and one PostgreSQL, as the multi-process tests start them:
 * each on a free loopback port with its own data folder, announcing that port as its public
 * address, logging at info so tests can read who holds what.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, spawnServer, type ServerProcess } from "./process.ts";

/** Where a test keeps what it started, to stop and remove it afterwards. */
export type Started = { dirs: string[]; servers: ServerProcess[] };

export async function startSharing(shared: { redisUrl: string; databaseUrl: string }, started: Started, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "gs-scale-"));
  started.dirs.push(dir);
  const server = await spawnServer({
    PORT: String(port),
    DATA_DIR: dir,
    DATABASE_URL: shared.databaseUrl,
    REDIS_URL: shared.redisUrl,
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    LOG_LEVEL: "info",
    ...env,
  });
  started.servers.push(server);
  return server;
}

/** How many of `server`'s log lines name `code` and say `msg`. */
export const logged = (server: ServerProcess, code: string, msg: string) =>
  server
    .output()
    .split("\n")
    .filter((line) => line.includes(`"code":"${code}"`) && line.includes(`"msg":"${msg}"`)).length;
