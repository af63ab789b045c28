/**
 * One holder per session room. With one process (no REDIS_URL) this process holds everything.
 * With several processes sharing a Redis, a session's room is open in the process that holds the
 * lease `gs:holder:<code>` (its Colyseus processId, with an expiry): taken atomically (SET NX),
 * renewed by the holder while its room is open, released when the room closes, and taken over
 * from a holder that is known dead (it failed Colyseus's health check) or whose lease ran out.
 */
import { Redis } from "ioredis";
import type { Logger } from "./log.ts";

export type Holders = {
  /** Takes the session for `me`; false when another process holds it. Taking it again is fine. */
  claim(code: string, me: string): Promise<boolean>;
  /** The process holding the session, if any. */
  holder(code: string): Promise<string | undefined>;
  /** Takes the session from `dead` (only if `dead` still holds it). */
  takeOver(code: string, dead: string, me: string): Promise<boolean>;
  /** Lets the session go (only if `me` holds it). */
  release(code: string, me: string): Promise<void>;
  close(): Promise<void>;
};

/** One process: it holds every session. */
export const soleHolder: Holders = {
  claim: async () => true,
  holder: async () => undefined,
  takeOver: async () => true,
  release: async () => {},
  close: async () => {},
};

/** Redis could not be reached at start: the message names host:port, never the password. */
export class RedisOpenError extends Error {
  constructor(where: string, reason: string) {
    super(`Cannot reach Redis at ${where} (${reason}). Check REDIS_URL, and that redis-server runs and lets this process in.`);
  }
}

/** host:port of a Redis URL, without user or password. */
export function describeRedis(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || "localhost"}:${parsed.port || "6379"}`;
  } catch {
    return "(unreadable REDIS_URL)";
  }
}

/** Connects once and PINGs (within `timeoutMs`), so a wrong REDIS_URL stops the start with a clear message instead of hanging. */
export async function reachRedis(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: Error | undefined; // ioredis reports the socket's error here, and "Connection is closed" to connect()
  client.on("error", (error: Error) => (cause ??= error));
  try {
    await client.connect();
    const answer = await Promise.race([client.ping(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer to PING")), timeoutMs).unref())]);
    if (answer !== "PONG") throw new Error(`unexpected answer to PING: ${String(answer)}`);
  } catch (error) {
    const message = ((cause ?? (error as Error)).message || "unknown error").replaceAll(url, describeRedis(url));
    throw new RedisOpenError(describeRedis(url), message);
  } finally {
    client.disconnect();
  }
}

export type RedisHoldersOptions = {
  /** How long a lease lasts without renewal (a dead holder's sessions are free after at most this). */
  leaseMs?: number;
  /** Called with a code whose lease this process lost (another process took it): close the room. */
  onLost?: (code: string) => void;
  /** Called with each code whose lease was just renewed (the holder checks its room is still listed). */
  onKept?: (code: string) => Promise<void>;
};

const key = (code: string) => `gs:holder:${code}`;

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const TAKE_OVER = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 elseif redis.call('set', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[3]) then return 1 else return 0 end`;

/** The Redis connection of this process's own keys (holders, shared limits); Colyseus has its own. */
export function redisClient(url: string, log: Logger): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 2 });
  client.on("error", (error: Error) => log.warn({ redis: describeRedis(url), err: { message: error.message.replaceAll(url, describeRedis(url)) } }, "redis error"));
  return client;
}

/** Holders on `client` (which the caller closes, after `close()`). */
export function redisHolders(client: Redis, log: Logger, options: RedisHoldersOptions = {}): Holders {
  const leaseMs = options.leaseMs ?? 15_000;
  /** Sessions this process holds, renewed until released. */
  const held = new Map<string, string>();

  const renew = async () => {
    for (const [code, me] of held) {
      try {
        const kept = Number(await client.eval(RENEW, 1, key(code), me, String(leaseMs)));
        if (kept === 1) {
          await options.onKept?.(code);
          continue;
        }
        // our lease ran out and someone else may hold it: take it back if free, else close here
        const again = await client.set(key(code), me, "PX", leaseMs, "NX");
        if (again === "OK") continue;
        held.delete(code);
        log.error({ code }, "another process holds this session now: closing its room here");
        options.onLost?.(code);
      } catch (error) {
        log.warn({ code, err: { message: (error as Error).message } }, "could not renew the hold on a session");
      }
    }
  };
  const renewing = setInterval(() => void renew(), Math.max(500, Math.floor(leaseMs / 3)));
  renewing.unref();

  return {
    async claim(code, me) {
      const taken = await client.set(key(code), me, "PX", leaseMs, "NX");
      if (taken === "OK" || (await client.get(key(code))) === me) {
        held.set(code, me);
        await client.pexpire(key(code), leaseMs);
        return true;
      }
      return false;
    },
    async holder(code) {
      return (await client.get(key(code))) ?? undefined;
    },
    async takeOver(code, dead, me) {
      const taken = Number(await client.eval(TAKE_OVER, 1, key(code), dead, me, String(leaseMs))) === 1;
      if (taken) held.set(code, me);
      return taken;
    },
    async release(code, me) {
      if (held.get(code) === me) held.delete(code);
      await client.eval(RELEASE, 1, key(code), me);
    },
    async close() {
      clearInterval(renewing);
      const releasing = [...held].map(([code, me]) => client.eval(RELEASE, 1, key(code), me).catch(() => {}));
      held.clear();
      await Promise.all(releasing);
    },
  };
}
