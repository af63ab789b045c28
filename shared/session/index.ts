/**
 * A session is one log with two kinds of events: the lobby's (who holds a seat, under which
 * name, kicked, locked) and the game's (shared/rules). `applySession` sends each event to its
 * own reducer; replaying the log rebuilds both. The first event carries the scenario itself, so
 * a log replays to the same game even if the scenario file has changed since.
 */
import { applyLobby, EMPTY_LOBBY, type LobbyEvent, type LobbyState } from "../lobby/lobby.ts";
import { apply, newGame, type GameEvent, type GameState } from "../rules/index.ts";
import type { Scenario } from "../scenario/index.ts";

export type SessionOpened = Extract<LobbyEvent, { type: "session_opened" }> & { scenario: Scenario };

export type SessionEvent = LobbyEvent | GameEvent;

export type Session = { lobby: LobbyState; game: GameState };

const LOBBY_TYPES: ReadonlySet<string> = new Set<LobbyEvent["type"]>([
  "session_opened",
  "seat_joined",
  "seat_renamed",
  "seat_kicked",
  "seat_released",
  "boards_removed",
  "room_locked",
  "room_unlocked",
  "seat_stepped_out",
  "seat_moved",
  "seat_sent",
  "text_hidden",
  "announcement_made",
  "board_anonymised",
]);

export function isLobbyEvent(event: SessionEvent): event is LobbyEvent {
  return LOBBY_TYPES.has(event.type);
}

export function openSession(opened: SessionOpened): Session {
  return { lobby: applyLobby(EMPTY_LOBBY, opened), game: newGame(opened.scenario) };
}

/** The only writer of a session: lobby events to the lobby, game events to the rules. */
export function applySession(session: Session, event: SessionEvent): Session {
  if (isLobbyEvent(event)) {
    if (event.type === "session_opened") return openSession(event as SessionOpened);
    return { ...session, lobby: applyLobby(session.lobby, event) };
  }
  return { ...session, game: apply(session.game, event) };
}

export function replaySession(events: readonly SessionEvent[]): Session {
  const [first, ...rest] = events;
  if (!first || first.type !== "session_opened" || !("scenario" in first)) throw new Error("a session log starts with session_opened and its scenario");
  return rest.reduce(applySession, openSession(first as SessionOpened));
}
