/**
 * Issue 14: the room rebuilds only the views an event touches and sends them in sections and
 * records. After every command of the scripted game (bots frozen, so nothing else moves and no
 * pause in between can refresh every view), each seat's decoded state holds exactly its
 * allow-listed view — no other seat's, nothing stale, no leftover item — and so does the host's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { until, type TestServer } from "../support/server.ts";
import { expectedBoard, expectedPrivate, receivedBoard, receivedPrivate, roomSession } from "../support/views.ts";
import { everyRoom, gameSteps, lobbySteps, PLAYERS, send, seatTable, seqOf, startScriptServer, type Table } from "../support/script.ts";
import { isShapeItemKey, KEYS_PART, listItemKey, recordItemKey } from "../../shared/protocol/viewWire.ts";

let server: TestServer;
beforeAll(async () => {
  // bots think once a minute at most (the longest setting): within the test every change is the script's own command
  server = await startScriptServer({ BOT_THINK_MS: "60000", MESSAGES_PER_SECOND: "1000" });
});
afterAll(async () => {
  await server.close();
});

type Synced = { parts?: Record<string, string>; items?: Record<string, string> };

/** The item keys a view's parts name: anything else in `items` but the shapes (kept once sent) would be a leftover. */
function namedItems(view: Synced): string[] {
  const parts = view.parts ?? {};
  const keys = JSON.parse(parts[KEYS_PART] ?? "[]") as string[];
  const out: string[] = [];
  for (const key of keys) {
    const raw = parts[key] ?? "";
    const count = Number(raw.slice(1));
    if (raw.startsWith("#")) for (let i = 0; i < count; i++) out.push(listItemKey(key, i));
    if (raw.startsWith("%")) for (let i = 0; i < count; i++) out.push(recordItemKey(key, i));
  }
  return out.sort();
}

function syncedViews(room: Room): Record<string, Synced> {
  return (room.state as unknown as { toJSON(): { views: Record<string, Synced> } }).toJSON().views;
}

async function lastStoredSeq(code: string): Promise<number> {
  return (await server.events(code)).at(-1)?.seq ?? 0;
}

/**
 * Once every client has caught up with the log, each holds exactly its view. A bot may still
 * move now and then (the first turn falls anywhere in the first minute), so a mismatch is
 * looked at again once the clients have caught up with that too; the last look must hold.
 */
async function everyViewExact(t: Table, label: string): Promise<void> {
  const quiet = async () => {
    try {
      const target = await lastStoredSeq(t.code);
      if (!everyRoom(t).every((r) => seqOf(r) === target)) return false;
      assertViews(t, label, target);
      return true;
    } catch {
      return false;
    }
  };
  await until(quiet, `every client caught up and exact after "${label}"`).catch(() => undefined);
  assertViews(t, label, await lastStoredSeq(t.code));
}

function assertViews(t: Table, label: string, lastStored: number): void {
  const session = roomSession(t.code);
  expect(everyRoom(t).map(seqOf), `${label}: every client at the last stored event`).toEqual(everyRoom(t).map(() => lastStored));
  const board = expectedBoard(session);
  const holders: [Room, string][] = [...PLAYERS.map((name) => [t.rooms[name], t.seats[name]] as [Room, string]), [t.host, "host"]];
  for (const [room, key] of holders) {
    const got = receivedPrivate(room);
    expect(Object.keys(got), `${label}: ${key} holds only its own view`).toEqual([key]);
    expect(got[key], `${label}: ${key}'s view`).toEqual(expectedPrivate(session, key));
    const synced = syncedViews(room)[key]!;
    const items = Object.keys(synced.items ?? {});
    expect(items.filter((item) => !isShapeItemKey(item)).sort(), `${label}: ${key}'s items`).toEqual(namedItems(synced));
    expect(receivedBoard(room), `${label}: ${key}'s board`).toEqual(board);
  }
}

describe("views sync only what changed", () => {
  it("after every command of the scripted game, each client holds exactly its allow-listed view", async () => {
    const { code, hostToken } = await server.createSession();
    const t = await seatTable(server.url, code, hostToken);
    await everyViewExact(t, "everyone seated");
    let checked = 0;
    for (const step of [...lobbySteps(), ...gameSteps(0)]) {
      if (step.by === "bots") continue;
      const command = step.command(t);
      if (!command) continue; // a step about what bots did: they did nothing here
      const room = step.by === "host" ? t.host : t.rooms[step.by];
      expect(await send(room, command), step.label).toMatchObject({ ok: true });
      await everyViewExact(t, step.label);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
