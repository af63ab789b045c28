/**
 * Copies a session (plain data) into the Colyseus state, touching only what changed, and builds
 * each viewer's private part from the rules' own allow-list views (`viewFor`), so what a client
 * receives is exactly what `viewFor` says that seat may know — never more.
 */
import { activeSeats } from "../../shared/lobby/lobby.ts";
import { boardView, publicPlayerOf, viewFor, type BoardView, type GameState, type PublicPlayer, type PublishedEntry, type ViewLobby } from "../../shared/rules/index.ts";
import type { Session } from "../../shared/session/index.ts";
import { endingFor } from "../../shared/debrief/ending.ts";
import { FeedEntry, PlayerState, PrivateView, type SessionState } from "./sessionState.ts";
import { isRecord, KEYS_PART, listElement, listItemKey, recordEntry, recordItemKey, shapeItemKey, type ShapedValues } from "../../shared/protocol/viewWire.ts";
import { itemValue, shapeKeysJson } from "./viewShapes.ts";
import { sameList } from "../../shared/rules/memo.ts";
import { anonymiseSeatView, hostNames, nameScrubber, pseudonymIndex } from "./anonymous.ts";

/** Who a private view is for: a seat, or the facilitator ("host"). */
export type ViewKey = string;
export const HOST_VIEW: ViewKey = "host";

/*
 * The public part is synced at every patch that follows a change, in every room: what an event
 * left alone (a row, a feed entry, the board's extras) is recognised by the identity of what it
 * was written from — the rules memoise their faces on the state's records — and skipped.
 */

/** Who is connected: the room's seated clients by seat (a map's `has` will do). */
export type Connected = { has(seatId: string): boolean };

export function syncPublic(state: SessionState, session: Session, connected: Connected, seq: number): void {
  const { lobby, game } = session;
  const board = boardView(game);
  state.code = lobby.code;
  state.scenarioId = lobby.scenarioId;
  state.locked = lobby.locked;
  state.anonymousBoard = lobby.anonymousBoard;
  setIfChanged(state, "announcements", announcementsJson(session));
  state.maxPlayers = lobby.maxPlayers;
  state.seq = seq;
  state.phase = game.phase;
  state.day = game.day;
  state.paused = game.paused;
  state.phaseEndsAt = game.phaseEndsAt ?? 0;
  state.pausedLeft = game.pausedLeft ?? 0;
  syncPlayers(state, session, connected);
  syncFeed(state, board);
  setIfChanged(state, "board", boardExtrasJson(state, board));
}

/** The broadcasts as JSON: memoised on the list while nothing needs scrubbing (scrubbed ones depend on every nickname, and are rare). */
const announcementsCache = new WeakMap<Session["lobby"]["announcements"], string>();

function announcementsJson(session: Session): string {
  const { lobby } = session;
  if (lobby.anonymousBoard && lobby.announcements.length > 0) {
    const scrub = nameScrubber(session);
    return JSON.stringify(lobby.announcements.map((a) => ({ ...a, text: scrub(a.text) })));
  }
  return memoText(announcementsCache, lobby.announcements, () => JSON.stringify(lobby.announcements));
}

/** Each room's board extras as JSON, with the parts it was written from (the honour roll is a new list whenever a player changes). */
const extrasWritten = new WeakMap<SessionState, { parts: ReturnType<typeof boardExtras>; json: string }>();

function boardExtrasJson(state: SessionState, board: BoardView): string {
  const parts = boardExtras(board);
  const last = extrasWritten.get(state);
  if (
    last &&
    last.parts.blacklist === parts.blacklist &&
    last.parts.cards === parts.cards &&
    last.parts.cameras === parts.cameras &&
    last.parts.deedPoints === parts.deedPoints &&
    sameList(last.parts.honourRoll, parts.honourRoll)
  ) {
    return last.json;
  }
  const json = JSON.stringify(parts);
  extrasWritten.set(state, { parts, json });
  return json;
}

function memoText<K extends object>(cache: WeakMap<K, string>, key: K, build: () => string): string {
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = build()));
  return text;
}

/** The public board's rarely changing parts. */
export function boardExtras(board: BoardView) {
  return { honourRoll: board.honourRoll, blacklist: board.blacklist, cards: board.cards, cameras: board.cameras, deedPoints: board.deedPoints };
}

/** The board's rows in order, and each seat's pseudonym: they change only when seats join, leave or are dealt in. */
type Rows = { seats: readonly string[]; order: string[]; pseudonym: Map<string, number> };
const rowsCache = new WeakMap<Session["lobby"], Rows>();

function rowsOf(session: Session): Rows {
  const { lobby, game } = session;
  const hit = rowsCache.get(lobby);
  if (hit && hit.seats === game.seats) return hit;
  const order = [...activeSeats(lobby).map((s) => s.seatId), ...game.seats.filter((seat) => !lobby.seats[seat])];
  const rows = { seats: game.seats, order, pseudonym: pseudonymIndex(session) };
  rowsCache.set(lobby, rows);
  return rows;
}

