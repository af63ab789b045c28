/**
 * Hearsay can be checked (issue 12, part 5), over real WebSockets: an official asks a resident
 * for a witness statement about a journal entry; the request reaches that resident's own view
 * (and nobody else's), the answer reaches every official's view beside the entry, and the stored
 * log fixes whether it was true. Refusals come back with their reason codes; an unanswered
 * request expires when its phase ends; the footage check answers from the cameras.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { receivedPrivate, roomSession } from "../support/views.ts";
import { seatOf, send, sendOk } from "../support/script.ts";

type Request = { id: string; subject: string; deed: string; day: number; status: string; answer: string | null };
type Said = { id: string; witness: string; entry: string; status: string; answer: string | null };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("witness statements and footage over the wire", () => {
  it("a request reaches the witness, the answer reaches the official; refusals carry reasons; unanswered ones expire", async () => {
    const { code, hostToken } = await server.createSession();
    const host = (await joinHost(server.url, code, hostToken)).room;
    const joined = new Map<string, Awaited<ReturnType<typeof joinPlayer>>>();
    const seat = new Map<string, string>();
    for (const name of ["Ann", "Ben", "Cai", "Wen", "Olu"]) {
      const j = await joinPlayer(server.url, code, name);
      joined.set(name, j);
      seat.set(name, await seatOf(j));
    }
    const room = (name: string) => joined.get(name)!.room;
    const mine = (name: string) => receivedPrivate(room(name))[seat.get(name)!] as Record<string, unknown>;
    for (const [name, role] of [["Ann", "resident"], ["Ben", "resident"], ["Cai", "resident"], ["Wen", "watcher"], ["Olu", "official"]] as const) {
      await sendOk(host, { kind: "assign_role", seatId: seat.get(name), role });
    }
    await sendOk(host, { kind: "start" });
    await sendOk(host, { kind: "advance" }); // day

    // Ann litters in the park where Wen watches; Wen also writes hearsay about Ben
    await sendOk(room("Wen"), { kind: "move", to: "park" });
    await sendOk(room("Ann"), { kind: "move", to: "park" });
    await sendOk(room("Ann"), { kind: "act", action: "litter" });
    const game = () => roomSession(code).game;
    const littering = Object.values(game().occurrences)[0]!;
    await sendOk(room("Wen"), { kind: "write_entry", subject: seat.get("Ann"), deed: "litter", basis: "witnessed", occurrence: littering.id });
    await sendOk(room("Wen"), { kind: "write_entry", subject: seat.get("Ben"), deed: "spread_rumour", basis: "hearsay" });
    const [litter, rumour] = Object.keys(game().journal) as [string, string];
    await sendOk(host, { kind: "advance" }); // evening

    // the official asks Cai about the rumour; the request shows on Cai's screen only
    await sendOk(room("Olu"), { kind: "ask_statement", witness: seat.get("Cai"), entry: rumour });
    await until(() => ((mine("Cai").requests as Request[] | undefined) ?? []).length === 1, "Cai to see the request");
    const request = (mine("Cai").requests as Request[])[0]!;
    expect(request).toMatchObject({ subject: seat.get("Ben"), deed: "spread_rumour", day: 1, status: "open", answer: null });
    expect(mine("Ben").requests).toEqual([]);
    expect(mine("Ann").requests).toEqual([]);

    // refusals, each with its reason, and nothing stored for them
    const before = game().seq;
    expect(await send(room("Ben"), { kind: "answer_statement", statement: request.id, answer: "saw_it" })).toMatchObject({ ok: false, reason: "not_your_request" });
    expect(await send(room("Olu"), { kind: "ask_statement", witness: seat.get("Cai"), entry: rumour })).toMatchObject({ ok: false, reason: "already_asked" });
    expect(await send(room("Olu"), { kind: "ask_statement", witness: seat.get("Ben"), entry: rumour })).toMatchObject({ ok: false, reason: "not_a_witness" });
    expect(await send(room("Wen"), { kind: "ask_statement", witness: seat.get("Cai"), entry: rumour })).toMatchObject({ ok: false, reason: "wrong_role" });
    expect(await send(room("Cai"), { kind: "check_footage", entry: rumour })).toMatchObject({ ok: false, reason: "wrong_role" });
    expect(game().seq).toBe(before);

    // Cai answers: it did not happen. The official sees it beside the entry; the log knows it was true
    await sendOk(room("Cai"), { kind: "answer_statement", statement: request.id, answer: "did_not" });
    await until(() => ((mine("Olu").statements as Said[] | undefined) ?? []).some((x) => x.answer === "did_not"), "the official to see the answer");
    expect(mine("Olu").statements).toEqual([
      { id: request.id, official: seat.get("Olu"), witness: seat.get("Cai"), entry: rumour, appeal: null, askedDay: 1, status: "answered", answer: "did_not" },
    ]);
    expect(game().statements[request.id]).toMatchObject({ happened: false, truthful: true });
    expect(await send(room("Cai"), { kind: "answer_statement", statement: request.id, answer: "saw_it" })).toMatchObject({ ok: false, reason: "request_answered" });
    // the truth of a statement is never sent to a player
    expect(JSON.stringify(receivedPrivate(room("Olu")))).not.toContain("truthful");

    // the park has no camera: no footage
    await sendOk(room("Olu"), { kind: "check_footage", entry: litter });
    await until(() => ((mine("Olu").footage as unknown[] | undefined) ?? []).length === 1, "the footage to show");
    expect((mine("Olu").footage as unknown[])[0]).toMatchObject({ entry: litter, result: "no_footage", shows: null });

    // Ben is asked about the littering and lets the phase run out
    await sendOk(room("Olu"), { kind: "ask_statement", witness: seat.get("Ben"), entry: litter });
    await until(() => ((mine("Ben").requests as Request[] | undefined) ?? []).length === 1, "Ben to see his request");
    const unanswered = (mine("Ben").requests as Request[])[0]!;
    await sendOk(host, { kind: "advance" }); // night
    await until(() => (mine("Ben").requests as Request[])[0]?.status === "expired", "Ben's request to expire");
    expect(await send(room("Ben"), { kind: "answer_statement", statement: unanswered.id, answer: "saw_it" })).toMatchObject({ ok: false, reason: "request_expired" });
    expect(await send(room("Olu"), { kind: "ask_statement", witness: seat.get("Ben"), entry: rumour })).toMatchObject({ ok: false, reason: "wrong_phase" });
    await until(() => (mine("Olu").statements as Said[]).some((x) => x.id === unanswered.id && x.status === "expired"), "the official to see it expired");
  }, 60_000);
});
