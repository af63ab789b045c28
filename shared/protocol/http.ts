/**
 * The HTTP contract between the pages and the server: every route the server serves under
 * `/api`, with its method, path, query, body, reply and the reasons it may answer. The server's
 * handlers (server/http/) answer with these types and parse bodies with the schemas of
 * bodies.ts; the pages call through the one typed client, client/net/http.ts.
 * Like index.ts it imports no zod (only the bodies' types), so pages stay small.
 */
import type { Reason } from "../reasons.ts";
import type { CreateEventBody, CreateSessionBody, EventCommandBody, MoveBody, PinBody, PlaceBody } from "./bodies.ts";
import type { CommandReply } from "./index.ts";
import type { Neighbourhood } from "../district/plan.ts";
import type { Figures } from "../district/figures.ts";
import type { Lang, LocalText } from "../lang.ts";
import type { LogEvent } from "../debrief/log.ts";
import type { Scenario } from "../scenario/schema.ts";

/** Where the API is mounted: every route's path starts with it. */
export const API_ROOT = "/api";

/** One bad field of a request body or of a scenario file, named so its author can find it. */
export type Problem = { path: string; message: string };

/** Every refusal over HTTP: a reason from the table and, for a bad body or scenario file, each problem. */
export type HttpRefusal<R extends Reason = Reason> = { reason: R; problems?: Problem[] };

/**
 * What any route may answer besides its own reasons: too many requests from this address, a
 * path that names no route, a body that cannot be read or is over its limit, a server fault.
 */
export const ANY_ROUTE = ["too_many_attempts", "not_found", "malformed", "too_large", "internal"] as const satisfies readonly Reason[];

type RouteSpec = {
  method: "GET" | "POST" | "DELETE";
  path: `/api/${string}`;
  /** What a success carries: JSON, a file to save (Content-Disposition names it), or nothing (204). */
  answers: "json" | "file" | "nothing";
  /** The route's own reasons (ANY_ROUTE's come on top). */
  reasons: readonly Reason[];
};

