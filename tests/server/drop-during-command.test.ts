/**
 * A client whose connection drops while a command is on its way: client/net's Link waits for the
 * reconnection and sends the command again with the same id; the server applies it once and
 * answers the repeat with the first reply. Whether the drop came before or after the server took
 * the command, the player ends up with the command applied exactly once.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost, seatToken } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { roomSession } from "../support/views.ts";
import { Link, type LinkStatus } from "../../client/net/link.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

/** Cuts the socket under the Link the way a lost network does: no close handshake from our side. */
function cut(link: Link): void {
  const room = (link as unknown as { room: Room }).room;
  room.reconnection.minUptime = 0; // the SDK skips reconnection in a room's first 5 s otherwise
  const ws = (room.connection.transport as unknown as { ws: { terminate?: () => void; close: () => void } }).ws;
  if (ws.terminate) ws.terminate();
  else ws.close();
}

/** The session's stored events of one type (the durable truth of what was applied). */
async function stored(code: string, type: string): Promise<Record<string, unknown>[]> {
  return (await server.events(code)).filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);
}

describe("a connection that drops during a command", () => {
  it("applies the command exactly once, whether the drop came after or before the command left", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    const statuses: LinkStatus[] = [];
    let seat = "";
    const link = await Link.open(server.url, code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname: "Ann" }, {
      welcome: (w) => (seat = w.as === "player" ? w.seatId : ""),
      status: (s) => statuses.push(s),
    });
    if (!(link instanceof Link)) throw new Error(link.reason);
    await until(() => seat !== "", "the welcome");
    for (let i = 0; i < 3; i++) await sendOk(host.room, { kind: "add_bot", personality: "conformist" });
    await sendOk(host.room, { kind: "assign_role", seatId: seat, role: "resident" });
    await sendOk(host.room, { kind: "start" });
    await sendOk(host.room, { kind: "advance" }); // morning → day

    // the command leaves, then the socket dies before its reply can come back
    const moving = link.send({ kind: "move", to: "park", by: "walk" });
    cut(link);
    expect(await moving).toMatchObject({ ok: true });
    expect(statuses).toContain("reconnecting");
    expect(roomSession(code).game.players[seat]!.location).toBe("park");
    expect((await stored(code, "moved")).filter((e) => e.seat === seat)).toHaveLength(1);

    // the socket dies first; the command waits for the reconnection and goes once
    await until(() => link.connected, "reconnected");
    const apBefore = roomSession(code).game.players[seat]!.ap;
    cut(link);
    expect(await link.send({ kind: "act", action: "help_elderly" })).toMatchObject({ ok: true });
    expect(statuses.filter((s) => s === "reconnecting").length).toBeGreaterThanOrEqual(2);
    const done = (await stored(code, "deed_done")).filter((e) => (e.occurrence as { actor: string }).actor === seat);
    expect(done.map((e) => (e.occurrence as { deed: string }).deed)).toEqual(["help_elderly"]);
    expect(roomSession(code).game.players[seat]!.ap).toBe(apBefore - 1);
    await link.leave();
  }, 30_000);
});
