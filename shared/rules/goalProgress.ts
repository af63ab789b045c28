/**
 * How far a player is with each of their secret goals, as plain facts for the goal card: the
 * player the card names (ally or target, by seat), counts (approved entries, appeals waiting),
 * grades (now, worst so far, needed) and, for a thing to acquire, what stands in the way (grade,
 * the blacklist, money, place, day). `met` is `goalMet` — the same judge as the reveal — and
 * `settled` says the outcome can no longer change before the end, so a card can say "done" or
 * "missed" instead of "so far" or "not yet".
 *
 * Only facts this seat may know go in: its own record, and of other players what the board shows
 * anyway (grade, blacklisted) or an aggregate (the average score an official's goal is about).
 */
import type { GoalCheck, Scenario } from "../scenario/index.ts";
import { goalMet } from "./goals.ts";
import { blockingRestriction, serviceMoney } from "./grades.ts";
import type { GameState, Player, SeatId } from "./state.ts";

interface Base {
  /** The goal card's id. */
  goal: string;
  /** Met if the game ended now. */
  met: boolean;
  /** The outcome cannot change any more (done for good, or missed for good). */
  settled: boolean;
}

export type GoalFacts =
  | {
      kind: "acquire";
      /** The service that grants the item (null if none does). */
      service: string | null;
      /** Where that service is offered. */
      places: string[];
      /** The first day it is offered (a scenario may open a want later in the game). */
      fromDay: number;
      byDay: number;
      /** The day the item was acquired, or null. */
      day: number | null;
      /** The lowest grade whose restrictions still allow the service (null: any grade will do). */
      needGrade: string | null;
      /** Being blacklisted blocks the service. */
      offList: boolean;
      /** Money it costs this player now (after perks). */
      price: number;
      /** The restriction that blocks it for this player right now, or null. */
      blockedBy: string | null;
    }
  | { kind: "keep_grade"; grade: string; worst: string; need: string }
  | { kind: "ally_keeps_grade"; person: SeatId | null; grade: string | null; worst: string | null; need: string }
  | { kind: "never_blacklisted"; blacklisted: boolean }
  | { kind: "win_appeal"; waiting: number }
  | { kind: "wellbeing"; have: number; need: number }
  | { kind: "approved_entries"; have: number; need: number; waiting: number }
  | { kind: "only_witnessed"; witnessed: number; hearsay: number }
  | { kind: "average_score"; average: number | null; need: number }
  | { kind: "protect_ally"; person: SeatId | null; blacklisted: boolean }
  | { kind: "target_down"; person: SeatId | null; grade: string | null; blacklisted: boolean; need: string }
  | { kind: "clear_appeals"; waiting: number }
  | { kind: "ally_ends_grade"; person: SeatId | null; grade: string | null; blacklisted: boolean; need: string }
  | { kind: "appeals_decided"; have: number; need: number };

export type GoalProgress = Base & GoalFacts;

/** The player a goal names (ally or target), if any: what the card shows with an avatar. */
export function namedPerson(progress: GoalProgress): SeatId | null {
  return "person" in progress ? progress.person : null;
}

const gradeId = (s: Scenario, index: number): string | null => s.grades[index]?.id ?? null;

/*
 * Every seat's view is rebuilt after each event, so the counts over the journal, the appeals and
 * the players are memoised on the identity of the part of the state they come from (apply()
 * replaces a record only when it changes), as views.ts does.
 */
interface AuthorCounts {
  approved: number;
  waiting: number;
  witnessed: number;
  hearsay: number;
}
const byAuthorCache = new WeakMap<GameState["journal"], Record<SeatId, AuthorCounts>>();
function authorCounts(state: GameState, seat: SeatId): AuthorCounts {
  let index = byAuthorCache.get(state.journal);
  if (!index) {
    index = {};
    for (const e of Object.values(state.journal)) {
      if (!e.author) continue;
      const c = (index[e.author] ??= { approved: 0, waiting: 0, witnessed: 0, hearsay: 0 });
      if (e.status === "approved") c.approved++;
      else if (e.status === "pending" || e.status === "evidence_requested") c.waiting++;
      if (e.basis === "witnessed") c.witnessed++;
      else c.hearsay++;
    }
    byAuthorCache.set(state.journal, index);
  }
  return index[seat] ?? { approved: 0, waiting: 0, witnessed: 0, hearsay: 0 };
}

/** Pending appeals: by appellant, and in all (the key "" holds the total). */
const pendingCache = new WeakMap<GameState["appeals"], Record<string, number>>();
function pendingAppeals(state: GameState, seat: SeatId | ""): number {
  let index = pendingCache.get(state.appeals);
  if (!index) {
    index = { "": 0 };
    for (const a of Object.values(state.appeals)) {
      if (a.status !== "pending") continue;
      index[a.appellant] = (index[a.appellant] ?? 0) + 1;
      index[""]!++;
    }
    pendingCache.set(state.appeals, index);
  }
  return index[seat] ?? 0;
}

