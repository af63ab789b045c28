/**
 * The HTTP side: security headers, no cross-origin grants, the API's rate limit and body limit,
 * the optional host key, and how the process refuses a bad environment or a busy port.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, tempDir, type TestServer } from "../support/server.ts";
import { freePort, spawnServer } from "../support/process.ts";
import { createServer } from "node:net";
import { isReason } from "../../shared/reasons.ts";
import express from "express";
import type { AddressInfo } from "node:net";
import { apiRouter } from "../../server/http/api.ts";
import { requestLimits } from "../../server/limits.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ API_REQUESTS_PER_MINUTE: "40", HOST_KEY: "correct horse battery" });
});
afterAll(async () => {
  await server.close();
});

describe("HTTP", () => {
  it("says ready once the sessions of before the start are open again, and starting until then", async () => {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    // the same route of a process still reopening its sessions (its router, on this server's services)
    const starting = express().use("/api", apiRouter(server.services, { reopened: false }, requestLimits()));
    const listening = starting.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    try {
      const { port } = listening.address() as AddressInfo;
      const early = await fetch(`http://127.0.0.1:${port}/api/ready`);
      expect(early.status).toBe(503);
      expect(await early.json()).toEqual({ reason: "starting" });
    } finally {
      listening.close();
    }
  });

  it("sends security headers that allow only the app's own origin", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/connect-src 'self'(;|$)/); // one process: no other host to reach
    expect(csp).not.toContain("upgrade-insecure-requests"); // LAN servers run on plain http
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("grants no cross-origin access, to the API or the matchmaker", async () => {
    const foreign = { origin: "http://evil.example" };
    const api = await fetch(`${server.url}/api/scenarios`, { headers: foreign });
    expect(api.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${server.url}/matchmake/joinById/ABCDEF`, { method: "OPTIONS", headers: { ...foreign, "access-control-request-method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives one scenario of the catalogue whole, for the scenario lab, and a clear reason for an unknown id", async () => {
    const found = await fetch(`${server.url}/api/scenarios/quick-demo`);
    expect(found.status).toBe(200);
    const { scenario } = (await found.json()) as { scenario: { id: string; grades: unknown[]; loans: { cosignerPoints: number } } };
    expect(scenario).toMatchObject({ id: "quick-demo", loans: { cosignerPoints: -40 } });
    expect(scenario.grades.length).toBeGreaterThan(2);
    for (const id of ["no-such-town", "..%2F..%2Fpackage.json", "x".repeat(300)]) {
      const missing = await fetch(`${server.url}/api/scenarios/${id}`);
      expect(missing.status, id).toBe(404);
      expect(await missing.json()).toEqual({ reason: "no_such_scenario" });
    }
  });

  it("needs the host key to create a session when one is set", async () => {
    const body = JSON.stringify({ scenarioId: "rongcheng-pilot" });
    const without = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(without.status).toBe(403);
    expect(await without.json()).toEqual({ reason: "host_key_required" });
    const wrong = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json", "x-host-key": "guess" }, body });
    expect(wrong.status).toBe(403);
    const right = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json", "x-host-key": "correct horse battery" }, body });
    expect(right.status).toBe(201);
    const created = (await right.json()) as { code: string; hostToken: string };
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(created.hostToken.length).toBeGreaterThanOrEqual(32);
  });

  it("answers bad bodies with a reason and never a stack trace", async () => {
    const headers = { "content-type": "application/json", "x-host-key": "correct horse battery" };
    const bad = await fetch(`${server.url}/api/sessions`, { method: "POST", headers, body: "{not json" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ reason: "malformed" });
    const unknown = await fetch(`${server.url}/api/sessions`, { method: "POST", headers, body: JSON.stringify({ scenarioId: "nope" }) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ reason: "no_such_scenario" });
    const extra = await fetch(`${server.url}/api/sessions`, { method: "POST", headers, body: JSON.stringify({ scenarioId: "rongcheng-pilot", admin: true }) });
    expect(extra.status).toBe(400);
    const long = await fetch(`${server.url}/api/sessions`, { method: "POST", headers, body: JSON.stringify({ scenarioId: "x".repeat(10_000) }) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { reason: string }).reason).toBe("malformed");
    // a new session may carry a whole scenario (up to 256 kB), nothing bigger
    const huge = await fetch(`${server.url}/api/sessions`, { method: "POST", headers, body: JSON.stringify({ scenarioId: "x".repeat(300_000) }) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ reason: "too_large" });
  });

  it("answers a path that names no route with a reason from the table", async () => {
    const nowhere = await fetch(`${server.url}/api/nowhere`);
    expect(nowhere.status).toBe(404);
    const { reason } = (await nowhere.json()) as { reason: unknown };
    expect(reason).toBe("not_found");
    expect(isReason(reason)).toBe(true);
  });

  it("rate-limits the API per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await fetch(`${server.url}/api/scenarios`)).status);
    expect(statuses).toContain(200);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("starting the process", () => {
  it("refuses a bad environment variable, naming it", async () => {
    const started = await spawnServer({ DATA_DIR: tempDir(), PORT: "99999", RETENTION_DAYS: "soon", TRUST_PROXY: "yes" }, { waitReady: false }).catch((e: Error) => e);
    if (started instanceof Error) throw started;
    expect(await started.exited).toBe(2);
    expect(started.output()).toContain("PORT must be at most 65535");
    expect(started.output()).toContain("RETENTION_DAYS must be a whole number");
    expect(started.output()).toContain('TRUST_PROXY must be a whole number (got "yes")');
  });

  it("exits with a clear message when the port is taken", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const started = await spawnServer({ DATA_DIR: tempDir(), PORT: String(port) }, { waitReady: false });
      expect(await started.exited).toBe(3);
      expect(started.output()).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});
