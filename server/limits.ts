/**
 * Limits per client address. Attempt limits (rate-limiter-flexible): refused joins, join requests
 * to the matchmaker and WebSocket upgrades. Request limits (express-rate-limit): the HTTP API and
 * session creation. In memory; with several processes (REDIS_URL) in Redis, so an address has one
 * allowance however its requests are spread over the processes. While Redis does not answer,
 * attempts are counted in memory again and requests pass.
 */
import type { Redis } from "ioredis";
import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { HttpRefusal } from "../shared/protocol/http.ts";

export type AttemptLimiter = {
  /** Counts one attempt; false once the address has used up its allowance. */
  take(key: string): Promise<boolean>;
  /** True when the address has no attempts left, without counting one. */
  exhausted(key: string): Promise<boolean>;
};

/** Shared by the processes: the Redis client and a name for this limit's keys. */
export type SharedLimit = { redis: Redis; name: string };

export function attemptLimiter(points: number, durationSeconds: number, shared?: SharedLimit): AttemptLimiter {
  const memory = new RateLimiterMemory({ points, duration: durationSeconds });
  const limiter: RateLimiterAbstract = shared
    ? new RateLimiterRedis({
        storeClient: shared.redis,
        keyPrefix: `gs:limit:${shared.name}`,
        points,
        duration: durationSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
    async exhausted(key) {
      const res = await limiter.get(key);
      return res !== null && res.remainingPoints <= 0;
    },
  };
}

/** A request limit by name: at most `limit` requests per address in `windowMs`, answered 429 `too_many_attempts` past it. */
export type RequestLimits = (name: string, windowMs: number, limit: number) => RequestHandler;

const TOO_MANY = { reason: "too_many_attempts" } satisfies HttpRefusal;

export function requestLimits(shared?: Redis): RequestLimits {
  return (name, windowMs, limit) =>
    rateLimit({
      windowMs,
      limit,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      message: TOO_MANY,
      ...(shared && {
        store: new RedisStore({ prefix: `gs:limit:${name}:`, sendCommand: (command: string, ...args: string[]) => shared.call(command, ...args) as Promise<RedisReply> }),
        passOnStoreError: true,
      }),
    });
}
