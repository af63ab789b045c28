/**
 * One process of bot clients for the capacity, baseline, join-burst and soak benchmarks (forked
 * by tests/bench/fleet.ts). Each room it is given lives wholly in this process: its facilitator
 * (a host client that starts the game) and its players, who act over the real protocol at a
 * classroom pace. Latencies go into mergeable histograms; bytes are counted at each player's
 * socket (countingSocket.ts). Times are the machine's monotonic clock.
 *
 * For the event bench (tests/bench/event.ts) it also holds a share of an event: facilitators of
 * the neighbourhoods it is given, and arrivals who come through the event's code as a student's
 * page does (placed, then joining the session named with their ticket), so a neighbourhood's
 * players are spread over the processes and each process measures "→ others" among its own.
 */
import "./countingSocket.ts";
import "../../server/shim.ts";
import http from "node:http";
import type { Room } from "@colyseus/sdk";
import { joinAs, joinHost, seatToken } from "../support/clients.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";
import type { Placement } from "../../shared/protocol/http.ts";
import { bytesIn } from "./countingSocket.ts";
import { Histogram, botNickname, now, sleep, type HistogramJson } from "./stats.ts";

export type OpenRoom = {
  type: "open";
  /** Where the facilitator joins (the server process the session was created through). */
  url: string;
  /** Where the players join: another process when there are several (it sends them on to the room's). */
  joinUrl: string;
  code: string;
  hostToken: string;
  players: number;
  /** First player index (nicknames come from it: botNickname, unique in the run). */
  first: number;
  /** "ours": the host starts the game (roles, start, day, a long day); "echo": nothing to start. */
  server: "ours" | "echo";
  /** Commands per player per second. */
  rate: number;
};
export type CloseRoom = { type: "close"; code: string };
export type TakeWindow = { type: "window" };
export type Burst = { type: "burst"; url: string; codes: string[]; perRoom: number; total: number; seconds: number; startAt: number; stride: number; offset: number };
export type LeaveAll = { type: "leave-all" };
/** Event: the facilitator of one neighbourhood joins it (its players may arrive in any process). */
export type HostNeighbourhood = { type: "host"; url: string; code: string; hostToken: string };
/**
 * Event: arrivals through the event's code, ten at a time, each placed from its own loopback
 * address and joining with its ticket. `watch`: they arrive after the start (seated as observers)
 * and only watch; otherwise they act once told to play.
 */
export type Arrive = { type: "arrive"; url: string; event: string; indices: number[]; watch: boolean };
/** Event: the arrived players act at `rate` commands per second; everyone watches for the others' commands. */
export type Play = { type: "play"; rate: number };
/** Event: the watching arrivals' downstream bytes since the previous call. */
export type TakeWatched = { type: "watched" };
export type ToPlayers = OpenRoom | CloseRoom | TakeWindow | Burst | LeaveAll | HostNeighbourhood | Arrive | Play | TakeWatched;

/** `reasons`: why joins failed (distinct messages, a few at most). */
export type Opened = { type: "opened"; code: string; joinTimes: number[]; failures: number; reasons: string[]; problem?: string };
export type Closed = { type: "closed"; code: string };
export type Window = {
  type: "window";
  ms: number;
  /** This client process's CPU per second of the window (1 = one core). */
  cpuCores: number;
  players: number;
  commands: number;
  replies: number;
  accepted: number;
  timeouts: number;
  dropped: number;
  bytes: number;
  sender: HistogramJson;
  others: HistogramJson;
};
export type BurstDone = { type: "burst"; joinTimes: number[]; failures: number; reasons: string[]; lastJoinedAt: number };
export type Left = { type: "left" };
export type Hosted = { type: "hosted"; code: string; problem?: string };
/** `placed`: arrivals by the session the event placed them in (joined or not). */
export type Arrived = { type: "arrived"; placed: Record<string, number>; joinTimes: number[]; failures: number; reasons: string[] };
/** `roles`: connected arrivals by their role in the game as play begins. */
export type Playing = { type: "playing"; roles: Record<string, number> };
export type Watched = { type: "watched"; watchers: number; bytes: number };
export type FromPlayers = Opened | Closed | Window | BurstDone | Left | Hosted | Arrived | Playing | Watched;

