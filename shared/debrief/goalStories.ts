/**
 * Secret goals against what the system did: a resident whose goal needed something a
 * restriction kept from them, and an official whose goal named a person (an ally to protect,
 * a target to bring down) set against the decisions they took about that person. Pure and
 * read-only over a replay.
 *
 * The log holds facts, not refused attempts (a rejected command changes nothing and is not
 * stored), so "blocked" means: on that day the resident held a restriction that blocks every
 * way to the item their goal needed, and they never got it in time. Whether they went to the
 * place where it is sold while barred is the closest the log comes to "they tried".
 */
import { blockingRestriction } from "../rules/grades.ts";
import { goalMet, type SeatId } from "../rules/index.ts";
import type { Replay } from "./replay.ts";

export type BlockedGoal = {
  seat: SeatId;
  goal: string;
  item: string;
  byDay: number;
  /** The restriction that barred them (the first day's), and every day (≤ byDay) they were barred. */
  restriction: string;
  days: number[];
  /** Days they went to a place selling the item while barred from buying it. */
  visited: number[];
};

export type OfficialGoalStory = {
  official: SeatId;
  goal: string;
  /** protect: an ally to keep safe; target: someone to bring down. */
  aim: "protect" | "target";
  other: SeatId;
  approvedTrue: number;
  approvedFalse: number;
  rejectedTrue: number;
  rejectedFalse: number;
  /** Blacklistings of that person by this official. */
  listed: number;
  met: boolean;
};

export function blockedGoals(replay: Replay): BlockedGoal[] {
  const g = replay.final.game;
  const sc = g.scenario;
  const out: BlockedGoal[] = [];
  // every resident's moves with their day, read once from the log
  const moves = new Map<SeatId, { to: string; day: number }[]>();
  replay.log.forEach(({ event }, i) => {
    if (event.type !== "moved") return;
    const mine = moves.get(event.seat) ?? [];
    mine.push({ to: event.to, day: replay.marks[i]!.day });
    moves.set(event.seat, mine);
  });
  for (const seat of g.seats) {
    const p = g.players[seat];
    if (!p || p.role !== "resident") continue;
    for (const goalId of p.goals) {
      const card = sc.goals.find((c) => c.id === goalId);
      if (card?.check.kind !== "acquire" || goalMet(g, seat, goalId)) continue;
      const { item, byDay } = card.check;
      const ways = sc.services.filter((s) => s.grants === item);
      if (ways.length === 0) continue;
      const days: number[] = [];
      let restriction: string | null = null;
      for (let day = 1; day <= Math.min(byDay, g.day); day++) {
        // the standing a resident wakes up with on `day` is the one the night before left
        const held = replay.dayEnds[day - 1]?.game.players[seat]?.restrictions ?? [];
        const blocks = ways.map((s) => blockingRestriction(sc, held, s.id));
        if (blocks.every((r) => r !== null)) {
          days.push(day);
          restriction ??= blocks[0]!;
        }
      }
      if (!restriction) continue;
      const places = new Set(ways.flatMap((s) => s.locations));
      const visited = new Set((moves.get(seat) ?? []).filter((m) => places.has(m.to) && days.includes(m.day)).map((m) => m.day));
      out.push({ seat, goal: goalId, item, byDay, restriction, days, visited: [...visited] });
    }
  }
  return out;
}

export function officialGoals(replay: Replay): OfficialGoalStory[] {
  const g = replay.final.game;
  const out: OfficialGoalStory[] = [];
  for (const seat of g.seats) {
    const p = g.players[seat];
    if (!p || p.role !== "official") continue;
    for (const goalId of p.goals) {
      const check = g.scenario.goals.find((c) => c.id === goalId)?.check;
      const aim = check?.kind === "protect_ally" || check?.kind === "ally_keeps_grade" || check?.kind === "ally_ends_grade" ? "protect" : check?.kind === "target_down" ? "target" : null;
      const other = aim === "protect" ? p.ally : aim === "target" ? p.target : null;
      if (!aim || !other) continue;
      const story: OfficialGoalStory = { official: seat, goal: goalId, aim, other, approvedTrue: 0, approvedFalse: 0, rejectedTrue: 0, rejectedFalse: 0, listed: 0, met: goalMet(g, seat, goalId) };
      for (const e of Object.values(g.journal)) {
        if (e.reviewer !== seat || e.subject !== other) continue;
        // a reversed entry was approved first; the appeal undid it, not the official's review
        const approved = e.status === "approved" || e.status === "reversed";
        if (approved && e.truthful) story.approvedTrue++;
        else if (approved) story.approvedFalse++;
        else if (e.status === "rejected" && e.truthful) story.rejectedTrue++;
        else if (e.status === "rejected") story.rejectedFalse++;
      }
      story.listed = g.blacklist.filter((r) => r.seat === other && r.by === seat).length;
      out.push(story);
    }
  }
  return out;
}
