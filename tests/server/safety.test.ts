/**
 * The safety switches and retention: "step out" reaches the facilitator only; the facilitator
 * can hide a free text everywhere it is shown; expired sessions are deleted at boot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, tempDir, until, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { expectedPrivate, receivedPrivate, roomSession } from "../support/views.ts";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { join } from "node:path";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

const lastSeq = async (code: string) => (await server.events(code)).at(-1)!.seq;

describe("safety switches", () => {
  it("a player's step-out reaches the facilitator and nobody else", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const ann = await joinPlayer(server.url, code, "Ann");
    const ben = await joinPlayer(server.url, code, "Ben");
    const annSeat = ((await ann.welcome) as { seatId: string }).seatId;
    await ben.welcome;
    expect(await ann.room.request("cmd", { id: "out", kind: "step_out" })).toMatchObject({ ok: true });
    await until(async () => (host.room.state as { seq: number }).seq === (await lastSeq(code)) && (ben.room.state as { seq: number }).seq === (await lastSeq(code)), "everyone synced");
    await until(() => ((receivedPrivate(host.room).host as { steppedOut?: string[] })?.steppedOut ?? []).includes(annSeat), "the facilitator to see the step-out");
    expect(JSON.stringify((ben.room.state as { toJSON(): unknown }).toJSON())).not.toContain("steppedOut");
    expect(JSON.stringify((ann.room.state as { toJSON(): unknown }).toJSON())).not.toContain("steppedOut");
    // asking twice is one request
    expect(await ann.room.request("cmd", { id: "out2", kind: "step_out" })).toMatchObject({ ok: true });
    const types = (await server.events(code)).map((e) => e.type);
    expect(types.filter((t) => t === "seat_stepped_out")).toHaveLength(1);
  });

  it("a hidden journal note is blank for the official and marked for the facilitator", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    const people: Awaited<ReturnType<typeof joinPlayer>>[] = [];
    for (const name of ["Olive", "Walt", "Rita", "Rudy"]) people.push(await joinPlayer(server.url, code, name));
    const [official, watcher, rita, rudy] = await Promise.all(people.map(async (p) => ((await p.welcome) as { seatId: string }).seatId));
    const send = (room: typeof host.room, body: Record<string, unknown>) => room.request("cmd", { id: Math.random().toString(36).slice(2), ...body });
    for (const [seat, role] of [[official, "official"], [watcher, "watcher"], [rita, "resident"], [rudy, "resident"]] as const) {
      expect(await send(host.room, { kind: "assign_role", seatId: seat, role })).toMatchObject({ ok: true });
    }
    expect(await send(host.room, { kind: "start" })).toMatchObject({ ok: true });
    expect(await send(host.room, { kind: "advance" })).toMatchObject({ ok: true }); // morning → day
    const note = "she said something rude about Rudy";
    expect(await send(people[1]!.room, { kind: "write_entry", subject: rita, deed: "litter", basis: "hearsay", note })).toMatchObject({ ok: true });
    const entryId = Object.keys(roomSession(code).game.journal)[0]!;
    expect(await send(host.room, { kind: "hide_text", target: entryId })).toMatchObject({ ok: true });
    await until(async () => (people[0]!.room.state as { seq: number }).seq === (await lastSeq(code)), "the official synced");
    const officialView = receivedPrivate(people[0]!.room)[official!] as { journal: { id: string; note: string }[] };
    expect(officialView).toEqual(expectedPrivate(roomSession(code), official!));
    expect(officialView.journal.find((e) => e.id === entryId)?.note).toBe("");
    expect(JSON.stringify(officialView)).not.toContain(note);
    await until(() => ((receivedPrivate(host.room).host as { hiddenTexts?: string[] })?.hiddenTexts ?? []).includes(entryId), "the facilitator to see it hidden");
  });
});

describe("retention", () => {
  it("deletes sessions past their retention when the server starts", async () => {
    const dataDir = tempDir();
    const store = openSqliteStore(join(dataDir, "good-standing.db"));
    await store.createSession({ id: "old", code: "AAAAAA", scenarioId: "rongcheng-pilot", hostTokenHash: "ab".repeat(32), createdAt: 0, expiresAt: Date.now() - 1000 });
    await store.append("old", 1, [{ type: "session_opened" }], 0);
    await store.close();
    const restarted = await startTestServer({}, dataDir);
    try {
      expect(await restarted.services.store.sessionByCode("AAAAAA")).toBeUndefined();
      expect(await restarted.services.store.events("old")).toEqual([]);
      const health = (await (await fetch(`${restarted.url}/api/health`)).json()) as { ok: boolean; sessions: number };
      expect(health).toMatchObject({ ok: true, sessions: 0 });
    } finally {
      await restarted.close();
    }
  });
});
