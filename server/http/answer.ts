/**
 * The server's side of the HTTP contract (shared/protocol/http.ts): a handler is mounted at its
 * route's declared method and path, and answers with the route's reply or one of its reasons.
 */
import type { ErrorRequestHandler, RequestHandler, Response, Router } from "express";
import type { Logger } from "../log.ts";
import { API_ROOT, ROUTES, type HttpRefusal, type RefusalOf, type ReplyOf, type RouteName } from "../../shared/protocol/http.ts";

/** The route's path as a router mounted at API_ROOT sees it (`/sessions/:code`). */
export function pathBelowApi(name: RouteName): string {
  return ROUTES[name].path.slice(API_ROOT.length);
}

/** Mounts `handlers` on a router that sits at API_ROOT, at the route's method and path. */
export function serve(router: Router, name: RouteName, ...handlers: RequestHandler[]): void {
  const method = ROUTES[name].method;
  const verb = method === "GET" ? "get" : method === "POST" ? "post" : "delete";
  router[verb](pathBelowApi(name), ...handlers);
}

export function reply<N extends RouteName>(res: Response, _route: N, body: ReplyOf<N>, status = 200): void {
  res.status(status).json(body);
}

export function refuse<N extends RouteName>(res: Response, _route: N, status: number, refusal: RefusalOf<N>): void {
  res.status(status).json(refusal);
}

/** Body-parser errors (too large, bad JSON) and faults answer as JSON with a reason, never a stack trace. */
export function answerFaults(log: Logger): ErrorRequestHandler {
  return (error: { status?: number; message?: unknown }, _req, res, _next) => {
    const status = error.status ?? 500;
    if (status >= 500) log.error({ err: { message: String(error.message) } }, "api error");
    res.status(status).json({ reason: status === 413 ? "too_large" : status < 500 ? "malformed" : "internal" } satisfies HttpRefusal);
  };
}
