/**
 * What a bot knows: the scenario (public content every client has), its own view, its
 * personality and a random source. Nothing else — bots never read GameState.
 */
import type { Scenario } from "../scenario/index.ts";
import type { Command, Personality, PublicPlayer, Rng } from "../rules/index.ts";
import { pick } from "../rules/index.ts";

export interface BotInput<V> {
  scenario: Scenario;
  view: V;
  personality: Personality;
  rng: Rng;
}

/** A bot's choice for this turn; null when it has nothing more to do in this phase. */
export type BotChoice = Command | null;

export const chance = (rng: Rng, p: number) => rng.next() < p;

/**
 * Someone from the bottom of the board: a student who tells tales picks on the low scores, but
 * not all on the same one — any of the lowest third of `others` (at least three). Where the
 * board shows no scores (a list scenario), anyone.
 */
export function lowScorer(rng: Rng, others: readonly PublicPlayer[]): PublicPlayer | undefined {
  if (others.every((p) => p.score === null)) return pick(rng, others);
  const sorted = others.slice().sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  return pick(rng, sorted.slice(0, Math.max(3, Math.ceil(sorted.length / 3))));
}
