/**
 * Events: several neighbourhoods under one code. Through a real server and real WebSockets:
 * arrivals are placed evenly, in the pinned neighbourhood while it has room, past a full one, and
 * late arrivals fill the gap a move left; the event console's commands reach every neighbourhood
 * (or only those named) and each answers as its own console would; a player moved before the
 * start is told where to go; the key figures and the whole event's export; bad requests get clear
 * refusals; and a server killed mid-event brings every neighbourhood and player back.
 */
import "../../server/shim.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";
import { startTestServer, tempDir, until, type TestServer } from "../support/server.ts";
import { joinAs, seatToken, type Joined } from "../support/clients.ts";
import { kill, spawnServer, type ServerProcess } from "../support/process.ts";
import { Link, type Lobby, type LinkStatus } from "../../client/net/link.ts";
import { PROTOCOL_VERSION, type Farewell } from "../../shared/protocol/index.ts";
import type { EventFigures, EventInfo, Placement } from "../../shared/protocol/http.ts";

const ticket = () => randomBytes(18).toString("base64url");
/** quick-three over the test scenarios' quick demo with half-hour phases: only the test moves the clock. */
const SLOW_THREE = { ...(JSON.parse(readFileSync(join(ROOT, "assets/variants/quick-three.json"), "utf8")) as object), base: "quick-demo-slow" };
let ids = 0;
const id = () => `t${++ids}`;

type Api = { status: number; body: unknown };

