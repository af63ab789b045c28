/**
 * Every command kind, sent by every kind of client that may not send it, in every phase where it
 * is not allowed (and while paused): refused with the right reason, and nothing changes — no event
 * is stored and the room's session is exactly as before. Over real WebSockets, one real game
 * driven by the facilitator from the lobby to the end.
 *
 * The expectations are derived from the command contract (`CONTRACT`: who, phases, whilePaused),
 * so this test follows the table; a few hand-written cases pin the derivation itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinAs, joinHost, joinPlayer } from "../support/clients.ts";
import { roomSession } from "../support/views.ts";
import { CONTRACT, CommandSchema, HOST_KINDS, PLAYER_KINDS, type Spec, type WireKind } from "../../shared/commands/index.ts";
import type { Reason } from "../../shared/reasons.ts";
import type { Phase, Role } from "../../shared/rules/state.ts";
import { sampleCommand } from "../support/commands.ts";

/** Who sends: the facilitator's console, the public board, or a seated player with this role. */
type Sender = "host" | "board" | Role;
type Situation = { phase: Phase; paused: boolean };

const KINDS: WireKind[] = [...HOST_KINDS, ...PLAYER_KINDS];
const ROLES: readonly string[] = ["resident", "watcher", "official", "observer"];

function phaseReason(spec: Spec, at: Situation): Reason | null {
  if (!spec.phases.includes(at.phase)) {
    if (at.phase === "lobby") return "game_not_started";
    if (at.phase === "ended") return "game_over";
    return "wrong_phase";
  }
  // by default what no role's player sends goes on while paused
  if (at.paused && !(spec.whilePaused ?? !spec.who.some((w) => ROLES.includes(w)))) return "paused";
  return null;
}

/** Why this sender may not send this kind now, or null when it may (those are not sent here). */
function expectedRefusal(kind: WireKind, sender: Sender, at: Situation): Reason | null {
  if (sender === "board") return "not_allowed";
  const spec: Spec = CONTRACT[kind];
  if (sender === "host") return spec.who.includes("host") ? phaseReason(spec, at) : "wrong_role";
  if (spec.who.includes("host")) return "not_facilitator";
  if (spec.who.includes("player")) return phaseReason(spec, at); // step_out: the student themself, any role
  if (at.phase === "lobby") return "game_not_started";
  if (at.phase === "ended") return "game_over";
  if (!spec.who.includes(sender)) return "wrong_role";
  return phaseReason(spec, at);
}

let server: TestServer;
let code = "";
const seats = { resident: "", resident2: "", watcher: "", official: "", observer: "", bot: "" };
let host: Room;
const clients = new Map<Sender, Room>();
let nextId = 0;
const id = (prefix = "c") => `${prefix}${++nextId}`;
let totalCases = 0;
const reasonsSeen = new Map<string, number>();

/** A syntactically valid payload aimed at this game's seats (the schema is checked below). */
function payload(kind: WireKind): Record<string, unknown> {
  return { id: id(), ...sampleCommand(kind, { seat: seats.resident2 || "s1", bot: seats.bot || "b1", observer: seats.observer || "s2" }) };
}

async function host_(kind: string, extra: Record<string, unknown> = {}): Promise<void> {
  const reply = await host.request("cmd", { id: id("h"), kind, ...extra });
  expect(reply, `host ${kind}`).toMatchObject({ ok: true });
}

/** A player's seat id, from the room's lobby (the seat is stored before the join is answered). */
function seatOf(nickname: string): string {
  const seat = Object.values(roomSession(code).lobby.seats).find((s) => s.nickname === nickname);
  if (!seat) throw new Error(`no seat for ${nickname}`);
  return seat.seatId;
}

async function storedEvents(): Promise<number> {
  return (await server.events(code)).length;
}

