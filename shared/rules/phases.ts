/**
 * The day's rhythm and the facilitator's clock controls. A running game cycles
 * morning → day → evening → night for `phases.days` days, then ends. The room's clock sends
 * `advance` as the system actor once `phaseEndsAt` has passed; the facilitator's `advance`
 * is "skip" and works at any time.
 */
import { isTown } from "./roleBook.ts";
import type { Actor } from "./actor.ts";
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Ctx, type Decision } from "./context.ts";
import type { GameEvent } from "./events.ts";
import { chain, push } from "./chain.ts";
import { nightEvents } from "./night.ts";
import { Reasons } from "../reasons.ts";
import { shuffle } from "./rng.ts";
import { expireStatements } from "./statements.ts";
import type { GameState, Phase, SeatId } from "./state.ts";

type PlayPhase = Exclude<Phase, "lobby" | "ended">;
const NEXT: Record<PlayPhase, PlayPhase> = { morning: "day", day: "evening", evening: "night", night: "morning" };

/** The event card draw: offers of event deeds go to residents drawn at random. */
export function drawCard(s: GameState, cardId: string, ctx: Ctx): GameEvent {
  const card = s.scenario.eventCards.find((c) => c.id === cardId);
  const offers: Record<SeatId, string> = {};
  const towns = s.seats.filter((seat) => s.players[seat]?.scored && isTown(s.players[seat]?.role));
  for (const fx of card?.effects ?? []) {
    if (fx.kind !== "offer_deed") continue;
    for (const seat of shuffle(ctx.rng, towns).slice(0, fx.count)) offers[seat] = fx.deed;
  }
  return { type: "card_drawn", card: cardId, offers };
}

/** Events that open a phase: its timer, and in the morning rule changes and the day's cards. */
export function phaseOpening(s: GameState, phase: PlayPhase, day: number, ctx: Ctx): GameEvent[] {
  const seconds = s.scenario.phases[phase];
  const c = chain(s);
  push(c, { type: "phase_started", phase, day, endsAt: ctx.now + seconds * 1000 });
  if (phase === "morning") {
    for (const p of s.proposals) {
      if (p.status === "pending") push(c, { type: "rule_changed", deed: p.deed, points: p.points, proposal: p.id });
    }
    for (const card of s.scenario.eventCards) {
      if (card.day === day) push(c, drawCard(c.state, card.id, ctx));
    }
  }
  return c.events;
}

/**
 * When the clock may end the current phase: its deadline plus the longest extra time given to a
 * single player (null while paused or outside play).
 */
export function phaseDeadline(s: GameState): number | null {
  if (s.phaseEndsAt === null) return null;
  return s.phaseEndsAt + Math.max(0, ...Object.values(s.extraTime));
}

export function advance(s: GameState, actor: Actor, ctx: Ctx, from?: { day: number; phase: Phase } | null): Decision {
  if (from && (from.day !== s.day || from.phase !== s.phase)) return reject(Reasons.stale_phase);
  if (actor.kind === "clock") {
    if (s.paused) return reject(Reasons.paused);
    const deadline = phaseDeadline(s);
    if (deadline === null || ctx.now < deadline) return reject(Reasons.phase_not_over);
  }
  // Requests for statements live as long as the phase they were asked in.
  const c = chain(s);
  const expired = expireStatements(s);
  if (expired) push(c, expired);
  const phase = s.phase as PlayPhase;
  if (phase === "night") {
    if (s.day >= s.scenario.phases.days) push(c, { type: "game_ended" });
    else for (const e of phaseOpening(c.state, "morning", s.day + 1, ctx)) push(c, e);
    return accept(c.events);
  }
  const next = NEXT[phase];
  for (const e of phaseOpening(c.state, next, s.day, ctx)) push(c, e);
  // Night: points are applied, grades recomputed, the blacklist updated, the board refreshed.
  if (next === "night") nightEvents(c);
  return accept(c.events);
}

export function pause(s: GameState, ctx: Ctx): Decision {
  if (s.paused) return reject(Reasons.paused);
  return accept([{ type: "paused", left: Math.max(0, (s.phaseEndsAt ?? ctx.now) - ctx.now) }]);
}

export function resume(s: GameState, ctx: Ctx): Decision {
  if (!s.paused) return reject(Reasons.not_paused);
  return accept([{ type: "resumed", endsAt: ctx.now + (s.pausedLeft ?? 0) }]);
}

export function extend(s: GameState, c: CommandOf<"extend">): Decision {
  if (!Number.isInteger(c.seconds) || c.seconds < 1 || c.seconds > 3600) return reject(Reasons.invalid_command);
  const ms = c.seconds * 1000;
  if (c.seatId !== undefined && c.seatId !== null) {
    if (!s.players[c.seatId]) return reject(Reasons.unknown_seat);
    return accept([{ type: "extended_for", seat: c.seatId, ms }]);
  }
  if (s.paused) return accept([{ type: "extended", endsAt: null, left: (s.pausedLeft ?? 0) + ms }]);
  return accept([{ type: "extended", endsAt: (s.phaseEndsAt ?? 0) + ms, left: null }]);
}

export function injectCard(s: GameState, c: CommandOf<"inject_card">, ctx: Ctx): Decision {
  if (!s.scenario.eventCards.some((card) => card.id === c.card)) return reject(Reasons.unknown_card);
  return accept([drawCard(s, c.card, ctx)]);
}

export function end(s: GameState): Decision {
  const expired = expireStatements(s);
  return accept(expired ? [expired, { type: "game_ended" }] : [{ type: "game_ended" }]);
}
