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

/** A refusal, with its reason code; `detail` names what blocked it, `suggestion` a way out (a free nickname). */
export type Rejection = { ok: false; reason: Reason; detail?: string; suggestion?: string };
/** What deciding a command gives: the events it causes (the rules' own, or a session's), or a rejection. */
export type Verdict<E> = { ok: true; events: E[] } | Rejection;
export type Decision = Verdict<GameEvent>;

export const reject = (reason: Reason, detail?: string): Rejection =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
export const accept = (events: GameEvent[]): Decision => ({ ok: true, events });