/** The host token's routes take it as `Authorization: Bearer <token>`, never in the URL. */
export const ROUTES = {
  /** For a host's monitoring or a load balancer: the store answers and how busy the server is. */
  health: { method: "GET", path: "/api/health", answers: "json", reasons: ["storage_unavailable"] },
  /** For a load balancer: 200 once this process has reopened the sessions of before its start and its store answers. */
  ready: { method: "GET", path: "/api/ready", answers: "json", reasons: ["starting", "storage_unavailable"] },
  /** The addresses students' devices can reach, for the board's QR code. */
  network: { method: "GET", path: "/api/network", answers: "json", reasons: [] },
  scenarios: { method: "GET", path: "/api/scenarios", answers: "json", reasons: [] },
  /** One scenario of the catalogue, whole, as the scenario lab edits it. */
  scenario: { method: "GET", path: "/api/scenarios/:id", answers: "json", reasons: ["no_such_scenario"] },
  /** A new session; the host token is issued here and only here. `X-Host-Key` when HOST_KEY is set. */
  createSession: {
    method: "POST",
    path: "/api/sessions",
    answers: "json",
    reasons: ["host_key_required", "invalid_scenario", "no_such_scenario", "too_many_sessions"],
  },
  /** Host token. A code that names no session and a wrong token get the same answer. */
  deleteSession: { method: "DELETE", path: "/api/sessions/:code", answers: "nothing", reasons: ["no_such_session"] },
  /** Host token: the session's log for the debrief page. */
  debrief: { method: "GET", path: "/api/sessions/:code/debrief", answers: "json", reasons: ["not_host"] },
  /** Host token: the exports. */
  exportLog: { method: "GET", path: "/api/sessions/:code/export.json", answers: "file", reasons: ["not_host"] },
  playersCsv: { method: "GET", path: "/api/sessions/:code/players.csv", answers: "file", reasons: ["not_host"] },
  entriesCsv: { method: "GET", path: "/api/sessions/:code/entries.csv", answers: "file", reasons: ["not_host"] },
  /** Built-in variants files, for an event's neighbourhoods. */
  variantSets: { method: "GET", path: "/api/variants", answers: "json", reasons: [] },
  /** A new event of 2–12 neighbourhoods; its host token is issued here and only here. `X-Host-Key` when HOST_KEY is set. */
  createEvent: {
    method: "POST",
    path: "/api/events",
    answers: "json",
    reasons: ["host_key_required", "invalid_scenario", "no_such_scenario", "too_many_sessions"],
  },
  /** Event host token: the event and each neighbourhood's own host token (for its full console and debrief). */
  event: { method: "GET", path: "/api/events/:code", answers: "json", reasons: ["not_host"] },
  /** Event host token: arrivals go to one neighbourhood while it has room, or (null) to the least crowded. */
  pinEvent: { method: "POST", path: "/api/events/:code/pin", answers: "json", reasons: ["not_host", "no_such_session"] },
  /** Event host token: one host command to every neighbourhood (or those named); each answers as its console would. */
  eventCommand: { method: "POST", path: "/api/events/:code/command", answers: "json", reasons: ["not_host", "no_such_session", "invalid_command"] },
  /** Event host token: before the start, a player goes from one neighbourhood to another (the reply is the neighbourhood's, as its console would get it). */
  movePlayer: { method: "POST", path: "/api/events/:code/move", answers: "json", reasons: ["not_host", "no_such_session"] },
  /** Event host token: each neighbourhood's key figures, for the big board. */
  eventFigures: { method: "GET", path: "/api/events/:code/figures", answers: "json", reasons: ["not_host"] },
  /** Event host token: every neighbourhood (each session, as "delete this session now" does) and the event itself. An unknown code and a wrong token get the same answer. */
  deleteEvent: { method: "DELETE", path: "/api/events/:code", answers: "nothing", reasons: ["not_host"] },
  /** Event host token: every neighbourhood's log in one file. */
  eventExport: { method: "GET", path: "/api/events/:code/export.json", answers: "file", reasons: ["not_host"] },
  /** A code typed on the front page: an event's gives the neighbourhood to join (placed now, or as before for the same ticket); a session's gives itself. */
  place: { method: "POST", path: "/api/place/:code", answers: "json", reasons: ["no_such_session"] },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** A scenario of the catalogue, as the host's start screen lists it. */
export type ScenarioSummary = { id: string; title: LocalText; summary: LocalText; default: boolean; maxPlayers: number };

/** A session just created: its code and the host token, which this reply alone ever carries. */
export type CreatedSession = { code: string; hostToken: string; expiresAt: number };

/** The session's log, anonymised unless names were asked for. */
export type DebriefLog = { code: string; anonymised: boolean; createdAt: number; endedAt: number | null; expiresAt: number; log: LogEvent[] };

/** A built-in variants file: its neighbourhoods' names, in order. */
export type VariantSetSummary = { id: string; title: LocalText; base: string; neighbourhoods: LocalText[] };

export type CreatedEvent = { code: string; hostToken: string; expiresAt: number };

/** A neighbourhood as the event's host sees it: with how many arrivals it was given and its own host token. */
export type NeighbourhoodInfo = Neighbourhood & { placed: number; hostToken: string };
export type EventInfo = { code: string; title: string; createdAt: number; expiresAt: number; pinned: string | null; neighbourhoods: NeighbourhoodInfo[] };

/** Each neighbourhood's answer to an event command (or why it could not be asked). */
export type EventCommandReply = { results: { code: string; reply: CommandReply | { ok: false; reason: "unavailable" } }[] };

/** null: the neighbourhood's room could not be reached just now. */
export type EventFigures = { neighbourhoods: { code: string; figures: Figures | null }[] };

/** Where an arrival plays: the session to join, and for an event its title and the neighbourhood's name. */
export type Placement = { code: string; event: { code: string; title: string; name: LocalText } | null };

/** The whole event's export: each neighbourhood's log (anonymised unless names were asked for). */
export type EventExport = { format: "good-standing-event"; code: string; title: string; exportedAt: number; anonymised: boolean; neighbourhoods: { code: string; name: LocalText; scenarioId: string; log: LogEvent[] }[] };

export type Health = { ok: true; protocol: number; uptimeSeconds: number; sessions: number };

/** What a success carries, route by route (a file's content reaches the page as a Blob). */
export type Replies = {
  health: Health;
  ready: { ready: true };
  network: { lan: string[] };
  scenarios: { scenarios: ScenarioSummary[] };
  scenario: { scenario: Scenario };
  createSession: CreatedSession;
  deleteSession: undefined;
  debrief: DebriefLog;
  exportLog: string;
  playersCsv: string;
  entriesCsv: string;
  variantSets: { sets: VariantSetSummary[] };
  createEvent: CreatedEvent;
  event: EventInfo;
  pinEvent: { pinned: string | null };
  eventCommand: EventCommandReply;
  movePlayer: CommandReply;
  eventFigures: EventFigures;
  eventExport: string;
  deleteEvent: undefined;
  place: Placement;
};

export type Bodies = { createSession: CreateSessionBody; createEvent: CreateEventBody; pinEvent: PinBody; eventCommand: EventCommandBody; movePlayer: MoveBody; place: PlaceBody };

/** `names=1`: the names the class played with instead of pseudonyms; `lang`: the CSV's labels. */
type Names = { names?: "1" };
export type Queries = { eventExport: Names; debrief: Names; exportLog: Names; playersCsv: Names & { lang?: Lang }; entriesCsv: Names & { lang?: Lang } };

export type ReplyOf<N extends RouteName> = Replies[N];
export type BodyOf<N extends RouteName> = N extends keyof Bodies ? Bodies[N] : undefined;
export type QueryOf<N extends RouteName> = N extends keyof Queries ? Queries[N] : undefined;
export type ReasonOf<N extends RouteName> = (typeof ROUTES)[N]["reasons"][number] | (typeof ANY_ROUTE)[number];
export type RefusalOf<N extends RouteName> = HttpRefusal<ReasonOf<N>>;

/** `"/api/sessions/:code/debrief"` → `{ code: string }`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<Rest> : P extends `${string}:${infer Name}` ? Name : never;
export type ParamsOf<N extends RouteName> = { [K in ParamNames<(typeof ROUTES)[N]["path"]>]: string };

/** The route's path with its parameters filled in (encoded). */
export function pathOf<N extends RouteName>(name: N, params: ParamsOf<N>): string {
  const values = params as Record<string, string>;
  return ROUTES[name].path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ""));
}
