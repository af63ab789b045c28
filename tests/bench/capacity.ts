/**
 * Capacity and the echo baseline (benchmarks, not tests).
 *
 * Capacity: one server process (or several sharing sessions: `serverProcesses`, cluster.ts);
 * 30-player rooms (each with its facilitator, who starts the game) are added a step at a time,
 * every player acting at a classroom pace over the real protocol, until the event-loop delay p99
 * passes the limit (in two measurements running) or the player ceiling is reached. Each step is
 * measured once the new rooms play: event-loop delay, server CPU, command → sender and → others
 * p50/p99, downstream bytes per player per second (at the clients), live heap per player.
 *
 * With several server processes, sessions are created through each in turn and players join
 * through the next; the step's CPU is the sum over the processes, its event-loop delay the worst
 * process's, and each process's CPU and p99 are kept (`serverProcesses` of the step).
 *
 * Baseline: the same client processes, players and message rate against the bare Colyseus echo
 * room (echoServer.ts), measured the same way; the CPU ratio ours / echo is reported by run.ts.
 *
 *   npx tsx tests/bench/capacity.ts [--max 600] [--step 150] [--seconds 8] [--server-processes 2] [--echo]
 */
import { isClusterSample, startCluster } from "./cluster.ts";
import { Fleet, startEcho, startOurs, type BenchServer, type WindowFigures } from "./fleet.ts";
import { percentile } from "./latency.ts";
import { sleep } from "./stats.ts";

export type LoadOptions = {
  /** Stop adding rooms at this many players. */
  maxPlayers: number;
  /** Players added per step (a multiple of the room size). */
  stepPlayers: number;
  /** Measured seconds per step. */
  stepSeconds: number;
  roomSize: number;
  /** Commands per player per second. */
  rate: number;
  /** Stop once the event-loop delay p99 passes this (ms). */
  loopLimitMs: number;
  /** Client processes. */
  processes: number;
  /** Server processes sharing sessions through Redis and PostgreSQL (default 1: one process, SQLite). */
  serverProcesses?: number;
};

export type LoadStep = WindowFigures & {
  rooms: number;
  loopP50: number;
  loopP99: number;
  loopMax: number;
  cpuCores: number;
  /** Live heap (after GC) above the idle, warmed-up server's, per connected player (facilitators included in the cost). */
  heapPerPlayerKb: number;
  rssPerPlayerKb: number;
  joinP50: number;
  joinP99: number;
  joinFailures: number;
  /** Why joins failed in this step, if any did. */
  joinFailureReasons: string[];
  /** With several server processes: each one's CPU and event-loop delay, and Redis + PostgreSQL's CPU. */
  serverProcesses?: { cpuCores: number; loopP99: number }[];
  servicesCpuCores?: number;
};

export type LoadResult = {
  target: "ours" | "echo";
  /** Our server processes (1 unless run with serverProcesses). */
  serverProcesses: number;
  steps: LoadStep[];
  stoppedBecause: string;
  idleHeapMb: number;
  problems: string[];
};

const SETTLE_MS = 2000;

export async function rampUp(server: BenchServer, options: LoadOptions, { limitLoop = true, onStep = (_s: LoadStep) => {} } = {}): Promise<LoadResult> {
  const fleet = new Fleet(server, options.processes);
  const steps: LoadStep[] = [];
  const problems: string[] = [];
  let stoppedBecause = `reached ${options.maxPlayers} players`;
  try {
    await fleet.warmUp(options.roomSize, options.rate);
    const idle = await server.probe.heap();
    // seats planned, not players connected: a failed join does not add another room
    let planned = 0;
    while (planned < options.maxPlayers) {
      const rooms = Math.max(1, Math.round(Math.min(options.stepPlayers, options.maxPlayers - planned) / options.roomSize));
      planned += rooms * options.roomSize;
      const joined = await fleet.openRooms(rooms, options.roomSize, options.rate);
      problems.push(...joined.problems);
      await sleep(SETTLE_MS);
      await fleet.window();
      await server.probe.sample();
      await sleep(options.stepSeconds * 1000);
      let figures = await fleet.window();
      let sample = await server.probe.sample();
      if (limitLoop && sample.loopP99 > options.loopLimitMs) {
        // one spike (a collection, a neighbour on the machine) must not end the ramp: measure again
        await sleep(options.stepSeconds * 1000);
        figures = await fleet.window();
        sample = await server.probe.sample();
      }
      const heap = await server.probe.heap();
      const players = fleet.players;
      const step: LoadStep = {
        ...figures,
        rooms: fleet.rooms.size,
        loopP50: sample.loopP50,
        loopP99: sample.loopP99,
        loopMax: sample.loopMax,
        cpuCores: sample.cpuCores,
        heapPerPlayerKb: (heap.heapUsedBytes - idle.heapUsedBytes) / 1024 / players,
        rssPerPlayerKb: (heap.rssBytes - idle.rssBytes) / 1024 / players,
        joinP50: percentile(joined.joinTimes, 50),
        joinP99: percentile(joined.joinTimes, 99),
        joinFailures: joined.failures,
        joinFailureReasons: joined.reasons,
        ...(isClusterSample(sample)
          ? { serverProcesses: sample.processes.map((p) => ({ cpuCores: p.cpuCores, loopP99: p.loopP99 })), servicesCpuCores: sample.servicesCpuCores }
          : {}),
      };
      steps.push(step);
      onStep(step);
      if (limitLoop && step.loopP99 > options.loopLimitMs) {
        stoppedBecause = `event-loop delay p99 ${step.loopP99.toFixed(1)} ms passed ${options.loopLimitMs} ms`;
        break;
      }
      if (joined.problems.length > 0 && joined.failures >= rooms * options.roomSize) {
        stoppedBecause = `rooms could not be filled: ${joined.problems[0]}`;
        break;
      }
    }
    return { target: server.target, serverProcesses: server.urls?.length ?? 1, steps, stoppedBecause, idleHeapMb: idle.heapUsedBytes / 2 ** 20, problems };
  } finally {
    await fleet.close();
  }
}