async function api(url: string, method: string, path: string, body?: unknown, token?: string): Promise<Api> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function createEvent(url: string, body: Record<string, unknown>): Promise<{ code: string; hostToken: string; info: EventInfo }> {
  const created = await api(url, "POST", "/api/events", body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { code, hostToken } = created.body as { code: string; hostToken: string };
  const info = (await api(url, "GET", `/api/events/${code}`, undefined, hostToken)).body as EventInfo;
  return { code, hostToken, info };
}

const place = async (url: string, code: string, t = ticket()) => ((await api(url, "POST", `/api/place/${code}`, { ticket: t })).body as Placement).code;

/** Places an arrival and seats them in the neighbourhood they were given, as the front page does. */
async function arrive(url: string, eventCode: string, nickname: string): Promise<{ code: string; joined: Joined; farewells: Farewell[] }> {
  const t = ticket();
  const code = await place(url, eventCode, t);
  const joined = await joinAs(url, code, { as: "player", seatToken: seatToken(), nickname, ticket: t });
  const farewells: Farewell[] = [];
  joined.room.onMessage("farewell", (f: Farewell) => farewells.push(f));
  await joined.welcome;
  return { code, joined, farewells };
}

const command = (url: string, event: { code: string; hostToken: string }, cmd: Record<string, unknown>, to?: string[]) =>
  api(url, "POST", `/api/events/${event.code}/command`, { command: { id: id(), ...cmd }, ...(to ? { to } : {}) }, event.hostToken);

const figures = async (url: string, event: { code: string; hostToken: string }) => ((await api(url, "GET", `/api/events/${event.code}/figures`, undefined, event.hostToken)).body as EventFigures).neighbourhoods;

describe("an event's placement, console and figures", () => {
  let server: TestServer;
  const rooms: Joined[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    // a room the server already closed (a player sent away) has nothing to leave
    for (const r of rooms.splice(0)) if (r.room.connection.isOpen) await r.room.leave().catch(() => {});
  });
  afterAll(async () => {
    await server.close();
  });

  it("places arrivals evenly, the same ticket in the same neighbourhood, and counts them per neighbourhood", async () => {
    const event = await createEvent(server.url, { variants: "quick-three", title: "Hall B" });
    expect(event.info.title).toBe("Hall B");
    expect(event.info.neighbourhoods.map((n) => n.name.en)).toEqual(["Birch Street", "Elm Street", "Oak Street"]);
    const tickets = Array.from({ length: 9 }, ticket);
    // all at once, as a class arriving: each is counted after the one before
    const placed = await Promise.all(tickets.map((t) => place(server.url, event.code, t)));
    const counts = event.info.neighbourhoods.map((n) => placed.filter((c) => c === n.code).length);
    expect(counts).toEqual([3, 3, 3]);
    expect(await place(server.url, event.code, tickets[4])).toBe(placed[4]);
    const info = (await api(server.url, "GET", `/api/events/${event.code}`, undefined, event.hostToken)).body as EventInfo;
    expect(info.neighbourhoods.map((n) => n.placed)).toEqual([3, 3, 3]);
    // each neighbourhood's own host token opens its session as any host token does (here: its debrief)
    for (const n of info.neighbourhoods) expect((await api(server.url, "GET", `/api/sessions/${n.code}/debrief`, undefined, n.hostToken)).status).toBe(200);
    // a session's code places nobody: it is itself
    expect(await api(server.url, "POST", `/api/place/${placed[0]}`, { ticket: ticket() })).toMatchObject({ status: 200, body: { code: placed[0], event: null } });
  });

  it("sends arrivals to the pinned neighbourhood until it is full, then to the least crowded", async () => {
    const event = await createEvent(server.url, { scenarioIds: ["tiny-room", "tiny-room", "tiny-room"] });
    const [a, b, c] = event.info.neighbourhoods.map((n) => n.code) as [string, string, string];
    expect(event.info.neighbourhoods.map((n) => n.maxPlayers)).toEqual([4, 4, 4]);
    expect(await api(server.url, "POST", `/api/events/${event.code}/pin`, { pinned: b }, event.hostToken)).toMatchObject({ status: 200, body: { pinned: b } });
    const first = [];
    for (let i = 0; i < 5; i++) first.push(await place(server.url, event.code));
    // B takes four (its places), the fifth goes to the least crowded of the others
    expect(first).toEqual([b, b, b, b, a]);
    await api(server.url, "POST", `/api/events/${event.code}/pin`, { pinned: null }, event.hostToken);
    const next = [];
    for (let i = 0; i < 7; i++) next.push(await place(server.url, event.code));
    expect(next.slice(0, 3)).toEqual([c, a, c]);
    // every neighbourhood full: the least crowded takes the arrival anyway (its room seats them as an observer)
    expect(next.slice(3).every((code) => [a, b, c].includes(code))).toBe(true);
    const info = (await api(server.url, "GET", `/api/events/${event.code}`, undefined, event.hostToken)).body as EventInfo;
    expect(info.neighbourhoods.map((n) => n.placed).reduce((x, y) => x + y)).toBe(12);
    // a pin outside the event is refused
    expect((await api(server.url, "POST", `/api/events/${event.code}/pin`, { pinned: "ABCDEF" }, event.hostToken)).status).toBe(404);
  });

  it("moves a player before the start (told where to go), a late arrival fills the gap the move left, and a locked neighbourhood takes nobody new", async () => {
    const event = await createEvent(server.url, { variants: "quick-three" });
    const [a, b, c] = event.info.neighbourhoods.map((n) => n.code) as [string, string, string];
    const arrivals = [];
    for (const nickname of ["Ann", "Ben", "Cai", "Dee", "Eve", "Fay"]) arrivals.push(await arrive(server.url, event.code, nickname));
    rooms.push(...arrivals.map((x) => x.joined));
    expect(arrivals.map((x) => x.code)).toEqual([a, b, c, a, b, c]);
    const ann = arrivals[0]!;
    const annSeat = ((await ann.joined.welcome) as { seatId: string }).seatId;
    const closed = new Promise<number>((resolve) => ann.joined.room.onLeave((code) => resolve(code)));
    const moved = await api(server.url, "POST", `/api/events/${event.code}/move`, { from: a, seatId: annSeat, to: b, id: id() }, event.hostToken);
    expect(moved).toMatchObject({ status: 200, body: { ok: true } });
    expect(await closed).toBe(4105);
    expect(ann.farewells).toEqual([{ reason: "sent_away", to: b }]);
    expect((await server.events(a)).map((e) => e.data)).toContainEqual(expect.objectContaining({ type: "seat_sent", seatId: annSeat, to: b }));
    // A now has one arrival, B three: the next arrival goes to A
    const info = (await api(server.url, "GET", `/api/events/${event.code}`, undefined, event.hostToken)).body as EventInfo;
    expect(info.neighbourhoods.map((n) => n.placed)).toEqual([1, 3, 2]);
    // while A's facilitator has it locked (and even pinned), arrivals go to the least crowded of the others
    await api(server.url, "POST", `/api/events/${event.code}/pin`, { pinned: a }, event.hostToken);
    await command(server.url, event, { kind: "lock" }, [a]);
    expect(await place(server.url, event.code)).toBe(c);
    await command(server.url, event, { kind: "unlock" }, [a]);
    await api(server.url, "POST", `/api/events/${event.code}/pin`, { pinned: null }, event.hostToken);
    expect(await place(server.url, event.code)).toBe(a);
    // a seat that is not there, and a neighbourhood outside the event
    expect((await api(server.url, "POST", `/api/events/${event.code}/move`, { from: a, seatId: annSeat, to: b, id: id() }, event.hostToken)).body).toMatchObject({ ok: false, reason: "no_such_seat" });
    expect((await api(server.url, "POST", `/api/events/${event.code}/move`, { from: a, seatId: "x", to: "ABCDEF", id: id() }, event.hostToken)).status).toBe(404);
  });

  it("carries the console's commands to every neighbourhood, or to those named, each answering as its own console", async () => {
    const event = await createEvent(server.url, { variants: SLOW_THREE });
    const codes = event.info.neighbourhoods.map((n) => n.code);
    // bots fill each neighbourhood so it can start
    const bots = await command(server.url, event, { kind: "add_bot", count: 5 });
    expect((bots.body as { results: { reply: { ok: boolean } }[] }).results.map((r) => r.reply.ok)).toEqual([true, true, true]);
    const early = await command(server.url, event, { kind: "pause" });
    expect((early.body as { results: { code: string; reply: unknown }[] }).results).toEqual(codes.map((code) => ({ code, reply: { ok: false, reason: "game_not_started" } })));
    await command(server.url, event, { kind: "auto_balance" });
    const started = await command(server.url, event, { kind: "start" });
    expect((started.body as { results: { reply: { ok: boolean } }[] }).results.every((r) => r.reply.ok)).toBe(true);
    expect((await figures(server.url, event)).map((n) => n.figures?.phase)).toEqual(["morning", "morning", "morning"]);
    await command(server.url, event, { kind: "pause" });
    expect((await figures(server.url, event)).every((n) => n.figures?.paused)).toBe(true);
    // to one neighbourhood only
    await command(server.url, event, { kind: "broadcast", text: "Elm Street only" }, [codes[1]!]);
    const announced = await Promise.all(codes.map(async (code) => (await server.events(code)).some((e) => (e.data as { type: string; text?: string }).type === "announcement_made")));
    expect(announced).toEqual([false, true, false]);
    await command(server.url, event, { kind: "resume" });
    // skip, each with its own "from": only the phase the host meant ends
    for (const code of codes) await command(server.url, event, { kind: "advance", from: { day: 1, phase: "morning" } }, [code]);
    expect((await figures(server.url, event)).map((n) => n.figures?.phase)).toEqual(["day", "day", "day"]);
    const ended = await command(server.url, event, { kind: "end" });
    expect((ended.body as { results: { reply: { ok: boolean } }[] }).results.every((r) => r.reply.ok)).toBe(true);
    const last = await figures(server.url, event);
    expect(last.map((n) => n.figures?.phase)).toEqual(["ended", "ended", "ended"]);
    expect(last.every((n) => typeof n.figures?.averageScore === "number")).toBe(true);
    // the whole event's export: every neighbourhood's log, pseudonyms unless names are asked for
    const exported = await fetch(`${server.url}/api/events/${event.code}/export.json`, { headers: { authorization: `Bearer ${event.hostToken}` } });
    expect(exported.headers.get("content-disposition")).toContain(`good-standing-event-${event.code}.json`);
    const file = (await exported.json()) as { format: string; anonymised: boolean; neighbourhoods: { code: string; log: { event: { type: string } }[] }[] };
    expect(file).toMatchObject({ format: "good-standing-event", anonymised: true });
    expect(file.neighbourhoods.map((n) => n.code)).toEqual(codes);
    expect(file.neighbourhoods.every((n) => n.log[0]?.event.type === "session_opened" && n.log.some((e) => e.event.type === "game_ended"))).toBe(true);
  });

  it("deletes the whole event at its host's word: every neighbourhood and its log, the students told, the code gone", async () => {
    const event = await createEvent(server.url, { variants: "quick-three" });
    const codes = event.info.neighbourhoods.map((n) => n.code);
    const ann = await arrive(server.url, event.code, "Ann");
    const closed = new Promise<number>((resolve) => ann.joined.room.onLeave((code) => resolve(code)));
    // only with the event's token: a neighbourhood's own token is not the event's
    expect((await api(server.url, "DELETE", `/api/events/${event.code}`, undefined, event.info.neighbourhoods[0]!.hostToken)).status).toBe(403);
    expect((await api(server.url, "DELETE", `/api/events/${event.code}`, undefined, event.hostToken)).status).toBe(204);
    expect(await closed).toBe(4103);
    expect(ann.farewells).toEqual([{ reason: "session_ended" }]);
    for (const code of codes) expect(await server.events(code)).toEqual([]);
    expect((await api(server.url, "GET", `/api/events/${event.code}`, undefined, event.hostToken)).status).toBe(403);
    expect((await api(server.url, "POST", `/api/place/${event.code}`, { ticket: ticket() })).status).toBe(404);
    expect((await api(server.url, "DELETE", `/api/events/${event.code}`, undefined, event.hostToken)).status).toBe(403);
  });

  it("refuses bad requests clearly and changes nothing", async () => {
    const event = await createEvent(server.url, { variants: "quick-three" });
    const url = server.url;
    // the event's routes: no token, a wrong one, an unknown event (one answer, no oracle)
    expect((await api(url, "GET", `/api/events/${event.code}`)).status).toBe(401);
    expect(await api(url, "GET", `/api/events/${event.code}`, undefined, seatToken())).toMatchObject({ status: 403, body: { reason: "not_host" } });
    expect(await api(url, "GET", `/api/events/ZZZZZZ`, undefined, event.hostToken)).toMatchObject({ status: 403, body: { reason: "not_host" } });
    // bodies: one neighbourhood, both kinds of neighbourhoods, an unknown set, a broken inline file
    expect(await api(url, "POST", "/api/events", { scenarioIds: ["quick-demo"] })).toMatchObject({ status: 400, body: { reason: "malformed" } });
    expect(await api(url, "POST", "/api/events", { scenarioIds: ["quick-demo", "quick-demo"], variants: "quick-three" })).toMatchObject({ status: 400, body: { reason: "malformed" } });
    expect(await api(url, "POST", "/api/events", { variants: "no-such-set" })).toMatchObject({ status: 404, body: { reason: "no_such_scenario" } });
    expect(await api(url, "POST", "/api/events", { scenarioIds: ["quick-demo", "nope"] })).toMatchObject({ status: 404, body: { reason: "no_such_scenario" } });
    const broken = await api(url, "POST", "/api/events", { variants: { base: "quick-demo", variants: [{ id: "a", label: { en: "A", zh: "甲" }, cameras: { at: ["moon"] } }, { id: "b", label: { en: "B", zh: "乙" } }] } });
    expect(broken).toMatchObject({ status: 400, body: { reason: "invalid_scenario", problems: [{ path: "variants[0].cameras.at[0]" }] } });
    // a command that is no command, one only a player sends, a neighbourhood outside the event
    const bad = await command(url, event, { kind: "fly" });
    expect((bad.body as { results: { reply: unknown }[] }).results.map((r) => r.reply)).toEqual([0, 1, 2].map(() => ({ ok: false, reason: "invalid_command" })));
    const notHost = await command(url, event, { kind: "step_out" });
    expect((notHost.body as { results: { reply: unknown }[] }).results.map((r) => r.reply)).toEqual([0, 1, 2].map(() => ({ ok: false, reason: "not_allowed" })));
    expect((await command(url, event, { kind: "pause" }, ["ABCDEF"])).status).toBe(404);
    expect((await api(url, "POST", `/api/events/${event.code}/command`, "[", event.hostToken)).status).toBe(400);
    // placing: a ticket of the wrong shape, a code that names nothing
    expect(await api(url, "POST", `/api/place/${event.code}`, { ticket: "short" })).toMatchObject({ status: 400, body: { reason: "malformed" } });
    expect(await api(url, "POST", `/api/place/ZZZZZZ`, { ticket: ticket() })).toMatchObject({ status: 404, body: { reason: "no_such_session" } });
    const info = (await api(url, "GET", `/api/events/${event.code}`, undefined, event.hostToken)).body as EventInfo;
    expect(info.neighbourhoods.map((n) => n.placed)).toEqual([0, 0, 0]);
  });
});

