/**
 * Bots for every role: `botCommand` picks one command for a bot seat from that seat's own view.
 * The room and the simulator call it in turns; null means "nothing more to do this phase".
 */
import type { Scenario } from "../scenario/index.ts";
import type { GameState, Personality, Rng, SeatId } from "../rules/index.ts";
import { viewFor } from "../rules/index.ts";
import type { BotChoice } from "./context.ts";
import { answerRequest, gatherEvidence } from "./evidence.ts";
import { officialBot } from "./official.ts";
import { residentBot } from "./resident.ts";
import { watcherBot } from "./watcher.ts";

export type { BotChoice, BotInput } from "./context.ts";
export { residentBot } from "./resident.ts";
export { watcherBot } from "./watcher.ts";
export { officialBot } from "./official.ts";
export { answerRequest, gatherEvidence, evidenceOn } from "./evidence.ts";

/** One command for the bot in `seat`, chosen from `viewFor(state, seat)` alone. */
export function botCommand(scenario: Scenario, state: GameState, seat: SeatId, personality: Personality, rng: Rng): BotChoice {
  const view = viewFor(state, { kind: "seat", seat });
  // an official's request for a statement is answered before anything else
  switch (view.kind) {
    case "resident":
      return answerRequest({ scenario, view, personality, rng }) ?? residentBot({ scenario, view, personality, rng });
    case "watcher":
      return answerRequest({ scenario, view, personality, rng }) ?? watcherBot({ scenario, view, personality, rng });
    case "official":
      return gatherEvidence({ scenario, view, personality, rng }) ?? officialBot({ scenario, view, personality, rng });
    default:
      return null;
  }
}
