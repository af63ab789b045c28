/**
 * A scripted game for acceptance tests over real WebSockets: who sits at the table, a variant of
 * the default scenario that suits a two-day script, and the script itself as a list of steps.
 * Each step names who sends it and builds its command from what that client has itself
 * received (its decoded private view), so the same script runs against an in-process server
 * (tests/server/scripted-game.test.ts) and a child process that is killed mid-game
 * (tests/server/crash-recovery.test.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Room } from "@colyseus/sdk";
import "../../server/shim.ts";
import { loadConfig } from "../../server/config.ts";
import { startServer } from "../../server/app.ts";
import { createLogger } from "../../server/log.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { createSessionAt, tempDir, testServer, until, type TestServer } from "./server.ts";
import { joinHost, joinPlayer, seatToken, type Joined } from "./clients.ts";
import { receivedPrivate } from "./views.ts";
import type { FacilitatorView } from "../../shared/rules/index.ts";

/** The humans: one official, two watchers, five residents (the facilitator is the host). */
export const PLAYERS = ["O", "W1", "W2", "R1", "R2", "R3", "R4", "R5"] as const;
export type Name = (typeof PLAYERS)[number];
export const NICKNAMES: Record<Name, string> = { O: "Olu", W1: "Wes", W2: "Wu", R1: "Ann", R2: "Ben", R3: "Cai", R4: "Dee", R5: "Eve" };
export const ROLES: Record<Name, "official" | "watcher" | "resident"> = {
  O: "official",
  W1: "watcher",
  W2: "watcher",
  R1: "resident",
  R2: "resident",
  R3: "resident",
  R4: "resident",
  R5: "resident",
};
/** Three bots: two residents and a watcher (no bot official, so only the human official scores). */
export const BOTS = [
  { personality: "conformist", role: "resident" },
  { personality: "rebel", role: "resident" },
  { personality: "zealous_watcher", role: "watcher" },
] as const;

export const SCRIPTED_SCENARIO = "scripted-pilot";

/**
 * A scenarios folder with the default scenario and `scripted-pilot`: the same town over two
 * days, phases long enough that only the facilitator moves the clock, cameras that never
 * mistake anyone, and a blacklist the officials keep by hand (the court's way), so the script
 * can list a resident without first driving their score down 400 points.
 */
export function scriptedScenarios(): string {
  const dir = tempDir("gs-scenarios-");
  mkdirSync(dir, { recursive: true });
  const source = readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8");
  writeFileSync(join(dir, "rongcheng-pilot.json"), source);
  const base = JSON.parse(source) as Record<string, unknown> & {
    blacklist: Record<string, unknown>;
    eventCards: { day: number | null }[];
    goals: { check: { byDay?: number } }[];
  };
  const variant = {
    ...base,
    // two days: later cards become cards the facilitator may inject, goals fall due by day 2
    eventCards: base.eventCards.map((c) => ({ ...c, day: c.day !== null && c.day > 2 ? null : c.day })),
    goals: base.goals.map((g) => (g.check.byDay && g.check.byDay > 2 ? { ...g, check: { ...g.check, byDay: 2 } } : g)),
    id: SCRIPTED_SCENARIO,
    default: false,
    phases: { days: 2, morning: 3600, day: 3600, evening: 3600, night: 3600 },
    cameras: { errorRate: 0 },
    blacklist: { ...base.blacklist, mode: "official", delist: "appeal_only", citable: [] },
  };
  writeFileSync(join(dir, `${SCRIPTED_SCENARIO}.json`), JSON.stringify(variant));
  return dir;
}

/** Like startTestServer, with the scripted scenarios. */
export async function startScriptServer(env: Record<string, string>): Promise<TestServer> {
  const dataDir = tempDir();
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env });
  const running = await startServer(config, { log: createLogger("warn"), scenariosDir: scriptedScenarios() });
  return { ...testServer(running, dataDir, []), createSession: (scenarioId = SCRIPTED_SCENARIO) => createSessionAt(running.url, scenarioId) };
}

export type Reply = { ok: true; seq: number } | { ok: false; reason: string };

/** Everyone at the table: the host, the eight players with their seats and tokens, the bots' seats. */
export type Table = {
  url: string;
  code: string;
  hostToken: string;
  host: Room;
  rooms: Record<Name, Room>;
  seats: Record<Name, string>;
  tokens: Record<Name, string>;
  bots: string[];
};

let commandCounter = 0;
/** A fresh command id (unique in this test process). */
export function commandId(prefix = "c"): string {
  return `${prefix}${++commandCounter}`;
}

export async function send(room: Room, command: Record<string, unknown>): Promise<Reply> {
  return (await room.request("cmd", { id: commandId(), ...command })) as Reply;
}

export async function sendOk(room: Room, command: Record<string, unknown>, what = String(command.kind)): Promise<number> {
  const reply = await send(room, command);
  if (!reply.ok) throw new Error(`${what} was rejected: ${reply.reason}`);
  return reply.seq;
}

export const seqOf = (room: Room): number => (room.state as { seq?: number } | undefined)?.seq ?? 0;

