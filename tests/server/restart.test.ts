/**
 * SIGKILL the server with a lobby of players, start it again on the same data: the session
 * reopens with the same code and seats, and clients holding seat tokens are back in their seats
 * on their own (client/net's Link: Colyseus reconnection first, then the seat token).
 */
import "../../server/shim.ts";
import { afterEach, describe, expect, it } from "vitest";
import { kill, spawnServer, type ServerProcess } from "../support/process.ts";
import { createSessionAt, tempDir, until } from "../support/server.ts";
import { joinPlayer, refusal, seatToken } from "../support/clients.ts";
import { Link, type Lobby, type LinkStatus } from "../../client/net/link.ts";
import { PROTOCOL_VERSION, type Welcome } from "../../shared/protocol/index.ts";

let running: ServerProcess | undefined;
afterEach(async () => {
  if (running) await kill(running);
  running = undefined;
});

type Watched = { link: Link; seatId: () => string | undefined; lobby: () => Lobby | undefined; status: () => LinkStatus; welcomes: Welcome[] };

async function openWatched(url: string, code: string, request: Parameters<typeof Link.open>[2]): Promise<Watched> {
  let lobby: Lobby | undefined;
  let status: LinkStatus = "connected";
  const welcomes: Welcome[] = [];
  const link = await Link.open(url, code, request, {
    lobby: (l) => (lobby = l),
    status: (s) => (status = s),
    welcome: (w) => welcomes.push(w),
  });
  if (!(link instanceof Link)) throw new Error(`join refused: ${link.reason}`);
  await until(() => welcomes.length > 0, "the welcome");
  return { link, welcomes, lobby: () => lobby, status: () => status, seatId: () => (welcomes.at(-1) as { seatId?: string }).seatId };
}

describe("a server killed with SIGKILL", () => {
  it("reopens the session with the same code and seats, and every client gets back in its seat", async () => {
    const dataDir = tempDir();
    running = await spawnServer({ DATA_DIR: dataDir });
    const { port } = running;
    const { code, hostToken } = await createSessionAt(running.url);
    const host = await openWatched(running.url, code, { as: "host", v: PROTOCOL_VERSION, hostToken });
    const names = ["Ann", "Ben", "Cai"];
    const players: Watched[] = [];
    for (const nickname of names) players.push(await openWatched(running.url, code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname }));
    const seatsBefore = players.map((p) => p.seatId());
    await until(() => host.lobby()?.players.filter((p) => p.connected).length === 3, "three connected players at the host");
    // a plain client that will come back by hand with its seat token
    const token = seatToken();
    const dee = await joinPlayer(running.url, code, "Dee", token);
    const deeSeat = ((await dee.welcome) as { seatId: string }).seatId;

    await kill(running);
    await until(() => players.every((p) => p.status() === "reconnecting"), "every link to notice the drop");

    running = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
    const restartedAt = Date.now();
    await until(() => players.every((p) => p.status() === "connected") && host.status() === "connected", "every link back");
    const backAfterMs = Date.now() - restartedAt;

    expect(players.map((p) => p.seatId())).toEqual(seatsBefore);
    expect(players.map((p) => (p.welcomes.at(-1) as { nickname: string }).nickname)).toEqual(names);
    // the console's lobby arrives in patches after the reconnection: wait for all four seats (Dee's comes back below)
    await until(() => host.lobby()?.players.length === 4 && host.lobby()?.players.filter((p) => p.connected).length === 3, "the host to see four seats, three connected, again");
    expect(host.lobby()?.code).toBe(code);
    expect(host.lobby()?.players.map((p) => p.nickname)).toEqual([...names, "Dee"]);

    const deeBack = await joinPlayer(running.url, code, "ignored", token);
    expect(await deeBack.welcome).toMatchObject({ seatId: deeSeat, nickname: "Dee" });
    // a newcomer still gets a fresh seat, and a taken name is still taken
    expect(await refusal(running.url, code, { as: "player", seatToken: seatToken(), nickname: "ann" })).toMatchObject({ reason: "nickname_taken" });
    console.log(`[figure] back in seats ${backAfterMs} ms after the restarted server answered`);
    expect(backAfterMs).toBeLessThan(10_000);
    for (const p of [...players, host]) await p.link.leave();
  });

  it("keeps a kicked seat kicked and a locked room locked across the restart", async () => {
    const dataDir = tempDir();
    running = await spawnServer({ DATA_DIR: dataDir });
    const { port } = running;
    const { code, hostToken } = await createSessionAt(running.url);
    const host = await openWatched(running.url, code, { as: "host", v: PROTOCOL_VERSION, hostToken });
    const token = seatToken();
    const bo = await joinPlayer(running.url, code, "Bo", token);
    const { seatId } = (await bo.welcome) as { seatId: string };
    expect(await host.link.send({ kind: "kick", seatId })).toMatchObject({ ok: true });
    expect(await host.link.send({ kind: "lock" })).toMatchObject({ ok: true });
    await kill(running);
    running = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
    expect(await refusal(running.url, code, { as: "player", seatToken: token, nickname: "Bo" })).toEqual({ reason: "seat_kicked" });
    expect(await refusal(running.url, code, { as: "player", seatToken: seatToken(), nickname: "Newbie" })).toEqual({ reason: "room_locked" });
    await host.link.leave();
  });
});
