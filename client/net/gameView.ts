/**
 * Rebuilds, from the synced Colyseus state, the view the rules gave this client: the public board
 * (`BoardView`) and, for a seat or the facilitator, its private part — so the UI works with the
 * same plain data `viewFor` describes, never with schema objects.
 */
import type { BoardView, PublicPlayer, PublishedEntry } from "../../shared/rules/views.ts";
import type { Phase, Role } from "../../shared/rules/state.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { Announcement } from "../../shared/lobby/lobby.ts";
import { pseudonymAt } from "../../shared/lobby/pseudonym.ts";
import type { LocalText } from "../../shared/lang.ts";
import { decodeView } from "../../shared/protocol/viewWire.ts";

type SyncedPlayer = { seatId: string; nickname: string; role: string; location: string; scored: boolean; scoreShown: boolean; score: number; grade: string; blacklisted: boolean; pseudonym?: number };
type SyncedFeed = { id: string; subject: string; deed: string; hasPoints: boolean; points: number; day: number; status: string };
/** A private view as synced: in sections and records (shared/protocol/viewWire.ts). */
export type SyncedPrivate = { parts?: Record<string, string>; items?: Record<string, string>; names?: string };
export type SyncedJson = {
  phase: string;
  day: number;
  paused: boolean;
  phaseEndsAt: number;
  pausedLeft: number;
  players?: Record<string, SyncedPlayer>;
  feed?: SyncedFeed[];
  board: string;
  rulebook?: string;
  announcements?: string;
  anonymousBoard?: boolean;
  views?: Record<string, SyncedPrivate>;
};

export type PlayView = {
  board: BoardView;
  /** This client's private part (`viewFor` without its board), or null for the board. */
  mine: Record<string, unknown> | null;
  /** The rulebook in force (the scenario with rule changes): labels, locations, deeds, grades. */
  rulebook: Scenario | null;
  /** The facilitator's broadcasts, oldest first. */
  announcements: Announcement[];
  /** The facilitator asked for pseudonyms instead of nicknames on the public board. */
  anonymousBoard: boolean;
  /** Every seat's stable pseudonym (by its place in the game's seats), for anonymous screens. */
  pseudonyms: Record<string, LocalText>;
};

/** The rulebook changes rarely (rule changes, cards) but arrives with every state: parse it once per change. */
let lastRulebook: { json: string; parsed: Scenario | null } = { json: "", parsed: null };

function rulebookFrom(json: string | undefined): Scenario | null {
  if (!json || json === "{}") return null;
  if (json !== lastRulebook.json) lastRulebook = { json, parsed: parse<Scenario | null>(json, null) };
  return lastRulebook.parsed;
}

function parse<T>(json: string | undefined, fallback: T): T {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/** The language the page is shown in (set on <html> by client/i18n.ts; English outside a browser). */
function pageLang(): "en" | "zh" {
  const lang = (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang ?? "";
  return lang.startsWith("zh") ? "zh" : "en";
}

/**
 * How a page names a synced player: the facilitator's own list of nicknames when it has one (the
 * host's private view), else the public nickname — which is empty while the board is anonymous,
 * when every page but the console names the seat by its pseudonym.
 */
export function shownName(json: SyncedJson, p: { seatId: string; nickname: string; pseudonym?: number }): string {
  const names = hostNamesOf(json);
  return names?.[p.seatId] ?? (p.nickname || pseudonymAt(p.pseudonym ?? 0)[pageLang()]);
}

/** The host's names (seat → nickname), parsed once per change. */
let lastNames: { json: string; parsed: Record<string, string> | null } = { json: "", parsed: null };

function hostNamesOf(json: SyncedJson): Record<string, string> | null {
  const raw = json.views?.host?.names;
  if (!raw) return null;
  if (raw !== lastNames.json) lastNames = { json: raw, parsed: parse<Record<string, string> | null>(raw, null) };
  return lastNames.parsed;
}

export function boardFromState(json: SyncedJson): BoardView {
  const extras = parse<Pick<BoardView, "honourRoll" | "blacklist" | "cards" | "cameras" | "deedPoints">>(json.board, {
    honourRoll: [],
    blacklist: [],
    cards: [],
    cameras: [],
    deedPoints: {},
  });
  const players: PublicPlayer[] = Object.values(json.players ?? {})
    .filter((p) => p.role !== "" || p.location !== "")
    .map((p) => ({
      seat: p.seatId,
      nickname: shownName(json, p),
      role: (p.role || null) as Role | null,
      location: p.location,
      scored: p.scored,
      score: p.scoreShown ? p.score : null,
      grade: p.grade || null,
      blacklisted: p.blacklisted,
    }));
  const feed: PublishedEntry[] = (json.feed ?? []).map((e) => ({
    id: e.id,
    subject: e.subject,
    deed: e.deed,
    points: e.hasPoints ? e.points : null,
    day: e.day,
    status: e.status as PublishedEntry["status"],
  }));
  return {
    kind: "board",
    phase: json.phase as Phase,
    day: json.day,
    paused: json.paused,
    phaseEndsAt: json.phaseEndsAt || null,
    pausedLeft: json.paused ? json.pausedLeft : null,
    players,
    feed,
    ...extras,
  };
}

/** The view for `key` (a seat id, "host", or null for the board) from a synced state's JSON. */
export function playViewFromJson(json: SyncedJson, key: string | null): PlayView {
  const synced = key ? json.views?.[key] : undefined;
  const mine = synced ? decodeView(synced.parts, synced.items) : null;
  return {
    board: boardFromState(json),
    mine,
    rulebook: rulebookFrom(json.rulebook),
    announcements: parse<Announcement[]>(json.announcements, []),
    anonymousBoard: Boolean(json.anonymousBoard),
    pseudonyms: Object.fromEntries(Object.values(json.players ?? {}).map((p) => [p.seatId, pseudonymAt(p.pseudonym ?? 0)])),
  };
}
