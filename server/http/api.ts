/**
 * The HTTP API: the scenario list, creating a session (the host token is issued here and only
 * here), and a health check. Rate-limited per address; bodies are small JSON. The routes, bodies
 * and replies are declared in shared/protocol/http.ts.
 */
import express, { type Router } from "express";
import { timingSafeEqual } from "node:crypto";
import { lanAddresses } from "../network.ts";
import { createSession } from "../sessions/create.ts";
import { deleteSessionNow } from "../sessions/delete.ts";
import type { RoomServices } from "../rooms/services.ts";
import type { RequestLimits } from "../limits.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { CreateSessionBodySchema } from "../../shared/protocol/bodies.ts";
import type { HttpRefusal, RefusalOf } from "../../shared/protocol/http.ts";
import { parseScenario, type Scenario } from "../../shared/scenario/index.ts";
import { answerFaults, pathBelowApi, refuse, reply, serve } from "./answer.ts";

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether this process has reopened the sessions that were running before it started. */
export type Startup = { reopened: boolean };

export function apiRouter(services: RoomServices, startup: Startup, limit: RequestLimits): Router {
  const router = express.Router();
  const { config } = services;
  router.use(limit("api", 60_000, config.apiRequestsPerMinute));
  // small bodies everywhere, except a new session, which may carry a whole scenario (15–25 kB)
  const small = express.json({ limit: "4kb" });
  const scenarioSized = express.json({ limit: "256kb" });
  const creating = pathBelowApi("createSession");
  router.use((req, res, next) => (req.method === "POST" && req.path === creating ? scenarioSized : small)(req, res, next));

  const startedAt = Date.now();
  serve(router, "health", async (_req, res) => {
    try {
      const sessions = await services.store.countOpenSessions(services.now());
      reply(res, "health", { ok: true, protocol: PROTOCOL_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), sessions });
    } catch {
      res.status(503).json({ ok: false, reason: "storage_unavailable" } satisfies RefusalOf<"health"> & { ok: false });
    }
  });

  serve(router, "ready", async (_req, res) => {
    if (!startup.reopened) return refuse(res, "ready", 503, { reason: "starting" });
    try {
      await services.store.countOpenSessions(services.now());
    } catch {
      return refuse(res, "ready", 503, { reason: "storage_unavailable" });
    }
    reply(res, "ready", { ready: true });
  });

  // The board's QR code must carry an address students' devices can reach, not "localhost".
  serve(router, "network", (req, res) => {
    const port = req.socket.localPort;
    const lan = config.host === "0.0.0.0" ? lanAddresses().map((address) => `http://${address}:${port}`) : [];
    reply(res, "network", { lan });
  });

  serve(router, "scenarios", (_req, res) => {
    reply(res, "scenarios", { scenarios: services.catalogue.list });
  });

  serve(router, "scenario", (req, res) => {
    const scenario = services.catalogue.get(String(req.params.id));
    if (!scenario) return refuse(res, "scenario", 404, { reason: "no_such_scenario" });
    reply(res, "scenario", { scenario });
  });

  const creationLimit = limit("create", 10 * 60_000, 30);

  serve(router, "createSession", creationLimit, async (req, res, next) => {
    try {
      if (config.hostKey !== undefined) {
        const presented = req.get("x-host-key") ?? "";
        if (!sameSecret(presented, config.hostKey)) return refuse(res, "createSession", 403, { reason: "host_key_required" });
      }
      const body = CreateSessionBodySchema.safeParse(req.body);
      if (!body.success) {
        return refuse(res, "createSession", 400, { reason: "malformed", problems: body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
      }
      let from: string | Scenario = body.data.scenarioId ?? "";
      if (body.data.scenario !== undefined) {
        const parsed = parseScenario(body.data.scenario);
        if (!parsed.ok) return refuse(res, "createSession", 400, { reason: "invalid_scenario", problems: parsed.errors });
        from = parsed.scenario;
      }
      const created = await createSession(services, from, { retentionDays: body.data.retentionDays, gentle: body.data.gentle, showApprover: body.data.showApprover });
      if ("reason" in created) return refuse(res, "createSession", created.reason === "no_such_scenario" ? 404 : 503, created);
      reply(res, "createSession", created, 201);
    } catch (error) {
      next(error);
    }
  });

  serve(router, "deleteSession", async (req, res, next) => {
    try {
      const bearer = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1] ?? "";
      const result = await deleteSessionNow(services, String(req.params.code), bearer);
      // the same answer for a code that names no session and for a wrong token (no code oracle)
      if (result === "deleted") res.status(204).end();
      else refuse(res, "deleteSession", 404, { reason: "no_such_session" });
    } catch (error) {
      next(error);
    }
  });

  router.use((_req, res) => {
    res.status(404).json({ reason: "not_found" } satisfies HttpRefusal);
  });
  router.use(answerFaults(services.log));
  return router;
}
