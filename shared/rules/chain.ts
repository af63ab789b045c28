/**
 * A scratch pad for decide(): handlers that emit several events in a row (the night, a
 * reversal) push them here and read the state as it will be after each one, so later events
 * see earlier ones. Only the event list leaves decide().
 *
 * The state is brought up to date when it is read, not at every push: the caller applies the
 * events again anyway (the room to show them, the simulator to play on), so a handler that never
 * looks back — a deed with no camera, the bots' many "would this pass?" questions — applies none.
 */
import { apply } from "./apply.ts";
import type { GameEvent } from "./events.ts";
import type { GameState } from "./state.ts";

export interface Chain {
  /** The state after every event pushed so far. */
  readonly state: GameState;
  readonly events: GameEvent[];
}

export function chain(start: GameState): Chain {
  let state = start;
  let applied = 0;
  const events: GameEvent[] = [];
  return {
    events,
    get state() {
      while (applied < events.length) state = apply(state, events[applied++]!);
      return state;
    },
  };
}

export function push(c: Chain, event: GameEvent): void {
  c.events.push(event);
}
