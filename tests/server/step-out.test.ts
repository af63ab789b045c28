/**
 * A student who steps out of their role: only the facilitator is told, and the facilitator can
 * hand the character (role, record, goals) to a bot, which plays on through the same gate. The
 * student's own commands are refused from then on with a reason their page can show; asking to
 * step out still works.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { receivedPrivate, roomSession } from "../support/views.ts";
import { seatOf, send, sendOk } from "../support/script.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "100" });
});
afterAll(async () => {
  await server.close();
});

describe("stepping out", () => {
  it("hands the character to a bot that plays on, and refuses the student's own commands", async () => {
    const { code, hostToken } = await server.createSession();
    const host = (await joinHost(server.url, code, hostToken)).room;
    const ann = await joinPlayer(server.url, code, "Ann");
    const annSeat = await seatOf(ann);
    for (const name of ["Ben", "Cai", "Dee"]) await (await joinPlayer(server.url, code, name)).welcome;
    const game = () => roomSession(code).game;
    expect(await send(host, { kind: "hand_to_bot", seatId: annSeat })).toEqual({ ok: false, reason: "game_not_started" });
    await sendOk(host, { kind: "add_bot", personality: "conformist" });
    await sendOk(host, { kind: "auto_balance" });
    await sendOk(host, { kind: "assign_role", seatId: annSeat, role: "resident" });
    await sendOk(host, { kind: "start" });

    // Ann asks to step out: the facilitator's view says so
    await sendOk(ann.room, { kind: "step_out" });
    await until(() => ((receivedPrivate(host).host as { steppedOut?: string[] } | undefined)?.steppedOut ?? []).includes(annSeat), "the facilitator to see it");

    // a bot plays Ann's resident from now on (the console's default personality for the role)
    await sendOk(host, { kind: "hand_to_bot", seatId: annSeat });
    expect(game().players[annSeat]).toMatchObject({ bot: "conformist", role: "resident", nickname: "Ann" });
    expect(await send(host, { kind: "hand_to_bot", seatId: annSeat })).toEqual({ ok: false, reason: "already_a_bot" });

    // Ann's page can no longer act for the character; stepping out is still heard
    expect(await send(ann.room, { kind: "appeal", entry: "e1", reason: "context" })).toEqual({ ok: false, reason: "played_by_bot" });
    expect((await send(ann.room, { kind: "step_out" })).ok).toBe(true);

    // in the day the bot moves or acts for the character, through the same gate
    await sendOk(host, { kind: "advance" });
    const home = game().scenario.home;
    await until(() => game().players[annSeat]!.location !== home || game().players[annSeat]!.doneToday.length > 0, "the bot to play Ann's character");
    expect(game().players[annSeat]!.bot).toBe("conformist");

    // Ann feels better: the facilitator gives her character back, and her commands count again
    await sendOk(host, { kind: "pause" });
    await sendOk(host, { kind: "hand_back", seatId: annSeat });
    expect(game().players[annSeat]!.bot).toBeNull();
    expect(await send(ann.room, { kind: "move", to: home })).not.toEqual({ ok: false, reason: "played_by_bot" });
    // a bot the facilitator added has no student to return to
    const added = game().seats.find((s) => game().players[s]!.bot && s !== annSeat)!;
    expect(await send(host, { kind: "hand_back", seatId: added })).toEqual({ ok: false, reason: "not_allowed" });
  }, 30_000);

  it("is not for observers", async () => {
    const { code, hostToken } = await server.createSession();
    const host = (await joinHost(server.url, code, hostToken)).room;
    const players = [];
    for (const name of ["Ann", "Ben", "Cai", "Dee"]) players.push(await joinPlayer(server.url, code, name));
    await sendOk(host, { kind: "auto_balance" });
    await sendOk(host, { kind: "start" });
    const late = await joinPlayer(server.url, code, "Eve"); // joins after the start: an observer
    const lateSeat = await seatOf(late);
    expect(await send(host, { kind: "hand_to_bot", seatId: lateSeat })).toEqual({ ok: false, reason: "wrong_role" });
  });
});
