/**
 * Runs of the rules' property tests (properties.test.ts) that once failed. Each is replayed, at its
 * fast-check seed and path, before the random runs of its scenario, on every test run.
 *
 * How to add one: when a property test fails, its message begins with the line to paste here,
 *   { scenario: "court-blacklist", seed: 20261122, path: "37:1:0", note: "<what went wrong>" },
 * (the seed of the run and the path to the shrunk counterexample, as fast-check reports them).
 * Replace the note with what was wrong, then fix the rules; the entry keeps the fix honest.
 *
 * A path points into the generators the failure was found with (`sequence` in properties.test.ts,
 * and commandgen.ts): if they change, an old path replays some other sequence. Re-find the failure
 * the note describes with the new generators and update the entry.
 *
 * None so far: the list has been empty since the property tests were written. The replay itself
 * is tested in properties.test.ts ("REGRESSIONS replay").
 */
export interface Regression {
  /** a scenario id from the property tests' list (or "tight-pilot") */
  scenario: string;
  seed: number;
  path: string;
  note: string;
}

export const REGRESSIONS: readonly Regression[] = [];