const WALK = ["park", "community_centre", "internet_cafe"];
const JOIN_TIMEOUT_MS = 20_000;
const REPLY_TIMEOUT_MS = 5_000;
/** Sends and receipts older than this are forgotten (seqs of host, clock and join events never match a send). */
const KEEP_MS = 10_000;

type Player = { room: Room; seatId: string; index: number; bytesSeen: number };
type RoomRun = {
  code: string;
  host?: Room;
  players: Player[];
  stopped: boolean;
  loops: Promise<void>[];
  /** seq → when it was sent and by whom (known once the reply arrives). */
  sends: Map<number, { at: number; sender: number }>;
  /** seq → receipts that arrived before the sender's reply. */
  early: Map<number, { at: number; receiver: number }[]>;
};

const rooms = new Map<string, RoomRun>();
/** Why joins failed since the last report. */
let reasons = new Set<string>();
function failedBecause(error: unknown): void {
  if (reasons.size < 5) reasons.add(error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message || (error as { code?: unknown }).code || "no message"}` : String(error));
}
function takeReasons(): string[] {
  const list = [...reasons];
  reasons = new Set();
  return list;
}
const loose: Room[] = [];
let win = freshWindow();

function freshWindow() {
  return { started: now(), cpu: process.cpuUsage(), commands: 0, replies: 0, accepted: 0, timeouts: 0, dropped: 0, sender: new Histogram(), others: new Histogram() };
}

const send = (message: FromPlayers) => process.send!(message);

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what} timed out`)))]);
}

/** Joins one player (`extra`: more join options, an event's ticket); resolves with its seat once the welcome arrived. */
async function joinOne(url: string, code: string, index: number, extra: Record<string, unknown> = {}): Promise<Player> {
  return timeout(
    (async () => {
      const joined = await joinAs(url, code, { as: "player", seatToken: seatToken(), nickname: botNickname(index), ...extra });
      const welcome = await joined.welcome;
      return { room: joined.room, seatId: welcome.as === "player" ? welcome.seatId : "", index, bytesSeen: bytesIn(joined.room) };
    })(),
    JOIN_TIMEOUT_MS,
    "join",
  );
}

async function hostCommand(host: Room, body: Record<string, unknown>): Promise<void> {
  const reply = (await host.request("cmd", { id: Math.random().toString(36).slice(2), ...body }, { timeout: REPLY_TIMEOUT_MS })) as CommandReply;
  if (!reply.ok) throw new Error(`${String(body.kind)} refused: ${reply.reason}`);
}

function watch(run: RoomRun, player: Player): void {
  let seen = (player.room.state as { seq?: number }).seq ?? 0;
  player.room.onStateChange((state: { seq: number }) => {
    const at = now();
    for (let s = seen + 1; s <= state.seq; s++) {
      const sent = run.sends.get(s);
      if (sent) {
        if (sent.sender !== player.index) win.others.add(at - sent.at);
      } else {
        let list = run.early.get(s);
        if (!list) run.early.set(s, (list = []));
        list.push({ at, receiver: player.index });
      }
    }
    seen = Math.max(seen, state.seq);
  });
  player.room.onLeave(() => {
    if (!run.stopped) win.dropped++;
  });
}

async function act(run: RoomRun, player: Player, rate: number): Promise<void> {
  const period = 1000 / rate;
  await sleep(Math.random() * period);
  for (let step = 0; !run.stopped; step++) {
    const role = (player.room.state as { players?: Map<string, { role: string }> }).players?.get(player.seatId)?.role;
    const body = role === "observer" ? { kind: "write_note", text: `note ${step}` } : { kind: "move", to: WALK[step % WALK.length] };
    const at = now();
    win.commands++;
    try {
      const reply = (await player.room.request("cmd", { id: `${player.index}-${step}`, ...body }, { timeout: REPLY_TIMEOUT_MS })) as CommandReply;
      win.replies++;
      win.sender.add(now() - at);
      if (reply.ok) {
        win.accepted++;
        run.sends.set(reply.seq, { at, sender: player.index });
        for (const early of run.early.get(reply.seq) ?? []) if (early.receiver !== player.index) win.others.add(early.at - at);
        run.early.delete(reply.seq);
      }
    } catch {
      if (run.stopped) return;
      win.timeouts++;
    }
    await sleep(period * (0.5 + Math.random()));
  }
}

