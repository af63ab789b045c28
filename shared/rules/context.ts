/**
 * What decide() gets from outside and what it gives back. `ctx.now` is the clock (ms) and
 * `ctx.rng` the seeded random source; both only reach the state through events.
 */
import type { GameEvent } from "./events.ts";
import type { Reason } from "../reasons.ts";
import type { Rng } from "./rng.ts";

export interface Ctx {
  now: number;
  rng: Rng;
}

export type Rejection = { ok: false; reason: Reason; detail?: string };
export type Decision = { ok: true; events: GameEvent[] } | Rejection;

export const reject = (reason: Reason, detail?: string): Rejection =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
export const accept = (events: GameEvent[]): Decision => ({ ok: true, events });
