/**
 * The careless player: a student who means well and half-listens. They miss some phases
 * entirely (a deterministic draw per seat, day and phase, so the room and the simulator agree
 * without remembering anything), forget the rest of a phase now and then, and often take
 * whatever their screen offers instead of what their goal needs. The rest of the time they
 * play their role's plain policy (a conformist resident, an honest watcher, a fair official).
 * In the simulator they also act late: they sit out the first rounds of every phase.
 */
import { ROLE_BOOK, isPlaying, type PlayingRole, type Role } from "../rules/roleBook.ts";
import type { Personality, View } from "../rules/index.ts";
import { chance, type BotChoice, type BotInput } from "./context.ts";
import { randomLegal, type LegalCheck } from "./random.ts";

/** Share of phases a careless player misses entirely. */
export const CARELESS_MISS = 0.15;
/** Chance per turn of forgetting the rest of the phase. */
export const CARELESS_FORGET = 0.2;
/** Chance per turn of a sub-optimal move: whatever deed or decision is first to hand. */
export const CARELESS_SLOPPY = 0.35;

/** FNV-1a: a stable draw from text, for "does this seat miss this phase". */
function hash01(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

export function missesPhase(seat: string, day: number, phase: string): boolean {
  return hash01(`${seat}|${day}|${phase}`) < CARELESS_MISS;
}

/** The role's plain policy a careless player falls back on. */
export function plainPersonality(view: View): Personality {
  return (isPlaying(view.kind as Role) && ROLE_BOOK[view.kind as PlayingRole].standIn) || "conformist";
}

export function carelessBot(input: BotInput<View>, legal: LegalCheck, plain: (p: Personality) => BotChoice): BotChoice {
  const { view, rng } = input;
  if (view.kind === "board" || view.kind === "facilitator" || view.kind === "observer") return null;
  if (missesPhase(view.me.seat, view.board.day, view.board.phase)) return null;
  if (chance(rng, CARELESS_FORGET)) return null;
  if (chance(rng, CARELESS_SLOPPY)) {
    // whatever is first to hand: a deed or service where they stand, a decision in their queue
    const sloppy = randomLegal(input, legal, (offer) => offer.handy === true);
    if (sloppy) return sloppy;
  }
  return plain(plainPersonality(view));
}
