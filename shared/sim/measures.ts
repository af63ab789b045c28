/**
 * The experience measures of a batch of games (the catalogue in shared/scenario/targets.ts,
 * defined for authors in docs/scenario-authors.md). One game leaves a `Tally`: what its events
 * said as they happened (`observe`), what its final state says (`finish`), and what the
 * simulator saw players able to do in each phase (`availability`). `measure` turns tallies into
 * one value per measure — with the sample size behind it, so a test can widen a band by the
 * sample's margin — and compares each with the scenario's band.
 */
import { shakyListing } from "../debrief/truth.ts";
import { goalMet, gradeIndex, scoredTownsperson, type GameEvent, type GameState, type Player } from "../rules/index.ts";
import {
  bandAtSize,
  inBand,
  REFERENCE_PLAYERS,
  MEASURED_ROLES,
  type Band,
  type MeasuredRole,
  type MeasureName,
  type Scenario,
  type Targets,
} from "../scenario/index.ts";

export { isShare } from "../scenario/measureNames.ts";

export interface Tally {
  scored: number;
  perkGrade: number;
  restricted: number;
  distances: number[];
  blacklisting: boolean;
  wrongful: boolean;
  reversed: boolean;
  upheld: boolean;
  undecided: boolean;
  cosignedLoan: boolean;
  cosignerDrop: boolean;
  gatedPurchases: number;
  gatedDay1: number;
  goals: Record<string, { dealt: number; met: number }>;
  /** Seat-phases per role, and those with a meaningful action available. */
  phases: Record<MeasuredRole, { phases: number; available: number }>;
  falseEntries: number;
  /** Residents' reports about neighbours (journal entries from the report form). */
  reports: number;
}

export function newTally(): Tally {
  return {
    scored: 0, perkGrade: 0, restricted: 0, distances: [],
    blacklisting: false, wrongful: false, reversed: false, upheld: false, undecided: false,
    cosignedLoan: false, cosignerDrop: false, gatedPurchases: 0, gatedDay1: 0,
    goals: {},
    phases: Object.fromEntries(MEASURED_ROLES.map((role) => [role, { phases: 0, available: 0 }])) as Tally["phases"],
    falseEntries: 0,
    reports: 0,
  };
}

/** Services some restriction can block: buying one is a grade-gated purchase. */
export function gatedServices(scenario: Scenario): Set<string> {
  const services = new Set(scenario.services.map((s) => s.id));
  return new Set(scenario.restrictions.flatMap((r) => r.blocks).filter((id) => services.has(id)));
}

/** One event as it is applied: `before` and `after` are the states on either side of it. */
export function observe(t: Tally, gated: ReadonlySet<string>, before: GameState, e: GameEvent, after: GameState): void {
  switch (e.type) {
    case "service_used":
      if (gated.has(e.service)) {
        t.gatedPurchases++;
        if (before.day === 1) t.gatedDay1++;
      }
      break;
    case "loan_cosigned":
      t.cosignedLoan = true;
      break;
    case "score_changed":
      if (e.cause.kind === "cosigner") {
        const was = before.players[e.seat]?.grade;
        const now = after.players[e.seat]?.grade;
        if (was && now && gradeIndex(after.scenario, now) > gradeIndex(after.scenario, was)) t.cosignerDrop = true;
      }
      break;
    case "appeal_decided":
      if (e.by === "policy") t.undecided = true;
      else if (e.outcome === "reversed") t.reversed = true;
      else t.upheld = true;
      break;
    default:
      break;
  }
}

/** What the final state says: grades, distances, listings, appeals left waiting, goals. */
export function finish(t: Tally, s: GameState): void {
  const sc = s.scenario;
  const start = sc.scoring.startScore;
  const players = s.seats.map((x) => s.players[x]).filter((p): p is Player => !!p);
  for (const p of players) {
    if (p.role === "observer" || p.role === null) continue;
    if (scoredTownsperson(p)) {
      t.scored++;
      if (p.perks.length > 0) t.perkGrade++;
      if (p.restrictions.length > 0 || p.blacklisted) t.restricted++;
      t.distances.push(Math.abs(p.score - start));
    }
    for (const g of p.goals) {
      const row = (t.goals[g] ??= { dealt: 0, met: 0 });
      row.dealt++;
      if (goalMet(s, p.seat, g)) row.met++;
    }
  }
  t.blacklisting = s.blacklist.length > 0;
  t.wrongful = s.blacklist.some((r) => shakyListing(s, r) !== null);
  if (Object.values(s.appeals).some((a) => a.status === "pending")) t.undecided = true;
  const entries = Object.values(s.journal);
  t.falseEntries = entries.filter((e) => !e.truthful).length;
  t.reports = entries.filter((e) => e.source === "report").length;
}

