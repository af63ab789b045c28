/**
 * How many of a neighbourhood's seats play, against its scenario's range: counted as the full
 * console's set-up panel counts them (every seat but an observer's, bots included), so a card
 * says "too few" exactly when the start would be refused with `too_few_players`.
 */
import { OBSERVER } from "../../shared/rules/roleBook.ts";
import type { ConsoleData } from "../host/types.ts";

export type Seats = { playing: number; min: number; max: number };

/** The lobby's count (null outside the lobby, or before the rulebook and the facilitator's view arrive). */
export function lobbySeats({ view, game }: Pick<ConsoleData, "view" | "game">): Seats | null {
  const rulebook = view?.rulebook;
  if (!rulebook || game?.phase !== "lobby") return null;
  const playing = game.seats.filter((seat) => game.players[seat] !== undefined && game.players[seat].role !== OBSERVER).length;
  return { playing, min: rulebook.minPlayers, max: rulebook.maxPlayers };
}

/** The bots it takes to reach the minimum (0 when enough play). */
export function botsShort(seats: Seats | null): number {
  return seats ? Math.max(0, seats.min - seats.playing) : 0;
}
