/**
 * Issue 13, open network 3 and 7: whose address a limit counts. Without TRUST_PROXY a client's
 * address is its socket's, so a forged X-Forwarded-For neither escapes the guess limit nor locks
 * out the address it names; with TRUST_PROXY=1 only the entry our proxy wrote counts. Wrong
 * join codes count as guesses, 30 a minute per address, as SECURITY.md says.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinHost, refusal, seatToken } from "../support/clients.ts";
import { joinFrom, refusalFrom } from "../support/addressed.ts";
import { PROTOCOL_VERSION, decodeRefusal } from "../../shared/protocol/index.ts";

const GUESSES = 30;

type Answer = { status: number; reason: string | undefined };

/** A join request (seat reservation) from a chosen local address and with chosen headers. */
function reserve(url: string, code: string, options: { from?: string; forwardedFor?: string; body?: Record<string, unknown> } = {}): Promise<Answer> {
  const body = JSON.stringify(options.body ?? { v: PROTOCOL_VERSION, as: "player", seatToken: seatToken(), nickname: "Kim" });
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/matchmake/joinById/${code}`, {
      method: "POST",
      localAddress: options.from ?? "127.0.0.1",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}) },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += String(chunk)));
      response.on("end", () => {
        const json = JSON.parse(text || "{}") as { error?: unknown };
        resolve({ status: response.statusCode ?? 0, reason: decodeRefusal(json.error)?.reason });
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("without TRUST_PROXY: the socket's address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("wrong codes are guesses: 30 a minute, whatever X-Forwarded-For says; the named victim and the host still get in", async () => {
    const { code, hostToken } = await server.createSession();
    for (let i = 0; i < GUESSES; i++) {
      // rotating the header, and naming the victim's address in it
      const answer = await reserve(server.url, "ZZZZZ" + "ABCDEFGHJK"[i % 10], { forwardedFor: i % 2 ? `10.9.0.${i}` : "127.0.0.2" });
      expect(answer).toEqual({ status: 404, reason: "no_such_session" });
    }
    expect(await reserve(server.url, "ZZZZZZ", { forwardedFor: "10.9.9.9" })).toEqual({ status: 429, reason: "too_many_attempts" });
    // out of guesses, even a right code is refused for this address
    expect(await reserve(server.url, code, { forwardedFor: "10.9.9.10" })).toEqual({ status: 429, reason: "too_many_attempts" });
    expect(await refusal(server.url, code, { as: "player", seatToken: seatToken(), nickname: "Mallory" })).toEqual({ reason: "too_many_attempts" });
    // the address the attacker wrote in the header is not locked out: it never was theirs
    expect((await reserve(server.url, code, { from: "127.0.0.2" })).status).toBe(200);
    // the facilitator behind the same address as the guesser still reaches their own session
    const host = await joinHost(server.url, code, hostToken);
    expect(await host.welcome).toMatchObject({ as: "host" });
  });
});

describe("with TRUST_PROXY=1: the address our proxy wrote", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: "1" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("only the proxy's entry counts: forged entries to its left neither escape the limit nor lock out the victim", async () => {
    const { code } = await server.createSession();
    // the client wrote "10.0.0.5, <anything>"; the proxy appended the address it really saw
    for (let i = 0; i < GUESSES; i++) {
      expect(await reserve(server.url, "ZZZZZY", { forwardedFor: `10.0.0.5, 172.16.${i}.1, 10.0.0.66` })).toEqual({ status: 404, reason: "no_such_session" });
    }
    expect(await refusalFrom("172.16.0.9, 10.0.0.66", server.url, code, { as: "player", seatToken: seatToken(), nickname: "Mallory" })).toEqual({ reason: "too_many_attempts" });
    const victim = await joinFrom("10.0.0.5", server.url, code, { as: "player", seatToken: seatToken(), nickname: "Victim" });
    expect(await victim.welcome).toMatchObject({ as: "player", nickname: "Victim" });
  });
});
