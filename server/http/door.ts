/**
 * The front door: the first listener of every HTTP request and WebSocket upgrade, in front of
 * Colyseus's matchmaker (which runs before express) and of express itself.
 *
 * - A client's address is its socket's; X-Forwarded-For counts only for `TRUST_PROXY` proxies.
 * - No body is read past its limit: a declared length over the limit is refused before a byte
 *   is read, and a body without a length is counted as it streams and cut off at the limit.
 * - Joins through the matchmaker are rate-limited per address; a code that names no session
 *   counts as a guess, and an address out of guesses is refused before the matchmaker reserves
 *   anything (the facilitator, with a live session's code, excepted: the room checks the token).
 */
import type http from "node:http";
import type { Duplex } from "node:stream";
import { encodeRefusal, type JoinRefusal } from "../../shared/protocol/index.ts";
import type { HttpRefusal } from "../../shared/protocol/http.ts";
import { isJoinCode } from "../../shared/lobby/joinCode.ts";
import type { AttemptLimiter } from "../limits.ts";

/** Join options are a few short fields; 4 KiB is generous. */
export const JOIN_BODY_MAX = 4 * 1024;
/** The largest body any route accepts: a new session carrying its own scenario (see api.ts). */
export const BODY_MAX = 256 * 1024;

/** What the matchmaker answers for a refused join: the SDK hands `error` to the page. */
const MATCHMAKE_CODES: Partial<Record<JoinRefusal["reason"], number>> = { too_many_attempts: 4429, no_such_session: 522, room_full: 4403 };

const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "x-client-ip"] as const;

export type DoorOptions = {
  /**
   * The room of a join code wherever it is open: this process, or another one sharing Redis
   * (whose seat reservation then sends the client there); undefined when no session has it.
   */
  find: (code: string) => Promise<{ locked: boolean } | undefined>;
  /** Proxies in front of the server whose X-Forwarded-For entries are believed. */
  trustProxy: number;
  /** Join requests per address (JOINS_PER_MINUTE). */
  joins: AttemptLimiter;
  /** Refused joins and wrong codes per address (the guess limit). */
  guesses: AttemptLimiter;
  /** Resolves once the sessions open before a restart have their rooms again: joins wait for it. */
  ready?: Promise<void>;
};

/**
 * The client's address: the socket's, or with `hops` trusted proxies the entry that many places
 * from the right of X-Forwarded-For (the rightmost entries are written by our own proxies; the
 * leftmost can be anything the client typed).
 */
export function clientAddress(req: http.IncomingMessage, hops: number): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (hops === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((a) => a.trim()).filter(Boolean);
  const chain = [socket, ...forwarded.reverse()];
  return chain[Math.min(hops, chain.length - 1)] ?? socket;
}

/**
 * Colyseus reads a client's address from X-Real-IP / X-Forwarded-For first. Replace them with the
 * one address we decided on (or none), so no room and no limiter ever sees what a client wrote.
 */
function settleAddress(req: http.IncomingMessage, hops: number): string {
  const address = clientAddress(req, hops);
  for (const name of FORWARDING_HEADERS) if (name !== "x-forwarded-for" || hops === 0) delete req.headers[name];
  if (hops > 0) req.headers["x-real-ip"] = address;
  return address;
}

export function installDoor(httpServer: http.Server, options: DoorOptions): void {
  const listeners = httpServer.listeners("request") as ((req: http.IncomingMessage, res: http.ServerResponse) => void)[];
  httpServer.removeAllListeners("request");
  const pass = (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const listener of listeners) listener.call(httpServer, req, res);
  };
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const address = settleAddress(req, options.trustProxy);
    const declared = Number(req.headers["content-length"] ?? 0);
    const matchmaking = req.method === "POST" && (req.url ?? "").startsWith("/matchmake/");
    if (declared > (matchmaking ? JOIN_BODY_MAX : BODY_MAX)) return tooLarge(req, res);
    if (!matchmaking) return pass(req, res);
    void admitJoin(req, res, address, options).then(
      (admitted) => {
        if (admitted) pass(req, res);
      },
      () => {
        // finding the room failed (e.g. Redis unreachable): a clear "try again", not a hang
        if (res.headersSent) return;
        res.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
        res.end(JSON.stringify({ code: 4500, error: "unavailable" }));
      },
    );
  });
  // The upgrade carries the same headers into the room's onAuth (context.ip).
  httpServer.prependListener("upgrade", (req: http.IncomingMessage, _socket: Duplex) => {
    settleAddress(req, options.trustProxy);
  });
}

/** The checks before a join reaches the matchmaker; false when the door answered itself. */
async function admitJoin(req: http.IncomingMessage, res: http.ServerResponse, address: string, options: DoorOptions): Promise<boolean> {
  const body = await readCapped(req, JOIN_BODY_MAX);
  if (body === undefined) {
    tooLarge(req, res);
    return false;
  }
  if (!(await options.joins.take(address))) {
    refuseJoin(res, { reason: "too_many_attempts" }, 429);
    return false;
  }
  await options.ready;
  const [, method, code] = /^\/matchmake\/([^/?]+)\/([^/?]*)/.exec(req.url ?? "") ?? [];
  const room = method === "joinById" && code && isJoinCode(code) ? await options.find(code) : undefined;
  // The host with their token is not locked out of their own session by others' guesses behind
  // the same address; a claim to be a host for a code that names no session is a guess like any.
  const asHost = room !== undefined && claimsHost(body);
  if (!asHost && (await options.guesses.exhausted(address))) {
    refuseJoin(res, { reason: "too_many_attempts" }, 429);
    return false;
  }
  if (method === "joinById" && !room) {
    // a wrong code is a guess: 30 a minute per address, as SECURITY.md says
    await options.guesses.take(address);
    refuseJoin(res, { reason: "no_such_session" }, 404);
    return false;
  }
  // Colyseus refuses reservations only when the room holds as many connections as it can
  if (room?.locked) {
    refuseJoin(res, { reason: "room_full" }, 403);
    return false;
  }
  // Colyseus's route takes a body that was already read from `req.body` (and reads no stream).
  (req as http.IncomingMessage & { body?: string }).body = body || "{}";
  return true;
}

/** Whether join options ask to enter as the facilitator (the room checks the token itself). */
function claimsHost(body: string): boolean {
  try {
    return (JSON.parse(body) as { as?: unknown } | null)?.as === "host";
  } catch {
    return false;
  }
}

/** Reads at most `max` bytes of the body; undefined (and the rest unread) when it is longer. */
function readCapped(req: http.IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off("data", onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", () => resolve(undefined));
  });
}

function refuseJoin(res: http.ServerResponse, refusal: JoinRefusal, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ code: MATCHMAKE_CODES[refusal.reason] ?? 4403, error: encodeRefusal(refusal) }));
}

/** Answers 413 and closes the connection, so the rest of the body is never read. */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!res.headersSent) {
    res.writeHead(413, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ reason: "too_large" } satisfies HttpRefusal));
  }
  if (res.writableFinished) req.destroy();
  else res.once("finish", () => req.destroy());
}
