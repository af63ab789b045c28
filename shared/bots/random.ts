/**
 * The random-legal player: a student clicking whatever their screen offers. Each turn it picks
 * a command kind at random among those with at least one legal command right now, then a
 * uniformly random legal command of that kind (decide() is the judge, through `legal`). It
 * stops for the phase now and then, as a student who has had enough.
 *
 * Picking the kind first keeps rare kinds (an appeal, a blacklisting) as likely as walking
 * about, so a scenario meets every kind of clumsy move, and it stays cheap: only the commands
 * of the kinds tried are judged.
 */
import type { Rng, View } from "../rules/index.ts";
import { shuffle } from "../rules/index.ts";
import { opensTo, type Command, type CommandKind } from "../commands/index.ts";
import { offersFor, roleOf } from "./candidates.ts";
import { chance, type BotChoice, type BotInput, type Offer } from "./context.ts";

/** Chance per turn that the player stops acting for the rest of the phase. */
export const RANDOM_STOP = 0.25;

export type LegalCheck = (command: Command) => boolean;

/** A random legal command among the screen's offers (all, or those `only` keeps); null if none. */
export function randomLegal(input: BotInput<View>, legal: LegalCheck, only?: (offer: Offer<View>) => boolean): Command | null {
  const view = input.view;
  const role = roleOf(view);
  if (!role || !("board" in view)) return null;
  const byKind = new Map<CommandKind, Offer<View>[]>();
  for (const offer of offersFor(role)) {
    // the contract first: a button this role cannot press in this phase is not tried
    if ((only && !only(offer)) || !opensTo(offer.kind, role, view.board.phase)) continue;
    byKind.set(offer.kind, [...(byKind.get(offer.kind) ?? []), offer]);
  }
  for (const kind of shuffle(input.rng, [...byKind.keys()])) {
    const all = shuffle(input.rng, byKind.get(kind)!.flatMap((offer) => [...offer.list(input.scenario, view)]));
    const found = all.find(legal);
    if (found) return found;
  }
  return null;
}

export function randomBot(input: BotInput<View>, legal: LegalCheck): BotChoice {
  if (chance(input.rng, RANDOM_STOP)) return null;
  return randomLegal(input, legal);
}

export type { Rng };
