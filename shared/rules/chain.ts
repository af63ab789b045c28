/**
 * A scratch pad for decide(): handlers that emit several events in a row (the night, a
 * reversal) push them here and read the state as it will be after each one, so later events
 * see earlier ones. Only the event list leaves decide().
 */
import { apply } from "./apply.ts";
import type { GameEvent } from "./events.ts";
import type { GameState } from "./state.ts";

export interface Chain {
  state: GameState;
  events: GameEvent[];
}

export function chain(state: GameState): Chain {
  return { state, events: [] };
}

export function push(c: Chain, event: GameEvent): void {
  c.events.push(event);
  c.state = apply(c.state, event);
}
