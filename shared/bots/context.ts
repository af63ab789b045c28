/**
 * What a bot knows: the scenario (public content every client has), its own view, its
 * personality and a random source. Nothing else — bots never read GameState.
 */
import type { Scenario } from "../scenario/index.ts";
import type { Command, Personality, Rng } from "../rules/index.ts";

export interface BotInput<V> {
  scenario: Scenario;
  view: V;
  personality: Personality;
  rng: Rng;
}

/** A bot's choice for this turn; null when it has nothing more to do in this phase. */
export type BotChoice = Command | null;

export const chance = (rng: Rng, p: number) => rng.next() < p;