export async function runCapacity(options: LoadOptions, onStep?: (s: LoadStep) => void): Promise<LoadResult> {
  const count = options.serverProcesses ?? 1;
  return rampUp(count > 1 ? await startCluster(count) : await startOurs(), options, onStep ? { onStep } : {});
}

/** The echo room measured at `players`, then at twice that, and so on up to `maxPlayers` (the issue's 600 and 1,200). */
export async function runEchoBaseline(players: number, options: LoadOptions, maxPlayers = players): Promise<LoadResult> {
  return rampUp(await startEcho(), { ...options, maxPlayers, stepPlayers: players }, { limitLoop: false });
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}` : "–").padStart(6);

export function stepHeader(): string {
  return "players rooms  loop p50/p99 ms   CPU  clients machine   → sender p50/p99   → others p50/p99   B/player/s  heap kB/player  joins p99  failed";
}

export function formatStep(s: LoadStep): string {
  return [
    String(s.players).padStart(7),
    String(s.rooms).padStart(5),
    ` ${ms(s.loopP50)} /${ms(s.loopP99)}`,
    `  ${s.cpuCores.toFixed(2)}`,
    `  ${s.clientCpuCores.toFixed(2).padStart(7)}`,
    `  ${s.machineBusyCores.toFixed(2).padStart(7)}`,
    `  ${ms(s.senderP50)} /${ms(s.senderP99)}`,
    `  ${ms(s.othersP50)} /${ms(s.othersP99)}`,
    `  ${s.bytesPerPlayerPerSecond.toFixed(0).padStart(10)}`,
    `  ${s.heapPerPlayerKb.toFixed(1).padStart(14)}`,
    `  ${ms(s.joinP99)}`,
    `  ${String(s.joinFailures + s.timeouts + s.dropped).padStart(6)}`,
  ].join("");
}

/** Each server process's CPU and event-loop p99 (several processes only), and Redis + PostgreSQL's CPU. */
export function formatProcesses(s: LoadStep): string | undefined {
  if (!s.serverProcesses) return undefined;
  const each = s.serverProcesses.map((p, i) => `#${i + 1} ${p.cpuCores.toFixed(2)} CPU, p99 ${p.loopP99.toFixed(1)} ms`).join(" | ");
  return `        per process: ${each} | Redis + PostgreSQL ${(s.servicesCpuCores ?? NaN).toFixed(2)} CPU`;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options: LoadOptions = {
    maxPlayers: option("max", 600),
    stepPlayers: option("step", 150),
    stepSeconds: option("seconds", 8),
    roomSize: 30,
    rate: option("rate", 0.5),
    loopLimitMs: 20,
    processes: option("processes", 3),
    serverProcesses: option("server-processes", 1),
  };
  console.log(stepHeader());
  const result = process.argv.includes("--echo")
    ? await runEchoBaseline(options.maxPlayers, options)
    : await runCapacity(options, (s) => {
        console.log(formatStep(s) + (s.joinFailureReasons.length ? `  failed joins: ${s.joinFailureReasons.join("; ")}` : ""));
        const each = formatProcesses(s);
        if (each) console.log(each);
      });
  if (result.target === "echo") for (const s of result.steps) console.log(formatStep(s));
  console.log(`stopped: ${result.stoppedBecause}${result.problems.length ? `; problems: ${result.problems.join("; ")}` : ""}`);
  process.exit(0);
}
