/**
 * The lobby as a small event-sourced model: who holds a seat, under which name, who was
 * kicked, whether the room is locked. `decide*` functions check a request and return the events
 * it causes or a reason; `applyLobby` is the only writer. The room stores the events before it
 * applies them, so a restart rebuilds the lobby by folding the log.
 */
import type { Reason } from "../reasons.ts";
import { nicknameKey, suggestNickname } from "./nickname.ts";
import { checkNickname } from "./nicknamePolicy.ts";

export type Seat = {
  seatId: string;
  nickname: string;
  joinedAt: number;
  kicked: boolean;
  /** The player used "step out": only the facilitator is told. */
  steppedOut: boolean;
};

export type LobbyState = {
  code: string;
  scenarioId: string;
  maxPlayers: number;
  locked: boolean;
  /** Every seat ever taken, kicked ones included, so a kicked seat token stays refused. */
  seats: Record<string, Seat>;
  /** Seat ids in joining order. */
  order: string[];
  /** Free texts (journal notes, observer notes) the facilitator hid, by id. */
  hiddenTexts: string[];
  /** The facilitator's broadcasts, oldest first: shown on the board and every device. */
  announcements: Announcement[];
  /** The board shows stable pseudonyms instead of nicknames. */
  anonymousBoard: boolean;
};

export type Announcement = { at: number; text: string };

/** Longest broadcast the facilitator can send, and how many the board keeps. */
export const ANNOUNCEMENT_MAX = 200;
export const ANNOUNCEMENTS_KEPT = 20;

export type LobbyEvent =
  | { type: "session_opened"; at: number; code: string; scenarioId: string; maxPlayers: number }
  | { type: "seat_joined"; at: number; seatId: string; nickname: string }
  | { type: "seat_renamed"; at: number; seatId: string; nickname: string }
  | { type: "seat_kicked"; at: number; seatId: string }
  /** The facilitator cleared a seat nobody was using: unlike a kick, its seat token may join again. */
  | { type: "seat_released"; at: number; seatId: string }
  /** Before the start, the event's host sent the player to another neighbourhood (session `to`): the seat is freed. */
  | { type: "seat_sent"; at: number; seatId: string; to: string }
  /** The facilitator closed every board connection (boards hold no seat; the event records when). */
  | { type: "boards_removed"; at: number }
  | { type: "room_locked"; at: number }
  | { type: "room_unlocked"; at: number }
  | { type: "seat_stepped_out"; at: number; seatId: string }
  | { type: "seat_moved"; at: number; from: string; to: string }
  | { type: "text_hidden"; at: number; target: string }
  | { type: "announcement_made"; at: number; text: string }
  | { type: "board_anonymised"; at: number; on: boolean };

export type Refusal = { reason: Reason; suggestion?: string };
export type Decision = { events: LobbyEvent[] } | Refusal;

export function isRefusal(decision: Decision): decision is Refusal {
  return "reason" in decision;
}

/**
 * Seats a room holds, players and observers together: players beyond the scenario's cap (and
 * anyone joining after the start) watch as observers, up to this many times the cap.
 */
export const SEATS_PER_PLAYER_PLACE = 5;

export const EMPTY_LOBBY: LobbyState = { code: "", scenarioId: "", maxPlayers: 0, locked: false, seats: {}, order: [], hiddenTexts: [], announcements: [], anonymousBoard: false };

/** Seats that count as present in the room: every seat that was not kicked. */
export function activeSeats(state: LobbyState): Seat[] {
  return state.order.map((id) => state.seats[id]).filter((seat): seat is Seat => seat !== undefined && !seat.kicked);
}

function takenNames(state: LobbyState, exceptSeatId?: string): string[] {
  return activeSeats(state)
    .filter((seat) => seat.seatId !== exceptSeatId)
    .map((seat) => seat.nickname);
}

function nameProblem(state: LobbyState, raw: string, exceptSeatId?: string): Refusal | { nickname: string } {
  const checked = checkNickname(raw);
  if (!checked.ok) return { reason: checked.problem };
  const taken = takenNames(state, exceptSeatId);
  const key = nicknameKey(checked.nickname);
  if (taken.some((name) => nicknameKey(name) === key)) {
    return { reason: "nickname_taken", suggestion: suggestNickname(checked.nickname, taken) };
  }
  return { nickname: checked.nickname };
}

/** A new player asks for a seat. The seat id is chosen by the caller (the room draws it). */
export function decideJoin(state: LobbyState, seatId: string, rawNickname: string, at: number): Decision {
  if (state.locked) return { reason: "room_locked" };
  if (activeSeats(state).length >= state.maxPlayers * SEATS_PER_PLAYER_PLACE) return { reason: "room_full" };
  const name = nameProblem(state, rawNickname);
  if ("reason" in name) return name;
  return { events: [{ type: "seat_joined", at, seatId, nickname: name.nickname }] };
}

export function decideRename(state: LobbyState, seatId: string, rawNickname: string, at: number): Decision {
  const seat = state.seats[seatId];
  if (!seat || seat.kicked) return { reason: "no_such_seat" };
  const name = nameProblem(state, rawNickname, seatId);
  if ("reason" in name) return name;
  if (name.nickname === seat.nickname) return { reason: "same_nickname" };
  return { events: [{ type: "seat_renamed", at, seatId, nickname: name.nickname }] };
}

export function decideKick(state: LobbyState, seatId: string, at: number): Decision {
  const seat = state.seats[seatId];
  if (!seat || seat.kicked) return { reason: "no_such_seat" };
  return { events: [{ type: "seat_kicked", at, seatId }] };
}

