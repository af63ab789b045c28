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
import type { Command, CommandKind, Rng } from "../rules/index.ts";
import { RULES, shuffle } from "../rules/index.ts";
import { candidatesFor } from "./candidates.ts";
import { chance, type BotChoice, type BotInput } from "./context.ts";
import type { View } from "../rules/index.ts";

/** Chance per turn that the player stops acting for the rest of the phase. */
export const RANDOM_STOP = 0.25;

export type LegalCheck = (command: Command) => boolean;

/** A random legal command, of any kind or only of the kinds in `only`; null if none. */
export function randomLegal(input: BotInput<View>, legal: LegalCheck, only?: ReadonlySet<CommandKind>): Command | null {
  const cands = candidatesFor(input.scenario, input.view);
  const kinds = shuffle(input.rng, Object.keys(cands) as CommandKind[]);
  const view = input.view;
  const role = view.kind === "resident" || view.kind === "watcher" || view.kind === "official" ? view.kind : null;
  const phase = "board" in view ? view.board.phase : null;
  for (const kind of kinds) {
    if (only && !only.has(kind)) continue;
    // the rules' gate table first: a button this role cannot press in this phase is not tried
    const rule = RULES[kind];
    if (!role || !phase || typeof rule.who === "string" || !rule.who.includes(role) || !rule.phases.includes(phase)) continue;
    const all = shuffle(input.rng, [...cands[kind]!()]);
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
