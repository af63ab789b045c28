/**
 * Security headers and origin rules for everything the server answers. Pages load only what the
 * server itself serves (no CDN, no other host), so the content policy is `'self'` only, but for the
 * WebSockets to the other processes of a cluster on the same public host.
 * The server often runs over plain http on a classroom LAN, so there is no HSTS and no
 * upgrade-insecure-requests, which would break exactly that setup.
 */
import helmet from "helmet";
import type { RequestHandler } from "express";
import { matchMaker } from "@colyseus/core";

/**
 * The content policy's `connect-src`: the page's own origin, and — when several processes share
 * the sessions — WebSockets to any port of this process's public host. A seat reserved through
 * this process may send the page to the process holding the room, which on one machine is the
 * same host at another port (behind a proxy that routes by path it is the page's own origin).
 */
export function connectSources(publicAddress: string | undefined): string[] {
  if (!publicAddress) return ["'self'"];
  const host = publicAddress.split("/")[0]!.replace(/:\d+$/, ""); // "host:port/path" → "host" ("[::1]" stays whole)
  return ["'self'", `ws://${host}:*`, `wss://${host}:*`];
}

export function securityHeaders(publicAddress?: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: connectSources(publicAddress),
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // only our own pages may frame ours: the event's big board shows each neighbourhood's board in turn
        frameAncestors: ["'self'"],
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Colyseus answers every route (its matchmaker and ours) with permissive CORS headers by default.
 * The app only ever calls its own origin, so no cross-origin grant is given at all.
 */
export function closeCrossOrigin(): void {
  // No Access-Control-Allow-Origin at all: browsers then refuse every cross-origin read.
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = { Vary: "Origin" };
  matchMaker.controller.getCorsHeaders = () => ({});
  // Clients may join a session by its code or reconnect; creating rooms is the server's job.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
}
