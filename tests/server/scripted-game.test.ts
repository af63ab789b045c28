/**
 * Acceptance (issue 4): a scripted game with 1 facilitator, 1 official, 2 watchers, 5 residents
 * and 3 bots plays 2 days through every phase — actions, observations, entries (one false),
 * review, publication, a blacklisting, an appeal reversed and one left pending — over real
 * WebSockets, and after every step every client's decoded state matches `viewFor` for its seat.
 *
 * Determinism with bots: between steps the facilitator keeps the game paused (bots and the
 * clock stand still while paused), so each comparison sees a quiet room. Every step is
 * resume → command → pause → compare; in "bots" steps the game runs for a window in which
 * only the bots play (BOT_THINK_MS is low, so they do).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { until, type TestServer } from "../support/server.ts";
import { expectedBoard, expectedPrivate, receivedBoard, receivedPrivate, roomSession } from "../support/views.ts";
import {
  BOTS,
  PLAYERS,
  everyRoom,
  gameSteps,
  godView,
  lobbySteps,
  seatTable,
  send,
  sendOk,
  seqOf,
  sleep,
  startScriptServer,
  type Step,
  type Table,
} from "../support/script.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startScriptServer({ BOT_THINK_MS: "150", MESSAGES_PER_SECOND: "1000" });
});
afterAll(async () => {
  await server.close();
});

async function lastStoredSeq(code: string): Promise<number> {
  return (await server.events(code)).at(-1)?.seq ?? 0;
}

/** Every client at the last stored event, then each one's decoded state against the rules' views. */
async function checkViews(t: Table, label: string): Promise<void> {
  const rooms = everyRoom(t);
  const target = await lastStoredSeq(t.code);
  await until(() => rooms.every((r) => seqOf(r) === target), `every client at seq ${target} after "${label}"`);
  const session = roomSession(t.code);
  expect(session.game.seq, label).toBeGreaterThan(0);
  const board = expectedBoard(session);
  for (const name of PLAYERS) {
    const seat = t.seats[name];
    const got = receivedPrivate(t.rooms[name]);
    expect(Object.keys(got), `${label}: ${name} holds only its own view`).toEqual([seat]);
    expect(got[seat], `${label}: ${name}'s private view`).toEqual(expectedPrivate(session, seat));
    expect(receivedBoard(t.rooms[name]), `${label}: ${name}'s board`).toEqual(board);
  }
  const host = receivedPrivate(t.host);
  expect(Object.keys(host), `${label}: host`).toEqual(["host"]);
  expect(host.host, `${label}: the god view`).toEqual(expectedPrivate(session, "host"));
  expect(receivedBoard(t.host), `${label}: host's board`).toEqual(board);
}

const running = (t: Table) => ["morning", "day", "evening", "night"].includes(roomSession(t.code).game.phase);

/** resume → the step → pause, so the comparison that follows sees a room where nothing moves. */
async function play(t: Table, step: Step): Promise<void> {
  if (running(t) && roomSession(t.code).game.paused) await sendOk(t.host, { kind: "resume" });
  if (step.by === "bots") await sleep(step.ms);
  else {
    const command = step.command(t);
    if (!command) throw new Error(`script step "${step.label}" found nothing to do`);
    const room = step.by === "host" ? t.host : t.rooms[step.by];
    const reply = await send(room, command);
    expect(reply, step.label).toMatchObject({ ok: true });
  }
  if (running(t)) await sendOk(t.host, { kind: "pause" });
}

