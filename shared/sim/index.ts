/**
 * The simulator's pure core: play N bot-only games of a scenario from one seed and summarise
 * them. Game i uses seed `seed + i`, so a run is reproducible and games are independent.
 */
import type { Scenario } from "../scenario/index.ts";
import { playGame } from "./play.ts";
import { gameStats, summarise, type Summary } from "./stats.ts";

export { playGame, type PlayOptions, type PlayedGame } from "./play.ts";
export { gameStats, gini, summarise, type GameStats, type Summary } from "./stats.ts";
export { formatSummary } from "./table.ts";

export function simulate(
  scenario: Scenario,
  opts: { games: number; seed: number; players?: number; onGame?: (done: number) => void },
): Summary {
  const players = opts.players ?? Math.min(30, scenario.maxPlayers);
  const stats = [];
  for (let i = 0; i < opts.games; i++) {
    stats.push(gameStats(playGame(scenario, { players, seed: (opts.seed + i) >>> 0 }).state));
    opts.onGame?.(i + 1);
  }
  return summarise(scenario.id, opts.seed, players, stats);
}
