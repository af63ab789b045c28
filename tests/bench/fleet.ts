/**
 * What the load benchmarks share: a server process under the probe (ours, or the bare echo
 * baseline), sessions created through its HTTP API, and a few client processes
 * (tests/bench/players.ts) that each hold whole rooms of bot players. Everything is on
 * 127.0.0.1 and everything started here is stopped by `close()`.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { cpus } from "node:os";
import { join } from "node:path";
import { freePort, kill, type ServerProcess } from "../support/process.ts";
import { tempDir } from "../support/server.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { probeAt, type Probe } from "./probe.ts";
import { Histogram, now, sleep } from "./stats.ts";
import type { BurstDone, Closed, FromPlayers, Left, Opened, ToPlayers, Window } from "./players.ts";

export type Target = "ours" | "echo";
export type BenchServer = {
  target: Target;
  url: string;
  /** Several server processes sharing sessions (cluster.ts): every process's address, `url` the first. */
  urls?: string[];
  probe: Probe;
  pid: number;
  close(): Promise<void>;
};

const PROBE = join(import.meta.dirname, "probe.ts");

/** Every process the bench starts: killed when the bench exits, however it exits. */
const started = new Set<ChildProcess>();
export function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once("exit", () => started.delete(child));
  return child;
}
process.on("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/** A server entry in its own process under the probe (on env.PORT if given); resolves once it answers its health check. */
async function startProbed(target: Target, entry: string, env: Record<string, string>): Promise<BenchServer> {
  const [port, probePort] = [Number(env.PORT ?? (await freePort())), await freePort()];
  const child = track(
    spawn(process.execPath, ["--expose-gc", ...profiling(), "--import", "tsx", "--import", PROBE, join(import.meta.dirname, entry)], {
      cwd: ROOT,
      env: { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env, PORT: String(port), BENCH_PROBE_PORT: String(probePort) },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let output = "";
  const keep = (d: unknown) => {
    if (output.length < 20_000) output += String(d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running: ServerProcess = { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited during start:\n${output}`);
    if (Date.now() > deadline) {
      await kill(running);
      throw new Error(`${entry} did not start in time:\n${output}`);
    }
    if (await fetch(`${running.url}/api/health`).then((r) => r.ok, () => false)) break;
    await sleep(50);
  }
  return { target, url: running.url, probe: probeAt(probePort), pid: child.pid!, close: () => stop(running) };
}

/**
 * BENCH_CPU_PROFILE=<folder> (run.ts --profile): every bench server writes a V8 CPU profile there
 * (open it in Chrome DevTools); it is asked to exit, since a killed process writes none.
 */
function profiling(): string[] {
  const dir = process.env.BENCH_CPU_PROFILE;
  return dir ? ["--cpu-prof", "--cpu-prof-dir", dir] : [];
}

async function stop(running: ServerProcess): Promise<void> {
  if (process.env.BENCH_CPU_PROFILE && running.child.exitCode === null) {
    running.child.kill("SIGTERM");
    if (await Promise.race([running.exited.then(() => true), sleep(15_000).then(() => false)])) return;
  }
  await kill(running);
}

/**
 * Our server (tests/bench/ourServer.ts), limits opened wide enough for hundreds of bots from one
 * address; `env` adds to its environment (cluster.ts: PORT, PUBLIC_ADDRESS, REDIS_URL, DATABASE_URL).
 */
export async function startOurs(env: Record<string, string> = {}): Promise<BenchServer> {
  // BENCH_DATA_ROOT (run.ts --data-root): where the store goes, e.g. /dev/shm to take the disk's fsync out
  const root = process.env.BENCH_DATA_ROOT;
  const dataDir = root ? mkdtempSync(join(root, "gs-bench-")) : tempDir("gs-bench-");
  const server = await startProbed("ours", "ourServer.ts", {
    DATA_DIR: dataDir,
    BOT_THINK_MS: "60000",
    JOINS_PER_MINUTE: "100000",
    API_REQUESTS_PER_MINUTE: "100000",
    MESSAGES_PER_SECOND: "50",
    MAX_SESSIONS: "10000",
    ...env,
  });
  return {
    ...server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare Colyseus echo room (tests/bench/echoServer.ts), under the same probe. */
export function startEcho(): Promise<BenchServer> {
  return startProbed("echo", "echoServer.ts", {});
}

let sessionsCreated = 0;

/**
 * A new session through the real HTTP API. Creating sessions is limited to 30 per address per
 * 10 minutes, so, like a hundred teachers on a hundred laptops, each run of 25 sessions comes
 * from its own loopback source address (127.0.0.2, .3, …); the server is still 127.0.0.1.
 */
export function createSession(url: string, scenarioId = "rongcheng-pilot"): Promise<{ code: string; hostToken: string }> {
  const localAddress = `127.0.0.${2 + (Math.floor(sessionsCreated++ / 25) % 250)}`;
  const target = new URL("/api/sessions", url);
  const body = JSON.stringify({ scenarioId });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += String(d)));
        res.on("end", () => (res.statusCode === 201 ? resolve(JSON.parse(text) as { code: string; hostToken: string }) : reject(new Error(`creating a session failed: ${res.statusCode} ${text}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function deleteSession(url: string, code: string, hostToken: string): Promise<void> {
  const response = await fetch(`${url}/api/sessions/${code}`, { method: "DELETE", headers: { authorization: `Bearer ${hostToken}` } });
  if (response.status !== 204) throw new Error(`deleting session ${code} failed: ${response.status}`);
}

/** One client process. */
class Players {
  private waiting: { match: (m: FromPlayers) => boolean; resolve: (m: FromPlayers) => void }[] = [];
  readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    child.on("message", (message: FromPlayers) => {
      const i = this.waiting.findIndex((w) => w.match(message));
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(message);
    });
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
  }

  ask<T extends FromPlayers>(message: ToPlayers, match: (m: FromPlayers) => boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ match, resolve: resolve as (m: FromPlayers) => void });
      void this.exited.then(() => reject(new Error("a bench client process exited")));
      this.child.send(message);
    });
  }
}

export type WindowFigures = {
  seconds: number;
  /** CPU of the bench's client processes together (cores). */
  clientCpuCores: number;
  /** CPU in use on the whole machine (cores, from /proc/stat): server + clients + anything else running. */
  machineBusyCores: number;
  players: number;
  commands: number;
  accepted: number;
  timeouts: number;
  dropped: number;
  senderP50: number;
  senderP99: number;
  othersP50: number;
  othersP99: number;
  othersSamples: number;
  /** Downstream bytes per player per second, counted at the players' sockets. */
  bytesPerPlayerPerSecond: number;
};

/** `url`: the server process the session was created through (its room lives there). */
export type Room = { code: string; hostToken: string; url: string; process: number; players: number };

/** The client processes for one server, and the rooms they hold. */
export class Fleet {
  private swarms: Players[];
  private nextProcess = 0;
  private nextPlayer = 0;
  private nextServer = 0;
  /** Where sessions are created and joined: round-robin over the server processes (one, usually). */
  private readonly entries: string[];
  private machineMark = machineBusy().mark;
  readonly rooms = new Map<string, Room>();

  constructor(
    readonly server: BenchServer,
    processes: number,
  ) {
    this.entries = server.urls ?? [server.url];
    this.swarms = Array.from({ length: processes }, () => new Players(track(fork(join(import.meta.dirname, "players.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] }))));
  }

  get players(): number {
    return [...this.rooms.values()].reduce((n, r) => n + r.players, 0);
  }

  /**
   * Opens `count` sessions, fills each with `players` bots and starts its game. With several server
   * processes, sessions are created through each in turn (the room lives where it was created, its
   * facilitator joins there) and the players join through the next one, as students reaching
   * another process would: that process sends them on to the room's.
   */
  async openRooms(count: number, players: number, rate: number): Promise<{ joinTimes: number[]; failures: number; problems: string[]; reasons: string[] }> {
    const sessions = [];
    for (let i = 0; i < count; i++) {
      const at = this.nextServer++;
      const url = this.entries[at % this.entries.length]!;
      sessions.push({ ...(await createSession(url)), url, joinUrl: this.entries[(at + 1) % this.entries.length]! });
    }
    const answers = await Promise.all(
      sessions.map(({ joinUrl, ...session }) => {
        const slot = this.nextProcess++ % this.swarms.length;
        const first = this.nextPlayer;
        this.nextPlayer += players;
        return this.swarms[slot]!.ask<Opened>(
          { type: "open", url: session.url, joinUrl, code: session.code, hostToken: session.hostToken, players, first, server: this.server.target, rate },
          (m) => m.type === "opened" && m.code === session.code,
        ).then((opened) => {
          this.rooms.set(session.code, { ...session, process: slot, players: players - opened.failures });
          return opened;
        });
      }),
    );
    return {
      joinTimes: answers.flatMap((a) => a.joinTimes),
      failures: answers.reduce((n, a) => n + a.failures, 0),
      problems: answers.flatMap((a) => (a.problem ? [a.problem] : [])),
      reasons: [...new Set(answers.flatMap((a) => a.reasons))],
    };
  }

  /**
   * One room (in each server process) opened, played for a moment and closed, so that what loads
   * or compiles on first use (modules, JIT code, caches) is in the idle server's figures, not
   * charged to the players.
   */
  async warmUp(players: number, rate: number): Promise<void> {
    await this.openRooms(this.entries.length, players, rate); // one room in each server process
    await sleep(1000);
    for (const code of this.rooms.keys()) await this.closeRoom(code);
    await sleep(1000);
  }

  /** Its players and host leave, then the host deletes the session (the room closes). */
  async closeRoom(code: string): Promise<void> {
    const room = this.rooms.get(code);
    if (!room) return;
    await this.swarms[room.process]!.ask<Closed>({ type: "close", code }, (m) => m.type === "closed" && m.code === code);
    this.rooms.delete(code);
    await deleteSession(room.url, code, room.hostToken);
  }

  /** Figures since the previous call, merged over the client processes. */
  async window(): Promise<WindowFigures> {
    const machine = machineBusy(this.machineMark);
    this.machineMark = machine.mark;
    const parts = await Promise.all(this.swarms.map((s) => s.ask<Window>({ type: "window" }, (m) => m.type === "window")));
    const sender = Histogram.from(parts.map((p) => p.sender));
    const others = Histogram.from(parts.map((p) => p.others));
    const players = parts.reduce((n, p) => n + p.players, 0);
    const seconds = Math.max(...parts.map((p) => p.ms)) / 1000;
    const sum = (key: "commands" | "accepted" | "timeouts" | "dropped" | "bytes") => parts.reduce((n, p) => n + p[key], 0);
    return {
      seconds,
      clientCpuCores: parts.reduce((n, p) => n + p.cpuCores, 0),
      machineBusyCores: machine.cores,
      players,
      commands: sum("commands"),
      accepted: sum("accepted"),
      timeouts: sum("timeouts"),
      dropped: sum("dropped"),
      senderP50: sender.percentile(50),
      senderP99: sender.percentile(99),
      othersP50: others.percentile(50),
      othersP99: others.percentile(99),
      othersSamples: others.count,
      bytesPerPlayerPerSecond: players > 0 ? sum("bytes") / players / seconds : NaN,
    };
  }

  /** Paced joins into existing sessions (no game started): `total` players over `seconds`. */
  async burst(codes: string[], perRoom: number, total: number, seconds: number): Promise<{ joinTimes: number[]; failures: number; reasons: string[]; wallSeconds: number }> {
    const startAt = now() + 500;
    const answers = await Promise.all(
      this.swarms.map((s, offset) => s.ask<BurstDone>({ type: "burst", url: this.server.url, codes, perRoom, total, seconds, startAt, stride: this.swarms.length, offset }, (m) => m.type === "burst")),
    );
    return {
      joinTimes: answers.flatMap((a) => a.joinTimes),
      failures: answers.reduce((n, a) => n + a.failures, 0),
      reasons: [...new Set(answers.flatMap((a) => a.reasons))],
      wallSeconds: (Math.max(...answers.map((a) => a.lastJoinedAt)) - startAt) / 1000,
    };
  }

  async leaveAll(): Promise<void> {
    await Promise.all(this.swarms.map((s) => s.ask<Left>({ type: "leave-all" }, (m) => m.type === "left")));
    this.rooms.clear();
  }

  /** Stops the client processes and the server. */
  async close(): Promise<void> {
    await Promise.race([this.leaveAll().catch(() => {}), sleep(5000)]);
    for (const s of this.swarms) s.child.kill();
    await Promise.all(this.swarms.map((s) => Promise.race([s.exited, sleep(2000)])));
    await this.server.close();
  }
}

type CpuMark = { busy: number; total: number };

/** Cores busy on the whole machine since `since` (Linux /proc/stat; NaN elsewhere). */
export function machineBusy(since?: CpuMark): { cores: number; mark: CpuMark } {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (line[3] ?? 0) + (line[4] ?? 0);
    const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
    const mark = { busy: total - idle, total };
    const cores = since && mark.total > since.total ? ((mark.busy - since.busy) / (mark.total - since.total)) * cpus().length : NaN;
    return { cores, mark };
  } catch {
    return { cores: NaN, mark: { busy: 0, total: 0 } };
  }
}