/**
 * The seat a player was given: from the welcome, or — when the welcome raced ahead of the
 * SDK's handler — from the one private view the client holds, which is keyed by its seat.
 */
export async function seatOf(joined: Joined): Promise<string> {
  let seat: string | undefined;
  void joined.welcome.then((w) => (seat ??= (w as { seatId: string }).seatId));
  await until(() => {
    const keys = seqOf(joined.room) > 0 ? Object.keys(receivedPrivate(joined.room)) : [];
    if (seat === undefined && keys.length === 1) seat = keys[0];
    return seat !== undefined;
  }, "the player's seat");
  return seat!;
}

/** The host and eight players join (each with a seat token), in the lobby. */
export async function seatTable(url: string, code: string, hostToken: string): Promise<Table> {
  const host = await joinHost(url, code, hostToken);
  const rooms = {} as Record<Name, Room>;
  const seats = {} as Record<Name, string>;
  const tokens = {} as Record<Name, string>;
  for (const name of PLAYERS) {
    tokens[name] = seatToken();
    const joined = await joinPlayer(url, code, NICKNAMES[name], tokens[name]);
    rooms[name] = joined.room;
    seats[name] = await seatOf(joined);
  }
  return { url, code, hostToken, host: host.room, rooms, seats, tokens, bots: [] };
}

/** The facilitator's god view as the host client decoded it (shared/rules `FacilitatorView`). */
export function godView(table: Table): GodState {
  return receivedPrivate(table.host).host as GodState;
}

export type GodState = FacilitatorView;

/** The lobby commands that set the table: roles for humans, three bots with roles, then start. */
export function lobbySteps(): Step[] {
  const steps: Step[] = PLAYERS.map((name) => ({ label: `assign ${name}`, by: "host", command: (t) => ({ kind: "assign_role", seatId: t.seats[name], role: ROLES[name] }) }));
  for (const bot of BOTS) steps.push({ label: `add bot ${bot.personality}`, by: "host", command: () => ({ kind: "add_bot", personality: bot.personality }) });
  BOTS.forEach((bot, i) =>
    steps.push({
      label: `assign bot ${i}`,
      by: "host",
      command: (t) => {
        // the host learns the bots' seats from its god view, in the order they were added
        const god = godView(t);
        t.bots = god.seats.filter((s) => god.players[s]?.bot);
        return { kind: "assign_role", seatId: t.bots[i], role: bot.role };
      },
    }),
  );
  steps.push({ label: "start", by: "host", command: () => ({ kind: "start" }) });
  return steps;
}

type PrivateOf = {
  observations?: { id: string; actor: string; deed: string; day: number }[];
  myEntries?: { id: string; subject: string; deed: string; day: number; status: string }[];
  aboutMe?: { id: string; deed: string; status: string }[];
  journal?: { id: string; source: string; subject: string; deed: string; status: string; author: string | null }[];
  appeals?: { id: string; appellant: string; entry: string; status: string }[];
};

/** What one player's client has decoded about itself. */
export function own(t: Table, name: Name): PrivateOf {
  return (receivedPrivate(t.rooms[name])[t.seats[name]] ?? {}) as PrivateOf;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`script: ${what} not found in the client's view`);
  return value;
}

/** The occurrence a watcher saw: `actor` doing `deed` today. */
export function seen(t: Table, watcher: Name, actor: Name, deed: string): string {
  return need(own(t, watcher).observations?.findLast((o) => o.actor === t.seats[actor] && o.deed === deed), `${watcher} seeing ${actor} ${deed}`).id;
}

/** The entry a watcher wrote about `subject` doing `deed`. */
export function entryBy(t: Table, watcher: Name, subject: Name, deed: string): string {
  return need(own(t, watcher).myEntries?.findLast((e) => e.subject === t.seats[subject] && e.deed === deed), `${watcher}'s entry on ${subject} ${deed}`).id;
}

/** A published entry about me. */
export function aboutMe(t: Table, name: Name, deed: string): string {
  return need(own(t, name).aboutMe?.findLast((e) => e.deed === deed), `${name}'s published ${deed}`).id;
}

/** The appeal `appellant` filed, as the official sees it. */
export function appealOf(t: Table, appellant: Name): string {
  return need(own(t, "O").appeals?.findLast((a) => a.appellant === t.seats[appellant]), `${appellant}'s appeal`).id;
}

/**
 * One step of the script. `command` builds the command (without id) from what the clients hold,
 * or returns null to skip the step (e.g. a camera that named someone else). `by: "bots"` is a
 * window in which only the bots play.
 */
export type Step =
  | { label: string; by: Name | "host"; command: (t: Table) => Record<string, unknown> | null }
  | { label: string; by: "bots"; ms: number };

