/**
 * Copies a session (plain data) into the Colyseus state, touching only what changed, and builds
 * each viewer's private part from the rules' own allow-list views (`viewFor`), so what a client
 * receives is exactly what `viewFor` says that seat may know — never more.
 */
import { activeSeats } from "../../shared/lobby/lobby.ts";
import { boardView, viewFor, type BoardView, type GameState, type ViewLobby } from "../../shared/rules/index.ts";
import type { Session } from "../../shared/session/index.ts";
import { endingFor } from "../../shared/debrief/ending.ts";
import { FeedEntry, PlayerState, PrivateView, type SessionState } from "./sessionState.ts";
import { isRecord, KEYS_PART, listItemKey, recordItemKey } from "../../shared/protocol/viewWire.ts";
import { anonymiseSeatView, hostNames, nameScrubber, pseudonymIndex } from "./anonymous.ts";

/** Who a private view is for: a seat, or the facilitator ("host"). */
export type ViewKey = string;
export const HOST_VIEW: ViewKey = "host";

export function syncPublic(state: SessionState, session: Session, connected: ReadonlySet<string>, seq: number): void {
  const { lobby, game } = session;
  const board = boardView(game);
  state.code = lobby.code;
  state.scenarioId = lobby.scenarioId;
  state.locked = lobby.locked;
  state.anonymousBoard = lobby.anonymousBoard;
  const scrub = lobby.anonymousBoard && lobby.announcements.length > 0 ? nameScrubber(session) : undefined;
  const announcements = scrub ? lobby.announcements.map((a) => ({ ...a, text: scrub(a.text) })) : lobby.announcements;
  setIfChanged(state, "announcements", JSON.stringify(announcements));
  state.maxPlayers = lobby.maxPlayers;
  state.seq = seq;
  state.phase = game.phase;
  state.day = game.day;
  state.paused = game.paused;
  state.phaseEndsAt = game.phaseEndsAt ?? 0;
  state.pausedLeft = game.pausedLeft ?? 0;
  syncPlayers(state, session, board, connected);
  syncFeed(state, board);
  setIfChanged(state, "board", JSON.stringify(boardExtras(board)));
}

/** The public board's rarely changing parts. */
export function boardExtras(board: BoardView) {
  return { honourRoll: board.honourRoll, blacklist: board.blacklist, cards: board.cards, cameras: board.cameras, deedPoints: board.deedPoints };
}

function syncPlayers(state: SessionState, session: Session, board: BoardView, connected: ReadonlySet<string>): void {
  const { lobby, game } = session;
  const shown = new Set<string>();
  const publicBySeat = new Map(board.players.map((p) => [p.seat, p]));
  const order = [...activeSeats(lobby).map((s) => s.seatId), ...game.seats.filter((seat) => !lobby.seats[seat])];
  const pseudonym = pseudonymIndex(session);
  for (const seatId of order) {
    shown.add(seatId);
    const seat = lobby.seats[seatId];
    const player = game.players[seatId];
    const pub = publicBySeat.get(seatId);
    let row = state.players.get(seatId);
    if (!row) {
      row = new PlayerState();
      row.seatId = seatId;
      row.joinedAt = seat?.joinedAt ?? 0;
      state.players.set(seatId, row);
    }
    assign(row, {
      // anonymous: no nickname leaves the server; pages name the seat by its pseudonym
      nickname: lobby.anonymousBoard ? "" : (seat?.nickname ?? player?.nickname ?? ""),
      connected: player?.bot ? true : connected.has(seatId),
      bot: Boolean(player?.bot),
      role: pub?.role ?? "",
      location: pub?.location ?? "",
      scored: pub?.scored ?? false,
      scoreShown: pub?.score !== null && pub?.score !== undefined,
      score: pub?.score ?? 0,
      grade: pub?.grade ?? "",
      blacklisted: pub?.blacklisted ?? false,
      pseudonym: pseudonym.get(seatId) ?? pseudonym.size,
    });
  }
  const gone = Array.from(state.players.keys()).filter((seatId) => !shown.has(seatId));
  for (const seatId of gone) state.players.delete(seatId);
}

function syncFeed(state: SessionState, board: BoardView): void {
  board.feed.forEach((entry, i) => {
    let row = state.feed[i];
    if (!row) {
      row = new FeedEntry();
      state.feed.push(row);
    }
    assign(row, {
      id: entry.id,
      subject: entry.subject,
      deed: entry.deed,
      hasPoints: entry.points !== null,
      points: entry.points ?? 0,
      day: entry.day,
      status: entry.status,
    });
  });
  while (state.feed.length > board.feed.length) state.feed.pop();
}

/** What the lobby adds to every view: hidden texts, seats that stepped out (see shared/rules `ViewLobby`). */
function viewLobby(lobby: Session["lobby"]): ViewLobby {
  return { hiddenTexts: lobby.hiddenTexts, steppedOut: activeSeats(lobby).filter((s) => s.steppedOut).map((s) => s.seatId) };
}

/**
 * The private part of a viewer's view as JSON: `viewFor` as it is, without a seat's `board`
 * (which the client rebuilds from the public state).
 */
