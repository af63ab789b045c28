/**
 * Gentle sessions (intensity turned down, GAME.md "safe to run with teenagers"): no `intense`
 * secret goal is dealt, and the board starts anonymous. Asked for when creating the session.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinHost } from "../support/clients.ts";
import { roomSession } from "../support/views.ts";
import { sendOk } from "../support/script.ts";
import { ROOT } from "../../server/clientBuild.ts";
import type { Scenario } from "../../shared/scenario/index.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
});
afterAll(async () => {
  await server.close();
});

async function create(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("a gentle session", () => {
  it("deals no intense goal and starts the board anonymous", async () => {
    const demo = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/quick-demo.json"), "utf8")) as Scenario;
    const intense = demo.goals.filter((g) => g.intense).map((g) => g.id);
    expect(intense.length).toBeGreaterThan(0);

    const response = await create({ scenarioId: "quick-demo", gentle: true });
    expect(response.status).toBe(201);
    const { code, hostToken } = (await response.json()) as { code: string; hostToken: string };
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    await until(() => (host.room.state as unknown as { anonymousBoard: boolean }).anonymousBoard, "the board to start anonymous");
    const game = () => roomSession(code).game;
    expect(game().scenario.goals.map((g) => g.id)).toEqual(demo.goals.filter((g) => !g.intense).map((g) => g.id));

    for (const personality of ["fair_official", "corrupt_official", "zealous_watcher", "rebel", "conformist", "conformist"]) {
      await sendOk(host.room, { kind: "add_bot", personality });
    }
    await sendOk(host.room, { kind: "auto_balance" });
    await sendOk(host.room, { kind: "start" });
    const dealt = Object.values(game().players).flatMap((p) => p.goals);
    expect(dealt.length).toBeGreaterThan(0);
    expect(dealt.filter((id) => intense.includes(id))).toEqual([]);
  });

  it("is off unless asked for, and a wrong value is refused", async () => {
    const plain = (await (await create({ scenarioId: "quick-demo" })).json()) as { code: string };
    expect(roomSession(plain.code).game.scenario.goals.some((g) => g.intense)).toBe(true);
    expect(roomSession(plain.code).lobby.anonymousBoard).toBe(false);
    const wrong = await create({ scenarioId: "quick-demo", gentle: "yes" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { reason: string }).reason).toBe("malformed");
  });
});
