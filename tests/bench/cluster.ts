/**
 * Several of our server processes sharing sessions, for the capacity bench
 * (`--server-processes N`): a private Redis and PostgreSQL (tests/support), then N servers, each
 * under the probe on its own port, with PUBLIC_ADDRESS=127.0.0.1:<its port> and the same
 * REDIS_URL and DATABASE_URL (docs/scale.md). To the bench it is one BenchServer: `urls` lists
 * the processes (the fleet creates sessions through each in turn), and its probe merges theirs:
 * CPU and memory summed, the worst event-loop delay, each process's sample kept. `close()` stops
 * the servers, then Redis and PostgreSQL.
 */
import { readFileSync, readdirSync } from "node:fs";
import { freePort } from "../support/process.ts";
import { startPostgres } from "../support/postgres.ts";
import { startRedis } from "../support/redis.ts";
import { startOurs, type BenchServer } from "./fleet.ts";
import type { ProbeHeap, ProbeSample } from "./probe.ts";

export type ClusterSample = ProbeSample & {
  /** Each server process's own sample, in start order. */
  processes: ProbeSample[];
  /** CPU of Redis and PostgreSQL (all its backends) over the same window (cores; NaN off Linux). */
  servicesCpuCores: number;
};

export function isClusterSample(sample: ProbeSample): sample is ClusterSample {
  return Array.isArray((sample as Partial<ClusterSample>).processes);
}

export async function startCluster(count: number): Promise<BenchServer> {
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const servers: BenchServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all([redis.stop(), postgres.stop()]);
  };
  try {
    // one after another: each creates the tables at its start
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      servers.push(await startOurs({ PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}`, REDIS_URL: redis.url, DATABASE_URL: postgres.url }));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const services = [redis.pid, postgres.pid];
  let servicesMark = treeCpuSeconds(services);
  let servicesAt = performance.now();
  const sum = <T>(parts: T[], key: keyof T) => parts.reduce((n, p) => n + Number(p[key]), 0);
  const worst = (parts: ProbeSample[], key: "loopP50" | "loopP99" | "loopMax") => Math.max(...parts.map((p) => p[key]));
  return {
    target: "ours",
    url: servers[0]!.url,
    urls: servers.map((s) => s.url),
    pid: servers[0]!.pid,
    probe: {
      async sample(): Promise<ClusterSample> {
        const processes = await Promise.all(servers.map((s) => s.probe.sample()));
        const mark = treeCpuSeconds(services);
        const at = performance.now();
        const servicesCpuCores = (mark - servicesMark) / ((at - servicesAt) / 1000);
        [servicesMark, servicesAt] = [mark, at];
        return {
          loopP50: worst(processes, "loopP50"),
          loopP99: worst(processes, "loopP99"),
          loopMax: worst(processes, "loopMax"),
          cpuCores: sum(processes, "cpuCores"),
          wallMs: Math.max(...processes.map((p) => p.wallMs)),
          rssBytes: sum(processes, "rssBytes"),
          heapUsedBytes: sum(processes, "heapUsedBytes"),
          processes,
          servicesCpuCores,
        };
      },
      async heap(): Promise<ProbeHeap> {
        const parts = await Promise.all(servers.map((s) => s.probe.heap()));
        const handleKinds: Record<string, number> = {};
        for (const part of parts) for (const [kind, n] of Object.entries(part.handleKinds)) handleKinds[kind] = (handleKinds[kind] ?? 0) + n;
        return {
          heapUsedBytes: sum(parts, "heapUsedBytes"),
          codeBytes: sum(parts, "codeBytes"),
          rssBytes: sum(parts, "rssBytes"),
          handles: sum(parts, "handles"),
          handleKinds,
          collected: parts.every((p) => p.collected),
        };
      },
    },
    close: stopAll,
  };
}

/** CPU seconds used so far by these processes and all their descendants (Linux /proc; NaN elsewhere). */
function treeCpuSeconds(roots: number[]): number {
  try {
    const stats = new Map<number, { parent: number; ticks: number }>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        // the command name (field 2) may hold spaces: the fields after it start past the last ")"
        const text = readFileSync(`/proc/${name}/stat`, "utf8");
        const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
        stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // exited meanwhile
      }
    }
    const inTree = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 20; p = stats.get(p)?.parent ?? 0, hops++) if (roots.includes(p)) return true;
      return false;
    };
    let ticks = 0;
    for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
    return ticks / 100; // USER_HZ, 100 on Linux
  } catch {
    return NaN;
  }
}
