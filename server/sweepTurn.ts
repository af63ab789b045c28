/**
 * Retention's sweep runs once per period for the whole deployment, not once per process: with
 * several processes sharing a Redis, the process that takes `gs:sweep` for the period (SET NX
 * with an expiry) deletes what has expired; the others leave it. One process always sweeps.
 */
import type { Redis } from "ioredis";

export type SweepTurn = () => Promise<boolean>;

export const alwaysMyTurn: SweepTurn = async () => true;

export function sharedSweepTurn(redis: Redis, me: string, periodMs: number): SweepTurn {
  // the turn lasts a little less than a period, so the next period's sweep is never skipped by its own last one
  const holdMs = Math.max(1, Math.floor(periodMs * 0.9));
  return async () => (await redis.set("gs:sweep", me, "PX", holdMs, "NX")) === "OK";
}
