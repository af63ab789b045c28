/**
 * The numbers behind the debrief's charts, from a replay: score lines per player (sampled at
 * every phase and at every score change's phase end), grade distribution at the end of each
 * day, entries per watcher, approval rate per official, perks and restrictions held per day.
 * Plain data, so each chart also has a table.
 */
import type { GameState, Player } from "../rules/index.ts";
import type { Replay } from "./replay.ts";
import { isRecorded } from "./truth.ts";

export type ScoreLines = {
  /** One column per phase (and the end): day and phase. */
  columns: { day: number; phase: string; seq: number }[];
  series: { seat: string; scores: number[] }[];
};
export type Distribution = { days: number[]; keys: string[]; counts: number[][] };
export type WatcherEntries = { seat: string; approved: number; rejected: number; pending: number; reversed: number; falseEntries: number }[];
export type OfficialReviews = { seat: string; approved: number; rejected: number; asked: number; rate: number | null }[];
/** Bad deeds (people's own, worth negative points) that happened each day, split by whether a true entry recorded them. */
export type BadDeeds = { days: number[]; recorded: number[]; unrecorded: number[] };
export type ChartsData = { scores: ScoreLines; grades: Distribution; perks: Distribution; restrictions: Distribution; watchers: WatcherEntries; officials: OfficialReviews; badDeeds: BadDeeds };

const scoredPlayers = (g: GameState): Player[] => g.seats.map((s) => g.players[s]).filter((p): p is Player => !!p && p.scored);

function scoreLines(replay: Replay): ScoreLines {
  const final = replay.final.game;
  const seats = scoredPlayers(final).map((p) => p.seat);
  const start = final.scenario.scoring.startScore;
  const score = new Map<string, number>(seats.map((s) => [s, start]));
  const columns: ScoreLines["columns"] = [];
  const cols: number[][] = [];
  const snap = (day: number, phase: string, seq: number) => {
    columns.push({ day, phase, seq });
    cols.push(seats.map((s) => score.get(s) ?? start));
  };
  for (const { seq, event } of replay.log) {
    if (event.type === "score_changed" && score.has(event.seat)) score.set(event.seat, score.get(event.seat)! + event.delta);
    else if (event.type === "phase_started") snap(event.day, event.phase, seq);
    else if (event.type === "game_ended") snap(final.day, "ended", seq);
  }
  if (columns.at(-1)?.phase !== "ended") snap(final.day, final.phase, replay.log.at(-1)?.seq ?? 0);
  return { columns, series: seats.map((seat, i) => ({ seat, scores: cols.map((c) => c[i]!) })) };
}

function distribution(replay: Replay, keysOf: (p: Player) => string[], order: string[]): Distribution {
  const days: number[] = [];
  const counts: number[][] = [];
  replay.dayEnds.forEach((s, day) => {
    if (day === 0) return;
    const row = new Map<string, number>(order.map((k) => [k, 0]));
    for (const p of scoredPlayers(s.game)) for (const k of keysOf(p)) row.set(k, (row.get(k) ?? 0) + 1);
    days.push(day);
    counts.push(order.map((k) => row.get(k) ?? 0));
  });
  return { days, keys: order, counts };
}

/** The "it keeps order" side needs its evidence too: how many bad deeds each day, seen by the record or not. */
export function badDeeds(game: GameState): BadDeeds {
  const bad = new Set(game.scenario.deeds.filter((d) => d.source !== "system" && d.points < 0).map((d) => d.id));
  const recorded = isRecorded(game);
  const days = Array.from({ length: Math.max(0, game.day) }, (_, i) => i + 1);
  const out: BadDeeds = { days, recorded: days.map(() => 0), unrecorded: days.map(() => 0) };
  for (const o of Object.values(game.occurrences)) {
    if (!bad.has(o.deed) || o.day < 1 || o.day > days.length) continue;
    if (recorded(o)) out.recorded[o.day - 1]!++;
    else out.unrecorded[o.day - 1]!++;
  }
  return out;
}

export function chartsData(replay: Replay): ChartsData {
  const game = replay.final.game;
  const sc = game.scenario;
  const watchers = new Map<string, WatcherEntries[number]>();
  const officials = new Map<string, OfficialReviews[number]>();
  for (const e of Object.values(game.journal)) {
    if (e.source === "watcher" && e.author) {
      const w = watchers.get(e.author) ?? { seat: e.author, approved: 0, rejected: 0, pending: 0, reversed: 0, falseEntries: 0 };
      if (e.status === "approved") w.approved++;
      else if (e.status === "rejected") w.rejected++;
      else if (e.status === "reversed") w.reversed++;
      else w.pending++;
      if (!e.truthful) w.falseEntries++;
      watchers.set(e.author, w);
    }
    if (e.reviewer) {
      const o = officials.get(e.reviewer) ?? { seat: e.reviewer, approved: 0, rejected: 0, asked: 0, rate: null };
      if (e.status === "approved" || e.status === "reversed") o.approved++;
      else if (e.status === "rejected") o.rejected++;
      else o.asked++;
      officials.set(e.reviewer, o);
    }
  }
  for (const o of officials.values()) o.rate = o.approved + o.rejected > 0 ? o.approved / (o.approved + o.rejected) : null;
  const inSeatOrder = <T extends { seat: string }>(m: Map<string, T>) => game.seats.filter((s) => m.has(s)).map((s) => m.get(s)!);
  return {
    scores: scoreLines(replay),
    grades: distribution(replay, (p) => [p.grade], sc.grades.map((g) => g.id)),
    perks: distribution(replay, (p) => p.perks, sc.perks.map((p) => p.id)),
    restrictions: distribution(replay, (p) => p.restrictions, sc.restrictions.map((r) => r.id)),
    watchers: inSeatOrder(watchers),
    officials: inSeatOrder(officials),
    badDeeds: badDeeds(game),
  };
}
