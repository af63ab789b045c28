/**
 * A long-running helper process for tests (redis-server, postgres): started with its output
 * captured, waited for on a condition, stopped with a signal, and killed if the test process
 * exits while it still runs (a crashed or interrupted test file leaves no daemon behind).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export type Daemon = {
  child: ChildProcess;
  pid: number;
  output: () => string;
  /** Set once the process has exited. */
  exitCode: () => number | null | undefined;
  exited: Promise<number | null>;
  /** Sends `signal`, and SIGKILL if it has not exited after `graceMs`; resolves once it exited. */
  stop: (signal: NodeJS.Signals, graceMs?: number) => Promise<void>;
};

export type User = { uid: number; gid: number };

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function startDaemon(command: string, args: string[], options: { cwd: string; user?: User | undefined; env?: Record<string, string> }): Daemon {
  const child = spawn(command, args, {
    cwd: options.cwd,
    ...options.user,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  running.add(child);
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", (error) => {
      output += `\n${String(error)}`;
      code = null;
      running.delete(child);
      resolve(null);
    });
    child.once("exit", (exitCode, signal) => {
      if (signal) output += `\n(killed by ${signal})`;
      code = exitCode;
      running.delete(child);
      resolve(exitCode);
    });
  });
  const stop = async (signal: NodeJS.Signals, graceMs = 10_000): Promise<void> => {
    if (code !== undefined) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { child, pid: child.pid ?? -1, output: () => output, exitCode: () => code, exited, stop };
}

/**
 * Polls `ready` until it returns true; throws if the daemon exits first or `timeoutMs` passes.
 * `ready` may throw (not listening yet): that counts as not ready. The caller stops the daemon
 * on failure (each knows its own signal: postgres must get to stop its backends).
 */
export async function waitUntilReady(daemon: Daemon, what: string, ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemon.exitCode() !== undefined) throw new Error(`${what} exited during start (code ${daemon.exitCode()}):\n${daemon.output()}`);
    try {
      if (await ready()) return;
    } catch {
      // not answering yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} did not answer within ${timeoutMs} ms:\n${daemon.output()}`);
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const pathDirs = (): string[] => (process.env.PATH ?? "").split(delimiter).filter(Boolean);

/**
 * The first executable `name` in `dirs` (default: the PATH). Symlinks are kept: some programs
 * act on the name they were called by (Debian's redis-server is a link to redis-check-rdb).
 */
export function findExecutable(name: string, dirs: string[] = pathDirs()): string | undefined {
  for (const dir of dirs) {
    const path = join(dir, name);
    if (isExecutable(path)) return path;
  }
  return undefined;
}

/** Whether a process with this pid still exists (a zombie child of ours counts as gone once reaped). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
