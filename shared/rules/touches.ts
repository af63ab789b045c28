/**
 * Which seats' views an event can change, so the room rebuilds (and sends) only those after a
 * command. The board and the facilitator see every change and are not named here.
 *
 * Only the frequent events that change one seat's own record are narrowed; every other event
 * (phases, reviews, grades, blacklists, appeals, loans, cards, seats, rules…) answers "all",
 * because goals, citable entries and the officials' lists read across players. The property test
 * (tests/unit/rules/touches.test.ts) checks on played games that no other seat's view moves.
 */
import type { GameEvent } from "./events.ts";
import type { GameState, SeatId } from "./state.ts";

export type Touched = ReadonlySet<SeatId> | "all";

export function touches(event: GameEvent, _before: GameState, after: GameState): Touched {
  switch (event.type) {
    // one's place, action points and money: one's own record, the trips and actions offered to one
    case "moved":
    case "service_used":
    case "extended_for":
      return new Set([event.seat]);
    // an observer's notebook
    case "note_written":
      return new Set([event.seat]);
    // what one did (one's record and deeds), what the watchers there saw, what the cameras caught
    case "deed_done": {
      const o = event.occurrence;
      const seats = new Set<SeatId>([o.actor, ...o.witnesses]);
      if (o.camera) for (const seat of after.seats) if (after.players[seat]?.role === "official") seats.add(seat);
      return seats;
    }
    default:
      return "all";
  }
}
