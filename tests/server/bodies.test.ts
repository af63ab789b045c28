/**
 * Issue 13, open network 2: "/matchmake reads request bodies of any size, before any check".
 * Four concurrent 40 MB POSTs (with a declared length, and streamed without one) against a real
 * server in this process: each is refused after a few kilobytes at most, the server's memory
 * barely moves, and a student in another session keeps playing meanwhile.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { JOIN_BODY_MAX } from "../../server/http/door.ts";

const FORTY_MB = 40 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

type Outcome = { status: number | "cut"; sent: number };

/**
 * POSTs up to 40 MB from one reused 64 kB buffer (so the test itself holds no 40 MB), stopping
 * when the server answers or closes the connection.
 */
function bigPost(path: string, declareLength: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number | "cut") => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, sent });
    };
    const request = http.request(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(declareLength ? { "content-length": String(FORTY_MB) } : {}) },
    });
    request.on("response", (response) => {
      response.resume();
      finish(response.statusCode ?? 0);
    });
    request.on("error", () => finish("cut"));
    request.on("close", () => finish("cut"));
    const pump = () => {
      while (!done && sent < FORTY_MB) {
        sent += CHUNK.length;
        if (!request.write(CHUNK)) return void request.once("drain", pump);
      }
      if (!done) request.end();
    };
    pump();
  });
}

describe("request bodies", () => {
  it("4 concurrent 40 MB POSTs to the matchmaker are refused unread; memory stays put; a class plays on", async () => {
    const { code, hostToken } = await server.createSession();
    const host = await joinHost(server.url, code, hostToken);
    await host.welcome;
    const student = await joinPlayer(server.url, code, "Mei");
    await student.welcome;
    global.gc?.();
    const before = process.memoryUsage().rss;

    const attacks = [
      bigPost(`/matchmake/joinById/${code}`, true),
      bigPost("/matchmake/joinById/ZZZZZZ", true),
      bigPost(`/matchmake/joinById/${code}`, false),
      bigPost("/matchmake/joinById/ZZZZZZ", false),
    ];
    // while the attack runs, the class's commands are answered
    const during = await host.room.request("cmd", { id: "during", kind: "lock" });
    const outcomes = await Promise.all(attacks);
    const after = process.memoryUsage().rss;
    console.info(`RSS before ${(before / 1e6).toFixed(1)} MB, after 4 × 40 MB POSTs ${(after / 1e6).toFixed(1)} MB (${((after - before) / 1e6).toFixed(1)} MB more); sent before the cut: ${outcomes.map((o) => `${(o.sent / 1024).toFixed(0)} kB`).join(", ")}`);

    expect(during).toMatchObject({ ok: true });
    for (const outcome of outcomes) {
      // refused with 413, or cut off at the limit — never read to the end
      expect([413, "cut"]).toContain(outcome.status);
      expect(outcome.sent).toBeLessThan(FORTY_MB);
    }
    // generous: 4 × 40 MB read into memory would be 160 MB or more
    expect(after - before).toBeLessThan(40 * 1024 * 1024);
    expect(student.room.connection.isOpen).toBe(true);
    expect(await host.room.request("cmd", { id: "after", kind: "unlock" })).toMatchObject({ ok: true });
  }, 60_000);

  it("a join request over the limit gets 413 and a reason; one under it is served", async () => {
    const { code } = await server.createSession();
    const over = await fetch(`${server.url}/matchmake/joinById/${code}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ pad: "x".repeat(JOIN_BODY_MAX) }) });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ reason: "too_large" });
    const student = await joinPlayer(server.url, code, "Ann");
    expect(await student.welcome).toMatchObject({ as: "player" });
  });

  it("any other route refuses a declared body over 256 kB before reading it", async () => {
    const outcome = await bigPost("/api/sessions", true);
    expect(outcome.status === 413 || outcome.status === "cut").toBe(true);
    expect(outcome.sent).toBeLessThan(FORTY_MB);
    const page = await bigPost("/host", true);
    expect(page.status === 413 || page.status === "cut").toBe(true);
  });
});