/** What a row was last written from: a row whose sources are all the same is not looked at again. */
type RowSource = { pub: PublicPlayer | undefined; nickname: string; connected: boolean; bot: boolean; pseudonym: number };
/** Each room's board rows by seat, with their sources (so an unchanged row costs no lookup in the synced map). */
const writtenRows = new WeakMap<SessionState, Map<string, { row: PlayerState; source: RowSource | undefined }>>();

function syncPlayers(state: SessionState, session: Session, connected: Connected): void {
  const { lobby, game } = session;
  const rows = rowsOf(session);
  let written = writtenRows.get(state);
  if (!written) writtenRows.set(state, (written = new Map()));
  for (const seatId of rows.order) {
    const seat = lobby.seats[seatId];
    const player = game.players[seatId];
    const pub = publicPlayerOf(game, seatId);
    // anonymous: no nickname leaves the server; pages name the seat by its pseudonym
    const nickname = lobby.anonymousBoard ? "" : (seat?.nickname ?? player?.nickname ?? "");
    const bot = Boolean(player?.bot);
    const isConnected = bot ? true : connected.has(seatId);
    const pseudonym = rows.pseudonym.get(seatId) ?? rows.pseudonym.size;
    let entry = written.get(seatId);
    const last = entry?.source;
    if (last && last.pub === pub && last.nickname === nickname && last.connected === isConnected && last.bot === bot && last.pseudonym === pseudonym) continue;
    if (!entry) {
      let row = state.players.get(seatId);
      if (!row) {
        row = new PlayerState();
        row.seatId = seatId;
        row.joinedAt = seat?.joinedAt ?? 0;
        state.players.set(seatId, row);
      }
      written.set(seatId, (entry = { row, source: undefined }));
    }
    entry.source = { pub, nickname, connected: isConnected, bot, pseudonym };
    writeRow(entry.row, entry.source);
  }
  // every shown seat has its row now: any more rows are seats no longer shown
  if (state.players.size > rows.order.length) {
    const shown = new Set(rows.order);
    const gone = Array.from(state.players.keys()).filter((seatId) => !shown.has(seatId));
    for (const seatId of gone) {
      state.players.delete(seatId);
      written.delete(seatId);
    }
  }
}

function writeRow(row: PlayerState, { pub, nickname, connected, bot, pseudonym }: RowSource): void {
  setIfChanged(row, "nickname", nickname);
  setIfChanged(row, "connected", connected);
  setIfChanged(row, "bot", bot);
  setIfChanged(row, "role", pub?.role ?? "");
  setIfChanged(row, "location", pub?.location ?? "");
  setIfChanged(row, "scored", pub?.scored ?? false);
  setIfChanged(row, "scoreShown", pub?.score !== null && pub?.score !== undefined);
  setIfChanged(row, "score", pub?.score ?? 0);
  setIfChanged(row, "grade", pub?.grade ?? "");
  setIfChanged(row, "blacklisted", pub?.blacklisted ?? false);
  setIfChanged(row, "pseudonym", pseudonym);
}

/** The published entry each feed row was last written from. */
const feedSources = new WeakMap<FeedEntry, PublishedEntry>();

