/**
 * The HTTP API: the scenario list, creating a session (the host token is issued here and only
 * here), and a health check. Rate-limited per address; bodies are small JSON.
 */
import express, { type Router } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import { timingSafeEqual } from "node:crypto";
import { lanAddresses } from "../network.ts";
import { createSession, deleteSessionNow } from "../sessions.ts";
import type { RoomServices } from "../rooms/services.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { parseScenario, type Scenario } from "../../shared/scenario/index.ts";

/** A session from the catalogue (`scenarioId`) or from the facilitator's own scenario file (`scenario`). */
const CreateSessionBody = z.strictObject({
  scenarioId: z.string().min(1).max(64).optional(),
  scenario: z.unknown().optional(),
  retentionDays: z.number().int().min(1).max(365).optional(),
  gentle: z.boolean().optional(),
  /** Residents' records name the approving official (default: on, off in gentle mode). */
  showApprover: z.boolean().optional(),
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function apiRouter(services: RoomServices): Router {
  const router = express.Router();
  const { config } = services;
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.apiRequestsPerMinute,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      message: { reason: "too_many_attempts" },
    }),
  );
  // small bodies everywhere, except a new session, which may carry a whole scenario (15–25 kB)
  const small = express.json({ limit: "4kb" });
  const scenarioSized = express.json({ limit: "256kb" });
  router.use((req, res, next) => (req.method === "POST" && req.path === "/sessions" ? scenarioSized : small)(req, res, next));

  const startedAt = Date.now();
  // For a host's monitoring or a load balancer: the store answers and how busy the server is.
  router.get("/health", (_req, res) => {
    try {
      const sessions = services.store.countOpenSessions(services.now());
      res.json({ ok: true, protocol: PROTOCOL_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), sessions });
    } catch {
      res.status(503).json({ ok: false, reason: "storage_unavailable" });
    }
  });

  // The board's QR code must carry an address students' devices can reach, not "localhost".
  router.get("/network", (req, res) => {
    const port = req.socket.localPort;
    const lan = config.host === "0.0.0.0" ? lanAddresses().map((address) => `http://${address}:${port}`) : [];
    res.json({ lan });
  });

  router.get("/scenarios", (_req, res) => {
    res.json({ scenarios: services.catalogue.list });
  });

  const creationLimit = rateLimit({ windowMs: 10 * 60_000, limit: 30, standardHeaders: "draft-8", legacyHeaders: false, message: { reason: "too_many_attempts" } });

  router.post("/sessions", creationLimit, async (req, res, next) => {
    try {
      if (config.hostKey !== undefined) {
        const presented = req.get("x-host-key") ?? "";
        if (!sameSecret(presented, config.hostKey)) {
          res.status(403).json({ reason: "host_key_required" });
          return;
        }
      }
      const body = CreateSessionBody.safeParse(req.body);
      if (!body.success || (body.data.scenarioId === undefined) === (body.data.scenario === undefined)) {
        const problems = body.success ? [{ path: "scenarioId", message: "give either scenarioId or scenario" }] : body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        res.status(400).json({ reason: "malformed", problems });
        return;
      }
      let from: string | Scenario = body.data.scenarioId ?? "";
      if (body.data.scenario !== undefined) {
        const parsed = parseScenario(body.data.scenario);
        if (!parsed.ok) {
          res.status(400).json({ reason: "invalid_scenario", problems: parsed.errors });
          return;
        }
        from = parsed.scenario;
      }
      const created = await createSession(services, from, { retentionDays: body.data.retentionDays, gentle: body.data.gentle, showApprover: body.data.showApprover });
      if ("reason" in created) {
        res.status(created.reason === "no_such_scenario" ? 404 : 503).json(created);
        return;
      }
      res.status(201).json(created);
    } catch (error) {
      next(error);
    }
  });

  router.delete("/sessions/:code", async (req, res, next) => {
    try {
      const bearer = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1] ?? "";
      const result = await deleteSessionNow(services, String(req.params.code), bearer);
      // the same answer for a code that names no session and for a wrong token (no code oracle)
      if (result === "deleted") res.status(204).end();
      else res.status(404).json({ reason: "no_such_session" });
    } catch (error) {
      next(error);
    }
  });

  router.use((_req, res) => {
    res.status(404).json({ reason: "not_found" });
  });
  // Body-parser errors (too large, bad JSON) answer as JSON with a reason, never a stack trace.
  router.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status ?? 500;
    if (status >= 500) services.log.error({ err: { message: String((error as Error).message) } }, "api error");
    res.status(status).json({ reason: status === 413 ? "too_large" : status < 500 ? "malformed" : "internal" });
  });
  return router;
}
