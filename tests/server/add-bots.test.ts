/**
 * "Add bots" from the console: several bots in one command (one stored step, one reply, distinct
 * names), all of them fitting in the scenario's player limit or none added, and only before the
 * game starts — a bot added later would only watch.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { roomSession } from "../support/views.ts";
import { send, sendOk } from "../support/script.ts";
import { CommandSchema } from "../../shared/commands/index.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

describe("adding bots", () => {
  it("adds several in one stored step, refuses what would not fit, and refuses once the game runs", async () => {
    const { code, hostToken } = await server.createSession(); // quick demo: at most 40 players
    const host = (await joinHost(server.url, code, hostToken)).room;
    await (await joinPlayer(server.url, code, "Ann")).welcome;
    const game = () => roomSession(code).game;
    const bots = () => game().seats.filter((s) => game().players[s]?.bot);
    const max = game().scenario.maxPlayers;

    const before = (await server.events(code)).length;
    const seq = await sendOk(host, { kind: "add_bot", personality: "rebel", count: 12 });
    const stored = (await server.events(code));
    expect(stored.length - before).toBe(12); // one seat_added each …
    expect(new Set(stored.slice(before).map((e) => e.at)).size).toBe(1); // … stored together …
    expect(seq).toBe(stored.at(-1)!.seq); // … and the one reply names the last
    expect(bots()).toHaveLength(12);
    expect(bots().every((s) => game().players[s]!.bot === "rebel")).toBe(true);
    expect(new Set(bots().map((s) => game().players[s]!.nickname)).size).toBe(12); // no two bots share a name

    // 1 student + 12 bots: one more than the places left is refused whole
    const left = max - 13;
    expect(await send(host, { kind: "add_bot", count: left + 1 })).toEqual({ ok: false, reason: "room_full" });
    expect(bots()).toHaveLength(12);
    await sendOk(host, { kind: "add_bot", count: left });
    expect(game().seats.filter((s) => game().players[s]?.role !== "observer")).toHaveLength(max);
    expect(await send(host, { kind: "add_bot" })).toEqual({ ok: false, reason: "room_full" }); // no ghost observer bot

    await sendOk(host, { kind: "start" });
    const seats = game().seats.length;
    expect(await send(host, { kind: "add_bot" })).toEqual({ ok: false, reason: "wrong_phase" });
    expect(game().seats).toHaveLength(seats);
  });

  it("takes a count from 1 to 200 only", () => {
    const bot = (count: unknown) => CommandSchema.safeParse({ id: "c1", kind: "add_bot", count }).success;
    expect([1, 40, 200].map(bot)).toEqual([true, true, true]);
    expect([0, -1, 201, 2.5, "3", null].map(bot)).toEqual([false, false, false, false, false, false]);
  });
});