async function open(message: OpenRoom): Promise<void> {
  const run: RoomRun = { code: message.code, players: [], stopped: false, loops: [], sends: new Map(), early: new Map() };
  rooms.set(message.code, run);
  const joinTimes: number[] = [];
  let failures = 0;
  let problem: string | undefined;
  try {
    run.host = (await timeout(joinHost(message.url, message.code, message.hostToken), JOIN_TIMEOUT_MS, "host join")).room;
    for (let i = 0; i < message.players; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, message.players - i) }, async (_, k) => {
          const started = now();
          try {
            const player = await joinOne(message.joinUrl, message.code, message.first + i + k);
            joinTimes.push(now() - started);
            if (player.seatId) run.players.push(player);
            else {
              failures++;
              failedBecause(new Error("welcomed as something other than a player"));
            }
          } catch (error) {
            failures++;
            failedBecause(error);
          }
        }),
      );
    }
    if (message.server === "ours") {
      for (const step of [{ kind: "auto_balance" }, { kind: "start" }, { kind: "advance" }, { kind: "extend", seconds: 1800 }]) await hostCommand(run.host, step);
    }
    await sleep(200);
    for (const player of run.players) {
      player.bytesSeen = bytesIn(player.room);
      watch(run, player);
      run.loops.push(act(run, player, message.rate));
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  send({ type: "opened", code: message.code, joinTimes, failures, reasons: takeReasons(), ...(problem ? { problem } : {}) });
}

async function leave(room: Room | undefined): Promise<void> {
  if (room) await timeout(room.leave(), 3000, "leave").catch(() => {});
}

async function close(code: string): Promise<void> {
  const run = rooms.get(code);
  if (run) {
    run.stopped = true;
    await Promise.all(run.players.map((p) => leave(p.room)));
    await leave(run.host);
    rooms.delete(code);
  }
  send({ type: "closed", code });
}

function takeWindow(): void {
  const ended = now();
  let bytes = 0;
  let players = 0;
  for (const run of rooms.values()) {
    for (const player of run.players) {
      const total = bytesIn(player.room);
      bytes += total >= player.bytesSeen ? total - player.bytesSeen : total;
      player.bytesSeen = total;
      players++;
    }
    for (const [seq, sent] of run.sends) if (ended - sent.at > KEEP_MS) run.sends.delete(seq);
    for (const [seq, list] of run.early) if (ended - (list[0]?.at ?? 0) > KEEP_MS) run.early.delete(seq);
  }
  const w = win;
  win = freshWindow();
  send({
    type: "window",
    ms: ended - w.started,
    cpuCores: (() => {
      const used = process.cpuUsage(w.cpu);
      return (used.user + used.system) / 1000 / (ended - w.started);
    })(),
    players,
    commands: w.commands,
    replies: w.replies,
    accepted: w.accepted,
    timeouts: w.timeouts,
    dropped: w.dropped,
    bytes,
    sender: w.sender.toJSON(),
    others: w.others.toJSON(),
  });
}

/** Paced joins: player i (of `total`, this process taking every `stride`-th) starts at startAt + i·interval. */
async function burst(message: Burst): Promise<void> {
  const interval = (message.seconds * 1000) / message.total;
  const joinTimes: number[] = [];
  let failures = 0;
  let lastJoinedAt = message.startAt;
  const joins: Promise<void>[] = [];
  for (let i = message.offset; i < message.total; i += message.stride) {
    const code = message.codes[Math.floor(i / message.perRoom)]!;
    joins.push(
      (async () => {
        await sleep(Math.max(0, message.startAt + i * interval - now()));
        const started = now();
        try {
          const player = await joinOne(message.url, code, i);
          joinTimes.push(now() - started);
          lastJoinedAt = Math.max(lastJoinedAt, now());
          loose.push(player.room);
          if (!player.seatId) {
            failures++;
            failedBecause(new Error("welcomed as something other than a player"));
          }
        } catch (error) {
          failures++;
          failedBecause(error);
        }
      })(),
    );
  }
  await Promise.all(joins);
  send({ type: "burst", joinTimes, failures, reasons: takeReasons(), lastJoinedAt });
}

async function leaveAll(): Promise<void> {
  for (const run of rooms.values()) run.stopped = true;
  await Promise.all([...[...rooms.values()].flatMap((run) => [...run.players.map((p) => leave(p.room)), leave(run.host)]), ...loose.map((room) => leave(room))]);
  rooms.clear();
  loose.length = 0;
  watchers.length = 0;
  send({ type: "left" });
}