/** Sends every refused (kind, sender) pair in the current situation; returns the mismatches. */
async function sweep(at: Situation): Promise<string[]> {
  const session = roomSession(code);
  expect(session.game.phase).toBe(at.phase);
  expect(session.game.paused).toBe(at.paused);
  const problems: string[] = [];
  let before = JSON.stringify(roomSession(code));
  let count = await storedEvents();
  let cases = 0;
  for (const kind of KINDS) {
    for (const [sender, room] of clients) {
      const want = expectedRefusal(kind, sender, at);
      if (want === null) continue;
      cases++;
      const reply = (await room.request("cmd", payload(kind))) as { ok: boolean; reason?: string };
      const after = JSON.stringify(roomSession(code));
      const countAfter = await storedEvents();
      const label = `${sender} ${kind} in ${at.phase}${at.paused ? " (paused)" : ""}`;
      if (reply.ok !== false || reply.reason !== want) problems.push(`${label}: expected ${want}, got ${JSON.stringify(reply)}`);
      if (countAfter !== count) problems.push(`${label}: ${countAfter - count} event(s) stored`);
      if (after !== before) problems.push(`${label}: the session changed`);
      reasonsSeen.set(want, (reasonsSeen.get(want) ?? 0) + 1);
      before = after;
      count = countAfter;
    }
  }
  totalCases += cases;
  // every client is still connected: a soft refusal never disconnects
  for (const [sender, room] of clients) expect(room.connection.isOpen, `${sender} still connected`).toBe(true);
  expect(cases).toBeGreaterThan(20);
  return problems;
}

beforeAll(async () => {
  // Bots would act on their own clock: the one bot here is an observer, which never acts. The
  // per-client message cap is raised because this test sends hundreds of commands in a row.
  server = await startTestServer({ BOT_THINK_MS: "60000", MESSAGES_PER_SECOND: "1000" });
  const session = await server.createSession();
  code = session.code;
  // Seat ids are read from the room's lobby, not from the welcome notice (which can race the
  // join's answer): this test is about commands, not about joining.
  const h = await joinHost(server.url, code, session.hostToken);
  host = h.room;
  clients.set("host", host);
  const board = await joinAs(server.url, code, { as: "board" });
  clients.set("board", board.room);
  const players: [keyof typeof seats & Role, string][] = [
    ["resident", "Ann"],
    ["watcher", "Ben"],
    ["official", "Cai"],
  ];
  for (const [role, name] of players) {
    const joined = await joinPlayer(server.url, code, name);
    seats[role] = seatOf(name);
    clients.set(role, joined.room);
    await host_("assign_role", { seatId: seats[role], role });
  }
  // a second resident, as the subject of commands about someone else (not a sender)
  await joinPlayer(server.url, code, "Dee");
  seats.resident2 = seatOf("Dee");
  await host_("assign_role", { seatId: seats.resident2, role: "resident" });
  // a bot for remove_bot to name; as an observer it never acts
  await host_("add_bot", {});
  seats.bot = roomSession(code).game.seats.find((s) => roomSession(code).game.players[s]?.bot)!;
  expect(seats.bot).toBeTruthy();
  await host_("assign_role", { seatId: seats.bot, role: "observer" });
}, 60_000);

afterAll(async () => {
  console.log(`permissions: ${totalCases} refused commands checked`, Object.fromEntries(reasonsSeen));
  await server?.close();
});

