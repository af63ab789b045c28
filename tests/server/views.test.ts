/**
 * What each client actually receives over the wire, decoded from its own Colyseus state: its
 * public board matches the rules' board view, its private part equals `viewFor` for its seat,
 * and no other seat's private part (nor the facilitator's god view) ever arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinAs, joinHost, joinPlayer } from "../support/clients.ts";
import { expectedBoard, expectedPrivate, receivedBoard, receivedPrivate, roomSession } from "../support/views.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "100" });
});
afterAll(async () => {
  await server.close();
});

/** Waits until every client holds the state of the last stored event. */
async function settled(rooms: Room[], code: string): Promise<void> {
  const target = (await server.events(code)).at(-1)?.seq ?? 0;
  await until(() => rooms.every((r) => (r.state as { seq: number }).seq === target), "every client at the last event");
}

describe("views over the wire", () => {
  it("give every seat exactly its own view and the host the god view, through a game's phases", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const names = ["Ann", "Ben", "Cai", "Dee", "Eve"];
    const players = [];
    for (const name of names) players.push(await joinPlayer(server.url, code, name));
    const seats = await Promise.all(players.map(async (p) => ((await p.welcome) as { seatId: string }).seatId));
    const board = await joinAs(server.url, code, { as: "board" });
    const roles = ["official", "watcher", "resident", "resident", "resident"] as const;
    for (const [i, seat] of seats.entries()) {
      expect(await host.room.request("cmd", { id: `role${i}`, kind: "assign_role", seatId: seat, role: roles[i] })).toMatchObject({ ok: true });
    }
    for (let i = 0; i < 2; i++) expect(await host.room.request("cmd", { id: `bot${i}`, kind: "add_bot" })).toMatchObject({ ok: true });
    expect(await host.room.request("cmd", { id: "start", kind: "start" })).toMatchObject({ ok: true });

    const all = [host.room, board.room, ...players.map((p) => p.room)];
    for (let step = 0; step < 5; step++) {
      // bots act on the room clock; pause so the comparison sees a quiet room, then let them play
      expect(await host.room.request("cmd", { id: `pause${step}`, kind: "pause" })).toMatchObject({ ok: true });
      await settled(all, code);
      const session = roomSession(code);
      for (const [i, p] of players.entries()) {
        const got = receivedPrivate(p.room);
        expect(Object.keys(got), names[i]).toEqual([seats[i]]);
        expect(got[seats[i]!], names[i]).toEqual(expectedPrivate(session, seats[i]!));
        expect(receivedBoard(p.room)).toEqual(expectedBoard(session));
      }
      expect(Object.keys(receivedPrivate(host.room))).toEqual(["host"]);
      expect(receivedPrivate(host.room).host).toEqual(expectedPrivate(session, "host"));
      expect(receivedPrivate(board.room)).toEqual({});
      expect(receivedBoard(board.room)).toEqual(expectedBoard(session));
      // secrets never travel in the public part (the rulebook lists goal cards, not who holds them)
      const { rulebook: _rulebook, ...pub } = (board.room.state as { toJSON(): Record<string, unknown> }).toJSON();
      const publicJson = JSON.stringify(pub);
      for (const secret of ['"goals"', '"truthful"', '"ally"', '"target"', '"occurrences"', '"money"', '"wellbeing"']) expect(publicJson).not.toContain(secret);
      if (step > 0) expect(Object.values(session.game.players).some((p) => p.goals.length > 0)).toBe(true);
      expect(await host.room.request("cmd", { id: `resume${step}`, kind: "resume" })).toMatchObject({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await host.room.request("cmd", { id: `adv${step}`, kind: "advance" })).toMatchObject({ ok: true });
    }
  });
});
