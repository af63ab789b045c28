/**
 * The services the multi-process tests share: a private Redis and a private PostgreSQL start on
 * free loopback ports in their own temporary folders, answer, and stop leaving no process, port
 * or folder behind. (No Redis or PostgreSQL client library: a raw RESP exchange and psql.)
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { alive } from "../support/daemon.ts";
import { redisCommand, startRedis, type RedisService } from "../support/redis.ts";
import { startPostgres, type PostgresService } from "../support/postgres.ts";
import { skipWithoutServices } from "../support/services.ts";

const run = promisify(execFile);

/** Every live descendant of `pid` (Linux /proc; empty elsewhere). */
function descendants(pid: number): number[] {
  if (!existsSync("/proc")) return [];
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")"
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function expectGone(pids: number[], port: number, dir: string): Promise<void> {
  expect(pids.filter(alive)).toEqual([]);
  expect(await listening(port)).toBe(false);
  expect(existsSync(dir)).toBe(false);
}

describe.skipIf(skipWithoutServices("redis"))("a private Redis", () => {
  const started: RedisService[] = [];
  afterAll(() => Promise.all(started.map((r) => r.stop())));

  it("starts on a free loopback port, answers PING, keeps nothing on disk, stops leaving nothing behind", async () => {
    const redis = await startRedis();
    started.push(redis);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await redisCommand(redis.port, "PING")).toBe("+PONG");
    expect(await redisCommand(redis.port, "SET", "greeting", "héllo")).toBe("+OK");
    expect(await redisCommand(redis.port, "GET", "greeting")).toBe("héllo");
    expect(await redisCommand(redis.port, "CONFIG", "GET", "save")).toBe("*2"); // an array: save, ""
    expect(await redisCommand(redis.port, "CONFIG", "GET", "bind")).toBe("*2");

    const pids = [redis.pid, ...descendants(redis.pid)];
    await redis.stop();
    await expectGone(pids, redis.port, redis.dir);
  });

  it("runs side by side with another: separate ports, folders and data", async () => {
    const [a, b] = await Promise.all([startRedis(), startRedis()]);
    started.push(a, b);
    expect(a.port).not.toBe(b.port);
    expect(a.dir).not.toBe(b.dir);
    await redisCommand(a.port, "SET", "who", "a");
    expect(await redisCommand(b.port, "GET", "who")).toBeNull();
    await Promise.all([a.stop(), b.stop()]);
    await expectGone([a.pid], a.port, a.dir);
    await expectGone([b.pid], b.port, b.dir);
  });
});

describe.skipIf(skipWithoutServices("postgres"))("a private PostgreSQL", () => {
  const started: PostgresService[] = [];
  afterAll(() => Promise.all(started.map((p) => p.stop())));

  it("starts on a free loopback port, answers psql in its own database, stops leaving nothing behind", async () => {
    const pg = await startPostgres();
    started.push(pg);
    const url = new URL(pg.url);
    expect([url.protocol, url.username, url.hostname, url.port, url.pathname]).toEqual(["postgres:", "postgres", "127.0.0.1", String(pg.port), "/good_standing"]);

    const psql = (sql: string) =>
      run(join(pg.bin, "psql"), ["-X", "-A", "-t", "-h", "127.0.0.1", "-p", String(pg.port), "-U", "postgres", "-d", "good_standing", "-c", sql]);
    expect((await psql("select 1")).stdout.trim()).toBe("1");
    expect((await psql("select current_database() || ' ' || current_setting('fsync')")).stdout.trim()).toBe("good_standing off");
    // the URL itself is enough for a client (psql takes it as the database name)
    const viaUrl = await run(join(pg.bin, "psql"), ["-X", "-A", "-t", pg.url, "-c", "select 2"]);
    expect(viaUrl.stdout.trim()).toBe("2");

    const pids = [pg.pid, ...descendants(pg.pid)];
    expect(pids.length).toBeGreaterThan(1); // the postmaster and its background workers
    await pg.stop();
    await expectGone(pids, pg.port, pg.dir);
  });
});