describe("the derivation from the contract", () => {
  it("agrees with hand-picked cases", () => {
    const day = { phase: "day", paused: false } as const;
    expect(expectedRefusal("review", "resident", { phase: "evening", paused: false })).toBe("wrong_role");
    // the review queue streams and the town is awake in every phase; verdicts on appeals wait for the evening
    expect(expectedRefusal("review", "official", day)).toBeNull();
    expect(expectedRefusal("decide_appeal", "official", day)).toBe("wrong_phase");
    expect(expectedRefusal("move", "resident", { phase: "evening", paused: false })).toBeNull();
    expect(expectedRefusal("move", "resident", { phase: "day", paused: true })).toBe("paused");
    expect(expectedRefusal("move", "resident", day)).toBeNull();
    expect(expectedRefusal("move", "observer", day)).toBe("wrong_role");
    expect(expectedRefusal("write_note", "observer", day)).toBeNull();
    expect(expectedRefusal("write_note", "resident", day)).toBe("wrong_role");
    expect(expectedRefusal("write_entry", "resident", day)).toBe("wrong_role");
    expect(expectedRefusal("move", "watcher", { phase: "lobby", paused: false })).toBe("game_not_started");
    expect(expectedRefusal("appeal", "resident", { phase: "ended", paused: false })).toBe("game_over");
    expect(expectedRefusal("kick", "official", day)).toBe("not_facilitator");
    expect(expectedRefusal("advance", "observer", day)).toBe("not_facilitator");
    expect(expectedRefusal("step_out", "host", day)).toBe("wrong_role");
    expect(expectedRefusal("lock", "board", day)).toBe("not_allowed");
    expect(expectedRefusal("start", "host", day)).toBe("wrong_phase");
    expect(expectedRefusal("advance", "host", { phase: "lobby", paused: false })).toBe("game_not_started");
    expect(expectedRefusal("add_bot", "host", { phase: "ended", paused: false })).toBe("game_over");
    expect(expectedRefusal("add_bot", "host", { phase: "day", paused: true })).toBe("wrong_phase");
    expect(expectedRefusal("remove_bot", "host", { phase: "night", paused: false })).toBe("wrong_phase");
    expect(expectedRefusal("resume", "host", { phase: "day", paused: true })).toBeNull();
    expect(expectedRefusal("kick", "host", { phase: "ended", paused: false })).toBeNull();
  });

  it("uses only payloads that pass the protocol schema (so refusals are about role and phase)", () => {
    for (const kind of KINDS) expect(CommandSchema.safeParse(payload(kind)).success, kind).toBe(true);
    expect(KINDS.length).toBe(40);
  });
});

describe("commands refused by role and phase, over the wire", () => {
  it("in the lobby", async () => {
    expect(await sweep({ phase: "lobby", paused: false })).toEqual([]);
  });

  it("in the morning (with a late joiner, who observes)", async () => {
    await host_("start");
    const late = await joinPlayer(server.url, code, "Eve");
    seats.observer = seatOf("Eve");
    clients.set("observer", late.room);
    const game = roomSession(code).game;
    for (const role of ["resident", "watcher", "official", "observer"] as const) expect(game.players[seats[role]]?.role, role).toBe(role);
    await host_("extend", { seconds: 1800 }); // the phase clock must not move during the sweep
    expect(await sweep({ phase: "morning", paused: false })).toEqual([]);
  });

  it("in the day", async () => {
    await host_("advance");
    await host_("extend", { seconds: 1800 });
    expect(await sweep({ phase: "day", paused: false })).toEqual([]);
  });

  it("in the day, paused", async () => {
    await host_("pause");
    expect(await sweep({ phase: "day", paused: true })).toEqual([]);
    await host_("resume");
  });

  it("in the evening", async () => {
    await host_("advance");
    await host_("extend", { seconds: 1800 });
    expect(await sweep({ phase: "evening", paused: false })).toEqual([]);
  });

  it("in the evening, paused", async () => {
    await host_("pause");
    expect(await sweep({ phase: "evening", paused: true })).toEqual([]);
    await host_("resume");
  });

  it("at night", async () => {
    await host_("advance");
    await host_("extend", { seconds: 1800 });
    expect(await sweep({ phase: "night", paused: false })).toEqual([]);
  });

  it("at night, paused", async () => {
    await host_("pause");
    expect(await sweep({ phase: "night", paused: true })).toEqual([]);
  });

  it("after the end", async () => {
    await host_("end");
    expect(await sweep({ phase: "ended", paused: false })).toEqual([]);
    // the clients' decoded state agrees: the game is over for everyone
    for (const [sender, room] of clients) await until(() => (room.state as { phase: string }).phase === "ended", `${sender} to see the end`);
  });
});
