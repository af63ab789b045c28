/**
 * Event capacity (benchmark, not a test; issue 16 and QUALITY.md's bar: an event of
 * 10 neighbourhoods × 30 players + 100 observers on one server process, command → sender
 * p99 ≤ 50 ms, → others p99 ≤ 100 ms).
 *
 * One server process under the probe (fleet.ts startOurs). The event is created through the real
 * HTTP API from an inline variants file (the pilot town under ten sets of rules); each
 * neighbourhood's facilitator joins with its own host token; players arrive through the event's
 * code as a student's page does (`POST /api/place/<event>` with a ticket, then joining the session
 * it names with that ticket), and the placement is checked (30 in each); the event console's
 * route starts every neighbourhood (roles, start, day, a long day); then the observers arrive the
 * same way (late arrivals are seated as observers, who receive the public state and only watch).
 * Players act at the capacity part's pace for a bounded time: command → sender (reply) and
 * → others (the command's state patch reaching the other players and observers of the same
 * neighbourhood in the same client process), event-loop delay, CPU, bytes at the clients.
 *
 *   npx tsx tests/bench/event.ts [--neighbourhoods 10] [--players 30] [--observers 10] [--seconds 30] [--rate 0.5] [--processes 3]
 */
import { fork } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { machineBusy, startOurs, track, type BenchServer } from "./fleet.ts";
import { percentile } from "./latency.ts";
import { Histogram, sleep } from "./stats.ts";
import type { CreatedEvent, EventCommandReply, EventInfo } from "../../shared/protocol/http.ts";
import type { Arrived, FromPlayers, Hosted, Playing, ToPlayers, Watched, Window } from "./players.ts";

export type EventOptions = {
  neighbourhoods: number;
  /** Players per neighbourhood (arriving before the start). */
  players: number;
  /** Observers per neighbourhood (arriving after the start). */
  observers: number;
  /** Measured seconds of play. */
  seconds: number;
  /** Commands per player per second. */
  rate: number;
  /** Client processes. */
  processes: number;
};

export type EventResult = {
  code: string;
  neighbourhoods: number;
  players: number;
  observers: number;
  /** Arrivals the server counted in each neighbourhood (GET /api/events/<code>): after the players, after the observers. */
  placedPlayers: number[];
  placedAll: number[];
  /** Whether every neighbourhood was given exactly its players before the start. */
  evenlyPlaced: boolean;
  /** Connected arrivals by their role as play began. */
  roles: Record<string, number>;
  joinP50: number;
  joinP99: number;
  joinFailures: number;
  joinFailureReasons: string[];
  seconds: number;
  commands: number;
  accepted: number;
  timeouts: number;
  dropped: number;
  senderP50: number;
  senderP99: number;
  othersP50: number;
  othersP99: number;
  othersSamples: number;
  loopP50: number;
  loopP99: number;
  loopMax: number;
  cpuCores: number;
  clientCpuCores: number;
  /** CPU in use on the whole machine while measured (cores): server + clients + anything else running. */
  machineBusyCores: number;
  bytesPerPlayerPerSecond: number;
  bytesPerObserverPerSecond: number;
  /** Live heap (after GC) above the server with the empty event, per connection (facilitators included). */
  heapPerConnectionKb: number;
  problems: string[];
};

const BASE = "rongcheng-pilot";
/** The pilot town under ten sets of rules: appeals, cameras, watchers, reporting, loans, grades. */
const VARIANTS = [
  { id: "birch", label: "Birch Street: an appeal nobody decides is reversed", appeals: { enabled: true, undecided: "reversed", deadlineEvenings: 1 } },
  { id: "elm", label: "Elm Street: an appeal nobody decides is upheld", appeals: { enabled: true, undecided: "upheld", deadlineEvenings: 2 } },
  { id: "ash", label: "Ash Street: no appeals", appeals: { enabled: false } },
  { id: "oak", label: "Oak Street: cameras everywhere, and they err", cameras: { errorRate: 0.1, at: ["community_centre", "internet_cafe", "park", "market", "clinic", "bank", "town_hall", "station", "school", "sports_ground", "factory"] } },
  { id: "pine", label: "Pine Street: no cameras", cameras: { at: [] } },
  { id: "cedar", label: "Cedar Street: secret watchers", secretWatchers: true },
  { id: "maple", label: "Maple Street: known watchers, no reporting", secretWatchers: false, reporting: { enabled: false } },
  { id: "willow", label: "Willow Street: reporting pays well", reporting: { enabled: true, reward: 20 } },
  { id: "poplar", label: "Poplar Street: cosigners pay dearly", cosignerPoints: -100 },
  { id: "linden", label: "Linden Street: the top grades are harder", grades: { aaa: 1100, aa: 1040 } },
  { id: "hazel", label: "Hazel Street: pending appeals wait", appeals: { enabled: true, undecided: "pending", deadlineEvenings: 3 } },
  { id: "rowan", label: "Rowan Street: cameras rarely err", cameras: { errorRate: 0.01 } },
];
const SETTLE_MS = 2000;

