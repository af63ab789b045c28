/**
 * The debrief's routes, all under /api/sessions/:code and all only for the holder of the host
 * token (`Authorization: Bearer <token>`; never in the URL): the session's log for the debrief
 * page, and the exports (JSON log, players CSV, entries CSV). Anonymised unless `?names=1`;
 * the CSVs give labels (and pseudonyms) in `?lang=` (en or zh; English otherwise).
 * They read the store, so they work for live, ended and — after a restart — stored sessions,
 * until retention deletes them. Answers are never cached by the browser.
 */
import express, { type Request, type Response, type Router } from "express";
import { gzipSync } from "node:zlib";
import type { RoomServices } from "../rooms/services.ts";
import type { RequestLimits } from "../limits.ts";
import { refuse, serve } from "./answer.ts";
import type { SessionRecord } from "../store/store.ts";
import { tokenMatches } from "../tokens.ts";
import { isLang, type Lang } from "../../shared/lang.ts";
import type { ReplyOf, RouteName } from "../../shared/protocol/http.ts";
import {
  anonymiseLog, buildReplay, entriesCsv, exportJson, fromStored, hideTexts, people, playersCsv, type LogEvent, type Replay,
} from "../../shared/debrief/index.ts";

/** The session a request may read, or why not: 401 without a token, 403 for a wrong token or unknown code (no existence oracle). */
export async function hostSession(services: RoomServices, req: Request): Promise<SessionRecord | { status: 401 | 403; reason: "not_host" }> {
  const bearer = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
  if (!bearer) return { status: 401, reason: "not_host" };
  const record = await services.store.sessionByCode(String(req.params.code ?? "").toUpperCase());
  if (!record || !tokenMatches(bearer, record.hostTokenHash)) return { status: 403, reason: "not_host" };
  return record;
}

type Prepared = { log: LogEvent[]; replay: Replay; anonymised: boolean };

/** The last few logs read, keyed by session, names mode and last seq: a debrief page and its exports read the same log. */
const cache = new Map<string, Prepared>();
const CACHE_SIZE = 4;

export async function prepare(services: RoomServices, record: SessionRecord, anonymised: boolean): Promise<Prepared> {
  const rows = await services.store.events(record.id);
  const key = `${record.id}|${anonymised}|${rows.at(-1)?.seq ?? 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = fromStored(rows);
  const first = buildReplay(raw);
  const cleaned = hideTexts(raw, first.final.lobby.hiddenTexts);
  const log = anonymised ? anonymiseLog(cleaned, people(first.final, raw)) : cleaned;
  const prepared = { log, replay: anonymised || first.final.lobby.hiddenTexts.length > 0 ? buildReplay(log) : first, anonymised };
  cache.set(key, prepared);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return prepared;
}

/** The reader's language for the CSV labels: `?lang=zh` or English. */
const langOf = (res: Response): Lang => {
  const lang = res.req.query.lang;
  return isLang(lang) ? lang : "en";
};

function attachment(res: Response, record: SessionRecord, anonymised: boolean, name: string, type: string, body: string): void {
  const [base, ext] = name.split(".");
  const file = `good-standing-${record.code}-${base}${anonymised ? "" : "-named"}.${ext}`;
  res.set("Content-Type", type);
  res.set("Content-Disposition", `attachment; filename="${file}"`);
  res.send(body);
}

export function debriefRouter(services: RoomServices, limits: RequestLimits): Router {
  const router = express.Router();
  const limit = limits("debrief", 60_000, services.config.apiRequestsPerMinute);
  const route = (name: Extract<RouteName, "debrief" | "exportLog" | "playersCsv" | "entriesCsv">, handle: (res: Response, record: SessionRecord, data: Prepared) => void) =>
    serve(router, name, limit, async (req, res, next) => {
      try {
        res.set("Cache-Control", "no-store");
        const record = await hostSession(services, req);
        if ("reason" in record) return refuse(res, name, record.status, { reason: record.reason });
        handle(res, record, await prepare(services, record, req.query.names !== "1"));
      } catch (error) {
        next(error);
      }
    });

  // A 200-player game's log is megabytes of repetitive JSON: gzip it for the page (10–15× smaller).
  route("debrief", (res, record, { log, anonymised }) => {
    const body = JSON.stringify({ code: record.code, anonymised, createdAt: record.createdAt, endedAt: record.endedAt, expiresAt: record.expiresAt, log } satisfies ReplyOf<"debrief">);
    res.set("Content-Type", "application/json; charset=utf-8");
    res.set("Vary", "Accept-Encoding");
    if (/\bgzip\b/.test(res.req.get("accept-encoding") ?? "")) {
      res.set("Content-Encoding", "gzip");
      res.send(gzipSync(body, { level: 6 }));
    } else res.send(body);
  });
  route("exportLog", (res, record, { log, anonymised }) => {
    const body = exportJson(log, { code: record.code, anonymised, exportedAt: services.now(), endedAt: record.endedAt });
    attachment(res, record, anonymised, "log.json", "application/json; charset=utf-8", body);
  });
  // A byte-order mark so spreadsheet programs read the UTF-8 (Chinese labels, nicknames) correctly.
  route("playersCsv", (res, record, { replay, anonymised }) => {
    attachment(res, record, anonymised, "players.csv", "text/csv; charset=utf-8", "\uFEFF" + playersCsv(replay.final.game, people(replay.final, replay.log), anonymised, langOf(res)));
  });
  route("entriesCsv", (res, record, { replay, anonymised }) => {
    attachment(res, record, anonymised, "entries.csv", "text/csv; charset=utf-8", "\uFEFF" + entriesCsv(replay.final.game, people(replay.final, replay.log), anonymised, langOf(res)));
  });
  return router;
}
