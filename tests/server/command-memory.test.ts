/**
 * A command id is answered once for the life of its session (issue 13, network item 5): the
 * room's in-memory reply cache is bounded, so a retry whose id the cache has forgotten is answered
 * from the command ids stored with their events — after thousands of other messages, and after a
 * restart. A rejection is not remembered: it changed nothing, so a retry of it is decided afresh.
 * Real WebSockets, a real server, a real SQLite file.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { startTestServer, tempDir, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer, seatToken } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";

const ENV = { BOT_THINK_MS: "60000", MESSAGES_PER_SECOND: "1000" };
/** More than the 2,280: well past the 2,000 replies the room keeps in memory. */
const OTHER_MESSAGES = 2400;
const BATCH = 400;

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
});

type Reply = { ok: true; seq: number } | { ok: false; reason: string };

function request(room: Room, command: Record<string, unknown>): Promise<Reply> {
  return room.request("cmd", command) as Promise<Reply>;
}

/** The stored `moved` events of one seat: the durable truth of how often a move was applied. */
async function movesOf(s: TestServer, code: string, seat: string): Promise<unknown[]> {
  return (await s.events(code)).filter((e) => e.type === "moved" && (e.data as { seat: string }).seat === seat);
}

/** The facilitator locks and unlocks the room, `count` acknowledged commands, under the message rate limit. */
async function flood(host: Room, count: number): Promise<void> {
  for (let sent = 0; sent < count; ) {
    const started = Date.now();
    const batch: Promise<Reply>[] = [];
    for (let i = 0; i < BATCH && sent < count; i++, sent++) batch.push(request(host, { id: `other-${sent}`, kind: sent % 2 === 0 ? "lock" : "unlock" }));
    for (const reply of await Promise.all(batch)) expect(reply).toMatchObject({ ok: true });
    const rest = 1100 - (Date.now() - started); // at most one batch per second (MESSAGES_PER_SECOND)
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
}

describe("a retried command id", () => {
  it("is answered, not applied again, after thousands of other messages and after a restart; a rejection is decided afresh", async () => {
    const dataDir = tempDir();
    server = await startTestServer(ENV, dataDir);
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    const token = seatToken();
    const ann = await joinPlayer(server.url, code, "Ann", token);
    const { seatId: seat } = (await ann.welcome) as { seatId: string };
    for (let i = 0; i < 3; i++) await sendOk(host.room, { kind: "add_bot", personality: "conformist" });
    await sendOk(host.room, { kind: "assign_role", seatId: seat, role: "resident" });

    // refused in the lobby (nobody moves before the game starts) …
    const early = { id: "early-move", kind: "move", to: "park", by: "walk" };
    expect(await request(ann.room, early)).toMatchObject({ ok: false });
    await sendOk(host.room, { kind: "start" });
    await sendOk(host.room, { kind: "advance" }); // morning → day
    // … the same id, retried once moving is allowed, is applied: the refusal was not remembered
    const toPark = await request(ann.room, early);
    expect(toPark).toMatchObject({ ok: true });
    expect(await movesOf(server, code, seat)).toHaveLength(1);

    const toMarket = { id: "move-to-market", kind: "move", to: "market", by: "walk" };
    const first = await request(ann.room, toMarket);
    expect(first).toMatchObject({ ok: true });
    const back = { id: "back-to-park", kind: "move", to: "park", by: "walk" };
    const firstBack = await request(ann.room, back);
    expect(firstBack).toMatchObject({ ok: true });
    expect(await movesOf(server, code, seat)).toHaveLength(3);

    await flood(host.room, OTHER_MESSAGES);

    // the student's page reconnects (a new connection with the seat token) and retries
    await ann.room.leave();
    const again = await joinPlayer(server.url, code, "Ann", token);
    await again.welcome;
    expect(await request(again.room, toMarket)).toEqual(first);
    expect(await request(again.room, early)).toEqual(toPark);
    expect(await movesOf(server, code, seat), "a retried move must not be applied again").toHaveLength(3);
    expect((await server.events(code)).filter((e) => e.type === "room_locked").length).toBe(OTHER_MESSAGES / 2);

    // after a restart the memory is empty: the store still answers every acknowledged id
    await again.room.leave();
    await host.room.leave();
    await server.close();
    server = await startTestServer(ENV, dataDir);
    const afterRestart = await joinPlayer(server.url, code, "Ann", token);
    await afterRestart.welcome;
    expect(await request(afterRestart.room, toMarket)).toEqual(first);
    expect(await request(afterRestart.room, back)).toEqual(firstBack);
    expect(await movesOf(server, code, seat), "a retried move must not be applied again after a restart").toHaveLength(3);
    // a new id is still decided and applied
    expect(await request(afterRestart.room, { id: "new-move", kind: "move", to: "market", by: "walk" })).toMatchObject({ ok: true });
    expect(await movesOf(server, code, seat)).toHaveLength(4);
    await afterRestart.room.leave();
  }, 90_000);

  it("an acknowledged command that changed nothing is not decided again either", async () => {
    server ??= await startTestServer(ENV);
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    await sendOk(host.room, { kind: "anonymous_board", on: true });
    // asking for the anonymous board while it is on is acknowledged with nothing to apply
    const noop = { id: "anonymous-again", kind: "anonymous_board", on: true };
    const first = await request(host.room, noop);
    expect(first).toMatchObject({ ok: true });
    await sendOk(host.room, { kind: "anonymous_board", on: false });
    await flood(host.room, 2100);
    // a retry of that id must not turn the board anonymous again
    expect(await request(host.room, noop)).toEqual(first);
    const switches = (await server.events(code)).filter((e) => e.type === "board_anonymised");
    expect(switches.map((e) => (e.data as { on: boolean }).on), "the retry applied nothing").toEqual([true, false]);
  }, 60_000);
});
