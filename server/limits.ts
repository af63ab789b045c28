/**
 * Attempt limits per client address (rate-limiter-flexible): refused joins, join requests to the
 * matchmaker and WebSocket upgrades. In memory; with several processes (REDIS_URL) in Redis, so an
 * address has one allowance however its requests are spread over the processes (in memory again
 * while Redis does not answer).
 */
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

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
