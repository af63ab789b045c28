/**
 * Several server processes sharing one Redis (Colyseus presence and room listing, one holder per
 * session) and one PostgreSQL store: a join code created through one process is joined through
 * another, whose seat reservation sends the client to the process holding the room
 * (PUBLIC_ADDRESS); a process that starts leaves the sessions others hold alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { redisCommand, startRedis, type RedisService } from "../support/redis.ts";
import { startPostgres, type PostgresService } from "../support/postgres.ts";
import { createDatabase } from "../support/databases.ts";
import { freePort, kill, spawnServer, type ServerProcess } from "../support/process.ts";
import { skipWithoutServices } from "../support/services.ts";
import { logged, startSharing } from "../support/cluster.ts";
import { createSessionAt, until } from "../support/server.ts";
import { closed, joinHost, joinPlayer, refusal, seatToken } from "../support/clients.ts";
import { Link, type LinkStatus } from "../../client/net/link.ts";
import type { Room } from "@colyseus/sdk";
import { NICKNAMES, own, PLAYERS, ROLES, seatTable, seen, sendOk, seqOf } from "../support/script.ts";
import { receivedPrivate } from "../support/views.ts";
import { CloseReason, PROTOCOL_VERSION, type Welcome } from "../../shared/protocol/index.ts";

type Players = Record<string, { nickname: string }>;
const players = (room: { state: unknown }): Players => (room.state as { toJSON(): { players: Players } }).toJSON().players;

/** POSTs `body` as JSON from the local address `from` (a loopback address of its own, so its limits are its own); resolves to the status. */
const postFrom = (from: string, url: string, body: unknown) =>
  new Promise<number | undefined>((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", localAddress: from, headers: { "content-type": "application/json" } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once("error", reject);
    request.end(JSON.stringify(body));
  });

