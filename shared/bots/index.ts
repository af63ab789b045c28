/**
 * Bots for every role: `botCommand` picks one command for a bot seat from that seat's own view.
 * The room and the simulator call it in turns; null means "nothing more to do this phase".
 */
import type { Scenario } from "../scenario/index.ts";
import type { GameState, Personality, Rng, SeatId, View } from "../rules/index.ts";
import type { Command } from "../commands/index.ts";
import { createRng, observes, seatActor, viewFor } from "../rules/index.ts";
import { decide } from "../commands/index.ts";
import { carelessBot } from "./careless.ts";
import { randomBot } from "./random.ts";
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
export { randomBot, randomLegal, RANDOM_STOP } from "./random.ts";
export { carelessBot, missesPhase } from "./careless.ts";
export { offersFor, roleOf } from "./candidates.ts";
export type { Offer } from "./context.ts";

/**
 * One command for the bot in `seat`, chosen from `viewFor(state, seat)` alone (the careless and
 * random players also try buttons: `decide` says which would work).
 */
export function botCommand(scenario: Scenario, state: GameState, seat: SeatId, personality: Personality, rng: Rng): BotChoice {
  const view = viewFor(state, { kind: "seat", seat });
  if (personality === "random" || personality === "careless") {
    // A student tries a button and sees whether it works: decide() on a throwaway random
    // source and the phase's own clock judges legality without touching the game.
    const legal = (command: Command) => decide(state, seatActor(seat), command, { now: state.phaseEndsAt ?? 0, rng: createRng(0) }).ok;
    const input = { scenario, view, personality, rng };
    if (personality === "random") return randomBot(input, legal);
    return carelessBot(input, legal, (plain) => policy(scenario, view, plain, rng));
  }
  return policy(scenario, view, personality, rng);
}

/** The policy for the seat's screen: a desk's, or the town's (a role that observes deeds journals them). */
function policy(scenario: Scenario, view: View, personality: Personality, rng: Rng): BotChoice {
  if (view.kind === "official") return gatherEvidence({ scenario, view, personality, rng }) ?? officialBot({ scenario, view, personality, rng });
  if (view.kind === "board" || view.kind === "facilitator" || view.kind === "observer") return null;
  const input = { scenario, view, personality, rng };
  return answerRequest(input) ?? (observes(view.kind) ? watcherBot(input) : residentBot(input));
}
