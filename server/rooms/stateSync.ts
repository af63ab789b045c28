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
    setIfChanged(view, "json", JSON.stringify(privateView(session, key)));
    // the console names players whatever the board shows (the public state has no nicknames while it is anonymous)
    if (key === HOST_VIEW) setIfChanged(view, "names", JSON.stringify(hostNames(session)));
  }
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
