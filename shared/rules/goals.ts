/**
 * Secret goals: dealt at the start (the draw is recorded in game_started) and judged from the
 * state at any moment — the reveal at the end uses goalMet for every player.
 */
import { isTown } from "./roleBook.ts";
import type { GoalCard } from "../scenario/index.ts";
import { gradeIndex } from "./grades.ts";
import { pick, shuffle, type Rng } from "./rng.ts";
import type { GameState, Player, Role, SeatId } from "./state.ts";

export interface Deal {
  goals: Record<SeatId, string[]>;
  allies: Record<SeatId, SeatId>;
  targets: Record<SeatId, SeatId>;
}

const needsAlly = (g: GoalCard) =>
  g.check.kind === "ally_keeps_grade" || g.check.kind === "protect_ally" || g.check.kind === "ally_ends_grade";

/** Draw goals (and the ally or target some goals name) for every seat with a playing role. */
export function dealGoals(
  state: GameState,
  roles: Record<SeatId, Role>,
  rng: Rng,
): Deal {
  const s = state.scenario;
  const deal: Deal = { goals: {}, allies: {}, targets: {} };
  const targeted: { target: SeatId; card: string }[] = [];
  const towns = state.seats.filter((seat) => isTown(roles[seat]));
  // Cards for a named target (the journalist's) are never drawn: they go to whoever is named.
  const drawable = s.goals.filter((g) => g.forTargetOf === undefined);
  for (const seat of state.seats) {
    const role = roles[seat];
    if (!role || role === "observer") continue;
    const cards = shuffle(rng, drawable.filter((g) => g.role === role)).slice(0, s.goalsPerPlayer);
    deal.goals[seat] = cards.map((g) => g.id);
    const others = towns.filter((x) => x !== seat);
    if (cards.some(needsAlly)) {
      // An ally (a cousin, a friend) is a resident when there is one: someone with a life to protect.
      const residentsOnly = others.filter((x) => roles[x] === "resident");
      const ally = pick(rng, residentsOnly.length > 0 ? residentsOnly : others);
      if (ally) deal.allies[seat] = ally;
    }
    const down = cards.find((g) => g.check.kind === "target_down");
    if (down) {
      // A target is a resident when there is one (the journalist lives in the town, not on watch).
      const candidates = others.filter((x) => x !== deal.allies[seat]);
      const residents = candidates.filter((x) => roles[x] === "resident");
      const target = pick(rng, residents.length > 0 ? residents : candidates);
      if (target) {
        deal.targets[seat] = target;
        targeted.push({ target, card: down.id });
      }
    }
  }
  // The named target learns who they are through a card of their own (dealt once per card).
  for (const { target, card } of targeted) {
    for (const g of s.goals.filter((x) => x.forTargetOf === card)) {
      const held = deal.goals[target] ?? [];
      if (!held.includes(g.id)) deal.goals[target] = [...held, g.id];
    }
  }
  return deal;
}

/** Whether `seat` has met goal card `goalId` in `state` (final at the end of the game). */
export function goalMet(state: GameState, seat: SeatId, goalId: string): boolean {
  const card = state.scenario.goals.find((g) => g.id === goalId);
  const p = state.players[seat];
  if (!card || !p) return false;
  const c = card.check;
  const other = (id: SeatId | null): Player | undefined => (id ? state.players[id] : undefined);
  const entries = () => Object.values(state.journal).filter((e) => e.author === seat);
  switch (c.kind) {
    case "acquire": {
      const day = p.itemDays[c.item];
      return day !== undefined && day <= c.byDay;
    }
    case "keep_grade":
      return p.worstGradeIndex <= gradeIndex(state.scenario, c.grade);
    case "ally_keeps_grade": {
      const ally = other(p.ally);
      return !!ally && ally.worstGradeIndex <= gradeIndex(state.scenario, c.grade);
    }
    case "never_blacklisted":
      return !p.everBlacklisted;
    case "win_appeal":
      return Object.values(state.appeals).some((a) => a.appellant === seat && a.status === "reversed");
    case "wellbeing":
      return p.wellbeing >= c.min;
    case "approved_entries":
      return entries().filter((e) => e.status === "approved").length >= c.count;
    case "only_witnessed": {
      const mine = entries();
      return mine.length > 0 && mine.every((e) => e.basis === "witnessed");
    }
    case "average_score": {
      const scored = state.seats.map((x) => state.players[x]).filter((x): x is Player => !!x && x.scored);
      if (scored.length === 0) return false;
      return scored.reduce((a, x) => a + x.score, 0) / scored.length >= c.min;
    }
    case "protect_ally": {
      const ally = other(p.ally);
      return !!ally && !ally.everBlacklisted;
    }
    case "target_down": {
      const t = other(p.target);
      return !!t && (t.blacklisted || gradeIndex(state.scenario, t.grade) >= gradeIndex(state.scenario, c.grade));
    }
    case "clear_appeals":
      return !Object.values(state.appeals).some((a) => a.status === "pending");
    case "ally_ends_grade": {
      const ally = other(p.ally);
      return !!ally && !ally.blacklisted && gradeIndex(state.scenario, ally.grade) <= gradeIndex(state.scenario, c.grade);
    }
    case "appeals_decided":
      return Object.values(state.appeals).filter((a) => a.decidedBy === seat).length >= c.count;
  }
}

/** Every player's goals with whether each is met: the reveal. */
export function goalReport(state: GameState): { seat: SeatId; goal: string; met: boolean }[] {
  const out: { seat: SeatId; goal: string; met: boolean }[] = [];
  for (const seat of state.seats) {
    for (const goal of state.players[seat]?.goals ?? []) out.push({ seat, goal, met: goalMet(state, seat, goal) });
  }
  return out;
}
