/**
 * The simulator's pure core: play N bot-only games of a scenario from one seed, summarise them
 * and hold them to the scenario's experience targets.
 */
export { openBatch, simulate, type Batch, type BatchOptions, type Endings, type Measured } from "./batch.ts";
export { playGame, type Mix, type PlayOptions, type PlayedGame } from "./play.ts";
export { gameStats, gini, summarise, type GameStats, type Summary } from "./stats.ts";
export { formatSummary, formatVariants } from "./table.ts";
export { measure, newTally, observe, finish, gatedServices, isShare, type MeasureRow, type Tally } from "./measures.ts";
export { checkScenario, formatCheck, outOfBand, widen, CHECK_SIZES, CHECK_MIX, RANDOM_MIX, type CheckRun } from "./check.ts";
export { sessionLog, gameExport } from "./logs.ts";
