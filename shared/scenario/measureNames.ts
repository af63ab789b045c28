/**
 * The experience measures by name, shares (0–1) and plain numbers. Only names here, no schema:
 * a page that formats measures reads this without loading zod (see targets.ts for the bands).
 */
export const SHARE_MEASURES = [
  "perk_grade_share",
  "restricted_share",
  "games_with_blacklisting",
  "games_with_wrongful_blacklisting",
  "games_with_appeal_reversed",
  "games_with_appeal_upheld",
  "games_with_appeal_undecided",
  "games_with_cosigned_loan",
  "games_with_cosigner_drop",
  "day1_gated_purchase_share",
  "goal_met_rate",
  "meaningful_action_share",
] as const;
export const NUMBER_MEASURES = ["score_distance_median", "false_entries_per_game", "reports_per_game", "play_minutes"] as const;
export const MEASURES = [...SHARE_MEASURES, ...NUMBER_MEASURES] as const;
export type MeasureName = (typeof MEASURES)[number];

/** Whether a measure's value is a share (0–1). */
export function isShare(m: MeasureName): boolean {
  return (SHARE_MEASURES as readonly string[]).includes(m);
}
