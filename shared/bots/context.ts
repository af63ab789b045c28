/**
 * What a bot knows: the scenario (public content every client has), its own view, its
 * personality and a random source. Nothing else — bots never read GameState.
 */
import type { Scenario } from "../scenario/index.ts";
import type { Personality, PublicPlayer, Rng } from "../rules/index.ts";
import type { Command, CommandKind } from "../commands/index.ts";
import { pick } from "../rules/index.ts";

export interface BotInput<V> {
  scenario: Scenario;
  view: V;
  personality: Personality;
  rng: Rng;
}

/** A bot's choice for this turn; null when it has nothing more to do in this phase. */
export type BotChoice = Command | null;

/**
 * A group of commands a player's screen offers, all of one kind: the buttons, forms and queues a
 * student sees. decide() judges which are legal right now; the random player picks among the
 * legal ones, and the simulator's "meaningful action available" measure asks whether any
 * `prompted` one is. `prompted`: it answers something the game put in front of the player (a
 * deed where they stand, a loan, an entry, an appeal, an observation), unlike walking about or
 * a report, hearsay or rule proposal, which are always open. `handy`: the first thing to hand,
 * which a careless player takes instead of what their goal needs. Lists are lazy (generators),
 * so a caller that needs only the first legal command stops early.
 */
export interface Offer<V> {
  kind: CommandKind;
  prompted?: boolean;
  handy?: boolean;
  list(sc: Scenario, view: V): Iterable<Command>;
}

/** The deeds a journal or a rule may name: those people do and points ride on. */
export const recordableDeeds = (sc: Scenario) => sc.deeds.filter((d) => d.source !== "system" && d.points !== 0);

/** The others on the board who carry a grade. */
export const gradedOthers = (v: { me: { seat: string }; board: { players: readonly PublicPlayer[] } }) => v.board.players.filter((p) => p.seat !== v.me.seat && p.grade !== null);

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
