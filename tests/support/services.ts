/**
 * Redis and PostgreSQL for the multi-process tests: whether they are installed, and whether a
 * test that needs them runs. Without them those tests are skipped with a message — except in CI
 * (CI is set), where they must run and a missing binary fails them.
 */
import { postgresBin } from "./postgres.ts";
import { redisServerPath } from "./redis.ts";

export type Service = "redis" | "postgres";

const INSTALL: Record<Service, string> = {
  redis: "redis-server (apt-get install -y redis-server, or set REDIS_SERVER)",
  postgres: "PostgreSQL's initdb, postgres, createdb and psql (apt-get install -y postgresql, or set PG_BIN)",
};

/** Which of the services' binaries are here, and what is missing. */
export function servicesAvailable(): { redis: boolean; postgres: boolean; missing: Service[] } {
  const redis = redisServerPath() !== undefined;
  const postgres = postgresBin() !== undefined;
  const missing: Service[] = [];
  if (!redis) missing.push("redis");
  if (!postgres) missing.push("postgres");
  return { redis, postgres, missing };
}

/**
 * For `describe.skipIf(skipWithoutServices("redis", "postgres"))`: true (skip, with a printed
 * message) when one of `needed` is missing and we are not in CI; in CI always false, so the tests
 * run and fail on the missing binary.
 */
export function skipWithoutServices(...needed: Service[]): boolean {
  const missing = servicesAvailable().missing.filter((s) => needed.includes(s));
  if (missing.length === 0) return false;
  const list = missing.map((s) => INSTALL[s]).join("; ");
  if (process.env.CI) {
    console.error(`\n[CI] missing ${list}: the tests that need it will fail.\n`);
    return false;
  }
  console.warn(`\n[tests needing ${missing.join(" and ")} skipped] missing ${list}. CI runs them always.\n`);
  return true;
}
