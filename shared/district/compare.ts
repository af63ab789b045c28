/**
 * An event's comparative debrief: each neighbourhood's game read from its own log (the debrief
 * route's reply, or the event export) into the same figures, so the room can set the streets
 * side by side — who played, the simulator's experience measures for this one game (the same
 * tally as `npm run simulate -- --variants`, so the two speak of the same things), truth against
 * record, appeals and how long they waited, the final scores, and the listings day by day.
 * The prompts drawn from the differences are in comparePrompts.ts. Pure: no DOM, no server.
 */
import type { LocalText } from "../lang.ts";
import type { Log } from "../debrief/log.ts";
import { buildReplay } from "../debrief/replay.ts";
import { shakyListing, truthVsRecord } from "../debrief/truth.ts";
import { people } from "../debrief/names.ts";
import { applySession, isLobbyEvent, openSession, type SessionOpened } from "../session/index.ts";
import { scoredTownsperson, type GameState, type Player } from "../rules/index.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { MeasureName } from "../scenario/measureNames.ts";
import { finish, gatedServices, measure, newTally, observe, type MeasureRow } from "../sim/measures.ts";

/** One neighbourhood's log, as the event's page or export holds it. */
export type NeighbourhoodLog = { code: string; name: LocalText; log: Log };

/** The rules that set a neighbourhood apart: what the prompts and the table name. */
export type StreetRules = {
  appeals: boolean;
  undecided: Scenario["appeals"]["undecided"];
  deadlineEvenings: number;
  cameraErrorRate: number;
  cameras: number;
  secretWatchers: boolean;
  reporting: boolean;
  /** Money paid for a report once it is approved (whether or not reporting is on). */
  reportingReward: number;
  /** Points each cosigner of a defaulted loan loses (≤ 0); null when the scenario has no loans. */
  cosignerPoints: number | null;
  /** Each grade's lowest score, in the scenario's order (best first); null for the bottom grade. */
  grades: { id: string; label: LocalText; min: number | null }[];
};

export type TruthFigures = {
  deeds: number;
  /** Deeds a true entry recorded. */
  recorded: number;
  entries: number;
  falseEntries: number;
  /** False entries that a camera wrote (it named the wrong person). */
  cameraFalse: number;
  falsePublished: number;
  listings: number;
  /** Listings that rest on a false or a hearsay entry, or that the rules found wrongful (the debrief's "shaky listings"). */
  wrongful: number;
  /** Of the wrongful: lifted before the end, and still listed at the end. */
  wrongfulLifted: number;
  wrongfulStayed: number;
};

export type AppealFigures = {
  filed: number;
  /** Decided by an official. */
  reversed: number;
  upheld: number;
  /** Nobody decided them by the deadline: the scenario's rule decided (`StreetRules.undecided`). */
  byPolicy: number;
  byPolicyReversed: number;
  /** Still waiting when the game ended. */
  pending: number;
  /** Evenings the decided appeals waited: in all, on average (null: none decided), at most. */
  waitedEvenings: number;
  averageWait: number | null;
  longestWait: number;
};

export type ScoreFigures = {
  points: boolean;
  start: number;
  /** Final scores of the scored residents and watchers, lowest first. */
  finals: number[];
  /** Rounded; null when nobody was scored. */
  average: number | null;
  spread: number;
};

/** A listing that rests on a false or hearsay entry: who (pseudonym, and the nickname the log holds), when, and whether it stayed. */
export type WrongfulListing = { seat: string; pseudonym: LocalText; nickname: string; day: number; active: boolean; removedDay: number | null };

export type StreetFigures = {
  code: string;
  name: LocalText;
  scenarioId: string;
  rules: StreetRules;
  /** Seats that played (not observers), and of them bots. */
  players: number;
  bots: number;
  /** Days begun, of the scenario's `days`. */
  daysPlayed: number;
  days: number;
  ended: boolean;
  /** The experience measures of this one game (the simulator's `measure` over one tally; the availability measure is the simulator's alone). */
  measures: MeasureRow[];
  truth: TruthFigures;
  wrongfulListings: WrongfulListing[];
  appeals: AppealFigures;
  scores: ScoreFigures;
  /** People on the blacklist at the end of each day (index 0 = day 1). */
  listedByDay: number[];
  /** Final grade of each scored player, counted by grade id, in the scenario's grade order. */
  grades: { id: string; label: LocalText; count: number }[];
  /** The goal cards' names, for the measures' per-card rows. */
  goalLabels: Record<string, LocalText>;
};

const playing = (g: GameState): Player[] => g.seats.map((s) => g.players[s]).filter((p): p is Player => !!p && p.role !== null && p.role !== "observer");
const scoredOf = (g: GameState): Player[] => playing(g).filter(scoredTownsperson);

function rulesOf(sc: Scenario): StreetRules {
  return {
    appeals: sc.appeals.enabled,
    undecided: sc.appeals.undecided,
    deadlineEvenings: sc.appeals.deadlineEvenings,
    cameraErrorRate: sc.cameras.errorRate,
    cameras: sc.locations.filter((l) => l.camera).length,
    secretWatchers: sc.roles.watcher.secret,
    reporting: sc.reporting.enabled,
    reportingReward: sc.reporting.reward,
    cosignerPoints: sc.loans ? sc.loans.cosignerPoints : null,
    grades: sc.grades.map((g) => ({ id: g.id, label: g.label, min: g.min })),
  };
}