/** The variants file of `count` neighbourhoods (2–12). */
function variantsFile(count: number): Record<string, unknown> {
  if (count < 2 || count > VARIANTS.length) throw new Error(`an event has 2–${VARIANTS.length} neighbourhoods here, not ${count}`);
  return {
    title: { en: "Bench: the pilot town, ten ways", zh: "基准：试点小镇的十种规则" },
    base: BASE,
    variants: VARIANTS.slice(0, count).map(({ label, ...v }) => ({ ...v, label: { en: label, zh: label } })),
  };
}

async function api<T>(server: BenchServer, method: "GET" | "POST", path: string, { body, token }: { body?: unknown; token?: string } = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One client process (players.ts) and the answers it owes. */
function clientProcess() {
  const child = track(fork(join(import.meta.dirname, "players.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] }));
  const waiting: { match: (m: FromPlayers) => boolean; resolve: (m: FromPlayers) => void }[] = [];
  child.on("message", (message: FromPlayers) => {
    const i = waiting.findIndex((w) => w.match(message));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(message);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    exited,
    ask<T extends FromPlayers>(message: ToPlayers, match: (m: FromPlayers) => boolean): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({ match, resolve: resolve as (m: FromPlayers) => void });
        void exited.then(() => reject(new Error("a bench client process exited")));
        child.send(message);
      });
    },
  };
}
type Client = ReturnType<typeof clientProcess>;

/** Arrivals `from`…`from + count - 1`, dealt to the client processes in turn. */
async function arrive(clients: Client[], server: BenchServer, event: string, from: number, count: number, watch: boolean): Promise<Arrived[]> {
  return Promise.all(
    clients.map((client, p) => {
      const indices = Array.from({ length: count }, (_, i) => from + i).filter((_, i) => i % clients.length === p);
      return client.ask<Arrived>({ type: "arrive", url: server.url, event, indices, watch }, (m) => m.type === "arrived");
    }),
  );
}

/** Every neighbourhood answers the event console's command; a refusal is a problem of the run. */
async function command(server: BenchServer, event: CreatedEvent, body: Record<string, unknown>): Promise<string[]> {
  const answer = await api<EventCommandReply>(server, "POST", `/api/events/${event.code}/command`, { token: event.hostToken, body: { command: { id: Math.random().toString(36).slice(2), ...body } } });
  return answer.results.flatMap((r) => (r.reply.ok ? [] : [`${String(body.kind)} refused in ${r.code}: ${r.reply.reason}`]));
}

export async function runEvent(options: EventOptions): Promise<EventResult> {
  const server = await startOurs();
  const clients = Array.from({ length: Math.max(1, options.processes) }, clientProcess);
  const problems: string[] = [];
  try {
    const event = await api<CreatedEvent>(server, "POST", "/api/events", { body: { variants: variantsFile(options.neighbourhoods) } });
    const placedNow = async () => (await api<EventInfo>(server, "GET", `/api/events/${event.code}`, { token: event.hostToken })).neighbourhoods;
    const neighbourhoods = await placedNow();
    const idle = await server.probe.heap();

    const hosted = await Promise.all(
      neighbourhoods.map((n, i) => clients[i % clients.length]!.ask<Hosted>({ type: "host", url: server.url, code: n.code, hostToken: n.hostToken }, (m) => m.type === "hosted" && m.code === n.code)),
    );
    problems.push(...hosted.flatMap((h) => (h.problem ? [`facilitator of ${h.code}: ${h.problem}`] : [])));

    const players = options.neighbourhoods * options.players;
    const observers = options.neighbourhoods * options.observers;
    const arrivedPlayers = await arrive(clients, server, event.code, 0, players, false);
    const placedPlayers = (await placedNow()).map((n) => n.placed);
    for (const step of [{ kind: "auto_balance" }, { kind: "start" }, { kind: "advance" }, { kind: "extend", seconds: 1800 }]) problems.push(...(await command(server, event, step)));
    await sleep(200);
    const arrivedObservers = await arrive(clients, server, event.code, players, observers, true);
    const placedAll = (await placedNow()).map((n) => n.placed);
    await sleep(1000); // the late arrivals' seats reach their state (their role as observers)

    const playing = await Promise.all(clients.map((c) => c.ask<Playing>({ type: "play", rate: options.rate }, (m) => m.type === "playing")));
    const roles: Record<string, number> = {};
    for (const p of playing) for (const [role, n] of Object.entries(p.roles)) roles[role] = (roles[role] ?? 0) + n;

    await sleep(SETTLE_MS);
    const take = () =>
      Promise.all([
        Promise.all(clients.map((c) => c.ask<Window>({ type: "window" }, (m) => m.type === "window"))),
        Promise.all(clients.map((c) => c.ask<Watched>({ type: "watched" }, (m) => m.type === "watched"))),
        server.probe.sample(),
      ]);
    await take();
    const machineMark = machineBusy().mark;
    await sleep(options.seconds * 1000);
    const [windows, watched, sample] = await take();
    const machine = machineBusy(machineMark);
    const heap = await server.probe.heap();

    const sender = Histogram.from(windows.map((w) => w.sender));
    const others = Histogram.from(windows.map((w) => w.others));
    const seconds = Math.max(...windows.map((w) => w.ms)) / 1000;
    const sum = (key: "commands" | "accepted" | "timeouts" | "dropped" | "bytes" | "players") => windows.reduce((n, w) => n + w[key], 0);
    const watchers = watched.reduce((n, w) => n + w.watchers, 0);
    const arrived = [...arrivedPlayers, ...arrivedObservers];
    const joinTimes = arrived.flatMap((a) => a.joinTimes);
    const connections = sum("players") + watchers + neighbourhoods.length;
    return {
      code: event.code,
      neighbourhoods: neighbourhoods.length,
      players,
      observers,
      placedPlayers,
      placedAll,
      evenlyPlaced: placedPlayers.every((n) => n === options.players),
      roles,
      joinP50: percentile(joinTimes, 50),
      joinP99: percentile(joinTimes, 99),
      joinFailures: arrived.reduce((n, a) => n + a.failures, 0),
      joinFailureReasons: [...new Set(arrived.flatMap((a) => a.reasons))],
      seconds,
      commands: sum("commands"),
      accepted: sum("accepted"),
      timeouts: sum("timeouts"),
      dropped: sum("dropped"),
      senderP50: sender.percentile(50),
      senderP99: sender.percentile(99),
      othersP50: others.percentile(50),
      othersP99: others.percentile(99),
      othersSamples: others.count,
      loopP50: sample.loopP50,
      loopP99: sample.loopP99,
      loopMax: sample.loopMax,
      cpuCores: sample.cpuCores,
      clientCpuCores: windows.reduce((n, w) => n + w.cpuCores, 0),
      machineBusyCores: machine.cores,
      bytesPerPlayerPerSecond: sum("players") > 0 ? sum("bytes") / sum("players") / seconds : NaN,
      bytesPerObserverPerSecond: watchers > 0 ? watched.reduce((n, w) => n + w.bytes, 0) / watchers / seconds : NaN,
      heapPerConnectionKb: (heap.heapUsedBytes - idle.heapUsedBytes) / 1024 / connections,
      problems,
    };
  } finally {
    await Promise.race([Promise.all(clients.map((c) => c.ask({ type: "leave-all" }, (m) => m.type === "left"))).catch(() => {}), sleep(5000)]);
    for (const c of clients) c.child.kill();
    await Promise.all(clients.map((c) => Promise.race([c.exited, sleep(2000)])));
    await server.close();
  }
}

export function formatEvent(r: EventResult): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const roles = Object.entries(r.roles)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([role, n]) => `${role} ${n}`)
    .join(", ");
  return [
    `event ${r.code}: ${r.neighbourhoods} neighbourhoods (variants of ${BASE}), ${r.players} players + ${r.observers} observers`,
    `  placed, players      ${r.placedPlayers.join(" ")}  (${r.evenlyPlaced ? `${r.players / r.neighbourhoods} in each, as expected` : "NOT even"})`,
    `  placed, all          ${r.placedAll.join(" ")}  (observers arrived after the start through the event code, as players do)`,
    `  roles as play began  ${roles}`,
    `  arrivals             place + join p50 ${ms(r.joinP50)}  p99 ${ms(r.joinP99)}  failures ${r.joinFailures}${r.joinFailureReasons.length ? ` (${r.joinFailureReasons.join("; ")})` : ""}`,
    `  play                 ${r.seconds.toFixed(0)} s, ${r.commands} commands (${r.accepted} accepted), ${r.timeouts} timeouts, ${r.dropped} dropped`,
    `  command → sender     p50 ${ms(r.senderP50)}  p99 ${ms(r.senderP99)}`,
    `  command → others     p50 ${ms(r.othersP50)}  p99 ${ms(r.othersP99)}  (${r.othersSamples} deliveries to players and observers of the same neighbourhood)`,
    `  server               ${r.cpuCores.toFixed(2)} cores, event-loop delay p50 ${ms(r.loopP50)}  p99 ${ms(r.loopP99)}  max ${ms(r.loopMax)}`,
    `  downstream           ${r.bytesPerPlayerPerSecond.toFixed(0)} B/s per player, ${r.bytesPerObserverPerSecond.toFixed(0)} B/s per observer`,
    `  memory               ${r.heapPerConnectionKb.toFixed(1)} kB live heap per connection`,
    `  clients, machine     ${r.clientCpuCores.toFixed(2)} cores (the bench's client processes), ${r.machineBusyCores.toFixed(2)} of ${cpus().length} cores busy on the machine (anything else running included)`,
    ...(r.problems.length ? [`  problems             ${[...new Set(r.problems)].join("; ")}`] : []),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const result = await runEvent({
    neighbourhoods: option("neighbourhoods", 10),
    players: option("players", 30),
    observers: option("observers", 10),
    seconds: option("seconds", 30),
    rate: option("rate", 0.5),
    processes: option("processes", 3),
  });
  console.log(process.argv.includes("--json") ? JSON.stringify(result) : formatEvent(result));
  process.exit(0);
}
