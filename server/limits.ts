/**
 * Attempt limits per client address (rate-limiter-flexible, in memory): refused joins, join
 * requests to the matchmaker and WebSocket upgrades.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type AttemptLimiter = {
  /** Counts one attempt; false once the address has used up its allowance. */
  take(key: string): Promise<boolean>;
  /** True when the address has no attempts left, without counting one. */
  exhausted(key: string): Promise<boolean>;
};

export function attemptLimiter(points: number, durationSeconds: number): AttemptLimiter {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
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