describe.skipIf(skipWithoutServices("redis", "postgres"))("several processes on one Redis and one PostgreSQL", () => {
  let redis: RedisService;
  let postgres: PostgresService;
  let databaseUrl: string;
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];

  const start = () => startSharing({ redisUrl: redis.url, databaseUrl }, { dirs, servers });

  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  let first: { code: string; hostToken: string };
  let second: { code: string; hostToken: string };
  const mei = seatToken();
  let meiSeat: string;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    databaseUrl = await createDatabase(postgres);
    a = await start();
    b = await start();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? kill(s) : undefined)));
    await Promise.all([redis?.stop(), postgres?.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("a session created through A is joined through B: the player is sent to A, and commands go through both ways", async () => {
    first = await createSessionAt(a.url);
    const host = await joinHost(a.url, first.code, first.hostToken);
    expect(await host.welcome).toMatchObject({ as: "host", code: first.code });
    const player = await joinPlayer(b.url, first.code, "Mei", mei);
    const welcome = (await player.welcome) as { seatId: string; nickname: string };
    expect(welcome).toMatchObject({ as: "player", nickname: "Mei", code: first.code });
    meiSeat = welcome.seatId;
    // the room and both connections are A's; B only reserved the seat
    await until(() => logged(a, first.code, "seat joined") === 1, "A's log of the seat");
    expect(logged(b, first.code, "seat joined")).toBe(0);
    expect(logged(b, first.code, "session room open")).toBe(0);
    await until(() => Object.values(players(host.room)).some((p) => p.nickname === "Mei"), "the player in the host's state");
    expect(await host.room.request("cmd", { id: "r1", kind: "rename", seatId: meiSeat, nickname: "Meili" })).toMatchObject({ ok: true });
    await until(() => players(player.room)[meiSeat]?.nickname === "Meili", "the new name in the player's state");
    await host.room.leave();
    await player.room.leave();
  });

  it("a session created through B is joined through A", async () => {
    second = await createSessionAt(b.url);
    expect(second.code).not.toBe(first.code);
    const host = await joinHost(a.url, second.code, second.hostToken);
    await host.welcome;
    const player = await joinPlayer(a.url, second.code, "Bo");
    const { seatId } = (await player.welcome) as { seatId: string };
    await until(() => logged(b, second.code, "seat joined") === 1, "B's log of the seat");
    expect(logged(a, second.code, "seat joined")).toBe(0);
    expect(await host.room.request("cmd", { id: "l1", kind: "lock" })).toMatchObject({ ok: true });
    expect(await host.room.request("cmd", { id: "u1", kind: "unlock" })).toMatchObject({ ok: true });
    await until(() => players(host.room)[seatId]?.nickname === "Bo", "the player in the host's state");
    await host.room.leave();
    await player.room.leave();
  });

  it("deleting a session through a process that does not hold it closes the room where it is", async () => {
    const doomed = await createSessionAt(b.url);
    const ann = await joinPlayer(a.url, doomed.code, "Ann");
    await ann.welcome;
    const gone = closed(ann.room);
    const response = await fetch(`${a.url}/api/sessions/${doomed.code}`, { method: "DELETE", headers: { authorization: `Bearer ${doomed.hostToken}` } });
    expect(response.status).toBe(204);
    expect(await gone).toBe(CloseReason.sessionEnded);
    expect(await refusal(b.url, doomed.code, { as: "player", seatToken: seatToken(), nickname: "Ben" })).toEqual({ reason: "no_such_session" });
    expect(await refusal(a.url, doomed.code, { as: "player", seatToken: seatToken(), nickname: "Ben" })).toEqual({ reason: "no_such_session" });
  });

  it("a holder whose lease another process took closes its room (no session open twice); the next join reopens it", async () => {
    const session = await createSessionAt(b.url);
    const token = seatToken();
    const kim = await joinPlayer(a.url, session.code, "Kim", token);
    const { seatId } = (await kim.welcome) as { seatId: string };
    const left = closed(kim.room);
    // as if another process had taken the lease while B could not renew it
    expect(await redisCommand(redis.port, "SET", `gs:holder:${session.code}`, "someone-else", "PX", "60000")).toBe("+OK");
    await left; // B notices at its next renewal (every 5 s) and closes the room
    await until(() => b.output().includes("another process holds this session now"), "B's log of the lost lease");
    // "someone-else" answers no health check: taken over, the room reopens, the seat is there
    const back = await joinPlayer(a.url, session.code, "Kim", token);
    expect(await back.welcome).toMatchObject({ as: "player", seatId });
    await back.room.leave();
  });

  it("a held room whose listing was removed (a peer cleaning up by room id) is listed again by its holder within a renewal", async () => {
    const session = await createSessionAt(b.url);
    expect(await redisCommand(redis.port, "HEXISTS", "roomcaches", session.code)).toBe(":1");
    expect(await redisCommand(redis.port, "HDEL", "roomcaches", session.code)).toBe(":1");
    await until(async () => (await redisCommand(redis.port, "HEXISTS", "roomcaches", session.code)) === ":1", "the listing back");
    const player = await joinPlayer(a.url, session.code, "Lu");
    await player.welcome;
    await until(() => logged(b, session.code, "seat joined") === 1, "B's log of the seat");
    await player.room.leave();
  });

  it("a third process starting opens none of the sessions A and B hold, and its joins reach them", async () => {
    c = await start();
    await until(() => c.output().includes('"msg":"server listening"'), "C's start logged");
    expect(c.output()).toMatch(/"reopened":0/);
    expect(c.output()).not.toContain("session room open");
    const player = await joinPlayer(c.url, second.code, "Cy");
    await player.welcome;
    await until(() => logged(b, second.code, "seat joined") === 2, "B's log of the seat");
    expect(logged(c, second.code, "seat joined")).toBe(0);
    await player.room.leave();
  });

  it("fail-over: with A killed, a join through B reopens A's session there from the store, and the seat token gets the same seat back", async () => {
    await kill(a);
    const killed = Date.now();
    const back = await joinPlayer(b.url, first.code, "Meili", mei);
    const welcome = (await back.welcome) as { seatId: string; nickname: string };
    const reseatedMs = Date.now() - killed;
    console.log(`[fail-over] from SIGKILL of the holder to reseated through another process: ${reseatedMs} ms`);
    expect(welcome).toMatchObject({ as: "player", seatId: meiSeat, nickname: "Meili" });
    await until(() => logged(b, first.code, "session room open") === 1, "B's log of the reopened room");
    // the host's token still works on the reopened room
    const host = await joinHost(b.url, first.code, first.hostToken);
    await host.welcome;
    await until(() => players(host.room)[meiSeat]?.nickname === "Meili", "the player in the host's state after fail-over");
    await back.room.leave();
    await host.room.leave();
  });

  it("fail-over as the pages see it: the client's Link, joined through B to a room C holds, is back in its seat through B after C is killed", async () => {
    const third = await createSessionAt(c.url);
    const statuses: LinkStatus[] = [];
    let welcome: Welcome | undefined;
    const link = await Link.open(b.url, third.code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname: "Ann" }, {
      status: (status) => statuses.push(status),
      welcome: (w) => (welcome = w),
    });
    if (!(link instanceof Link)) throw new Error(`join refused: ${JSON.stringify(link)}`);
    await until(() => welcome !== undefined, "the first welcome");
    const seat = (welcome as { seatId: string }).seatId;
    welcome = undefined;
    await kill(c);
    const killed = Date.now();
    await until(() => welcome !== undefined && link.connected, "the Link back in its seat", 45_000);
    console.log(`[fail-over] the pages' Link (Colyseus reconnection to the dead process, then a rejoin with the seat token): ${Date.now() - killed} ms from SIGKILL to reseated`);
    expect(welcome).toMatchObject({ as: "player", seatId: seat });
    expect(statuses).toContain("reconnecting");
    await until(() => logged(b, third.code, "session room open") === 1, "B's log of the reopened room");
    await link.leave();
  });

  it("fail-over mid-day: eight students, with roles and acknowledged deeds and entries, are all back in their seats through B, with nothing lost", async () => {
    const h = await start();
    const session = await createSessionAt(h.url);
    // the facilitator and eight students, all through B; H holds the room
    const t = await seatTable(b.url, session.code, session.hostToken);
    for (const name of PLAYERS) await sendOk(t.host, { kind: "assign_role", seatId: t.seats[name], role: ROLES[name] });
    await sendOk(t.host, { kind: "start" });
    await sendOk(t.host, { kind: "advance" }); // the day
    for (const name of PLAYERS) if (ROLES[name] !== "official") await sendOk(t.rooms[name], { kind: "move", to: "park" });
    for (const name of PLAYERS) if (ROLES[name] === "resident") await sendOk(t.rooms[name], { kind: "act", action: "litter" });
    await until(() => own(t, "W1").observations?.some((o) => o.actor === t.seats.R1 && o.deed === "litter") === true, "the watcher seeing Ann litter");
    const last = await sendOk(t.rooms.W1, { kind: "write_entry", subject: t.seats.R1, deed: "litter", basis: "witnessed", occurrence: seen(t, "W1", "R1", "litter"), note: "seen it" });
    await until(() => PLAYERS.every((name) => seqOf(t.rooms[name]) >= last), "every student's state up to the last command");
    // what each student's page shows about themselves once every command was acknowledged
    const mine = (room: Room, seat: string) => {
      const { board: _board, ...view } = (receivedPrivate(room)[seat] ?? {}) as { board?: unknown };
      return JSON.stringify(view);
    };
    const before = Object.fromEntries(PLAYERS.map((name) => [name, mine(t.rooms[name], t.seats[name])]));
    expect(JSON.parse(before.R1!)).toMatchObject({ me: { role: "resident", location: "park" } });
    expect(JSON.parse(before.W1!)).toMatchObject({ myEntries: [{ subject: t.seats.R1, deed: "litter" }] });
    expect(logged(h, session.code, "seat joined")).toBe(PLAYERS.length);

    await kill(h);
    const killed = Date.now();
    const back = await Promise.all(PLAYERS.map((name) => joinPlayer(b.url, session.code, NICKNAMES[name], t.tokens[name])));
    const welcomes = (await Promise.all(back.map((joined) => joined.welcome))) as { seatId: string }[];
    const seatedMs = Date.now() - killed;
    console.log(`[fail-over] mid-day, ${PLAYERS.length} students rejoining at once through another process: ${seatedMs} ms from SIGKILL to all seated (target ≤ 5 s)`);
    expect(welcomes.map((w) => w.seatId)).toEqual(PLAYERS.map((name) => t.seats[name]));
    PLAYERS.forEach((name, i) => (t.rooms[name] = back[i]!.room));
    for (const name of PLAYERS) await until(() => mine(t.rooms[name], t.seats[name]) === before[name], `${NICKNAMES[name]}'s own view as before the kill`);
    await until(() => logged(b, session.code, "session room open") === 1, "B's log of the reopened room");
    for (const room of Object.values(t.rooms)) await room.leave();
  });

  it("a holder stopped on purpose (SIGTERM) lets its sessions go at once: the next join through B opens the room there without waiting", async () => {
    const d = await start();
    const fourth = await createSessionAt(d.url);
    const token = seatToken();
    const first = await joinPlayer(b.url, fourth.code, "Dee", token);
    const { seatId } = (await first.welcome) as { seatId: string };
    await until(() => logged(d, fourth.code, "seat joined") === 1, "D's log of the seat");
    d.child.kill("SIGTERM");
    expect(await d.exited).toBe(0);
    const stopped = Date.now();
    const back = await joinPlayer(b.url, fourth.code, "Dee", token);
    expect(await back.welcome).toMatchObject({ as: "player", seatId });
    const ms = Date.now() - stopped;
    console.log(`[hand-over] from the holder's clean exit to reseated through another process: ${ms} ms`);
    expect(ms).toBeLessThan(1500); // no health check to wait for: the listing and the lease are gone
    await back.room.leave();
  });

  it("an address has one allowance of wrong codes across the processes (in Redis), not one per process", async () => {
    const e = await start();
    // from an address of its own (127.0.0.3), so the other tests' refusals do not count
    const guess = (url: string) => postFrom("127.0.0.3", `${url}/matchmake/joinById/ZZZZZZ`, { as: "player" });
    for (let i = 0; i < 15; i++) expect(await guess(b.url)).toBe(404);
    for (let i = 0; i < 15; i++) expect(await guess(e.url)).toBe(404);
    expect(await guess(b.url)).toBe(429);
    expect(await guess(e.url)).toBe(429);
  });

  it("an address has one allowance of new sessions across the processes (30 in 10 minutes), not one per process", async () => {
    const f = await start();
    // from an address of its own (127.0.0.4): the sessions the other tests created do not count
    const create = (url: string) => postFrom("127.0.0.4", `${url}/api/sessions`, { scenarioId: "rongcheng-pilot" });
    for (let i = 0; i < 15; i++) expect(await create(b.url)).toBe(201);
    for (let i = 0; i < 15; i++) expect(await create(f.url)).toBe(201);
    expect(await create(b.url)).toBe(429);
    expect(await create(f.url)).toBe(429);
    expect(await createSessionAt(f.url)).toMatchObject({ code: expect.any(String) }); // another address still may
  });
});

