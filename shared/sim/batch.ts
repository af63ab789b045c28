/**
 * A batch of bot-only games of one scenario: game i uses seed `seed + i`, so a run is
 * reproducible and games are independent. `simulate` plays the whole batch and returns the
 * summary with the experience measures; `openBatch` plays it one game at a time, for callers that
 * show figures as games finish and may stop early (the scenario lab's worker). Both give the same
 * figures for the same games.
 */
import type { Scenario } from "../scenario/index.ts";
import { measure, type MeasureRow, type Tally } from "./measures.ts";
import { playGame, type Mix, type PlayedGame } from "./play.ts";
import { gameStats, summarise, type GameStats, type Summary } from "./stats.ts";

/** A summary with the experience measures beside the older figures. */
export type Measured = Summary & { mix: Mix; measures: MeasureRow[] };

/** What the lab draws beside the measures: how a batch's games ended. */
export interface Endings {
  /** Scored players at the end, per grade id (in the scenario's order, best first). */
  grades: Record<string, number>;
  /** People blacklisted at some point, per game. */
  blacklistedPerGame: number[];
  /** Appeals by outcome, over all games. */
  appeals: { reversed: number; upheld: number; pending: number };
}

export type BatchOptions = {
  games: number;
  seed: number;
  players?: number;
  mix?: Mix;
  /** Keep each game's event log (for `--logs`). */
  keepLog?: boolean;
};

export interface Batch {
  /** Players seated in every game (the scenario's maxPlayers caps the size asked for). */
  readonly players: number;
  /** Games played so far. */
  done(): number;
  /** Plays the next game; undefined once all are played. */
  next(): PlayedGame | undefined;
  /** The figures of the games played so far. */
  result(): Measured;
  endings(): Endings;
}

export function openBatch(scenario: Scenario, opts: BatchOptions): Batch {
  const players = opts.players ?? Math.min(30, scenario.maxPlayers);
  const stats: GameStats[] = [];
  const tallies: Tally[] = [];
  const grades: Record<string, number> = Object.fromEntries(scenario.grades.map((g) => [g.id, 0]));
  return {
    players,
    done: () => stats.length,
    next() {
      const i = stats.length;
      if (i >= opts.games) return undefined;
      const game = playGame(scenario, { players, seed: (opts.seed + i) >>> 0, measure: true, keepLog: opts.keepLog === true, ...(opts.mix ? { mix: opts.mix } : {}) });
      stats.push(gameStats(game.state));
      tallies.push(game.tally!);
      for (const p of Object.values(game.state.players)) if (p.scored) grades[p.grade] = (grades[p.grade] ?? 0) + 1;
      return game;
    },
    result: () => ({ ...summarise(scenario.id, opts.seed, players, stats), mix: opts.mix ?? {}, measures: measure(scenario, tallies, players) }),
    endings: () => ({
      grades: { ...grades },
      blacklistedPerGame: stats.map((s) => s.everBlacklisted),
      appeals: {
        reversed: stats.reduce((n, s) => n + s.appealsReversed, 0),
        upheld: stats.reduce((n, s) => n + s.appealsUpheld, 0),
        pending: stats.reduce((n, s) => n + s.appealsPending, 0),
      },
    }),
  };
}

export function simulate(
  scenario: Scenario,
  opts: BatchOptions & {
    onGame?: (done: number) => void;
    /** Receives each finished game (its log is kept when set), e.g. to write it out. */
    onPlayed?: (game: PlayedGame, index: number) => void;
  },
): Measured {
  const batch = openBatch(scenario, { ...opts, keepLog: opts.onPlayed !== undefined });
  for (let game = batch.next(); game; game = batch.next()) {
    opts.onPlayed?.(game, batch.done() - 1);
    opts.onGame?.(batch.done());
  }
  return batch.result();
}