const move = (by: Name, to: string): Step => ({ label: `${by} moves to ${to}`, by, command: () => ({ kind: "move", to }) });
const act = (by: Name, action: string): Step => ({ label: `${by} ${action}`, by, command: () => ({ kind: "act", action }) });
const advance = (label: string): Step => ({ label, by: "host", command: () => ({ kind: "advance" }) });
const witnessed = (w: Name, subject: Name, deed: string, actor: Name = subject): Step => ({
  label: `${w} writes ${subject} ${deed} (witnessed)`,
  by: w,
  command: (t) => ({ kind: "write_entry", subject: t.seats[subject], deed, basis: "witnessed", occurrence: seen(t, w, actor, deed), note: "seen it myself" }),
});
const review = (label: string, w: Name, subject: Name, deed: string, decision: string, points?: number): Step => ({
  label,
  by: "O",
  command: (t) => ({ kind: "review", entry: entryBy(t, w, subject, deed), decision, ...(points === undefined ? {} : { points }) }),
});

/**
 * Two days of play, morning to night. Day 1: residents act where watchers see them, the
 * watchers write three true entries and one false (hearsay: Dee never spread a rumour); in the
 * evening the official approves two true ones and the false one, asks evidence on one and then
 * approves it with adjusted points, rejects one; night publishes. Day 2: Dee appeals the false
 * entry, Ann appeals her littering; more deeds and entries; in the evening the official
 * reverses Dee's appeal, leaves Ann's pending, scores the day and blacklists Ann on her
 * littering; night publishes; then the game ends.
 */
export function gameSteps(botMs: number): Step[] {
  return [
    advance("day 1: morning → day"),
    move("W1", "park"),
    move("R1", "park"),
    act("R1", "litter"),
    move("R2", "park"),
    act("R2", "help_elderly"),
    move("W2", "community_centre"),
    move("R3", "community_centre"),
    act("R3", "volunteer"),
    move("R5", "internet_cafe"),
    act("R5", "praise_online"),
    witnessed("W1", "R1", "litter"),
    witnessed("W1", "R2", "help_elderly"),
    witnessed("W2", "R3", "volunteer"),
    {
      label: "W2 writes a FALSE entry: R4 spread a rumour (hearsay)",
      by: "W2",
      command: (t) => ({ kind: "write_entry", subject: t.seats.R4, deed: "spread_rumour", basis: "hearsay", note: "everyone says so" }),
    },
    { label: "bots play the day", by: "bots", ms: botMs },
    advance("day 1: day → evening"),
    review("O approves R1 litter", "W1", "R1", "litter", "approve"),
    review("O approves the false R4 rumour", "W2", "R4", "spread_rumour", "approve", -20),
    review("O asks evidence on R2 help_elderly", "W1", "R2", "help_elderly", "ask_evidence"),
    review("O approves R2 help_elderly with adjusted points", "W1", "R2", "help_elderly", "approve", 7),
    review("O rejects R3 volunteer", "W2", "R3", "volunteer", "reject"),
    { label: "bots play the evening", by: "bots", ms: botMs },
    advance("day 1: evening → night (publication)"),
    advance("day 1: night → day 2 morning"),
    { label: "R4 appeals the false entry", by: "R4", command: (t) => ({ kind: "appeal", entry: aboutMe(t, "R4", "spread_rumour"), reason: "did_not_happen" }) },
    { label: "R1 appeals her littering", by: "R1", command: (t) => ({ kind: "appeal", entry: aboutMe(t, "R1", "litter"), reason: "context", evidence: "witness" }) },
    advance("day 2: morning → day"),
    move("W2", "market"),
    move("R5", "market"),
    act("R5", "buy_nappies"),
    witnessed("W2", "R5", "buy_nappies"),
    act("R2", "jaywalk"),
    witnessed("W1", "R2", "jaywalk"),
    { label: "bots play the day", by: "bots", ms: botMs },
    advance("day 2: day → evening"),
    { label: "O reverses R4's appeal", by: "O", command: (t) => ({ kind: "decide_appeal", appeal: appealOf(t, "R4"), decision: "reverse" }) },
    review("O approves R5 buy_nappies", "W2", "R5", "buy_nappies", "approve"),
    review("O approves R2 jaywalk", "W1", "R2", "jaywalk", "approve", -5),
    {
      label: "O rejects the camera's flag of R5 (already recorded)",
      by: "O",
      command: (t) => {
        const flag = own(t, "O").journal?.find((e) => e.source === "camera" && e.subject === t.seats.R5 && e.deed === "buy_nappies" && e.status === "pending");
        return flag ? { kind: "review", entry: flag.id, decision: "reject" } : null;
      },
    },
    { label: "O blacklists R1 on her littering", by: "O", command: (t) => ({ kind: "blacklist", subject: t.seats.R1, entries: [entryBy(t, "W1", "R1", "litter")] }) },
    { label: "bots play the evening", by: "bots", ms: botMs },
    advance("day 2: evening → night (publication)"),
    advance("day 2: night → the end"),
  ];
}

/** Waits until every room holds at least `seq` (replies come before the state patch). */
export async function caughtUp(rooms: Room[], seq: number, timeoutMs = 5000): Promise<void> {
  await until(() => rooms.every((r) => seqOf(r) >= seq), `every client at seq ${seq}`, timeoutMs);
}

export function everyRoom(t: Table): Room[] {
  return [t.host, ...PLAYERS.map((n) => t.rooms[n])];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
