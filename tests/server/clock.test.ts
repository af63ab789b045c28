/**
 * The room's clock: a phase ends by itself at the deadline every client holds; extra time for one
 * player keeps the phase open for everyone until it has run out too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { receivedPrivate, roomSession } from "../support/views.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

type Public = { phase: string; phaseEndsAt: number; seq: number };

describe("the room's clock", () => {
  it("ends phases at their deadline, and waits for a player's extra time", async () => {
    const { code, hostToken } = await server.createSession("fast-clock");
    const host = await joinHost(server.url, code, hostToken);
    const players = [];
    for (const name of ["Ann", "Ben", "Cai", "Dee"]) players.push(await joinPlayer(server.url, code, name));
    const [ann, ben] = await Promise.all(players.map(async (p) => ((await p.welcome) as { seatId: string }).seatId));
    const send = (body: Record<string, unknown>) => host.room.request("cmd", { id: Math.random().toString(36).slice(2), ...body });
    expect(await send({ kind: "start" })).toMatchObject({ ok: true });
    const annRoom = players[0]!.room;
    const state = () => annRoom.state as unknown as Public;

    // every client holds the same deadline; the clock ends the morning by itself
    await until(() => state().phase === "morning", "the morning");
    expect(state().phaseEndsAt).toBe(roomSession(code).game.phaseEndsAt);
    expect((players[1]!.room.state as unknown as Public).phaseEndsAt).toBe(state().phaseEndsAt);
    await until(() => state().phase === "day", "the clock to open the day");

    // ten seconds more for Ann alone: the board's deadline stays, the day waits for her
    const dayEnds = roomSession(code).game.phaseEndsAt!;
    expect(await send({ kind: "extend", seconds: 10, seatId: ann })).toMatchObject({ ok: true });
    await until(() => (receivedPrivate(annRoom)[ann!] as { myExtraTime?: number })?.myExtraTime === 10_000, "Ann to see her extra time");
    expect((receivedPrivate(players[1]!.room)[ben!] as { myExtraTime?: number })?.myExtraTime).toBe(0);
    expect(state().phaseEndsAt).toBe(dayEnds);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dayEnds - Date.now()) + 1500));
    expect(roomSession(code).game.phase).toBe("day"); // past the board's deadline, still day
    await until(() => roomSession(code).game.phase === "evening", "the day to end after Ann's extra time");
    expect(Date.now()).toBeGreaterThanOrEqual(dayEnds + 10_000);
  }, 40_000);

  it("a skip pressed as the clock ended the phase is refused and ends nothing", async () => {
    const { code, hostToken } = await server.createSession("fast-clock");
    const host = await joinHost(server.url, code, hostToken);
    for (const name of ["Ann", "Ben", "Cai", "Dee"]) await (await joinPlayer(server.url, code, name)).welcome;
    const send = (body: Record<string, unknown>) => host.room.request("cmd", { id: Math.random().toString(36).slice(2), ...body });
    expect(await send({ kind: "start" })).toMatchObject({ ok: true });
    const game = () => roomSession(code).game;
    await until(() => game().phase === "day", "the clock to end the morning");
    // the facilitator's skip of the morning arrives after the clock ended it: the daytime stays
    expect(await send({ kind: "advance", from: { day: 1, phase: "morning" } })).toMatchObject({ ok: false, reason: "stale_phase" });
    expect(game().phase).toBe("day");
    expect(await send({ kind: "advance", from: { day: 1, phase: "day" } })).toMatchObject({ ok: true });
    expect(game().phase).toBe("evening");
  }, 30_000);
});