export function privateView(session: Session, key: ViewKey): unknown {
  const { game, lobby } = session;
  if (key === HOST_VIEW) return viewFor(game, { kind: "host" }, viewLobby(lobby));
  if (!game.players[key]) return { kind: "waiting" };
  const { board: _board, ...own } = viewFor(game, { kind: "seat", seat: key }, viewLobby(lobby)) as unknown as { board?: unknown } & Record<string, unknown>;
  // after the end: the reveal and "what the game recorded about you" (shared/debrief/ending.ts)
  if (game.phase === "ended") own.ending = endingFor(session, key);
  return lobby.anonymousBoard ? anonymiseSeatView(own, session) : own;
}

export function syncPrivate(state: SessionState, session: Session, keys: Iterable<ViewKey>): void {
  for (const key of keys) {
    let view = state.views.get(key);
    if (!view) {
      view = new PrivateView();
      state.views.set(key, view);
    }
    writeView(view, privateView(session, key) as Record<string, unknown>);
    // the console names players whatever the board shows (the public state has no nicknames while it is anonymous)
    if (key === HOST_VIEW) setIfChanged(view, "names", JSON.stringify(hostNames(session)));
  }
}

/*
 * Writing a view in sections and records (shared/protocol/viewWire.ts). Views share the parts an
 * event did not change (shared/rules memoises them on the state's identity), so a section or an
 * element that is the same object as last time is skipped without serialising it, and a JSON text
 * is computed once per object, however many views hold it.
 */
const jsonCache = new WeakMap<object, string>();

function jsonOf(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  let text = jsonCache.get(value);
  if (text === undefined) jsonCache.set(value, (text = JSON.stringify(value)));
  return text;
}

/** What was last written for one section of a view: the value, and its elements or entries as written. */
type Written = { value: unknown; kind: "whole" | "list" | "record"; elements: unknown[]; keys: string[] };
const written = new WeakMap<PrivateView, Map<string, Written>>();

function writeView(view: PrivateView, value: Record<string, unknown>): void {
  let sections = written.get(view);
  if (!sections) written.set(view, (sections = new Map()));
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  setEntry(view.parts, KEYS_PART, JSON.stringify(keys));
  for (const key of keys) {
    const v = value[key];
    const before = sections.get(key);
    if (before && before.value === v) continue;
    let now: Written;
    if (Array.isArray(v)) now = writeList(view, key, v, before);
    else if (isRecord(v)) now = writeRecord(view, key, v, before);
    else {
      dropItems(view, key, before, 0);
      setEntry(view.parts, key, jsonOf(v));
      now = { value: v, kind: "whole", elements: [], keys: [] };
    }
    sections.set(key, now);
  }
  if (sections.size > keys.length) {
    const kept = new Set(keys);
    for (const [key, before] of sections) {
      if (kept.has(key)) continue;
      dropItems(view, key, before, 0);
      view.parts.delete(key);
      sections.delete(key);
    }
  }
}

function writeList(view: PrivateView, key: string, list: readonly unknown[], before: Written | undefined): Written {
  const was = before?.kind === "list" ? before.elements : [];
  if (before && before.kind !== "list") dropItems(view, key, before, 0);
  for (let i = 0; i < list.length; i++) if (i >= was.length || was[i] !== list[i]) setEntry(view.items, listItemKey(key, i), jsonOf(list[i]));
  if (before?.kind === "list") dropItems(view, key, before, list.length);
  setEntry(view.parts, key, `#${list.length}`);
  return { value: list, kind: "list", elements: list.slice(), keys: [] };
}

function writeRecord(view: PrivateView, key: string, record: Record<string, unknown>, before: Written | undefined): Written {
  const was = before?.kind === "record" ? before : { elements: [] as unknown[], keys: [] as string[] };
  if (before && before.kind !== "record") dropItems(view, key, before, 0);
  // as JSON would: a field that is undefined is left out
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  const elements = keys.map((k) => record[k]);
  for (let i = 0; i < keys.length; i++) {
    if (was.keys[i] === keys[i] && was.elements[i] === elements[i]) continue;
    setEntry(view.items, recordItemKey(key, i), `${JSON.stringify(keys[i])},${jsonOf(elements[i])}`);
  }
  if (before?.kind === "record") dropItems(view, key, before, keys.length);
  setEntry(view.parts, key, `%${keys.length}`);
  return { value: record, kind: "record", elements, keys };
}

/** Deletes a section's items from index `from` on. */
function dropItems(view: PrivateView, key: string, before: Written | undefined, from: number): void {
  if (!before || before.kind === "whole") return;
  const itemKey = before.kind === "list" ? listItemKey : recordItemKey;
  for (let i = from; i < before.elements.length; i++) view.items.delete(itemKey(key, i));
}

function setEntry(map: PrivateView["parts"], key: string, value: string): void {
  if (map.get(key) !== value) map.set(key, value);
}

export function rulebookJson(game: GameState): string {
  return JSON.stringify(game.scenario);
}

function assign<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values) as [keyof T, T[keyof T]][]) {
    if (target[key] !== value) target[key] = value;
  }
}

function setIfChanged<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}
