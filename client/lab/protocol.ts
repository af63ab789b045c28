/**
 * What the scenario lab's page and its worker say to each other. The page sends a draft scenario
 * as plain JSON; the worker checks it with the scenario schema (the server's own check) and plays
 * bot games with it, reporting the figures as games finish. Only types here: the page must not
 * pull the rules or zod in through this file.
 */
import type { Problem } from "../../shared/protocol/http.ts";
import type { Endings, Measured } from "../../shared/sim/batch.ts";
import type { Lang } from "../../shared/lang.ts";

/** How the simulated class plays: every bot fits its role, or a normal class (`simulate --mix class`). */
export type LabMix = "role" | "class";

export type RunSettings = { games: number; players: number; seed: number; mix: LabMix };

/** The problems of a draft, worded in the page's language where zod can (`lang`). */
export type ToWorker =
  | { kind: "check"; draft: unknown; lang: Lang }
  | { kind: "run"; draft: unknown; settings: RunSettings; lang: Lang }
  | { kind: "stop" };

/** A problem with a draft; `code` and `values` when the lab words it itself. */
export type DraftProblem = Problem & { code?: string; values?: Record<string, number> };

/** The figures of the games played so far. */
export type Figures = { done: number; games: number; players: number; measured: Measured; endings: Endings; shares: readonly string[] };

export type FromWorker =
  | { kind: "checked"; problems: DraftProblem[] }
  | { kind: "progress"; figures: Figures }
  /** All games played, or stopped early (`stopped`); `ms` of play in the worker. */
  | { kind: "finished"; figures: Figures | null; stopped: boolean; ms: number };
