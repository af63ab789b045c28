/**
 * Late joiners: a player who joins after the start watches as an observer; the facilitator can
 * give them a bot's seat, and their page moves into it by itself (the seat token now holds the
 * bot's seat, also after a restart of the room).
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer, seatToken } from "../support/clients.ts";
import { expectedPrivate, receivedPrivate, roomSession } from "../support/views.ts";
import { Link, type LinkStatus } from "../../client/net/link.ts";
import { PROTOCOL_VERSION, type Welcome } from "../../shared/protocol/index.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

describe("a late joiner", () => {
  it("observes, then takes over a bot's seat with its role and record", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const send = (body: Record<string, unknown>) => host.room.request("cmd", { id: Math.random().toString(36).slice(2), ...body });
    for (const name of ["Ann", "Ben", "Cai"]) await (await joinPlayer(server.url, code, name)).welcome;
    expect(await send({ kind: "add_bot", personality: "conformist" })).toMatchObject({ ok: true });
    expect(await send({ kind: "start" })).toMatchObject({ ok: true });
    expect(await send({ kind: "pause" })).toMatchObject({ ok: true }); // the bot may not move while we compare
    const botSeat = roomSession(code).game.seats.find((s) => roomSession(code).game.players[s]?.bot)!;
    const botBefore = roomSession(code).game.players[botSeat]!;

    const welcomes: Welcome[] = [];
    let status: LinkStatus = "connected";
    const token = seatToken();
    const link = await Link.open(server.url, code, { as: "player", v: PROTOCOL_VERSION, seatToken: token, nickname: "Latecomer" }, {
      welcome: (w) => welcomes.push(w),
      status: (s) => (status = s),
    });
    if (!(link instanceof Link)) throw new Error(link.reason);
    await until(() => welcomes.length === 1, "the welcome");
    const lateSeat = (welcomes[0] as { seatId: string }).seatId;
    expect(roomSession(code).game.players[lateSeat]?.role).toBe("observer");

    expect(await send({ kind: "give_bot_seat", seatId: lateSeat, botSeatId: "nobody" })).toMatchObject({ ok: false, reason: "unknown_seat" });
    expect(await send({ kind: "give_bot_seat", seatId: lateSeat, botSeatId: botSeat })).toMatchObject({ ok: true });
    await until(() => welcomes.length === 2 && status === "connected", "the page to move into the bot's seat");
    expect(welcomes[1]).toMatchObject({ as: "player", seatId: botSeat, nickname: "Latecomer" });
    const taken = roomSession(code).game.players[botSeat]!;
    expect(taken).toEqual({ ...botBefore, bot: null, nickname: "Latecomer" });
    expect(roomSession(code).game.players[lateSeat]).toBeUndefined();
    // the console names the seat by its new player
    const consoleNames = () => JSON.parse((host.room.state as { toJSON(): { views: Record<string, { names?: string }> } }).toJSON().views.host?.names || "{}") as Record<string, string>;
    await until(() => consoleNames()[botSeat] === "Latecomer", "the console's name for the seat");

    // the same seat token brings the same (new) seat back on a fresh connection
    await link.leave();
    const again = await joinPlayer(server.url, code, "ignored", token);
    expect(await again.welcome).toMatchObject({ seatId: botSeat });
    const lastSeq = async () => (await server.events(code)).at(-1)!.seq;
    await until(async () => (again.room.state as { seq: number }).seq === (await lastSeq()), "synced");
    await until(() => receivedPrivate(again.room)[botSeat] !== undefined, "its private view");
    expect(receivedPrivate(again.room)[botSeat]).toEqual(expectedPrivate(roomSession(code), botSeat));
  });
});
