/** Retention's sweep, with several processes on one Redis: one process sweeps per period, and another once the period has passed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startRedis, type RedisService } from "../support/redis.ts";
import { skipWithoutServices } from "../support/services.ts";
import { until } from "../support/server.ts";
import { alwaysMyTurn, sharedSweepTurn } from "../../server/sweepTurn.ts";

describe.skipIf(skipWithoutServices("redis"))("whose turn it is to sweep", () => {
  let redis: RedisService;
  let client: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    await client?.quit();
    await redis?.stop();
  });

  it("is one process's per period; the next period, any process's", async () => {
    const a = sharedSweepTurn(client, "process-a", 300);
    const b = sharedSweepTurn(client, "process-b", 300);
    expect(await a()).toBe(true);
    expect(await b()).toBe(false);
    expect(await a()).toBe(false); // once per period, even for the same process
    await until(() => b(), "B's turn once A's period ran out");
    expect(await a()).toBe(false);
  });

  it("is always a lone process's", async () => {
    expect(await alwaysMyTurn()).toBe(true);
    expect(await alwaysMyTurn()).toBe(true);
  });
});
