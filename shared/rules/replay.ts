/** Rebuild a game from its log: the scenario it started from and every event, in order. */
import type { Scenario } from "../scenario/index.ts";
import { applyAll } from "./apply.ts";
import type { GameEvent } from "./events.ts";
import { newGame, type GameState } from "./state.ts";

export function replay(scenario: Scenario, events: readonly GameEvent[]): GameState {
  return applyAll(newGame(scenario), events);
}
