/**
 * The server as a separate process (`node --import tsx server/main.ts`), for tests that kill it
 * with SIGKILL or check how it starts and stops.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";
import { databaseFor, onPostgres } from "./databases.ts";

export type ServerProcess = { child: ChildProcess; port: number; url: string; output: () => string; exited: Promise<number | null> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts the server and resolves once it answers its health check (or rejects if it exits first).
 * With TEST_STORE=postgres, a server given a DATA_DIR keeps its sessions in that folder's database (databases.ts).
 */
export async function spawnServer(
  env: Record<string, string>,
  { waitReady = true, nodeArgs = [] as string[], user = undefined as { uid: number; gid: number } | undefined } = {},
): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  if (onPostgres() && env.DATA_DIR && !env.DATABASE_URL) env = { ...env, DATABASE_URL: await databaseFor(env.DATA_DIR) };
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(ROOT, "server/main.ts")], {
    cwd: ROOT,
    ...user,
    env: { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running: ServerProcess = { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited };
  if (!waitReady) return running;
  // a watchdog, not a budget: a server started while the machine runs two suites can take a while
  const deadline = Date.now() + 90_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited during start:\n${output}`);
    try {
      const response = await fetch(`${running.url}/api/health`);
      if (response.ok) return running;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start in time:\n${output}`);
}

export async function kill(server: ServerProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}
