/**
 * Join burst (benchmark, not a test): a fresh server, sessions created through the API, then
 * `players` players arrive evenly over `seconds` (a school's classes logging in at once), each
 * filling the sessions in turn. Reports failed joins, join time p50/p99/max and when the last
 * join finished. Bar (QUALITY.md): 300 players within 30 s, zero failed joins.
 *
 *   npx tsx tests/bench/joinBurst.ts [--players 300] [--seconds 30]
 */
import { Fleet, createSession, startOurs } from "./fleet.ts";
import { percentile } from "./latency.ts";

export type BurstResult = {
  players: number;
  seconds: number;
  rooms: number;
  failures: number;
  /** Why joins failed, if any did (distinct messages). */
  failureReasons: string[];
  joinP50: number;
  joinP99: number;
  joinMax: number;
  /** From the first scheduled arrival to the last finished join. */
  wallSeconds: number;
  cpuCores: number;
  loopP99: number;
};

export async function runJoinBurst({ players, seconds, roomSize = 30, processes = 3 }: { players: number; seconds: number; roomSize?: number; processes?: number }): Promise<BurstResult> {
  const server = await startOurs();
  const fleet = new Fleet(server, processes);
  try {
    const codes: string[] = [];
    for (let i = 0; i < Math.ceil(players / roomSize); i++) codes.push((await createSession(server.url)).code);
    await server.probe.sample();
    const burst = await fleet.burst(codes, roomSize, players, seconds);
    const sample = await server.probe.sample();
    return {
      players,
      seconds,
      rooms: codes.length,
      failures: burst.failures,
      failureReasons: burst.reasons,
      joinP50: percentile(burst.joinTimes, 50),
      joinP99: percentile(burst.joinTimes, 99),
      joinMax: Math.max(...burst.joinTimes),
      wallSeconds: burst.wallSeconds,
      cpuCores: sample.cpuCores,
      loopP99: sample.loopP99,
    };
  } finally {
    await fleet.close();
  }
}

export function formatBurst(r: BurstResult): string {
  return [
    `${r.players} players over ${r.seconds} s into ${r.rooms} sessions; last join done ${r.wallSeconds.toFixed(1)} s after the first arrival`,
    `  failed joins          ${r.failures}${r.failureReasons.length ? ` (${r.failureReasons.join("; ")})` : ""}`,
    `  join time             p50 ${r.joinP50.toFixed(1)} ms  p99 ${r.joinP99.toFixed(1)} ms  max ${r.joinMax.toFixed(1)} ms`,
    `  server                ${r.cpuCores.toFixed(2)} cores, event-loop delay p99 ${r.loopP99.toFixed(1)} ms`,
  ].join("\n");
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatBurst(await runJoinBurst({ players: option("players", 300), seconds: option("seconds", 30) })));
  process.exit(0);
}
