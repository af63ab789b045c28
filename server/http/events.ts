/**
 * The routes of events (many neighbourhoods under one code; "districts" in code): creating one,
 * its console's reading and commands, its big board's figures and its export, all with the
 * event's host token (`Authorization: Bearer`); and `place`, which the front page asks for any
 * code typed: an event's places the arrival in a neighbourhood, a session's gives itself.
 */
import express, { type Request, type Router } from "express";
import type { RoomServices } from "../rooms/services.ts";
import type { RequestLimits } from "../limits.ts";
import type { VariantShelf } from "../variants.ts";
import type { DistrictRecord } from "../store/store.ts";
import { hashToken, tokenMatches } from "../tokens.ts";
import { createDistrict } from "../districts/create.ts";
import { deleteSessionNow } from "../sessions/delete.ts";
import { neighbourhoodToken } from "../districts/tokens.ts";
import { askNeighbourhood, commandNeighbourhood, lockedNeighbourhoods, neighbourhoodFigures } from "../districts/rooms.ts";
import { prepare } from "./debrief.ts";
import { answerFaults, refuse, reply, serve } from "./answer.ts";
import { sameSecret } from "./api.ts";
import { inDistrict, placeArrival } from "../../shared/district/plan.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import { CreateEventBodySchema, EventCommandBodySchema, MoveBodySchema, PinBodySchema, PlaceBodySchema } from "../../shared/protocol/bodies.ts";
import type { EventExport, Problem, RouteName } from "../../shared/protocol/http.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";

/** Compared against when a code names no event, so both refusals cost the same. */
const NO_EVENT_HASH = hashToken("no event has this token");

/** The event a request may work on, with the token it was opened with, or why not: 401 without a token, 403 for a wrong token or unknown code (no existence oracle). */
async function hostDistrict(services: RoomServices, req: Request): Promise<{ district: DistrictRecord; token: string } | { status: 401 | 403; reason: "not_host" }> {
  const token = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
  if (!token) return { status: 401, reason: "not_host" };
  const district = await services.store.districtByCode(normalizeJoinCode(String(req.params.code ?? "")));
  const matches = tokenMatches(token, district?.hostTokenHash ?? NO_EVENT_HASH);
  if (!district || !matches || district.expiresAt <= services.now()) return { status: 403, reason: "not_host" };
  return { district, token };
}

const problemsOf = (issues: readonly { path: PropertyKey[]; message: string }[]): Problem[] => issues.map((i) => ({ path: i.path.join("."), message: i.message }));

