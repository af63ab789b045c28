/**
 * What a batch of games says about a scenario: how many ended blacklisted (and wrongly), what
 * became of appeals, how spread the scores were, how busy the watchers and how lenient the
 * officials. Pure numbers; the CLI prints them.
 */
import { goalMet, type GameState, type Player } from "../rules/index.ts";

export interface GameStats {
  scored: number;
  blacklistedAtEnd: number;
  everBlacklisted: number;
  wrongful: number;
  appealsFiled: number;
  appealsReversed: number;
  appealsUpheld: number;
  appealsPending: number;
  scores: number[];
  gini: number;
  entries: number;
  falseEntries: number;
  watchers: number;
  /** approvals / decisions, per official personality. */
  officialDecisions: Record<string, { approved: number; decided: number }>;
  goalsDealt: number;
  goalsMet: number;
}

export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  if (sum <= 0) return 0;
  let weighted = 0;
  sorted.forEach((v, i) => (weighted += (2 * (i + 1) - n - 1) * v));
  return weighted / (n * sum);
}

export function gameStats(s: GameState): GameStats {
  const players = s.seats.map((x) => s.players[x]).filter((p): p is Player => !!p);
  const scored = players.filter((p) => p.scored);
  const appeals = Object.values(s.appeals);
  const entries = Object.values(s.journal);
  const officialDecisions: GameStats["officialDecisions"] = {};
  for (const e of entries) {
    if (!e.reviewer || (e.status !== "approved" && e.status !== "rejected" && e.status !== "reversed")) continue;
    const who = s.players[e.reviewer]?.bot ?? "human";
    const row = (officialDecisions[who] ??= { approved: 0, decided: 0 });
    row.decided++;
    if (e.status !== "rejected") row.approved++;
  }
  let goalsDealt = 0;
  let goalsMet = 0;
  for (const p of players) {
    for (const g of p.goals) {
      goalsDealt++;
      if (goalMet(s, p.seat, g)) goalsMet++;
    }
  }
  const wrongSeats = new Set(s.blacklist.filter((r) => r.wrongful).map((r) => r.seat));
  return {
    scored: scored.length,
    blacklistedAtEnd: scored.filter((p) => p.blacklisted).length,
    everBlacklisted: scored.filter((p) => p.everBlacklisted).length,
    wrongful: wrongSeats.size,
    appealsFiled: appeals.length,
    appealsReversed: appeals.filter((a) => a.status === "reversed").length,
    appealsUpheld: appeals.filter((a) => a.status === "upheld").length,
    appealsPending: appeals.filter((a) => a.status === "pending").length,
    scores: scored.map((p) => p.score),
    gini: gini(scored.map((p) => p.score)),
    entries: entries.filter((e) => e.source === "watcher").length,
    falseEntries: entries.filter((e) => !e.truthful).length,
    watchers: players.filter((p) => p.role === "watcher").length,
    officialDecisions,
    goalsDealt,
    goalsMet,
  };
}

export interface Summary {
  scenario: string;
  games: number;
  players: number;
  seed: number;
  shareBlacklisted: number;
  shareEverBlacklisted: number;
  gamesWithBlacklisting: number;
  wrongfulBlacklistings: number;
  gamesWithWrongful: number;
  appealsFiled: number;
  appealsReversed: number;
  appealsUpheld: number;
  appealsPending: number;
  gamesWithReversal: number;
  scoreMin: number;
  scoreMedian: number;
  scoreMax: number;
  giniMean: number;
  entriesPerWatcher: number;
  falseEntriesPerGame: number;
  approvalRate: Record<string, number>;
  goalsMetShare: number;
}

export function summarise(scenario: string, seed: number, players: number, games: GameStats[]): Summary {
  const n = Math.max(1, games.length);
  const sum = (f: (g: GameStats) => number) => games.reduce((a, g) => a + f(g), 0);
  const scores = games.flatMap((g) => g.scores).sort((a, b) => a - b);
  const decisions: Record<string, { approved: number; decided: number }> = {};
  for (const g of games) {
    for (const [who, d] of Object.entries(g.officialDecisions)) {
      const row = (decisions[who] ??= { approved: 0, decided: 0 });
      row.approved += d.approved;
      row.decided += d.decided;
    }
  }
  const approvalRate: Record<string, number> = {};
  for (const who of Object.keys(decisions).sort()) {
    const d = decisions[who]!;
    approvalRate[who] = d.decided === 0 ? 0 : d.approved / d.decided;
  }
  const scoredTotal = Math.max(1, sum((g) => g.scored));
  return {
    scenario,
    games: games.length,
    players,
    seed,
    shareBlacklisted: sum((g) => g.blacklistedAtEnd) / scoredTotal,
    shareEverBlacklisted: sum((g) => g.everBlacklisted) / scoredTotal,
    gamesWithBlacklisting: games.filter((g) => g.everBlacklisted > 0).length,
    wrongfulBlacklistings: sum((g) => g.wrongful),
    gamesWithWrongful: games.filter((g) => g.wrongful > 0).length,
    appealsFiled: sum((g) => g.appealsFiled) / n,
    appealsReversed: sum((g) => g.appealsReversed) / n,
    appealsUpheld: sum((g) => g.appealsUpheld) / n,
    appealsPending: sum((g) => g.appealsPending) / n,
    gamesWithReversal: games.filter((g) => g.appealsReversed > 0).length,
    scoreMin: scores[0] ?? 0,
    scoreMedian: scores[Math.floor(scores.length / 2)] ?? 0,
    scoreMax: scores[scores.length - 1] ?? 0,
    giniMean: sum((g) => g.gini) / n,
    entriesPerWatcher: sum((g) => g.entries) / Math.max(1, sum((g) => g.watchers)),
    falseEntriesPerGame: sum((g) => g.falseEntries) / n,
    approvalRate,
    goalsMetShare: sum((g) => g.goalsMet) / Math.max(1, sum((g) => g.goalsDealt)),
  };
}