const averageCache = new WeakMap<GameState["players"], number | null>();
function averageScore(state: GameState): number | null {
  const hit = averageCache.get(state.players);
  if (hit !== undefined) return hit;
  let sum = 0;
  let n = 0;
  for (const seat of state.seats) {
    const x = state.players[seat];
    if (x?.scored) {
      sum += x.score;
      n++;
    }
  }
  const average = n ? Math.round(sum / n) : null;
  averageCache.set(state.players, average);
  return average;
}

/** The lowest grade (in table order) down to which no grade blocks `service`; null if none blocks. */
function lowestAllowed(s: Scenario, service: string): string | null {
  let last: string | null = null;
  for (const g of s.grades) {
    if (blockingRestriction(s, g.restrictions, service)) return last;
    last = g.id;
  }
  return null;
}

function facts(state: GameState, p: Player, check: GoalCheck): GoalFacts {
  const s = state.scenario;
  const other = (seat: SeatId | null): Player | undefined => (seat ? state.players[seat] : undefined);
  switch (check.kind) {
    case "acquire": {
      const service = s.services.find((x) => x.grants === check.item) ?? null;
      return {
        kind: "acquire",
        service: service?.id ?? null,
        places: service ? service.locations.slice() : [],
        fromDay: service?.fromDay ?? 1,
        byDay: check.byDay,
        day: p.itemDays[check.item] ?? null,
        needGrade: service ? lowestAllowed(s, service.id) : null,
        offList: service ? blockingRestriction(s, s.blacklist.restrictions, service.id) !== null : false,
        price: service ? serviceMoney(s, p.perks, service.id, service.cost.money) : 0,
        blockedBy: service ? blockingRestriction(s, p.restrictions, service.id) : null,
      };
    }
    case "keep_grade":
      return { kind: "keep_grade", grade: p.grade, worst: gradeId(s, p.worstGradeIndex) ?? p.grade, need: check.grade };
    case "ally_keeps_grade": {
      const ally = other(p.ally);
      return { kind: "ally_keeps_grade", person: p.ally, grade: ally?.grade ?? null, worst: ally ? gradeId(s, ally.worstGradeIndex) : null, need: check.grade };
    }
    case "never_blacklisted":
      return { kind: "never_blacklisted", blacklisted: p.blacklisted };
    case "win_appeal":
      return { kind: "win_appeal", waiting: pendingAppeals(state, p.seat) };
    case "wellbeing":
      return { kind: "wellbeing", have: p.wellbeing, need: check.min };
    case "approved_entries": {
      const c = authorCounts(state, p.seat);
      return { kind: "approved_entries", have: c.approved, need: check.count, waiting: c.waiting };
    }
    case "only_witnessed": {
      const c = authorCounts(state, p.seat);
      return { kind: "only_witnessed", witnessed: c.witnessed, hearsay: c.hearsay };
    }
    case "average_score":
      return { kind: "average_score", average: averageScore(state), need: check.min };
    case "protect_ally":
      return { kind: "protect_ally", person: p.ally, blacklisted: other(p.ally)?.blacklisted ?? false };
    case "target_down": {
      const target = other(p.target);
      return { kind: "target_down", person: p.target, grade: target?.grade ?? null, blacklisted: target?.blacklisted ?? false, need: check.grade };
    }
    case "clear_appeals":
      return { kind: "clear_appeals", waiting: pendingAppeals(state, "") };
    case "ally_ends_grade": {
      const ally = other(p.ally);
      return { kind: "ally_ends_grade", person: p.ally, grade: ally?.grade ?? null, blacklisted: ally?.blacklisted ?? false, need: check.grade };
    }
    case "appeals_decided": {
      let have = 0;
      for (const a of Object.values(state.appeals)) if (a.decidedBy === p.seat) have++;
      return { kind: "appeals_decided", have, need: check.count };
    }
  }
}

/** Whether a goal's outcome is fixed before the end of the game (see `settled`). */
function isSettled(state: GameState, p: Player, f: GoalFacts, met: boolean): boolean {
  if (state.phase === "ended") return true;
  switch (f.kind) {
    case "acquire":
      return f.day !== null || state.day > f.byDay;
    case "keep_grade":
    case "never_blacklisted":
    case "protect_ally":
      return !met;
    case "ally_keeps_grade":
      return !met && p.ally !== null;
    case "win_appeal":
    case "appeals_decided":
      return met;
    case "only_witnessed":
      return f.hearsay > 0;
    default:
      return false;
  }
}

/**
 * The progress of every goal `seat` holds, in the order they were dealt.
 *
 * @example
 *   for (const g of goalProgress(state, "s1")) if (g.kind === "approved_entries") say(`${g.have} of ${g.need}`);
 */
export function goalProgress(state: GameState, seat: SeatId): GoalProgress[] {
  const p = state.players[seat];
  if (!p) return [];
  const out: GoalProgress[] = [];
  for (const goal of p.goals) {
    const card = state.scenario.goals.find((g) => g.id === goal);
    if (!card) continue;
    const f = facts(state, p, card.check);
    const met = goalMet(state, seat, goal);
    out.push({ goal, met, settled: isSettled(state, p, f, met), ...f });
  }
  return out;
}
