/**
 * client/net hands the pages the game as plain data: the board and the client's own private view,
 * rebuilt from what arrived over the wire, equal to the rules' `viewFor` for that client.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { seatToken } from "../support/clients.ts";
import { expectedPrivate, roomSession } from "../support/views.ts";
import { Link } from "../../client/net/link.ts";
import type { PlayView } from "../../client/net/gameView.ts";
import { boardView, type BoardView } from "../../shared/rules/index.ts";
import { pseudonyms } from "../../shared/lobby/pseudonym.ts";
import { PROTOCOL_VERSION, type JoinRequest, type Welcome } from "../../shared/protocol/index.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

type Watched = { link: Link; view: () => PlayView | undefined; seat: () => string };

async function open(code: string, request: JoinRequest): Promise<Watched> {
  let view: PlayView | undefined;
  let welcome: Welcome | undefined;
  const link = await Link.open(server.url, code, request, { play: (v) => (view = v), welcome: (w) => (welcome = w) });
  if (!(link instanceof Link)) throw new Error(link.reason);
  await until(() => welcome !== undefined, "the welcome");
  return { link, view: () => view, seat: () => (welcome?.as === "player" ? welcome.seatId : "host") };
}

const sorted = (board: BoardView) => ({ ...board, players: [...board.players].sort((a, b) => a.seat.localeCompare(b.seat)) });

describe("the play view client/net builds", () => {
  it("equals viewFor for every seat, the facilitator and the board", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await open(code, { as: "host", v: PROTOCOL_VERSION, hostToken });
    const players: Watched[] = [];
    for (const nickname of ["Ann", "Ben", "Cai", "Dee", "Eve"]) players.push(await open(code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname }));
    const board = await open(code, { as: "board", v: PROTOCOL_VERSION });
    for (const kind of ["auto_balance", "start", "advance", "pause"]) expect(await host.link.send({ kind } as never)).toMatchObject({ ok: true });

    await until(() => [host, board, ...players].every((w) => w.view()?.board.phase === "day" && w.view()?.board.paused === true), "every client in the paused day");
    await until(() => players.every((p) => JSON.stringify(p.view()?.mine) === JSON.stringify(expectedPrivate(roomSession(code), p.seat()))), "private views current");
    const expectedBoard = sorted(boardView(roomSession(code).game));
    for (const w of [host, board, ...players]) expect(sorted(w.view()!.board)).toEqual(JSON.parse(JSON.stringify(expectedBoard)));
    for (const p of players) {
      expect(p.view()!.mine).toEqual(expectedPrivate(roomSession(code), p.seat()));
      expect(["resident", "watcher", "official"]).toContain((p.view()!.mine as { kind: string }).kind);
    }
    expect(host.view()!.mine).toEqual(expectedPrivate(roomSession(code), "host"));
    expect(board.view()!.mine).toBeNull();
    for (const w of [host, board, ...players]) await w.link.leave();
  });

  it("carries the rulebook, the facilitator's broadcasts, the anonymous switch and stable pseudonyms", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await open(code, { as: "host", v: PROTOCOL_VERSION, hostToken });
    const players: Watched[] = [];
    for (const nickname of ["Ann", "Ben", "Cai"]) players.push(await open(code, { as: "player", v: PROTOCOL_VERSION, seatToken: seatToken(), nickname }));
    const board = await open(code, { as: "board", v: PROTOCOL_VERSION });
    expect(await host.link.send({ kind: "broadcast", text: "Two minutes left" })).toMatchObject({ ok: true });
    expect(await host.link.send({ kind: "anonymous_board", on: true })).toMatchObject({ ok: true });
    expect(await host.link.send({ kind: "broadcast", text: "   " })).toMatchObject({ ok: false, reason: "empty_text" });

    const game = roomSession(code).game;
    const expected = Object.fromEntries(pseudonyms(game.seats));
    for (const w of [board, ...players]) {
      await until(() => w.view()?.anonymousBoard === true, "the anonymous switch");
      const view = w.view()!;
      expect(view.announcements.map((a) => a.text)).toEqual(["Two minutes left"]);
      expect(view.rulebook?.id).toBe(game.scenario.id);
      expect(view.rulebook?.locations.map((l) => l.id)).toEqual(game.scenario.locations.map((l) => l.id));
      expect(view.pseudonyms).toEqual(expected);
    }
    for (const w of [host, board, ...players]) await w.link.leave();
  });
});
