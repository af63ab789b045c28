/**
 * Bots for every role: `botCommand` picks one command for a bot seat from that seat's own view.
 * The room and the simulator call it in turns; null means "nothing more to do this phase".
 */
import type { Scenario } from "../scenario/index.ts";
import type { GameState, Personality, Rng, SeatId } from "../rules/index.ts";
import { viewFor } from "../rules/index.ts";
import type { BotChoice } from "./context.ts";
import { officialBot } from "./official.ts";
import { residentBot } from "./resident.ts";
import { watcherBot } from "./watcher.ts";

export type { BotChoice, BotInput } from "./context.ts";
export { residentBot } from "./resident.ts";
export { watcherBot } from "./watcher.ts";
export { officialBot } from "./official.ts";

/** One command for the bot in `seat`, chosen from `viewFor(state, seat)` alone. */
export function botCommand(scenario: Scenario, state: GameState, seat: SeatId, personality: Personality, rng: Rng): BotChoice {
  const view = viewFor(state, { kind: "seat", seat });
  switch (view.kind) {
    case "resident":
      return residentBot({ scenario, view, personality, rng });
    case "watcher":
      return watcherBot({ scenario, view, personality, rng });
    case "official":
      return officialBot({ scenario, view, personality, rng });
    default:
      return null;
  }
}
