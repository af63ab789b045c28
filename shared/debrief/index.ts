/**
 * The debrief's pure core: replay a session's log once (with checkpoints for the scrubber),
 * then read truth versus record, chart data, prompts, exports and each player's end screen
 * from it. No Node, no DOM: the server uses it for exports and the players' endings, the
 * debrief page for everything it shows.
 */
export * from "./log.ts";
export * from "./replay.ts";
export * from "./names.ts";
export * from "./truth.ts";
export * from "./stories.ts";
export * from "./goalStories.ts";
export * from "./charts.ts";
export * from "./prompts.ts";
export * from "./exports.ts";
export * from "./ending.ts";
export * from "./timeline.ts";