/**
 * "Clear unused seats": every seat nobody is connected to (`present` holds the seats with a
 * connection) is released. Only before the game starts — afterwards a seat is a character in the
 * story. A released student who comes back with their seat token gets a seat again.
 */
export function decideReleaseUnused(state: LobbyState, present: ReadonlySet<string>, at: number): Decision {
  return { events: activeSeats(state).filter((seat) => !present.has(seat.seatId)).map((seat) => ({ type: "seat_released", at, seatId: seat.seatId })) };
}

/** Sending a seated player to another neighbourhood of the event (a session's code, never this one). */
export function decideSendAway(state: LobbyState, seatId: string, to: string, at: number): Decision {
  const seat = state.seats[seatId];
  if (!seat || seat.kicked) return { reason: "no_such_seat" };
  if (to === state.code) return { reason: "not_allowed" };
  return { events: [{ type: "seat_sent", at, seatId, to }] };
}

/** "Remove boards": always possible; the room closes the board connections when it applies it. */
export function decideRemoveBoards(at: number): Decision {
  return { events: [{ type: "boards_removed", at }] };
}

export function decideLock(state: LobbyState, locked: boolean, at: number): Decision {
  if (state.locked === locked) return { reason: locked ? "already_locked" : "already_unlocked" };
  return { events: [locked ? { type: "room_locked", at } : { type: "room_unlocked", at }] };
}

/** The only writer of lobby state. Never mutates its input. */
export function applyLobby(state: LobbyState, event: LobbyEvent): LobbyState {
  switch (event.type) {
    case "session_opened":
      return { ...state, code: event.code, scenarioId: event.scenarioId, maxPlayers: event.maxPlayers };
    case "seat_joined":
      return {
        ...state,
        seats: { ...state.seats, [event.seatId]: { seatId: event.seatId, nickname: event.nickname, joinedAt: event.at, kicked: false, steppedOut: false } },
        order: [...state.order, event.seatId],
      };
    case "seat_renamed":
      return withSeat(state, event.seatId, (seat) => ({ ...seat, nickname: event.nickname }));
    case "seat_kicked":
      return withSeat(state, event.seatId, (seat) => ({ ...seat, kicked: true }));
    case "seat_released":
    case "seat_sent": {
      if (!state.seats[event.seatId]) return state;
      const seats = { ...state.seats };
      delete seats[event.seatId];
      return { ...state, seats, order: state.order.filter((id) => id !== event.seatId) };
    }
    case "boards_removed":
      return state;
    case "room_locked":
      return { ...state, locked: true };
    case "room_unlocked":
      return { ...state, locked: false };
    case "seat_moved": {
      const seat = state.seats[event.from];
      if (!seat) return state;
      const seats = { ...state.seats, [event.to]: { ...seat, seatId: event.to } };
      delete seats[event.from];
      return { ...state, seats, order: state.order.map((id) => (id === event.from ? event.to : id)) };
    }
    case "seat_stepped_out":
      return withSeat(state, event.seatId, (seat) => ({ ...seat, steppedOut: true }));
    case "text_hidden":
      return state.hiddenTexts.includes(event.target) ? state : { ...state, hiddenTexts: [...state.hiddenTexts, event.target] };
    case "announcement_made":
      return { ...state, announcements: [...state.announcements, { at: event.at, text: event.text }].slice(-ANNOUNCEMENTS_KEPT) };
    case "board_anonymised":
      return { ...state, anonymousBoard: event.on };
  }
}

function withSeat(state: LobbyState, seatId: string, change: (seat: Seat) => Seat): LobbyState {
  const seat = state.seats[seatId];
  if (!seat) return state;
  return { ...state, seats: { ...state.seats, [seatId]: change(seat) } };
}

/** A player's lobby seat moves to another id (a bot's seat they take over). */
export function decideMoveSeat(state: LobbyState, from: string, to: string, at: number): Decision {
  const seat = state.seats[from];
  if (!seat || seat.kicked) return { reason: "no_such_seat" };
  if (state.seats[to]) return { reason: "seat_taken" };
  return { events: [{ type: "seat_moved", at, from, to }] };
}

/** A player asks to step out of their role; repeated asks are one. */
export function decideStepOut(state: LobbyState, seatId: string, at: number): Decision {
  const seat = state.seats[seatId];
  if (!seat || seat.kicked) return { reason: "no_such_seat" };
  if (seat.steppedOut) return { events: [] };
  return { events: [{ type: "seat_stepped_out", at, seatId }] };
}

/** The facilitator hides a free text everywhere it is shown. */
export function decideHideText(state: LobbyState, target: string, at: number): Decision {
  if (state.hiddenTexts.includes(target)) return { events: [] };
  return { events: [{ type: "text_hidden", at, target }] };
}

export function replayLobby(events: readonly LobbyEvent[]): LobbyState {
  return events.reduce(applyLobby, EMPTY_LOBBY);
}

/** The facilitator broadcasts a short message to the board and every device. */
export function decideAnnounce(state: LobbyState, raw: string, at: number): Decision {
  const text = raw.replace(/\s+/g, " ").trim();
  if (text.length === 0) return { reason: "empty_text" };
  if (text.length > ANNOUNCEMENT_MAX) return { reason: "text_too_long" };
  return { events: [{ type: "announcement_made", at, text }] };
}

/** The facilitator switches the board's anonymous mode; asking for the current mode changes nothing. */
export function decideAnonymousBoard(state: LobbyState, on: boolean, at: number): Decision {
  if (state.anonymousBoard === on) return { events: [] };
  return { events: [{ type: "board_anonymised", at, on }] };
}