// ─── an event's share (event.ts) ───

/** Arrivals who only watch (observers), with the neighbourhood they watch. */
const watchers: { run: RoomRun; player: Player }[] = [];

/** The neighbourhood's run in this process: its facilitator if this process holds it, and the arrivals placed in it here. */
function runOf(code: string): RoomRun {
  let run = rooms.get(code);
  if (!run) rooms.set(code, (run = { code, players: [], stopped: false, loops: [], sends: new Map(), early: new Map() }));
  return run;
}

async function hostNeighbourhood(message: HostNeighbourhood): Promise<void> {
  const run = runOf(message.code);
  let problem: string | undefined;
  try {
    run.host = (await timeout(joinHost(message.url, message.code, message.hostToken), JOIN_TIMEOUT_MS, "host join")).room;
  } catch (error) {
    problem = (error as Error).message;
  }
  send({ type: "hosted", code: message.code, ...(problem ? { problem } : {}) });
}

/** Each arrival's own loopback address (127.1.x.y), as students come on their own devices. */
const arrivalAddress = (index: number) => `127.1.${Math.floor(index / 250) % 250}.${1 + (index % 250)}`;

/** What a student's page asks for the code typed: the session to join. */
function place(url: string, event: string, ticket: string, index: number): Promise<string> {
  const target = new URL(`/api/place/${event}`, url);
  const body = JSON.stringify({ ticket });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", localAddress: arrivalAddress(index), headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += String(d)));
        res.on("end", () => (res.statusCode === 200 ? resolve((JSON.parse(text) as Placement).code) : reject(new Error(`place: ${res.statusCode} ${text}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function arrive(message: Arrive): Promise<void> {
  const placed: Record<string, number> = {};
  const joinTimes: number[] = [];
  let failures = 0;
  for (let i = 0; i < message.indices.length; i += 10) {
    await Promise.all(
      message.indices.slice(i, i + 10).map(async (index) => {
        const started = now();
        try {
          const ticket = seatToken();
          const code = await timeout(place(message.url, message.event, ticket, index), JOIN_TIMEOUT_MS, "place");
          placed[code] = (placed[code] ?? 0) + 1;
          const player = await joinOne(message.url, code, index, { ticket });
          joinTimes.push(now() - started);
          if (!player.seatId) throw new Error("welcomed as something other than a player");
          const run = runOf(code);
          if (message.watch) {
            watchers.push({ run, player });
            loose.push(player.room);
          } else run.players.push(player);
        } catch (error) {
          failures++;
          failedBecause(error);
        }
      }),
    );
  }
  send({ type: "arrived", placed, joinTimes, failures, reasons: takeReasons() });
}

function play(message: Play): void {
  const roles: Record<string, number> = {};
  const begin = (run: RoomRun, player: Player) => {
    const role = (player.room.state as { players?: Map<string, { role: string }> }).players?.get(player.seatId)?.role ?? "none";
    roles[role] = (roles[role] ?? 0) + 1;
    player.bytesSeen = bytesIn(player.room);
    watch(run, player);
  };
  for (const run of rooms.values()) {
    for (const player of run.players) {
      begin(run, player);
      run.loops.push(act(run, player, message.rate));
    }
  }
  for (const { run, player } of watchers) begin(run, player);
  send({ type: "playing", roles });
}

function takeWatched(): void {
  let bytes = 0;
  for (const { player } of watchers) {
    const total = bytesIn(player.room);
    bytes += total >= player.bytesSeen ? total - player.bytesSeen : total;
    player.bytesSeen = total;
  }
  send({ type: "watched", watchers: watchers.length, bytes });
}

process.on("message", (message: ToPlayers) => {
  const failed = (error: Error) => {
    console.error(`bench players process failed: ${error.stack ?? error.message}`);
    process.exit(1);
  };
  if (message.type === "open") open(message).catch(failed);
  else if (message.type === "close") close(message.code).catch(failed);
  else if (message.type === "window") takeWindow();
  else if (message.type === "burst") burst(message).catch(failed);
  else if (message.type === "leave-all") leaveAll().catch(failed);
  else if (message.type === "host") hostNeighbourhood(message).catch(failed);
  else if (message.type === "arrive") arrive(message).catch(failed);
  else if (message.type === "play") play(message);
  else if (message.type === "watched") takeWatched();
});
process.on("disconnect", () => process.exit(0));
