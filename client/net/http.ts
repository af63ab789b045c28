/**
 * The pages' one way to the HTTP API. A call names a route of the contract
 * (shared/protocol/http.ts) and gets that route's reply, typed, or a reason the page can
 * translate: one the route may answer, or `network`/`unknown` when no answer could be read.
 * The host token travels as a Bearer header, never in the URL.
 */
import { isReason } from "../../shared/reasons.ts";
import {
  ROUTES, pathOf, type BodyOf, type ParamsOf, type Problem, type QueryOf, type ReasonOf, type ReplyOf, type RouteName,
} from "../../shared/protocol/http.ts";
import type { PageReason } from "./pageReasons.ts";

type Options<N extends RouteName> = (keyof ParamsOf<N> extends never ? { params?: undefined } : { params: ParamsOf<N> }) &
  (BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> }) & {
    query?: QueryOf<N>;
    /** For the routes of one session's facilitator. */
    hostToken?: string;
    /** When the server asks for one to create sessions (HOST_KEY). */
    hostKey?: string;
  };
/** The options may be left out when the route needs neither parameters nor a body. */
type Args<N extends RouteName> = object extends Options<N> ? [options?: Options<N>] : [options: Options<N>];

/** A file the server sent to be saved, with the name it gave. */
export type SavedFile = { blob: Blob; file: string | undefined };

type Delivered<N extends RouteName> = (typeof ROUTES)[N]["answers"] extends "file" ? SavedFile : ReplyOf<N>;

export type Refused<N extends RouteName> = { ok: false; reason: ReasonOf<N> | PageReason; problems?: Problem[] };

/** The route's reply and the answer's Date header (a first idea of the server's clock), or why not. */
export type Answer<N extends RouteName> = { ok: true; reply: Delivered<N>; date: string | null } | Refused<N>;

export async function call<N extends RouteName>(name: N, ...[options]: Args<N>): Promise<Answer<N>> {
  const route = ROUTES[name];
  const { params, body, query, hostToken, hostKey } = (options ?? {}) as Options<N>;
  const pairs = Object.entries((query ?? {}) as Record<string, string | undefined>);
  const search = new URLSearchParams(pairs.filter((pair): pair is [string, string] => pair[1] !== undefined)).toString();
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (hostToken) headers.authorization = `Bearer ${hostToken}`;
  if (hostKey) headers["x-host-key"] = hostKey;
  let response: Response;
  try {
    const url = pathOf(name, (params ?? {}) as ParamsOf<N>) + (search ? `?${search}` : "");
    response = await fetch(url, { method: route.method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  } catch {
    return { ok: false, reason: "network" };
  }
  if (!response.ok) return refused<N>(response);
  try {
    const date = response.headers.get("date");
    if (route.answers === "nothing") return { ok: true, reply: undefined as Delivered<N>, date };
    if (route.answers === "file") {
      const file = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      return { ok: true, reply: { blob: await response.blob(), file } as Delivered<N>, date };
    }
    return { ok: true, reply: (await response.json()) as Delivered<N>, date };
  } catch {
    return { ok: false, reason: "network" };
  }
}

/** The reason the server gave; without one, what the status says (a proxy's page, a cut-off answer). */
async function refused<N extends RouteName>(response: Response): Promise<Refused<N>> {
  const body = (await response.json().catch(() => undefined)) as { reason?: unknown; problems?: unknown } | undefined;
  if (body && isReason(body.reason)) {
    // the contract lists what each route answers; the server is held to it by its own types
    const reason = body.reason as ReasonOf<N>;
    return Array.isArray(body.problems) ? { ok: false, reason, problems: body.problems as Problem[] } : { ok: false, reason };
  }
  return { ok: false, reason: response.status === 413 ? "too_large" : response.status >= 500 ? "network" : "unknown" };
}