export interface MeasureRow {
  /** Measure name, with the card or role in brackets for per-card and per-role rows. */
  name: string;
  measure: MeasureName;
  value: number | null;
  /** How many trials a share rests on (games, players, dealt cards, seat-phases); 0 = no data. */
  n: number;
  /** The band this row is judged by: as written, or moved to the class size (see bandAtSize). */
  band: Band | null;
  /** The band as the scenario writes it, for `targets.players` players. */
  written: Band | null;
  /** null when there is no band, or no data to judge. */
  met: boolean | null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const plain = (b: Band | undefined): Band | null => (b ? { ...(b.min === undefined ? {} : { min: b.min }), ...(b.max === undefined ? {} : { max: b.max }) } : null);

/**
 * Every measure of the batch beside its band (rows without a band are still reported), judged
 * for a class of `players` (bands of measures that grow with the class are moved to that size).
 */
export function measure(scenario: Scenario, tallies: readonly Tally[], players: number): MeasureRow[] {
  const targets: Targets = scenario.targets ?? {};
  const reference = targets.players ?? REFERENCE_PLAYERS;
  const games = tallies.length;
  const sum = (f: (t: Tally) => number) => tallies.reduce((a, t) => a + f(t), 0);
  const count = (f: (t: Tally) => boolean) => tallies.filter(f).length;
  const rows: MeasureRow[] = [];
  const row = (measureName: MeasureName, name: string, value: number | null, n: number, written: Band | null) => {
    const band = written && bandAtSize(measureName, written, players, reference);
    rows.push({ name, measure: measureName, value, n, band, written, met: band === null || value === null ? null : inBand(value, band) });
  };
  const share = (m: MeasureName, part: number, whole: number) => row(m, m, whole === 0 ? null : part / whole, whole, plain(targets[m as Exclude<MeasureName, "goal_met_rate" | "meaningful_action_share">]));
  const scored = sum((t) => t.scored);
  share("perk_grade_share", sum((t) => t.perkGrade), scored);
  share("restricted_share", sum((t) => t.restricted), scored);
  row("score_distance_median", "score_distance_median", scenario.scoring.mode === "points" ? median(tallies.flatMap((t) => t.distances)) : null, scored, plain(targets.score_distance_median));
  share("games_with_blacklisting", count((t) => t.blacklisting), games);
  share("games_with_wrongful_blacklisting", count((t) => t.wrongful), games);
  share("games_with_appeal_reversed", count((t) => t.reversed), games);
  share("games_with_appeal_upheld", count((t) => t.upheld), games);
  share("games_with_appeal_undecided", count((t) => t.undecided), games);
  share("games_with_cosigned_loan", count((t) => t.cosignedLoan), games);
  share("games_with_cosigner_drop", count((t) => t.cosignerDrop), games);
  share("day1_gated_purchase_share", sum((t) => t.gatedDay1), sum((t) => t.gatedPurchases));
  // A role the scenario never deals (commercial credit has no watchers) is reported, not judged.
  const dealtRole = (role: MeasuredRole) => scenario.roles[role].ratio > 0 || scenario.roles[role].min > 0;
  const goalBand = targets.goal_met_rate;
  for (const card of scenario.goals) {
    const dealt = sum((t) => t.goals[card.id]?.dealt ?? 0);
    const met = sum((t) => t.goals[card.id]?.met ?? 0);
    const band = dealtRole(card.role) ? plain(goalBand?.cards[card.id] ?? goalBand) : null;
    row("goal_met_rate", `goal_met_rate[${card.id}]`, dealt === 0 ? null : met / dealt, dealt, band);
  }
  const roleBand = targets.meaningful_action_share;
  for (const role of MEASURED_ROLES) {
    const phases = sum((t) => t.phases[role].phases);
    const available = sum((t) => t.phases[role].available);
    const band = dealtRole(role) ? plain(roleBand?.roles[role] ?? roleBand) : null;
    row("meaningful_action_share", `meaningful_action_share[${role}]`, phases === 0 ? null : available / phases, phases, band);
  }
  row("false_entries_per_game", "false_entries_per_game", games === 0 ? null : sum((t) => t.falseEntries) / games, games, plain(targets.false_entries_per_game));
  // a scenario without reporting has nothing to count
  row("reports_per_game", "reports_per_game", games === 0 || !scenario.reporting.enabled ? null : sum((t) => t.reports) / games, games, plain(targets.reports_per_game));
  const p = scenario.phases;
  row("play_minutes", "play_minutes", (p.days * (p.morning + p.day + p.evening + p.night)) / 60, 1, plain(targets.play_minutes));
  return rows;
}
