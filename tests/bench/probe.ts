/**
 * Bench-only preload for a server process (ours or the echo baseline), so the server code needs
 * no hook: `node --expose-gc --import tsx --import ./tests/bench/probe.ts server/main.ts` with
 * BENCH_PROBE_PORT set. It samples the event-loop delay (perf_hooks.monitorEventLoopDelay), CPU
 * time and memory of the process it runs in and serves them on a side channel, a tiny HTTP
 * server on 127.0.0.1:BENCH_PROBE_PORT:
 *
 *   GET /sample  figures since the previous /sample (event-loop delay, CPU), then starts anew
 *   GET /heap    collects garbage (needs --expose-gc), then live heap, RSS and open handles; with
 *                BENCH_HEAP_SNAPSHOTS=<folder> it also writes a heap snapshot there (to compare two
 *                readings in Chrome's DevTools or with tests/bench/heapDiff.ts when the heap grows)
 *
 * Nothing here runs unless the bench starts the process with it.
 */
import { mkdirSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import v8 from "node:v8";
import { monitorEventLoopDelay } from "node:perf_hooks";

export type ProbeSample = {
  /** Event-loop delay beyond the sampling timer's own interval, in ms. */
  loopP50: number;
  loopP99: number;
  loopMax: number;
  /** CPU time used per second of wall time (1 = one core busy). */
  cpuCores: number;
  wallMs: number;
  rssBytes: number;
  heapUsedBytes: number;
};

export type ProbeHeap = {
  heapUsedBytes: number;
  /** The part of the live heap that is compiled code: it grows while V8 optimises hot functions. */
  codeBytes: number;
  rssBytes: number;
  /** `process.getActiveResourcesInfo()`: sockets, timers, file handles… */
  handles: number;
  handleKinds: Record<string, number>;
  collected: boolean;
};

/** The histogram records the whole interval between timer wake-ups; the delay is what exceeds it. */
const RESOLUTION_MS = 10;

const port = Number(process.env.BENCH_PROBE_PORT ?? "");
if (Number.isInteger(port) && port > 0) start(port);

function start(port: number): void {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  let cpuMark = process.cpuUsage();
  let wallMark = performance.now();
  const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

  const sample = (): ProbeSample => {
    const cpu = process.cpuUsage(cpuMark);
    const wallMs = performance.now() - wallMark;
    const memory = process.memoryUsage();
    const result: ProbeSample = {
      loopP50: delay(loop.percentile(50)),
      loopP99: delay(loop.percentile(99)),
      loopMax: delay(loop.max),
      cpuCores: (cpu.user + cpu.system) / 1000 / wallMs,
      wallMs,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    };
    loop.reset();
    cpuMark = process.cpuUsage();
    wallMark = performance.now();
    return result;
  };

  const heap = (): ProbeHeap => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    const kinds: Record<string, number> = {};
    const resources = process.getActiveResourcesInfo();
    for (const kind of resources) kinds[kind] = (kinds[kind] ?? 0) + 1;
    const memory = process.memoryUsage();
    const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
    if (snapshots) {
      mkdirSync(snapshots, { recursive: true }); // a relative folder is the repository's (the bench starts servers there)
      v8.writeHeapSnapshot(join(snapshots, `heap-${Date.now()}.heapsnapshot`));
    }
    const codeBytes = v8
      .getHeapSpaceStatistics()
      .filter((space) => space.space_name.startsWith("code"))
      .reduce((sum, space) => sum + space.space_used_size, 0);
    return { heapUsedBytes: memory.heapUsed, codeBytes, rssBytes: memory.rss, handles: resources.length, handleKinds: kinds, collected: gc !== undefined };
  };

  const server = http.createServer((req, res) => {
    const body = req.url === "/sample" ? sample() : req.url === "/heap" ? heap() : undefined;
    res.writeHead(body ? 200 : 404, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify(body ?? {}));
  });
  server.listen(port, "127.0.0.1");
  server.unref();
}

/** The bench side: reads a probe by port. */
export function probeAt(port: number) {
  const get = async <T>(path: string) => (await (await fetch(`http://127.0.0.1:${port}${path}`)).json()) as T;
  return {
    sample: () => get<ProbeSample>("/sample"),
    heap: () => get<ProbeHeap>("/heap"),
  };
}
export type Probe = ReturnType<typeof probeAt>;
