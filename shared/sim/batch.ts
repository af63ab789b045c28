/**
 * A batch of bot-only games of one scenario: game i uses seed `seed + i`, so a run is
 * reproducible and games are independent. Returns the summary with the experience measures.
 */
import type { Scenario } from "../scenario/index.ts";
import { measure, type MeasureRow, type Tally } from "./measures.ts";
import { playGame, type Mix, type PlayedGame } from "./play.ts";
import { gameStats, summarise, type Summary } from "./stats.ts";

/** A summary with the experience measures beside the older figures. */
export type Measured = Summary & { mix: Mix; measures: MeasureRow[] };

export function simulate(
  scenario: Scenario,
  opts: {
    games: number;
    seed: number;
    players?: number;
    mix?: Mix;
    onGame?: (done: number) => void;
    /** Receives each finished game (its log is kept when set), e.g. to write it out. */
    onPlayed?: (game: PlayedGame, index: number) => void;
  },
): Measured {
  const players = opts.players ?? Math.min(30, scenario.maxPlayers);
  const stats = [];
  const tallies: Tally[] = [];
  for (let i = 0; i < opts.games; i++) {
    const game = playGame(scenario, { players, seed: (opts.seed + i) >>> 0, measure: true, keepLog: opts.onPlayed !== undefined, ...(opts.mix ? { mix: opts.mix } : {}) });
    stats.push(gameStats(game.state));
    tallies.push(game.tally!);
    opts.onPlayed?.(game, i);
    opts.onGame?.(i + 1);
  }
  return { ...summarise(scenario.id, opts.seed, players, stats), mix: opts.mix ?? {}, measures: measure(scenario, tallies, players) };
}
