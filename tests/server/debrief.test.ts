/**
 * The debrief routes: every one refused without the host token, with a wrong one, or for a
 * code that does not exist (the same answer, so nothing tells a guesser a session exists);
 * with the token they answer for a live session and, after the server restarts, for the same
 * ended session read back from the store.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, tempDir, type TestServer } from "../support/server.ts";
import { joinHost } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { ENTRY_COLUMNS, PLAYER_COLUMNS, buildReplay } from "../../shared/debrief/index.ts";
import { importJson } from "../../shared/debrief/import.ts";

const ROUTES = ["debrief", "export.json", "players.csv", "entries.csv"];
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => {});
});

const get = (url: string, token?: string) => fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

describe("debrief routes", () => {
  it("are refused without the host token, with a wrong one, and in the URL; they work with it, also after a restart", async () => {
    const dataDir = tempDir();
    let server = await startTestServer({ BOT_THINK_MS: "50" }, dataDir);
    servers.push(server);
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    for (let i = 0; i < 5; i++) await sendOk(host.room, { kind: "add_bot", personality: "auto" });
    await sendOk(host.room, { kind: "start" });
    await sendOk(host.room, { kind: "advance" });
    await new Promise((r) => setTimeout(r, 400)); // bots act during the day
    await sendOk(host.room, { kind: "end" });
    const other = await server.createSession();

    for (const route of ROUTES) {
      const url = `${server.url}/api/sessions/${code}/${route}`;
      const none = await get(url);
      expect(none.status, route).toBe(401);
      expect(await none.json()).toEqual({ reason: "not_host" });
      const wrong = await get(url, other.hostToken);
      expect(wrong.status, route).toBe(403);
      expect(await wrong.json()).toEqual({ reason: "not_host" });
      expect((await get(`${url}?token=${hostToken}`)).status).toBe(401);
      expect((await get(`${server.url}/api/sessions/ZZZZZZ/${route}`, hostToken)).status).toBe(403);
      const ok = await get(url, hostToken);
      expect(ok.status, route).toBe(200);
      expect(ok.headers.get("cache-control")).toBe("no-store");
      await ok.arrayBuffer();
    }
    const live = (await (await get(`${server.url}/api/sessions/${code}/debrief`, hostToken)).json()) as { log: { seq: number }[] };
    await host.room.leave();
    await server.close();

    server = await startTestServer({}, dataDir);
    servers.push(server);
    const after = await get(`${server.url}/api/sessions/${code}/debrief`, hostToken);
    expect(after.status).toBe(200);
    const body = (await after.json()) as { code: string; anonymised: boolean; log: { seq: number; event: { type: string } }[] };
    expect(body.code).toBe(code);
    expect(body.anonymised).toBe(true);
    expect(body.log).toEqual(live.log);
    expect(body.log.at(-1)!.event.type).toBe("game_ended");

    const exported = await get(`${server.url}/api/sessions/${code}/export.json?names=1`, hostToken);
    expect(exported.headers.get("content-disposition")).toBe(`attachment; filename="good-standing-${code}-log-named.json"`);
    const imported = importJson(await exported.text());
    if ("problems" in imported) throw new Error(imported.problems.join("; "));
    expect(buildReplay(imported.log).final.game.phase).toBe("ended");
    const players = (await (await get(`${server.url}/api/sessions/${code}/players.csv`, hostToken)).text()).replace(/^\uFEFF/, "");
    expect(players.split("\r\n")[0]).toBe(PLAYER_COLUMNS.join(","));
    expect(players.split("\r\n").filter(Boolean)).toHaveLength(6);
    const entries = (await (await get(`${server.url}/api/sessions/${code}/entries.csv`, hostToken)).text()).replace(/^\uFEFF/, "");
    expect(entries.split("\r\n")[0]).toBe(ENTRY_COLUMNS.join(","));
    // labels in the reader's language (the page passes its own); anything else reads English
    const csv = async (query: string) => (await (await get(`${server.url}/api/sessions/${code}/players.csv${query}`, hostToken)).text());
    const goals = buildReplay(imported.log).final.game.scenario.goals;
    const zh = await csv("?lang=zh");
    const en = await csv("?lang=xx");
    expect(goals.some((g) => zh.includes(g.label.zh))).toBe(true);
    expect(goals.some((g) => zh.includes(g.label.en))).toBe(false);
    expect(goals.some((g) => en.includes(g.label.en))).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(en)).toBe(false);
  });
});
