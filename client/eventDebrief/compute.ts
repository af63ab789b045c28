/**
 * The comparison itself, loaded only once the logs are in (a lazily imported chunk: it holds
 * the simulator's measures, which bring the scenario schema with them).
 */
import { compareStreets, scoreBins, type NeighbourhoodLog, type ScoreBins, type StreetFigures } from "../../shared/district/compare.ts";
import { comparePrompts, type ComparePrompt } from "../../shared/district/comparePrompts.ts";

export type Comparison = { streets: StreetFigures[]; prompts: ComparePrompt[]; bins: ScoreBins };

export function compare(logs: readonly NeighbourhoodLog[]): Comparison {
  const streets = compareStreets(logs);
  return { streets, prompts: comparePrompts(streets), bins: scoreBins(streets) };
}
