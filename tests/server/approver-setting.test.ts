/**
 * "Show who approved an entry on residents' records" (issue 13, classroom item 11): a session
 * setting chosen at creation — on by default, off in gentle mode, either way when asked. With it
 * off, a resident's record says an official approved an entry, without naming the classmate.
 * Real HTTP and WebSockets to a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer, type Joined } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { receivedPrivate, roomSession } from "../support/views.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

async function create(body: Record<string, unknown>): Promise<{ status: number; code?: string; hostToken?: string }> {
  const response = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "rongcheng-pilot", ...body }) });
  return { status: response.status, ...((await response.json()) as { code?: string; hostToken?: string }) };
}

type Recorded = { id: string; reviewer: string | null; byOfficial: boolean };

/** A watcher's entry about a resident, approved by the official, published at night: what the resident's record says. */
async function approvedEntryOnRecord(code: string, hostToken: string): Promise<{ record: Recorded[]; official: string }> {
  const host = await joinHost(server.url, code, hostToken);
  await host.welcome;
  const seat = async (joined: Joined) => ((await joined.welcome) as { seatId: string }).seatId;
  const officialJoined = await joinPlayer(server.url, code, "Olu");
  const watcherJoined = await joinPlayer(server.url, code, "Wes");
  const residentJoined = await joinPlayer(server.url, code, "Ren");
  const [official, watcher, resident] = [await seat(officialJoined), await seat(watcherJoined), await seat(residentJoined)];
  await sendOk(host.room, { kind: "add_bot", personality: "conformist" });
  for (const [s, role] of [[official, "official"], [watcher, "watcher"], [resident, "resident"]] as const) await sendOk(host.room, { kind: "assign_role", seatId: s, role });
  await sendOk(host.room, { kind: "start" });
  await sendOk(host.room, { kind: "advance" }); // morning → day
  await sendOk(watcherJoined.room, { kind: "write_entry", subject: resident, deed: "jaywalk", basis: "hearsay", occurrence: null, note: "" });
  await sendOk(host.room, { kind: "advance" }); // day → evening
  const entry = Object.values(roomSession(code).game.journal).find((e) => e.subject === resident && e.author === watcher)!;
  await sendOk(officialJoined.room, { kind: "review", entry: entry.id, decision: "approve" });
  const seq = await sendOk(host.room, { kind: "advance" }); // evening → night: published
  await until(() => (residentJoined.room.state as { seq?: number }).seq === seq, "the resident's state after publication");
  const mine = receivedPrivate(residentJoined.room)[resident] as { aboutMe: Recorded[] };
  for (const joined of [host, officialJoined, watcherJoined, residentJoined]) await joined.room.leave();
  return { record: mine.aboutMe, official };
}

describe("naming the approver on residents' records", () => {
  it("is on by default, off in gentle mode, and either way when the host says so; a bad value is refused", async () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{}, true],
      [{ showApprover: false }, false],
      [{ gentle: true }, false],
      [{ gentle: true, showApprover: true }, true],
    ];
    for (const [body, expected] of cases) {
      const created = await create(body);
      expect(created.status, JSON.stringify(body)).toBe(201);
      expect(roomSession(created.code!).game.settings.showApprover, JSON.stringify(body)).toBe(expected);
    }
    expect((await create({ showApprover: "no" })).status).toBe(400);
    // a default session's log is as before: no settings event
    const plain = await create({});
    const stored = await server.events(plain.code!);
    expect(stored.map((e) => e.type)).toEqual(["session_opened"]);
  });

  it("on: the resident's record names the official; off: it says an official approved it, without the name", async () => {
    const named = await create({});
    const shown = await approvedEntryOnRecord(named.code!, named.hostToken!);
    expect(shown.record.map((e) => [e.reviewer, e.byOfficial])).toEqual([[shown.official, true]]);

    const unnamed = await create({ showApprover: false });
    const hidden = await approvedEntryOnRecord(unnamed.code!, unnamed.hostToken!);
    expect(hidden.record.map((e) => [e.reviewer, e.byOfficial])).toEqual([[null, true]]);
    // the setting survives in the log: a replay (a restart, the debrief) keeps it
    const log = await server.events(unnamed.code!);
    expect(log.filter((e) => e.type === "settings_chosen").map((e) => e.data)).toEqual([{ type: "settings_chosen", showApprover: false }]);
  }, 30_000);
});
