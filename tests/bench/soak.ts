/**
 * Soak (benchmark, not a test): one server process for `minutes`, `rooms` 30-player sessions
 * playing at a classroom pace all the time, the oldest one closed (players leave, the host
 * deletes the session) and a new one created and started every `rotateSeconds`. Live heap (after
 * GC; compiled code shown apart) and open handles are read with the same number of rooms running
 * at the start (after a warm-up of one whole turnover) and at the end, and on the idle server
 * (warmed up by one room) before and after. Bar (QUALITY.md): ≤ 64 kB per connected player and < 5 % growth over an hour.
 *
 *   npx tsx tests/bench/soak.ts [--minutes 2] [--rooms 10] [--rotate 10]
 */
import { Fleet, startOurs, type WindowFigures } from "./fleet.ts";
import { growth, now, sleep } from "./stats.ts";
import type { ProbeHeap } from "./probe.ts";

export type SoakOptions = { minutes: number; rooms: number; rotateSeconds: number; roomSize?: number; rate?: number; processes?: number };

type Reading = { heapMb: number; codeMb: number; rssMb: number; handles: number; players: number; heapPerPlayerKb: number };

export type SoakResult = {
  minutes: number;
  rooms: number;
  players: number;
  roomsOpened: number;
  roomsClosed: number;
  joinFailures: number;
  idleStart: Reading;
  start: Reading;
  end: Reading;
  idleEnd: Reading;
  /** End versus start, with the same rooms running. */
  heapGrowthPercent: number;
  heapPerPlayerGrowthPercent: number;
  handlesGrowthPercent: number;
  idleHeapGrowthPercent: number;
  play: WindowFigures;
  problems: string[];
};

/** Before a reading: longer than the HTTP server's keep-alive (5 s), so join requests' sockets are gone. */
const SETTLE_MS = 6000;

export async function runSoak({ minutes, rooms, rotateSeconds, roomSize = 30, rate = 0.5, processes = 3 }: SoakOptions, progress = (_line: string) => {}): Promise<SoakResult> {
  const server = await startOurs();
  const fleet = new Fleet(server, processes);
  const problems: string[] = [];
  let opened = 0;
  let closed = 0;
  let joinFailures = 0;
  const open = async (count: number) => {
    const joined = await fleet.openRooms(count, roomSize, rate);
    opened += count;
    joinFailures += joined.failures;
    for (const p of [...joined.problems, ...joined.reasons]) if (!problems.includes(p)) problems.push(p);
  };
  const rotate = async () => {
    const oldest = fleet.rooms.keys().next().value;
    if (oldest !== undefined) {
      await fleet.closeRoom(oldest);
      closed++;
    }
    await open(1);
  };
  await fleet.warmUp(roomSize, rate);
  opened++;
  closed++;
  const idleBase = await server.probe.heap();
  const read = (h: ProbeHeap): Reading => {
    const players = fleet.players;
    return {
      heapMb: h.heapUsedBytes / 2 ** 20,
      codeMb: h.codeBytes / 2 ** 20,
      rssMb: h.rssBytes / 2 ** 20,
      handles: h.handles,
      players,
      heapPerPlayerKb: players > 0 ? (h.heapUsedBytes - idleBase.heapUsedBytes) / 1024 / players : NaN,
    };
  };
  try {
    const idleStart = read(idleBase);
    await open(rooms);
    // Warm-up: one whole turnover, so the first reading sees rooms of every age, as later ones do
    // (rooms opened together are all young, with small games: a reading then would flatter the start).
    for (let i = 0; i < rooms; i++) {
      await sleep(rotateSeconds * 1000);
      await rotate();
    }
    await sleep(SETTLE_MS);
    const start = read(await server.probe.heap());
    await fleet.window();
    const began = now();
    const until = began + minutes * 60_000;
    let lastReport = began;
    while (now() + rotateSeconds * 1000 < until) {
      await sleep(rotateSeconds * 1000);
      await rotate();
      if (now() - lastReport > 60_000) {
        lastReport = now();
        const h = read(await server.probe.heap());
        progress(`soak ${((now() - began) / 60_000).toFixed(1)} min: ${opened} rooms opened, ${closed} closed, heap ${h.heapMb.toFixed(1)} MB, ${h.handles} handles`);
      }
    }
    await sleep(Math.max(SETTLE_MS, until - now()));
    const play = await fleet.window();
    const end = read(await server.probe.heap());
    for (const code of fleet.rooms.keys()) {
      await fleet.closeRoom(code);
      closed++;
    }
    await sleep(1000);
    const idleEnd = read(await server.probe.heap());
    return {
      minutes,
      rooms,
      players: rooms * roomSize,
      roomsOpened: opened,
      roomsClosed: closed,
      joinFailures,
      idleStart,
      start,
      end,
      idleEnd,
      heapGrowthPercent: growth(start.heapMb, end.heapMb),
      heapPerPlayerGrowthPercent: growth(start.heapPerPlayerKb, end.heapPerPlayerKb),
      handlesGrowthPercent: growth(start.handles, end.handles),
      idleHeapGrowthPercent: growth(idleStart.heapMb, idleEnd.heapMb),
      play,
      problems,
    };
  } finally {
    await fleet.close();
  }
}

export function formatSoak(r: SoakResult): string {
  const row = (name: string, x: Reading) =>
    `  ${name.padEnd(22)}${x.players.toString().padStart(5)} players  heap ${x.heapMb.toFixed(1).padStart(6)} MB (code ${x.codeMb.toFixed(1)})  RSS ${x.rssMb.toFixed(0).padStart(4)} MB  ${x.handles.toString().padStart(5)} handles${Number.isFinite(x.heapPerPlayerKb) ? `  ${x.heapPerPlayerKb.toFixed(1)} kB/player` : ""}`;
  const pct = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(1)} %`;
  return [
    `${r.minutes} min, ${r.rooms} rooms of ${r.players / r.rooms} playing at a time; ${r.roomsOpened} sessions opened, ${r.roomsClosed} closed; failed joins ${r.joinFailures}`,
    row("idle, before", r.idleStart),
    row("start (rooms running)", r.start),
    row("end (rooms running)", r.end),
    row("idle, after", r.idleEnd),
    `  growth start → end    heap ${pct(r.heapGrowthPercent)} (compiled code ${pct(growth(r.start.codeMb, r.end.codeMb))}), per player ${pct(r.heapPerPlayerGrowthPercent)}, handles ${pct(r.handlesGrowthPercent)}; idle heap ${pct(r.idleHeapGrowthPercent)}`,
    `  during the soak       command → sender p99 ${r.play.senderP99.toFixed(1)} ms, → others p99 ${r.play.othersP99.toFixed(1)} ms, ${r.play.timeouts} timeouts, ${r.play.dropped} dropped`,
    ...(r.problems.length ? [`  problems              ${r.problems.slice(0, 5).join("; ")}`] : []),
  ].join("\n");
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSoak({ minutes: option("minutes", 2), rooms: option("rooms", 10), rotateSeconds: option("rotate", 10) }, (line) => console.log(line));
  console.log(formatSoak(result));
  process.exit(0);
}