describe("a scripted two-day game over real WebSockets", () => {
  it("plays every phase with 1 official, 2 watchers, 5 residents and 3 bots; every client matches viewFor at every step", async () => {
    const { code, hostToken } = await server.createSession();
    const t = await seatTable(server.url, code, hostToken);
    await checkViews(t, "everyone seated");

    const marks: Record<string, Record<string, number>> = {};
    const scores = () => Object.fromEntries(PLAYERS.map((n) => [n, roomSession(code).game.players[t.seats[n]]!.score]));

    for (const step of lobbySteps()) {
      await play(t, step);
      await checkViews(t, step.label);
    }
    const god0 = godView(t);
    expect(god0.phase).toBe("morning");
    expect(t.bots).toHaveLength(3);
    expect(t.bots.map((b) => god0.players[b]?.role)).toEqual(BOTS.map((b) => b.role));
    expect(PLAYERS.map((n) => god0.players[t.seats[n]]?.role)).toEqual(["official", "watcher", "watcher", "resident", "resident", "resident", "resident", "resident"]);

    let hooks = 0;
    const phasesSeen = new Set<string>([`${god0.day}:${god0.phase}`]);
    for (const step of gameSteps(1200)) {
      await play(t, step);
      await checkViews(t, step.label);
      const game = roomSession(code).game;
      phasesSeen.add(`${game.day}:${game.phase}`);
      marks[step.label] = scores();

      if (step.label === "R1 litter") {
        hooks++;
        // an observation: the watcher at the park saw it, the resident at home did not
        const o = Object.values(game.occurrences).find((x) => x.actor === t.seats.R1 && x.deed === "litter")!;
        expect(o.witnesses).toContain(t.seats.W1);
        expect(o.witnesses).not.toContain(t.seats.W2);
        expect(receivedPrivate(t.rooms.W1)[t.seats.W1]).toMatchObject({ observations: expect.arrayContaining([expect.objectContaining({ id: o.id, deed: "litter" })]) });
      }
      if (step.label.startsWith("W2 writes a FALSE entry")) {
        hooks++;
        const entry = Object.values(godView(t).journal).find((e) => e.subject === t.seats.R4 && e.deed === "spread_rumour" && e.author === t.seats.W2)!;
        expect(entry).toMatchObject({ truthful: false, basis: "hearsay", status: "pending" });
        // the truth stays in the god view: the official's queue carries no verdict
        expect(JSON.stringify(receivedPrivate(t.rooms.O))).not.toContain('"truthful"');
      }
      if (step.label === "O asks evidence on R2 help_elderly") {
        hooks++;
        const entry = Object.values(game.journal).find((e) => e.subject === t.seats.R2 && e.deed === "help_elderly" && e.source === "watcher")!;
        expect(entry).toMatchObject({ status: "evidence_requested", footage: "no_camera" });
      }
      if (step.label === "day 1: evening → night (publication)") {
        hooks++;
        const feed = receivedBoard(t.rooms.R3).feed;
        const byDeed = (subject: string, deed: string) => feed.find((e) => e.subject === subject && e.deed === deed);
        expect(byDeed(t.seats.R1, "litter")).toMatchObject({ points: -5, status: "approved", day: 1 });
        expect(byDeed(t.seats.R4, "spread_rumour")).toMatchObject({ points: -20, status: "approved", day: 1 });
        expect(byDeed(t.seats.R2, "help_elderly")).toMatchObject({ points: 7, status: "approved", day: 1 });
        expect(byDeed(t.seats.R3, "volunteer")).toBeUndefined(); // rejected: never published
        const falseEntry = Object.values(godView(t).journal).find((e) => e.subject === t.seats.R4 && e.deed === "spread_rumour" && e.source === "watcher")!;
        expect(falseEntry).toMatchObject({ truthful: false, published: true, applied: true, points: -20 });
        expect(scores()).toMatchObject({ R1: 995, R2: 1007, R3: 1000, R4: 980 });
        // the watchers were paid for their approved entries
        expect(game.players[t.seats.W1]!.money).toBeGreaterThan(game.scenario.resident.money - 10);
      }
      if (step.label === "O reverses R4's appeal") {
        hooks++;
        expect(scores().R4).toBe(1000); // the reversal gives back exactly the 20 points
        const appeal = Object.values(game.appeals).find((a) => a.appellant === t.seats.R4)!;
        expect(appeal).toMatchObject({ status: "reversed", decidedBy: t.seats.O });
        expect(receivedBoard(t.rooms.R5).feed.find((e) => e.subject === t.seats.R4)).toMatchObject({ status: "reversed" });
      }
      if (step.label === "O blacklists R1 on her littering") {
        hooks++;
        expect(receivedBoard(t.rooms.R2).extras).toMatchObject({ blacklist: [{ seat: t.seats.R1, day: 2 }] });
        expect(receivedBoard(t.rooms.R2).players.find((p) => p.seat === t.seats.R1)).toMatchObject({ blacklisted: true });
        expect(game.blacklist).toEqual([expect.objectContaining({ seat: t.seats.R1, by: t.seats.O, active: true, wrongful: false })]);
      }
      if (step.label === "day 2: evening → night (publication)") {
        hooks++;
        const appeal = Object.values(game.appeals).find((a) => a.appellant === t.seats.R1)!;
        expect(appeal).toMatchObject({ status: "pending", evenings: 1, decidedBy: null }); // left pending, not yet past the deadline
        expect(receivedPrivate(t.rooms.R1)[t.seats.R1]).toMatchObject({ myAppeals: [expect.objectContaining({ id: appeal.id, status: "pending" })] });
        expect(scores()).toMatchObject({ R1: 995, R2: 1002, R4: 1000, R5: 1001 });
      }
    }

    expect(hooks, "every checkpoint of the script was reached").toBe(7);
    const end = roomSession(code).game;
    expect(end.phase).toBe("ended");
    for (const d of [1, 2]) for (const p of ["morning", "day", "evening", "night"]) expect(phasesSeen.has(`${d}:${p}`), `${d}:${p}`).toBe(true);
    // the one false entry among the humans' entries was published, and its appeal reversed
    const humanEntries = Object.values(end.journal).filter((e) => e.author !== null && PLAYERS.some((n) => t.seats[n] === e.author));
    expect(humanEntries.filter((e) => !e.truthful).map((e) => [e.deed, e.published, e.status])).toEqual([["spread_rumour", true, "reversed"]]);
    // one appeal reversed, one still pending after day 2's evening
    expect(Object.values(end.appeals).filter((a) => !t.bots.includes(a.appellant)).map((a) => a.status).sort()).toEqual(["pending", "reversed"]);
    expect(end.players[t.seats.R1]!.blacklisted).toBe(true);
    // the bots played too: they moved, acted or wrote entries through the same gate
    const botDeeds = Object.values(end.occurrences).filter((o) => t.bots.includes(o.actor)).length;
    const botEntries = Object.values(end.journal).filter((e) => e.author && t.bots.includes(e.author)).length;
    const botMoves = t.bots.filter((b) => end.players[b]!.location !== end.scenario.home).length;
    expect(botDeeds + botEntries + botMoves, "anything the bots did").toBeGreaterThan(0);
    console.log(`[scripted game] ${await lastStoredSeq(code)} events; bots: ${botDeeds} deeds, ${botEntries} entries, ${botMoves} away from home`);

    for (const room of everyRoom(t) as Room[]) await room.leave();
  }, 60_000);
});
