/**
 * The lobby over real WebSockets against a real server and a real SQLite file: joining, the
 * ways a join is refused, and the host's commands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { closed, joinHost, joinPlayer, refusal, seatToken } from "../support/clients.ts";
import { CloseReason } from "../../shared/protocol/index.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function players(host: { room: { state: unknown } }) {
  const json = (host.room.state as { toJSON(): { players: Record<string, { nickname: string; connected: boolean }> } }).toJSON();
  return Object.values(json.players);
}

describe("joining a session", () => {
  it("seats players, shows them to the host live, and records the joins in the log", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    expect(await host.welcome).toMatchObject({ as: "host", code });
    const mei = await joinPlayer(server.url, code, "  Mei  ");
    const welcome = await mei.welcome;
    expect(welcome).toMatchObject({ as: "player", nickname: "Mei", code });
    await joinPlayer(server.url, code, "李华");
    await until(async () => (await players(host)).length === 2, "two players in the host's state");
    expect((await players(host)).map((p) => p.nickname)).toEqual(["Mei", "李华"]);
    const types = (await server.events(code)).map((e) => e.type);
    // each join is stored as one step: the lobby's seat and the game's seat
    expect(types).toEqual(["session_opened", "seat_joined", "seat_added", "seat_joined", "seat_added"]);
  });

  it("refuses a wrong code, bad nicknames and a taken nickname (with a free alternative)", async () => {
    const { code } = await server.createSession();
    await joinPlayer(server.url, code, "Mei");
    expect(await refusal(server.url, "ZZZZZZ", { as: "player", seatToken: seatToken(), nickname: "Bo" })).toEqual({ reason: "no_such_session" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "x" })).toEqual({ reason: "nickname_too_short" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "a".repeat(17) })).toEqual({ reason: "nickname_too_long" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "<b>hi</b>" })).toEqual({ reason: "nickname_characters" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "fuck you" })).toEqual({ reason: "nickname_offensive" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "傻逼" })).toEqual({ reason: "nickname_offensive" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "MEI" })).toEqual({ reason: "nickname_taken", suggestion: "MEI 2" });
    // a look-alike is the same name: "Меі" in Cyrillic letters beside "Mei"
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "\u041c\u0435\u0456" })).toEqual({ reason: "nickname_taken", suggestion: "\u041c\u0435\u0456 2" });
    expect(await refusal(server.url, code, { as: "player", seatToken: "short", nickname: "Bo" })).toEqual({ reason: "bad_join_request" });
    expect(await refusal(server.url, code, { as: "player", v: 99, seatToken: seatToken(), nickname: "Bo" })).toEqual({ reason: "bad_join_request" });
    expect(await server.events(code)).toHaveLength(3); // opened + Mei's seat (lobby, game): refusals store nothing
  });

  it("seats players beyond the cap as observers, then refuses a full room", async () => {
    const { code } = await server.createSession("tiny-room"); // 4 players, 20 seats with observers
    for (let i = 0; i < 20; i++) await joinPlayer(server.url, code, `Player ${i}`);
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "Dee" })).toEqual({ reason: "room_full" });
  });

  it("never lets a client create a room", async () => {
    const response = await fetch(`${server.url}/matchmake/create/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "ABCDEF" }),
    });
    expect(response.ok).toBe(false);
    const joinOrCreate = await fetch(`${server.url}/matchmake/joinOrCreate/session`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(joinOrCreate.ok).toBe(false);
  });
});

describe("the host's commands", () => {
  it("lock keeps newcomers out but lets a seated player back in; unlock opens again", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const token = seatToken();
    const mei = await joinPlayer(server.url, code, "Mei", token);
    await mei.welcome;
    expect(await host.room.request("cmd", { id: "l1", kind: "lock" })).toMatchObject({ ok: true });
    expect(await host.room.request("cmd", { id: "l2", kind: "lock" })).toEqual({ ok: false, reason: "already_locked" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "Bo" })).toEqual({ reason: "room_locked" });
    await mei.room.leave();
    const back = await joinPlayer(server.url, code, "Mei", token);
    expect(await back.welcome).toMatchObject({ nickname: "Mei" });
    expect(await host.room.request("cmd", { id: "u1", kind: "unlock" })).toMatchObject({ ok: true });
    await joinPlayer(server.url, code, "Bo");
  });

  it("kick removes the player, who stays out with the same seat token", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const token = seatToken();
    const bo = await joinPlayer(server.url, code, "Bo", token);
    const { seatId } = (await bo.welcome) as { seatId: string };
    const boClosed = closed(bo.room);
    expect(await host.room.request("cmd", { id: "k1", kind: "kick", seatId })).toMatchObject({ ok: true });
    expect(await boClosed).toBe(CloseReason.kicked);
    expect(await refusal(server.url, code, { as: "player", seatToken: token, nickname: "Bo" })).toEqual({ reason: "seat_kicked" });
    await until(async () => (await players(host)).length === 0, "the kicked player gone from the lobby");
    // the name is free again for someone else
    await joinPlayer(server.url, code, "Bo");
  });

  it("rename checks the new name like a nickname and shows it to everyone", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const ann = await joinPlayer(server.url, code, "Ann");
    const { seatId } = (await ann.welcome) as { seatId: string };
    await joinPlayer(server.url, code, "Ben");
    expect(await host.room.request("cmd", { id: "r1", kind: "rename", seatId, nickname: "ben" })).toEqual({ ok: false, reason: "nickname_taken", suggestion: "ben 2" });
    expect(await host.room.request("cmd", { id: "r2", kind: "rename", seatId, nickname: "Annie" })).toMatchObject({ ok: true });
    await until(() => ann.room.state.players.get(seatId)?.nickname === "Annie", "the new name on the player's own state");
  });

  it("a command sent twice with the same id is applied once", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const first = await host.room.request("cmd", { id: "same", kind: "lock" });
    const again = await host.room.request("cmd", { id: "same", kind: "lock" });
    expect(again).toEqual(first);
    expect((await server.events(code)).filter((e) => e.type === "room_locked")).toHaveLength(1);
  });

  it("refuses host commands from players and a wrong host token, changing nothing", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const mei = await joinPlayer(server.url, code, "Mei");
    const { seatId } = (await mei.welcome) as { seatId: string };
    for (const command of [{ kind: "lock" }, { kind: "kick", seatId }, { kind: "rename", seatId, nickname: "Boss" }, { kind: "unlock" }]) {
      expect(await mei.room.request("cmd", { id: `p-${command.kind}`, ...command })).toEqual({ ok: false, reason: "not_facilitator" });
    }
    expect(await refusal(server.url, code, { as: "host", hostToken: seatToken() })).toEqual({ reason: "not_host" });
    expect((await server.events(code)).map((e) => e.type)).toEqual(["session_opened", "seat_joined", "seat_added"]);
    await until(async () => (await players(host)).length === 1, "the host's state");
    expect((await players(host)).map((p) => p.nickname)).toEqual(["Mei"]);
  });
});