export function eventsRouter(services: RoomServices, shelf: VariantShelf, limits: RequestLimits): Router {
  const router = express.Router();
  const { config } = services;
  const limit = limits("events", 60_000, config.apiRequestsPerMinute);
  // placing is joining: it is counted as joins are, and a code that names nothing is a guess
  const placing = limits("place", 60_000, config.joinsPerMinute);
  // small bodies, except a new event, which may carry a whole variants file (a base scenario and its variants)
  const small = express.json({ limit: "4kb" });
  const variantsSized = express.json({ limit: "256kb" });

  /** A route for the event's host: the event is found and the token checked first (the token derives each neighbourhood's). */
  const hosted = (name: RouteName, handle: (req: Request, res: express.Response, district: DistrictRecord, token: string) => Promise<void> | void) =>
    serve(router, name, limit, small, async (req, res, next) => {
      try {
        res.set("Cache-Control", "no-store");
        const found = await hostDistrict(services, req);
        if ("reason" in found) return refuse(res, name, found.status, { reason: found.reason });
        await handle(req, res, found.district, found.token);
      } catch (error) {
        next(error);
      }
    });

  serve(router, "variantSets", limit, (_req, res) => reply(res, "variantSets", { sets: shelf.list }));

  serve(router, "createEvent", limits("create", 10 * 60_000, 30), variantsSized, async (req, res, next) => {
    try {
      if (config.hostKey !== undefined && !sameSecret(req.get("x-host-key") ?? "", config.hostKey)) return refuse(res, "createEvent", 403, { reason: "host_key_required" });
      const body = CreateEventBodySchema.safeParse(req.body);
      if (!body.success) return refuse(res, "createEvent", 400, { reason: "malformed", problems: problemsOf(body.error.issues) });
      const created = await createDistrict(services, shelf, body.data);
      if ("reason" in created) {
        const status = created.reason === "no_such_scenario" ? 404 : created.reason === "invalid_scenario" ? 400 : 503;
        return refuse(res, "createEvent", status, created);
      }
      reply(res, "createEvent", created, 201);
    } catch (error) {
      next(error);
    }
  });

  hosted("event", async (_req, res, district, token) => {
    const placed = await services.store.placedCounts(district.id);
    reply(res, "event", {
      code: district.code,
      title: district.plan.title,
      createdAt: district.createdAt,
      expiresAt: district.expiresAt,
      pinned: district.pinned,
      neighbourhoods: district.plan.neighbourhoods.map((n) => ({ ...n, placed: placed[n.code] ?? 0, hostToken: neighbourhoodToken(token, n.code) })),
    });
  });

  hosted("pinEvent", async (req, res, district) => {
    const body = PinBodySchema.safeParse(req.body);
    if (!body.success) return refuse(res, "pinEvent", 400, { reason: "malformed", problems: problemsOf(body.error.issues) });
    const { pinned } = body.data;
    if (pinned !== null && !inDistrict(district.plan, pinned)) return refuse(res, "pinEvent", 404, { reason: "no_such_session" });
    await services.store.pinDistrict(district.id, pinned);
    reply(res, "pinEvent", { pinned });
  });

  hosted("eventCommand", async (req, res, district) => {
    const body = EventCommandBodySchema.safeParse(req.body);
    if (!body.success) return refuse(res, "eventCommand", 400, { reason: "malformed", problems: problemsOf(body.error.issues) });
    const to = body.data.to ?? district.plan.neighbourhoods.map((n) => n.code);
    if (!to.every((code) => inDistrict(district.plan, code))) return refuse(res, "eventCommand", 404, { reason: "no_such_session" });
    const results = await Promise.all(to.map(async (code) => ({ code, reply: await commandNeighbourhood(services, code, body.data.command) })));
    reply(res, "eventCommand", { results });
  });

  hosted("movePlayer", async (req, res, district) => {
    const body = MoveBodySchema.safeParse(req.body);
    if (!body.success) return refuse(res, "movePlayer", 400, { reason: "malformed", problems: problemsOf(body.error.issues) });
    const { from, seatId, to, id } = body.data;
    if (!inDistrict(district.plan, from) || !inDistrict(district.plan, to) || from === to) return refuse(res, "movePlayer", 404, { reason: "no_such_session" });
    const ticket = await askNeighbourhood(services, from, "ticketOf", [seatId]);
    const moved = await commandNeighbourhood(services, from, { id, kind: "send_away", seatId, to });
    // refused by the neighbourhood (the game started, no such seat): its reason, as its console would hear it
    if (!moved.ok && moved.reason === "unavailable") return refuse(res, "movePlayer", 503, { reason: "no_such_session" });
    // the arrival now counts where they went (a seat that joined before a restart has no known ticket: counted where placed)
    if (moved.ok && ticket) await services.store.movePlacement(district.id, ticket, to);
    reply(res, "movePlayer", moved as CommandReply);
  });

  hosted("eventFigures", async (_req, res, district) => {
    const neighbourhoods = await Promise.all(district.plan.neighbourhoods.map(async (n) => ({ code: n.code, figures: await neighbourhoodFigures(services, n.code) })));
    reply(res, "eventFigures", { neighbourhoods });
  });

  hosted("deleteEvent", async (_req, res, district, token) => {
    for (const n of district.plan.neighbourhoods) await deleteSessionNow(services, n.code, neighbourhoodToken(token, n.code));
    await services.store.deleteDistrict(district.id);
    services.log.info({ code: district.code }, "event deleted by its host");
    res.status(204).end();
  });

  hosted("eventExport", async (req, res, district) => {
    const anonymised = req.query.names !== "1";
    const neighbourhoods: EventExport["neighbourhoods"] = [];
    for (const n of district.plan.neighbourhoods) {
      const record = await services.store.sessionByCode(n.code);
      if (!record) continue;
      const { log } = await prepare(services, record, anonymised);
      neighbourhoods.push({ code: n.code, name: n.name, scenarioId: n.scenarioId, log });
    }
    const body: EventExport = { format: "good-standing-event", code: district.code, title: district.plan.title, exportedAt: services.now(), anonymised, neighbourhoods };
    res.set("Content-Type", "application/json; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="good-standing-event-${district.code}${anonymised ? "" : "-named"}.json"`);
    res.send(JSON.stringify(body));
  });

  serve(router, "place", placing, small, async (req, res, next) => {
    try {
      const address = req.ip ?? "unknown";
      if (await services.refusedJoins.exhausted(address)) return refuse(res, "place", 429, { reason: "too_many_attempts" });
      const body = PlaceBodySchema.safeParse(req.body);
      if (!body.success) return refuse(res, "place", 400, { reason: "malformed", problems: problemsOf(body.error.issues) });
      const code = normalizeJoinCode(String(req.params.code ?? ""));
      const district = isJoinCode(code) ? await services.store.districtByCode(code) : undefined;
      if (district && district.expiresAt > services.now()) {
        const locked = await lockedNeighbourhoods(services, district.plan);
        const placed = await services.store.placeInDistrict(district.id, body.data.ticket, (counts) => placeArrival(district.plan, counts, district.pinned, locked), services.now());
        const name = district.plan.neighbourhoods.find((n) => n.code === placed)?.name ?? { en: "", zh: "" };
        return reply(res, "place", { code: placed, event: { code: district.code, title: district.plan.title, name } });
      }
      const session = isJoinCode(code) ? await services.store.sessionByCode(code) : undefined;
      if (session && session.expiresAt > services.now()) return reply(res, "place", { code, event: null });
      await services.refusedJoins.take(address);
      refuse(res, "place", 404, { reason: "no_such_session" });
    } catch (error) {
      next(error);
    }
  });

  router.use(answerFaults(services.log));
  return router;
}
