/**
 * A private PostgreSQL cluster for tests: initdb into a temporary folder, postgres on 127.0.0.1
 * and a free port (its socket in the same folder), trust authentication, fsync off, one database.
 *
 * PostgreSQL refuses to run as root, so as root the folder belongs to the `postgres` OS user and
 * initdb and postgres run as that user; otherwise they run as ourselves. The binaries come from
 * `PG_BIN` if set (and only from there), else the folder of the initdb on the PATH, else the newest
 * /usr/lib/postgresql/<version>/bin (where Debian puts them, off the PATH).
 */
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./process.ts";
import { findExecutable, isExecutable, startDaemon, waitUntilReady, type Daemon, type User } from "./daemon.ts";

const run = promisify(execFile);

export type PostgresService = { url: string; port: number; pid: number; dir: string; bin: string; stop(): Promise<void> };

/** What the harness and tests run: the server, the cluster setup, and the client tools. */
const TOOLS = ["initdb", "postgres", "createdb", "psql"];

/** The folder holding all of TOOLS, or undefined when PostgreSQL is not installed. */
export function postgresBin(): string | undefined {
  const holdsTools = (dir: string) => TOOLS.every((tool) => isExecutable(join(dir, tool)));
  if (process.env.PG_BIN) return holdsTools(process.env.PG_BIN) ? process.env.PG_BIN : undefined;
  const candidates: string[] = [];
  const initdb = findExecutable("initdb");
  // /usr/local/bin/initdb may be a link into the folder that also holds psql and createdb
  if (initdb) candidates.push(dirname(initdb), dirname(realpathSync(initdb)));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+(\.\d+)?$/.test(v));
    versions.sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, "bin")));
  }
  return candidates.find(holdsTools);
}

/** As root: the `postgres` OS user (PostgreSQL will not run as root). Otherwise: ourselves. */
function serviceUser(): User | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error("running as root, but there is no `postgres` OS user to run PostgreSQL as");
  }
}

/** postmaster.pid: line 4 is the port, line 8 the status ("ready" once it accepts connections). */
function readyOnPort(dir: string, port: number): boolean {
  try {
    const lines = readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n");
    return lines[3]?.trim() === String(port) && lines[7]?.trim() === "ready";
  } catch {
    return false;
  }
}

export async function startPostgres({ database = "good_standing" } = {}): Promise<PostgresService> {
  const bin = postgresBin();
  if (!bin) throw new Error(`PostgreSQL not found (${TOOLS.join(", ")}; set PG_BIN, or: apt-get install -y postgresql)`);
  const user = serviceUser();
  const dir = mkdtempSync(join(tmpdir(), "gs-postgres-"));
  try {
    if (user) chownSync(dir, user.uid, user.gid);
    const env = { LC_ALL: "C", LANG: "C", TZ: "UTC" };
    await run(join(bin, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
      cwd: dir, // the postgres user may not be able to read our working directory
      ...user,
      env: { ...process.env, ...env },
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`initdb failed: ${error.stderr || error.message}`);
    });
    // Another process may take the free port between the probe and postgres's bind: then this
    // postgres exits ("could not bind") and a new port is tried. postmaster.pid in our folder
    // saying "ready" proves that *this* server accepts connections on the port.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const daemon = startDaemon(
        join(bin, "postgres"),
        ["-D", dir, "-k", dir, "-p", String(port), "-h", "127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        { cwd: dir, user, env },
      );
      try {
        await waitUntilReady(daemon, "postgres", async () => readyOnPort(dir, port));
      } catch (error) {
        await daemon.stop("SIGQUIT");
        if (attempt < 3 && /could not bind|Address already in use/i.test(daemon.output())) continue;
        throw error;
      }
      const service = postgresService(daemon, port, dir, bin, database);
      try {
        await run(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database], { env: { ...process.env, ...env } });
      } catch (error) {
        await service.stop();
        throw new Error(`createdb failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
      }
      return service;
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function postgresService(daemon: Daemon, port: number, dir: string, bin: string, database: string): PostgresService {
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    pid: daemon.pid,
    dir,
    bin,
    async stop() {
      // SIGINT is the fast shutdown: open sessions are ended, the postmaster waits for its
      // backends and exits (fsync off: nothing to flush that a test needs).
      await daemon.stop("SIGINT", 30_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
