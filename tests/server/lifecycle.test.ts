/**
 * A session's life beyond the lobby: "delete this session now" (host token only; everyone is
 * told; nothing is left in the store), and a graceful SIGTERM (clients told the server is
 * restarting; they come back to their seats when it returns).
 */
import "../../server/shim.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, tempDir, until, createSessionAt, type TestServer } from "../support/server.ts";
import { closed, joinPlayer, refusal, seatToken } from "../support/clients.ts";
import { kill, spawnServer, type ServerProcess } from "../support/process.ts";
import { CloseReason, PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { Link, type LinkStatus } from "../../client/net/link.ts";

describe("deleting a session now", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const del = (code: string, token?: string) =>
    fetch(`${server.url}/api/sessions/${code}`, { method: "DELETE", headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("needs the host token, tells everyone, and leaves nothing behind", async () => {
    const { code, hostToken } = await server.createSession();
    const ann = await joinPlayer(server.url, code, "Ann");
    await ann.welcome;
    const sessionId = (await server.services.store.sessionByCode(code))!.id;
    // a wrong token gets the answer an unknown code gets: no way to tell which codes exist
    for (const wrong of [await del(code), await del(code, seatToken()), await del("ZZZZZZ", seatToken())]) {
      expect(wrong.status).toBe(404);
      expect(await wrong.json()).toEqual({ reason: "no_such_session" });
    }
    const gone = closed(ann.room);
    expect((await del(code, hostToken)).status).toBe(204);
    expect(await gone).toBe(CloseReason.sessionEnded);
    expect(await server.services.store.sessionByCode(code)).toBeUndefined();
    expect(await server.services.store.events(sessionId)).toEqual([]);
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "Ben" })).toEqual({ reason: "no_such_session" });
    expect((await del(code, hostToken)).status).toBe(404);
  });
});

describe("a graceful stop (SIGTERM)", () => {
  let running: ServerProcess | undefined;
  afterEach(async () => {
    if (running) await kill(running);
    running = undefined;
  });

  it("exits cleanly, tells clients it is restarting, and they return to their seats", async () => {
    const dataDir = tempDir();
    running = await spawnServer({ DATA_DIR: dataDir });
    const { port } = running;
    const { code } = await createSessionAt(running.url);
    let status: LinkStatus = "connected";
    let closedReason: string | undefined;
    let seat = "";
    const link = await Link.open(running.url, code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname: "Ann" }, {
      status: (s, reason) => {
        status = s;
        if (s === "closed") closedReason = reason;
      },
      welcome: (w) => {
        if (w.as === "player") seat = w.seatId;
      },
    });
    if (!(link instanceof Link)) throw new Error(link.reason);
    await until(() => seat !== "", "the welcome");
    const firstSeat = seat;
    const stoppedAt = Date.now();
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    const stopMs = Date.now() - stoppedAt;
    expect(closedReason).toBeUndefined();
    await until(() => status === "reconnecting", "the link to start reconnecting");
    running = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
    await until(() => status === "connected", "the link back");
    expect(seat).toBe(firstSeat);
    console.log(`[figure] SIGTERM to exit: ${stopMs} ms`);
    await link.leave();
  });
});
