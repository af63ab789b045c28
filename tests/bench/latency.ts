/**
 * Latency benchmark (not a test): a real server process and N bot clients over real WebSockets
 * on 127.0.0.1, playing the day phase of the default scenario at a classroom pace. Reports
 * command → sender (reply) and command → every other client (state patch carrying the event)
 * p50/p99, the server's CPU, and its memory per connected player.
 *
 *   npx tsx tests/bench/latency.ts [--players 30] [--seconds 20] [--rate 0.5] [--json]
 *
 * Residents and watchers walk between places of their zone (free moves); officials send a
 * command their role may not (a refusal still measures the reply); players beyond the room's
 * cap join as observers and write notes. Bounded in count and time; stops by itself.
 */
import "../../server/shim.ts";
import { readFileSync } from "node:fs";
import type { Room } from "@colyseus/sdk";
import { kill, spawnServer } from "../support/process.ts";
import { createSessionAt, tempDir } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
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
  rssPerPlayerKb: number;
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

function procStat(pid: number): { cpuTicks: number; rssKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { cpuTicks: Number(stat[11]) + Number(stat[12]), rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ZONE_WALK = ["park", "community_centre", "internet_cafe"];

export async function runLatency({ players, seconds, rate }: Options): Promise<LatencyResult> {
  const server = await spawnServer({
    DATA_DIR: tempDir("gs-bench-"),
    BOT_THINK_MS: "60000",
    JOINS_PER_MINUTE: "100000",
    API_REQUESTS_PER_MINUTE: "100000",
    MESSAGES_PER_SECOND: "50",
  });
  try {
    const { code, hostToken } = await createSessionAt(server.url);
    const host = (await joinHost(server.url, code, hostToken)).room;
    await sleep(300);
    const before = procStat(server.child.pid!);

    const rooms: Room[] = [];
    const seats: string[] = [];
    const joinTimes: number[] = [];
    let joinFailures = 0;
    for (let i = 0; i < players; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, players - i) }, async (_, k) => {
          const started = performance.now();
          try {
            const joined = await joinPlayer(server.url, code, `P${i + k}`);
            const room = joined.room;
            const welcome = await joined.welcome;
            joinTimes.push(performance.now() - started);
            rooms.push(room);
            seats.push(welcome.as === "player" ? welcome.seatId : "");
          } catch {
            joinFailures++;
          }
        }),
      );
    }
    const send = (room: Room, body: Record<string, unknown>) => room.request("cmd", { id: Math.random().toString(36).slice(2), ...body }) as Promise<CommandReply>;
    for (const step of [{ kind: "auto_balance" }, { kind: "start" }, { kind: "advance" }, { kind: "extend", seconds: 1800 }]) {
      const reply = await send(host, step);
      if (!reply.ok) throw new Error(`${step.kind} refused: ${reply.reason}`);
    }
    await sleep(500);

    // who sees what, when
    const sentAt = new Map<number, { at: number; sender: number }>();
    const others: number[] = [];
    rooms.forEach((room, index) => {
      let seen = (room.state as { seq: number }).seq;
      room.onStateChange((state: { seq: number }) => {
        const now = performance.now();
        for (let s = seen + 1; s <= state.seq; s++) {
          const sent = sentAt.get(s);
          if (sent && sent.sender !== index) others.push(now - sent.at);
        }
        seen = Math.max(seen, state.seq);
      });
    });

    const sender: number[] = [];
    let commands = 0;
    let accepted = 0;
    const cpuStart = procStat(server.child.pid!);
    const wallStart = performance.now();
    const deadline = wallStart + seconds * 1000;
    await Promise.all(
      rooms.map(async (room, index) => {
        await sleep(Math.random() * (1000 / rate));
        let step = 0;
        while (performance.now() < deadline) {
          const role = (room.state as { players: Map<string, { role: string }> }).players.get(seats[index]!)?.role;
          const body =
            role === "observer" ? { kind: "write_note", text: `note ${step}` }
            : role === "official" ? { kind: "move", to: ZONE_WALK[step % 3] }
            : { kind: "move", to: ZONE_WALK[step % 3] };
          step++;
          const at = performance.now();
          commands++;
          const reply = await send(room, body).catch(() => undefined);
          if (reply) {
            sender.push(performance.now() - at);
            if (reply.ok) {
              accepted++;
              sentAt.set(reply.seq, { at, sender: index });
            }
          }
          await sleep((1000 / rate) * (0.5 + Math.random()));
        }
      }),
    );
    const wallMs = performance.now() - wallStart;
    await sleep(300);
    const cpuEnd = procStat(server.child.pid!);
    const ticksPerSecond = 100;
    const result: LatencyResult = {
      players,
      seconds,
      commands,
      accepted,
      senderP50: percentile(sender, 50),
      senderP99: percentile(sender, 99),
      othersP50: percentile(others, 50),
      othersP99: percentile(others, 99),
      othersSamples: others.length,
      serverCpuCores: (cpuEnd.cpuTicks - cpuStart.cpuTicks) / ticksPerSecond / (wallMs / 1000),
      rssPerPlayerKb: (cpuEnd.rssKb - before.rssKb) / players,
      joinP50: percentile(joinTimes, 50),
      joinP99: percentile(joinTimes, 99),
      joinFailures,
    };
    for (const room of rooms) await room.leave().catch(() => {});
    await host.leave().catch(() => {});
    return result;
  } finally {
    await kill(server);
  }
}

export function formatLatency(r: LatencyResult): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `room of ${r.players} players, ${r.seconds} s, ${r.commands} commands (${r.accepted} accepted)`,
    `  command → sender      p50 ${ms(r.senderP50)}  p99 ${ms(r.senderP99)}`,
    `  command → others      p50 ${ms(r.othersP50)}  p99 ${ms(r.othersP99)}  (${r.othersSamples} deliveries)`,
    `  joins                 p50 ${ms(r.joinP50)}  p99 ${ms(r.joinP99)}  failures ${r.joinFailures}`,
    `  server CPU            ${r.serverCpuCores.toFixed(2)} cores`,
    `  memory per player     ${r.rssPerPlayerKb.toFixed(0)} kB RSS`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLatency({ players: option("players", 30), seconds: option("seconds", 20), rate: option("rate", 0.5) });
  console.log(process.argv.includes("--json") ? JSON.stringify(result) : formatLatency(result));
  process.exit(0);
}