describe.skipIf(skipWithoutServices("redis", "postgres"))("a process starting after another died", () => {
  let redis: RedisService;
  let postgres: PostgresService;
  const servers: ServerProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? kill(s) : undefined)));
    await Promise.all([redis?.stop(), postgres?.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("reopens the sessions the dead process held (its leases still in Redis), and their seats are there", async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const databaseUrl = await createDatabase(postgres);
    const start = () => startSharing({ redisUrl: redis.url, databaseUrl }, { dirs, servers });
    const x = await start();
    const one = await createSessionAt(x.url);
    const two = await createSessionAt(x.url);
    const token = seatToken();
    const bo = await joinPlayer(x.url, one.code, "Bo", token);
    const { seatId } = (await bo.welcome) as { seatId: string };
    await kill(x);
    const y = await start();
    await until(() => y.output().includes('"msg":"server listening"'), "Y's start logged");
    expect(y.output()).toMatch(/"reopened":2/);
    expect(logged(y, one.code, "session room open")).toBe(1);
    expect(logged(y, two.code, "session room open")).toBe(1);
    const back = await joinPlayer(y.url, one.code, "Bo", token);
    expect(await back.welcome).toMatchObject({ as: "player", seatId });
    await back.room.leave();
  });
});

describe("a Redis that cannot be reached", () => {
  it("stops the start with a clear message naming host:port, never the password (exit 4)", async () => {
    const port = await freePort();
    const redisPort = await freePort(); // nothing listens there
    const server = await spawnServer(
      {
        PORT: String(port),
        REDIS_URL: `redis://:hunter2secret@127.0.0.1:${redisPort}`,
        DATABASE_URL: "postgres://gs:pgsecret@127.0.0.1:1/gs",
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      },
      { waitReady: false },
    );
    expect(await server.exited).toBe(4);
    expect(server.output()).toContain(`Cannot reach Redis at 127.0.0.1:${redisPort}`);
    expect(server.output()).not.toContain("hunter2secret");
    expect(server.output()).not.toContain("pgsecret");
  });
});
