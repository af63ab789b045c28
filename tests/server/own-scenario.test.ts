/**
 * A facilitator's own scenario, sent with the request that creates the session: validated in
 * full (every problem named by its field, nothing half-loaded), stored in the session's log, and
 * played like a built-in one. Other API requests keep their small body limit.
 */
import "../../server/shim.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startTestServer, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import { ROOT } from "../../server/clientBuild.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const demo = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/quick-demo.json"), "utf8")) as Record<string, unknown>;

function create(body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("a session from the facilitator's own scenario", () => {
  it("is validated, stored with the session and played", async () => {
    const response = await create({ scenario: { ...demo, id: "our-school", default: false }, gentle: false });
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    expect(roomSession(code).game.scenario.id).toBe("our-school");
    expect(roomSession(code).lobby.scenarioId).toBe("our-school");
  });

  it("is refused with every problem named by its field, and nothing is created", async () => {
    const before = (await (await fetch(`${server.url}/api/health`)).json()) as { sessions: number };
    const broken = { ...demo, id: "Our School", grades: "x", colour: "red" };
    const response = await create({ scenario: broken });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { reason: string; problems: { path: string; message: string }[] };
    expect(body.reason).toBe("invalid_scenario");
    const paths = body.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["id", "grades", "colour"]));
    expect(body.problems.find((p) => p.path === "colour")?.message).toBe("unknown field");
    const after = (await (await fetch(`${server.url}/api/health`)).json()) as { sessions: number };
    expect(after.sessions).toBe(before.sessions);
  });

  it("needs exactly one of a scenario id and a scenario, and a size a scenario can have", async () => {
    expect((await create({ scenarioId: "quick-demo", scenario: demo })).status).toBe(400);
    expect((await create({ retentionDays: 7 })).status).toBe(400);
    const huge = await create({ scenario: { ...demo, description: { en: "x".repeat(300_000), zh: "x" } } });
    expect(huge.status).toBe(413);
    // everything else keeps the small limit
    const big = await fetch(`${server.url}/api/sessions/ABCDEF`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ pad: "x".repeat(10_000) }) });
    expect(big.status).toBe(413);
  });
});