function syncFeed(state: SessionState, board: BoardView): void {
  board.feed.forEach((entry, i) => {
    let row = state.feed[i];
    if (!row) {
      row = new FeedEntry();
      state.feed.push(row);
    }
    if (feedSources.get(row) === entry) return;
    feedSources.set(row, entry);
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

/**
 * What the lobby adds to every view: hidden texts, seats that stepped out (see shared/rules
 * `ViewLobby`); memoised on the lobby (game events leave it alone), so its lists keep their identity.
 */
const viewLobbyCache = new WeakMap<Session["lobby"], ViewLobby>();

function viewLobby(lobby: Session["lobby"]): ViewLobby {
  let hit = viewLobbyCache.get(lobby);
  if (!hit) viewLobbyCache.set(lobby, (hit = { hiddenTexts: lobby.hiddenTexts, steppedOut: activeSeats(lobby).filter((s) => s.steppedOut).map((s) => s.seatId) }));
  return hit;
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
    if (key === HOST_VIEW) setIfChanged(view, "names", hostNamesJson(session));
  }
}

/** The console's names as JSON, written again only when a nickname changed (a move changes the players record, never a name). */
const namesWritten = new WeakMap<Session["lobby"]["seats"], { players: Session["game"]["players"]; json: string }>();

function hostNamesJson(session: Session): string {
  const { lobby, game } = session;
  const last = namesWritten.get(lobby.seats);
  if (last && (last.players === game.players || sameNicknames(last.players, game.players))) {
    last.players = game.players;
    return last.json;
  }
  const json = JSON.stringify(hostNames(session));
  namesWritten.set(lobby.seats, { players: game.players, json });
  return json;
}

function sameNicknames(before: Session["game"]["players"], now: Session["game"]["players"]): boolean {
  let count = 0;
  for (const seat in now) {
    if (before[seat]?.nickname !== now[seat]!.nickname) return false;
    count++;
  }
  for (const _seat in before) count--;
  return count === 0;
}

/*
 * Writing a view in sections and records (shared/protocol/viewWire.ts). Views share the parts an
 * event did not change (shared/rules memoises them on the state's identity), so a section or an
 * element that is the same object as last time is skipped without serialising it, and an
 * element's text is computed once per object, however many views hold it (viewShapes.ts).
 */

/** What was last written for one section of a view: the value, and its elements or entries as written. */
type Written = { value: unknown; kind: "whole" | "list" | "record"; elements: unknown[]; keys: string[] };
/**
 * Per view: its sections as last written, its keys (a view's keys rarely change: not serialised
 * again while they hold), and the shapes it has been sent.
 */
type WrittenView = { keys: string[]; sections: Map<string, Written>; shapes: Set<number> };
const written = new WeakMap<PrivateView, WrittenView>();

/** Writes a view into its synced maps, changing only what differs from what it was last written from. */
export function writeView(view: PrivateView, value: Record<string, unknown>): void {
  let was = written.get(view);
  if (!was) written.set(view, (was = { keys: [], sections: new Map(), shapes: new Set() }));
  const sections = was.sections;
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  if (!view.parts.has(KEYS_PART) || !sameList(was.keys, keys)) {
    setEntry(view.parts, KEYS_PART, JSON.stringify(keys));
    was.keys = keys;
  }
  for (const key of keys) {
    const v = value[key];
    const before = sections.get(key);
    if (before && before.value === v) continue;
    let now: Written;
    if (Array.isArray(v)) now = writeList(view, was.shapes, key, v, before);
    else if (isRecord(v)) now = writeRecord(view, was.shapes, key, v, before);
    else {
      dropItems(view, key, before, 0);
      setEntry(view.parts, key, JSON.stringify(v) ?? "null");
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

/*
 * A list or record is compared element by element with what was written last, and its memory of
 * that is updated in place (these run for every changed section at every patch).
 */
function writeList(view: PrivateView, sentShapes: Set<number>, key: string, list: readonly unknown[], before: Written | undefined): Written {
  const reuse = before?.kind === "list";
  if (before && !reuse) dropItems(view, key, before, 0);
  const elements = reuse ? before.elements : [];
  for (let i = 0; i < list.length; i++) {
    if (i < elements.length && sameItem(elements[i], list[i])) {
      elements[i] = list[i];
      continue;
    }
    setEntry(view.items, listItemKey(key, i), listElement(withShapeSent(view, sentShapes, itemValue(list[i]))));
    elements[i] = list[i];
  }
  if (reuse) dropItems(view, key, before, list.length);
  elements.length = list.length;
  setEntry(view.parts, key, `#${list.length}`);
  if (reuse) {
    before.value = list;
    return before;
  }
  return { value: list, kind: "list", elements, keys: [] };
}

function writeRecord(view: PrivateView, sentShapes: Set<number>, key: string, record: Record<string, unknown>, before: Written | undefined): Written {
  const reuse = before?.kind === "record";
  if (before && !reuse) dropItems(view, key, before, 0);
  const keys = reuse ? before.keys : [];
  const elements = reuse ? before.elements : [];
  let count = 0;
  for (const k of Object.keys(record)) {
    const v = record[k];
    // as JSON would: a field that is undefined is left out
    if (v === undefined) continue;
    if (keys[count] !== k || count >= elements.length || !sameItem(elements[count], v)) {
      setEntry(view.items, recordItemKey(key, count), recordEntry(k, withShapeSent(view, sentShapes, itemValue(v))));
      keys[count] = k;
    }
    elements[count] = v;
    count++;
  }
  if (reuse) dropItems(view, key, before, count);
  keys.length = count;
  elements.length = count;
  setEntry(view.parts, key, `%${count}`);
  if (reuse) {
    before.value = record;
    return before;
  }
  return { value: record, kind: "record", elements, keys };
}

/*
 * Whether an element written before would be written the same now: the same value, or a plain
 * object with the same fields in the same order holding the same values (a list among them
 * compared element by element). Views build some elements afresh at every change — a seat's goal
 * progress, its record without the approvers' names — that mostly say what they said before: these
 * are found without serialising them. Anything deeper counts as changed and is written again.
 */
function sameItem(before: unknown, now: unknown): boolean {
  if (before === now) return true;
  if (Array.isArray(before)) return sameFlatList(before, now);
  if (!isRecord(before) || !isRecord(now)) return false;
  const keys = Object.keys(now);
  let count = 0;
  for (const k in before) {
    if (keys[count] !== k) return false;
    const a = before[k];
    const b = now[k];
    if (a !== b && !sameFlatList(a, b)) return false;
    count++;
  }
  return count === keys.length;
}

function sameFlatList(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) && sameList(a, b);
}

/** A value about to be written to a view, its shape's keys written to that view first if it has none yet (they stay). */
function withShapeSent(view: PrivateView, sentShapes: Set<number>, value: string | ShapedValues): string | ShapedValues {
  if (typeof value !== "string" && !sentShapes.has(value.shape)) {
    view.items.set(shapeItemKey(value.shape), shapeKeysJson(value.shape));
    sentShapes.add(value.shape);
  }
  return value;
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
