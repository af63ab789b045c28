/**
 * Experience targets: what a scenario promises a class will live through, as named measures
 * with a band each. `npm run simulate -- --check` plays bot games and compares every measure
 * with its band; docs/scenario-authors.md defines each measure precisely.
 *
 * The catalogue is closed (an unknown name is an error) so a typo never silently drops a target.
 */
import { PLAYING_ROLES, type PlayingRole } from "../rules/roleBook.ts";
import { z } from "zod";
import { SHARE_MEASURES, type MeasureName } from "./measureNames.ts";

// the names live apart from the schema, so pages can format measures without zod
export { MEASURES, NUMBER_MEASURES, SHARE_MEASURES, type MeasureName } from "./measureNames.ts";

/**
 * Measures that grow with the class: the share of games in which something happens at least
 * once, and counts per game. Their bands are written for a class of `targets.players` (24
 * unless said) and judged at another size as the same town per person would give: a share of
 * games `g` becomes 1 − (1 − g)^(n / players), a count per game `c` becomes c · n / players.
 * (With a fixed chance per resident no single band of "games with a listing" can hold for both
 * 12 and 36 players: 60 % at 12 is 94 % at 36.) Shares of people, goal met rates and per-role
 * shares do not grow with the class and are judged as written.
 */
export const GAME_SHARE_MEASURES: readonly MeasureName[] = SHARE_MEASURES.filter((m) => m.startsWith("games_with_"));
export const PER_GAME_COUNT_MEASURES = ["false_entries_per_game", "reports_per_game"] as const satisfies readonly MeasureName[];
/** The class size bands are written for when a scenario does not say. */
export const REFERENCE_PLAYERS = 24;

/** Roles the per-role measure speaks about (observers have no duties). */
export const MEASURED_ROLES = PLAYING_ROLES;
export type MeasuredRole = PlayingRole;

const Bound = z.number().finite();

/** A band: at least `min`, at most `max`; one of them may be left out, not both. */
function bandRule(b: { min?: number | undefined; max?: number | undefined }, ctx: z.RefinementCtx): void {
  if (b.min === undefined && b.max === undefined) {
    ctx.addIssue({ code: "custom", message: "a band needs min, max or both" });
  }
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) {
    ctx.addIssue({ code: "custom", path: ["min"], message: `min ${b.min} is above max ${b.max}` });
  }
}
const BandShape = { min: Bound.optional(), max: Bound.optional() };

export const BandSchema = z.object(BandShape).strict().superRefine(bandRule);
export type Band = { min?: number | undefined; max?: number | undefined };

export const TargetsSchema = z
  .object({
    perk_grade_share: BandSchema.optional(),
    restricted_share: BandSchema.optional(),
    score_distance_median: BandSchema.optional(),
    games_with_blacklisting: BandSchema.optional(),
    games_with_wrongful_blacklisting: BandSchema.optional(),
    games_with_appeal_reversed: BandSchema.optional(),
    games_with_appeal_upheld: BandSchema.optional(),
    games_with_appeal_undecided: BandSchema.optional(),
    games_with_cosigned_loan: BandSchema.optional(),
    games_with_cosigner_drop: BandSchema.optional(),
    day1_gated_purchase_share: BandSchema.optional(),
    /** One band for every goal card where it is dealt, with per-card overrides. */
    goal_met_rate: z.object({ ...BandShape, cards: z.record(z.string(), BandSchema).default({}) }).strict().superRefine(bandRule).optional(),
    /** One band for every role, with per-role overrides. */
    meaningful_action_share: z
      .object({ ...BandShape, roles: z.partialRecord(z.enum(MEASURED_ROLES), BandSchema).default({}) })
      .strict()
      .superRefine(bandRule)
      .optional(),
    false_entries_per_game: BandSchema.optional(),
    reports_per_game: BandSchema.optional(),
    play_minutes: BandSchema.optional(),
    /** The class size the bands of games_with_* and per-game counts are written for (see GAME_SHARE_MEASURES). */
    players: z.number().int().min(2).max(200).optional(),
  })
  .strict();

export type Targets = z.infer<typeof TargetsSchema>;

/** Problems zod cannot see: shares outside 0–1, overrides naming cards the scenario lacks. */
export function checkTargets(t: Targets, goalIds: ReadonlySet<string>): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const share = new Set<string>(SHARE_MEASURES);
  const within = (b: Band, path: string) => {
    for (const k of ["min", "max"] as const) {
      const v = b[k];
      if (v !== undefined && (v < 0 || v > 1)) errors.push({ path: `${path}.${k}`, message: `a share is between 0 and 1 (got ${v})` });
    }
  };
  for (const [name, b] of Object.entries(t) as [MeasureName | "players", Band | number | undefined][]) {
    if (b === undefined || typeof b === "number" || name === "players") continue;
    const path = `targets.${name}`;
    if (share.has(name)) within(b, path);
    else for (const k of ["min", "max"] as const) {
      const v = b[k];
      if (v !== undefined && v < 0) errors.push({ path: `${path}.${k}`, message: `cannot be negative (got ${v})` });
    }
  }
  for (const [card, b] of Object.entries(t.goal_met_rate?.cards ?? {})) {
    const path = `targets.goal_met_rate.cards.${card}`;
    if (!goalIds.has(card)) errors.push({ path, message: `unknown goal card "${card}"` });
    within(b, path);
  }
  for (const [role, b] of Object.entries(t.meaningful_action_share?.roles ?? {})) {
    if (b) within(b, `targets.meaningful_action_share.roles.${role}`);
  }
  return errors;
}

/** Whether a value lies in its band (inclusive). */
export function inBand(value: number, b: Band): boolean {
  return (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max);
}

/**
 * The band a measure is judged by in a class of `players`, from the band written for
 * `reference` players (see GAME_SHARE_MEASURES); other measures keep their band.
 */
export function bandAtSize(measure: MeasureName, band: Band, players: number, reference: number): Band {
  if (players === reference) return band;
  const k = players / reference;
  const scale = GAME_SHARE_MEASURES.includes(measure)
    ? (g: number) => 1 - Math.pow(1 - g, k)
    : (PER_GAME_COUNT_MEASURES as readonly string[]).includes(measure)
      ? (c: number) => c * k
      : null;
  if (!scale) return band;
  return {
    ...(band.min === undefined ? {} : { min: scale(band.min) }),
    ...(band.max === undefined ? {} : { max: scale(band.max) }),
  };
}