describe("a server killed in the middle of an event", () => {
  let running: ServerProcess | undefined;
  afterEach(async () => {
    if (running) await kill(running);
    running = undefined;
  });

  it("brings every neighbourhood and every player back, and the event code still places as before", async () => {
    const dataDir = tempDir();
    running = await spawnServer({ DATA_DIR: dataDir });
    const { port, url } = running;
    const event = await createEvent(url, { variants: "quick-three" });
    const codes = event.info.neighbourhoods.map((n) => n.code);
    type Player = { link: Link; code: string; ticket: string; seatId: () => string | undefined; status: () => LinkStatus; lobby: () => Lobby | undefined };
    const players: Player[] = [];
    for (const nickname of ["Ann", "Ben", "Cai", "Dee", "Eve", "Fay"]) {
      const t = ticket();
      const code = await place(url, event.code, t);
      let status: LinkStatus = "connected";
      let lobby: Lobby | undefined;
      let seatId: string | undefined;
      const link = await Link.open(url, code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname, ticket: t }, {
        status: (s) => (status = s),
        lobby: (l) => (lobby = l),
        welcome: (w) => (seatId = (w as { seatId?: string }).seatId),
      });
      if (!(link instanceof Link)) throw new Error(`join refused: ${link.reason}`);
      players.push({ link, code, ticket: t, seatId: () => seatId, status: () => status, lobby: () => lobby });
    }
    await until(() => players.every((p) => p.seatId() !== undefined), "every player seated");
    await command(url, event, { kind: "add_bot", count: 3 });
    await command(url, event, { kind: "auto_balance" });
    await command(url, event, { kind: "start" });
    await command(url, event, { kind: "broadcast", text: "before the crash" });
    // paused, so the quick demo's clock cannot move a phase on while the server is down and back
    await command(url, event, { kind: "pause" });
    const phases = (await figures(url, event)).map((n) => n.figures?.phase);
    expect(phases.every((phase) => phase === "morning" || phase === "day")).toBe(true);
    const seatsBefore = players.map((p) => p.seatId());

    await kill(running);
    await until(() => players.every((p) => p.status() === "reconnecting"), "every link to notice the drop");
    running = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
    await until(() => players.every((p) => p.status() === "connected"), "every player back");
    expect(players.map((p) => p.seatId())).toEqual(seatsBefore);
    await until(() => players.every((p) => p.lobby()?.phase === phases[codes.indexOf(p.code)]), "every player sees the game where it was");

    const after = await figures(url, event);
    expect(after.map((n) => n.code)).toEqual(codes);
    expect(after.map((n) => n.figures?.phase)).toEqual(phases);
    expect(after.every((n) => n.figures?.paused)).toBe(true);
    expect(after.map((n) => n.figures?.players)).toEqual([2, 2, 2]);
    for (const p of players) expect(await place(url, event.code, p.ticket)).toBe(p.code);
    // the console's commands reach the reopened neighbourhoods
    const resumed = await command(url, event, { kind: "resume" });
    expect((resumed.body as { results: { reply: { ok: boolean } }[] }).results.every((r) => r.reply.ok)).toBe(true);
    for (const p of players) await p.link.leave();
  });
});