/** Measures only the simulator can take (it asks the rules at every bot round what each seat could do): not in a real game's figures. */
export const SIMULATOR_ONLY_MEASURES: readonly MeasureName[] = ["meaningful_action_share"];

/** The log's game events through the simulator's tally, then its final state: this game's measures. */
function measuresOf(log: Log, players: number): MeasureRow[] {
  const opened = log[0]!.event as SessionOpened;
  const scenario = opened.scenario;
  const gated = gatedServices(scenario);
  const tally = newTally();
  let s = openSession(opened);
  for (let i = 1; i < log.length; i++) {
    const e = log[i]!.event;
    const next = applySession(s, e);
    if (!isLobbyEvent(e)) observe(tally, gated, s.game, e, next.game);
    s = next;
  }
  finish(tally, s.game);
  return measure(scenario, [tally], players).filter((r) => !SIMULATOR_ONLY_MEASURES.includes(r.measure));
}

export function streetFigures(n: NeighbourhoodLog): StreetFigures {
  const replay = buildReplay(n.log);
  const g = replay.final.game;
  const sc = g.scenario;
  const players = playing(g);
  const tr = truthVsRecord(g);
  const wrongful = g.blacklist.filter((r) => shakyListing(g, r) !== null);
  const who = people(replay.final, n.log);
  const appeals = Object.values(g.appeals);
  const decided = appeals.filter((a) => a.status !== "pending");
  const waits = decided.map((a) => a.evenings);
  const finals = scoredOf(g).map((p) => p.score).sort((a, b) => a - b);
  const days = Math.max(0, Math.min(g.day, sc.phases.days));
  return {
    code: n.code,
    name: n.name,
    scenarioId: sc.id,
    rules: rulesOf(sc),
    players: players.length,
    bots: players.filter((p) => p.bot !== null).length,
    daysPlayed: days,
    days: sc.phases.days,
    ended: g.phase === "ended",
    measures: measuresOf(n.log, players.length),
    truth: {
      deeds: tr.totals.deeds,
      recorded: tr.totals.recorded,
      entries: tr.totals.entries,
      falseEntries: tr.totals.falseEntries,
      cameraFalse: tr.falseEntries.filter((e) => e.source === "camera").length,
      falsePublished: tr.totals.falsePublished,
      listings: tr.totals.listings,
      wrongful: wrongful.length,
      wrongfulLifted: wrongful.filter((r) => !r.active).length,
      wrongfulStayed: wrongful.filter((r) => r.active).length,
    },
    wrongfulListings: wrongful.map((r) => ({
      seat: r.seat, pseudonym: who.get(r.seat)?.pseudonym ?? { en: "?", zh: "?" }, nickname: who.get(r.seat)?.nickname ?? "?", day: r.day, active: r.active, removedDay: r.removedDay,
    })),
    appeals: {
      filed: appeals.length,
      reversed: decided.filter((a) => a.decidedBy !== "policy" && a.status === "reversed").length,
      upheld: decided.filter((a) => a.decidedBy !== "policy" && a.status === "upheld").length,
      byPolicy: decided.filter((a) => a.decidedBy === "policy").length,
      byPolicyReversed: decided.filter((a) => a.decidedBy === "policy" && a.status === "reversed").length,
      pending: appeals.length - decided.length,
      waitedEvenings: waits.reduce((a, b) => a + b, 0),
      averageWait: waits.length === 0 ? null : waits.reduce((a, b) => a + b, 0) / waits.length,
      longestWait: waits.reduce((a, b) => Math.max(a, b), 0),
    },
    scores: {
      points: sc.scoring.mode === "points",
      start: sc.scoring.startScore,
      finals,
      average: finals.length === 0 ? null : Math.round(finals.reduce((a, b) => a + b, 0) / finals.length),
      spread: finals.length === 0 ? 0 : finals[finals.length - 1]! - finals[0]!,
    },
    listedByDay: Array.from({ length: days }, (_, i) => (replay.dayEnds[i + 1] ?? replay.final).game.blacklist.filter((r) => r.active).length),
    grades: sc.grades.map((grade) => ({ id: grade.id, label: grade.label, count: scoredOf(g).filter((p) => p.grade === grade.id).length })),
    goalLabels: Object.fromEntries(sc.goals.map((goal) => [goal.id, goal.label])),
  };
}

/** Every neighbourhood's figures, in the event's order. */
export function compareStreets(logs: readonly NeighbourhoodLog[]): StreetFigures[] {
  return logs.map(streetFigures);
}

/** Final scores counted in bins shared by every neighbourhood, so their charts read on one axis. */
export type ScoreBins = { edges: number[]; counts: { code: string; counts: number[] }[] };

export function scoreBins(streets: readonly StreetFigures[], bins = 8): ScoreBins {
  const all = streets.flatMap((s) => s.scores.finals);
  if (all.length === 0) return { edges: [], counts: streets.map((s) => ({ code: s.code, counts: [] })) };
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  // a width of whole points, at least one, so every bin's edges are scores a reader can say
  const width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
  const count = Math.max(1, Math.ceil((hi - lo + 1) / width));
  const edges = Array.from({ length: count + 1 }, (_, i) => lo + i * width);
  return {
    edges,
    counts: streets.map((s) => {
      const row = Array.from({ length: count }, () => 0);
      for (const x of s.scores.finals) row[Math.min(count - 1, Math.floor((x - lo) / width))]!++;
      return { code: s.code, counts: row };
    }),
  };
}
