/**
 * A private redis-server for tests: 127.0.0.1, a free port, its own temporary folder, nothing
 * saved to disk. `REDIS_SERVER` may name the binary; otherwise it is looked up on the PATH.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./process.ts";
import { findExecutable, isExecutable, pathDirs, startDaemon, waitUntilReady, type Daemon } from "./daemon.ts";

export type RedisService = { url: string; port: number; pid: number; dir: string; stop(): Promise<void> };

export function redisServerPath(): string | undefined {
  const named = process.env.REDIS_SERVER;
  if (named) return isExecutable(named) ? named : undefined;
  return findExecutable("redis-server", [...pathDirs(), "/usr/bin", "/usr/local/bin", "/usr/sbin"]);
}

/**
 * Sends one command over RESP and resolves with its reply: a simple string ("+PONG"), an error
 * ("-ERR …"), an integer (":1") as that line, or a bulk string as its text (null for $-1).
 * Enough for tests that must not depend on a Redis client library.
 */
export function redisCommand(port: number, ...args: string[]): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let reply = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(new Error("no reply within 2 s")), 2_000);
    const done = (value: string | null) => {
      clearTimeout(timer);
      socket.end();
      resolve(value);
    };
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("data", (d: Buffer) => {
      reply = Buffer.concat([reply, d]);
      const end = reply.indexOf("\r\n");
      if (end < 0) return;
      const line = reply.subarray(0, end).toString();
      if (!line.startsWith("$")) return done(line);
      const length = Number(line.slice(1));
      if (length < 0) return done(null);
      if (reply.length >= end + 2 + length + 2) done(reply.subarray(end + 2, end + 2 + length).toString());
    });
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`);
  });
}

/** The pid of the redis-server answering on `port` (from INFO server). */
export async function redisPid(port: number): Promise<number | undefined> {
  const info = await redisCommand(port, "INFO", "server");
  const match = /^process_id:(\d+)/m.exec(info ?? "");
  return match ? Number(match[1]) : undefined;
}

export async function startRedis(): Promise<RedisService> {
  const binary = redisServerPath();
  if (!binary) throw new Error("redis-server not found (set REDIS_SERVER, or: apt-get install -y redis-server)");
  const dir = mkdtempSync(join(tmpdir(), "gs-redis-"));
  try {
    // Another process may take the free port between the probe and redis's bind: then this
    // redis exits ("Address already in use") and a new port is tried. Ready means that *this*
    // process answers on the port, not merely that something does.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const daemon = startDaemon(
        binary,
        ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", ""],
        { cwd: dir },
      );
      try {
        await waitUntilReady(daemon, "redis-server", async () => (await redisPid(port)) === daemon.pid);
      } catch (error) {
        await daemon.stop("SIGKILL");
        if (attempt < 3 && /Address already in use/i.test(daemon.output())) continue;
        throw error;
      }
      return service(daemon, port, dir);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function service(daemon: Daemon, port: number, dir: string): RedisService {
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: daemon.pid,
    dir,
    async stop() {
      await daemon.stop("SIGTERM"); // with no save points redis exits without writing anything
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
