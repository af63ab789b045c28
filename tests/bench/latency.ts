/**
 * Latency benchmark (not a test): a real server process (fleet.ts startOurs, under the probe)
 * and N bot clients over real WebSockets on 127.0.0.1, playing the day phase of the default scenario at a classroom pace. Reports
 * command → sender (reply) and command → every other client (state patch carrying the event)
 * p50/p99, the server's CPU, and its memory per connected player.
 *
 *   npx tsx tests/bench/latency.ts [--players 30] [--seconds 20] [--rate 0.5] [--json]
 *
 * Clients run in four processes (tests/bench/swarm.ts). Residents and watchers walk between
 * places of their zone (free moves; officials are refused, which still measures the reply);
 * players beyond the room's cap join as observers and write notes. Bounded in count and time.
 */
import "../../server/shim.ts";
import { readFileSync, rmSync } from "node:fs";
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createSession, startOurs, track } from "./fleet.ts";
import { joinHost } from "../support/clients.ts";
import type { SwarmDone, SwarmJoin, SwarmJoined, SwarmResults, SwarmRun } from "./swarm.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";

type Options = { players: number; seconds: number; rate: number };

export type LatencyResult = {
  players: number;
  seconds: number;
  commands: number;
  accepted: number;
  senderP50: number;
  senderP99: number;
  othersP50: number;
  othersP99: number;
  othersSamples: number;
  serverCpuCores: number;
  /** Event-loop delay p99 while playing (ms). */
  loopP99: number;
  rssPerPlayerKb: number;
  /** Live heap (after garbage collection) per connected player. */
  heapPerPlayerKb: number;
  joinP50: number;
  joinP99: number;
  joinFailures: number;
};

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Client processes: enough that decoding patches for hundreds of clients is not what we measure. */
const SWARMS = 4;

export async function runLatency({ players, seconds, rate }: Options): Promise<LatencyResult> {
  const server = await startOurs();
  // clients run in several processes, so the measuring side is not the bottleneck
  const swarms = Array.from({ length: Math.min(SWARMS, players) }, () =>
    track(fork(join(import.meta.dirname, "swarm.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] })),
  );
  const next = <T>(child: ChildProcess) => new Promise<T>((resolve) => child.once("message", (m) => resolve(m as T)));
  try {
    const { code, hostToken } = await createSession(server.url);
    const host = (await joinHost(server.url, code, hostToken)).room;
    await sleep(300);
    const before = await server.probe.heap();

    const share = Math.ceil(players / swarms.length);
    const joined = await Promise.all(
      swarms.map((child, i) => {
        const answer = next<SwarmJoined>(child);
        child.send({ type: "join", url: server.url, code, first: i * share, count: Math.max(0, Math.min(share, players - i * share)) } satisfies SwarmJoin);
        return answer;
      }),
    );
    const send = (body: Record<string, unknown>) => host.request("cmd", { id: Math.random().toString(36).slice(2), ...body }) as Promise<CommandReply>;
    for (const step of [{ kind: "auto_balance" }, { kind: "start" }, { kind: "advance" }, { kind: "extend", seconds: 1800 }]) {
      const reply = await send(step);
      if (!reply.ok) throw new Error(`${step.kind} refused: ${reply.reason}`);
    }
    await sleep(500);

    await server.probe.sample();
    const results = await Promise.all(
      swarms.map(async (child) => {
        const answer = next<SwarmDone>(child);
        child.send({ type: "run", seconds, rate } satisfies SwarmRun);
        const { file } = await answer;
        const results = JSON.parse(readFileSync(file, "utf8")) as SwarmResults;
        rmSync(file, { force: true });
        return results;
      }),
    );
    const cpu = await server.probe.sample();
    const after = await server.probe.heap(); // still connected, after the play

    const sentAt = new Map<number, { at: number; sender: number }>();
    for (const r of results) for (const [seq, at, sender] of r.sends) sentAt.set(seq, { at, sender });
    const others: number[] = [];
    for (const r of results) {
      for (const [seq, at, receiver] of r.receipts) {
        const sent = sentAt.get(seq);
        if (sent && sent.sender !== receiver) others.push(at - sent.at);
      }
    }
    const sender = results.flatMap((r) => r.replies);
    const joinTimes = joined.flatMap((j) => j.joinTimes);
    await host.leave().catch(() => {});
    return {
      players,
      seconds,
      commands: results.reduce((n, r) => n + r.commands, 0),
      accepted: sentAt.size,
      senderP50: percentile(sender, 50),
      senderP99: percentile(sender, 99),
      othersP50: percentile(others, 50),
      othersP99: percentile(others, 99),
      othersSamples: others.length,
      serverCpuCores: cpu.cpuCores,
      loopP99: cpu.loopP99,
      rssPerPlayerKb: (after.rssBytes - before.rssBytes) / 1024 / players,
      heapPerPlayerKb: (after.heapUsedBytes - before.heapUsedBytes) / 1024 / players,
      joinP50: percentile(joinTimes, 50),
      joinP99: percentile(joinTimes, 99),
      joinFailures: joined.reduce((n, j) => n + j.failures, 0),
    };
  } finally {
    for (const child of swarms) child.kill();
    await server.close();
  }
}

export function formatLatency(r: LatencyResult): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `room of ${r.players} players, ${r.seconds} s, ${r.commands} commands (${r.accepted} accepted)`,
    `  command → sender      p50 ${ms(r.senderP50)}  p99 ${ms(r.senderP99)}`,
    `  command → others      p50 ${ms(r.othersP50)}  p99 ${ms(r.othersP99)}  (${r.othersSamples} deliveries)`,
    `  joins                 p50 ${ms(r.joinP50)}  p99 ${ms(r.joinP99)}  failures ${r.joinFailures}`,
    `  server                ${r.serverCpuCores.toFixed(2)} cores, event-loop delay p99 ${r.loopP99.toFixed(1)} ms`,
    `  memory per player     ${r.heapPerPlayerKb.toFixed(1)} kB live heap  (${r.rssPerPlayerKb.toFixed(0)} kB RSS, noisy)`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLatency({ players: option("players", 30), seconds: option("seconds", 20), rate: option("rate", 0.5) });
  console.log(process.argv.includes("--json") ? JSON.stringify(result) : formatLatency(result));
  process.exit(0);
}
