/**
 * The anonymous board sends no nickname anywhere (issue 13, network item 6): while it is on, every
 * byte a board and a player receive — schema patches, private views, messages, the ending's
 * reveal, a journal note and a broadcast that mention a classmate — is searched for the other
 * players' nicknames, and none is there; the facilitator still gets every name; switched off, the
 * names come back. Real WebSockets to a real server.
 */
import "../support/recordingSocket.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foundIn, receivedBytes } from "../support/recordingSocket.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinAs, joinHost, joinPlayer, type Joined } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { receivedPrivate } from "../support/views.ts";
import { boardFromState, type SyncedJson } from "../../client/net/gameView.ts";
import { pseudonymAt } from "../../shared/lobby/pseudonym.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

/** Distinctive nicknames, so a hit can only be a leak (one in Chinese: UTF-8 is searched as bytes). */
const NICKNAMES = { official: "Quillona", watcher: "Zephyrine", resident: "王小明" } as const;
type Who = keyof typeof NICKNAMES;

const json = (joined: Joined) => (joined.room.state as unknown as { toJSON(): SyncedJson }).toJSON();

describe("the anonymous board", () => {
  it("sends no nickname to the board or to players; the facilitator keeps the names; off brings them back", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    await sendOk(host.room, { kind: "anonymous_board", on: true });

    const players = {} as Record<Who, Joined & { seat: string }>;
    for (const who of Object.keys(NICKNAMES) as Who[]) {
      const joined = await joinPlayer(server.url, code, NICKNAMES[who]);
      const welcome = (await joined.welcome) as { seatId: string };
      players[who] = { ...joined, seat: welcome.seatId };
    }
    const board = await joinAs(server.url, code, { as: "board" });
    await board.welcome;
    for (let i = 0; i < 2; i++) await sendOk(host.room, { kind: "add_bot", personality: "conformist" });
    for (const who of Object.keys(NICKNAMES) as Who[]) await sendOk(host.room, { kind: "assign_role", seatId: players[who].seat, role: who });
    await sendOk(host.room, { kind: "start" });
    await sendOk(host.room, { kind: "advance" }); // morning → day

    // free text naming a classmate: a watcher's note (read by the official) and a broadcast
    await sendOk(players.watcher.room, {
      kind: "write_entry", subject: players.resident.seat, deed: "jaywalk", basis: "hearsay", occurrence: null, note: `heard ${NICKNAMES.resident} crossed on red`,
    });
    await sendOk(host.room, { kind: "broadcast", text: `Well done ${NICKNAMES.watcher}` });
    const lastSeq = await sendOk(host.room, { kind: "end" }); // the ending's reveal names everyone
    const everyone = [host, board, ...Object.values(players)];
    await until(() => everyone.every((j) => (j.room.state as { seq?: number }).seq === lastSeq), "every client has the ended game");

    const all: string[] = Object.values(NICKNAMES);
    expect(foundIn(receivedBytes(board.room), all), "nicknames received by the board").toEqual([]);
    for (const who of Object.keys(NICKNAMES) as Who[]) {
      const others = all.filter((n) => n !== NICKNAMES[who]);
      expect(foundIn(receivedBytes(players[who].room), others), `nicknames received by the ${who}`).toEqual([]);
    }
    // … while the pages still have what they need: the seat's pseudonym, the note and the reveal
    const official = receivedPrivate(players.official.room)[players.official.seat] as { journal: { note: string }[]; ending: { reveal: { goals: { pseudonym?: { en: string } }[] } } };
    const residentBird = pseudonymAt(json(board).players?.[players.resident.seat]?.pseudonym ?? -1).en;
    expect(official.journal.map((e) => e.note)).toContain(`heard ${residentBird} crossed on red`);
    expect(official.ending.reveal.goals.every((g) => typeof g.pseudonym?.en === "string")).toBe(true);
    expect(boardFromState(json(board)).players.map((p) => p.nickname).every((n) => n.length > 0 && !all.includes(n))).toBe(true);

    // the facilitator sees names
    expect(foundIn(receivedBytes(host.room), all)).toEqual(all);
    const hostBoard = boardFromState(json(host));
    expect(hostBoard.players.find((p) => p.seat === players.resident.seat)?.nickname).toBe(NICKNAMES.resident);

    // switched off: the names come back to the board
    await sendOk(host.room, { kind: "anonymous_board", on: false });
    await until(() => boardFromState(json(board)).players.some((p) => p.nickname === NICKNAMES.official), "nicknames back on the board");
    expect(foundIn(receivedBytes(board.room), all).sort()).toEqual([...all].sort());
  }, 60_000);
});
