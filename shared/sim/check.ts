/**
 * `simulate --check`: a scenario against its experience targets, at several class sizes, with a
 * class of mixed players (most fit their role; some careless, a few random-legal). Every
 * measure is printed beside its band. A second run with a quarter of random-legal players is
 * reported beside it, to show how the bands hold when people do not play well; only the class
 * mix decides the exit code.
 */
import type { Band, Scenario } from "../scenario/index.ts";
import { inBand, REFERENCE_PLAYERS } from "../scenario/index.ts";
import type { PlayedGame } from "./play.ts";
import { isShare, type MeasureRow } from "./measures.ts";
import { bandText, measureText } from "./table.ts";
import { simulate, type Measured } from "./batch.ts";
import type { Mix } from "./play.ts";

export const CHECK_SIZES = [12, 24, 36] as const;
/** A normal class: a fifth careless, one in twenty clicking at random, the rest playing their role. */
export const CHECK_MIX: Mix = { careless: 0.2, random: 0.05 };
/** The same class with a quarter of random-legal players. */
export const RANDOM_MIX: Mix = { careless: 0.2, random: 0.25 };

export interface CheckRun {
  scenario: string;
  /** Class size asked for, and seated (a scenario's maxPlayers caps it). */
  size: number;
  players: number;
  mixName: "class" | "random-25";
  /** Whether this run decides the exit code. */
  gating: boolean;
  /** The class size the scenario's bands are written for. */
  reference: number;
  result: Measured;
}

/**
 * A band widened by `z` standard errors of the sample behind the row, so a smaller sample than
 * the 200-game check does not fail on chance alone. Shares use the binomial error at p = 0.5
 * (the widest: √(0.25 / n)); other measures are widened by the same relative amount.
 */
export function widen(band: Band, row: Pick<MeasureRow, "measure" | "n">, z: number): Band {
  if (z <= 0 || row.n <= 0) return band;
  const se = Math.sqrt(0.25 / row.n);
  if (isShare(row.measure)) {
    return {
      ...(band.min === undefined ? {} : { min: Math.max(0, band.min - z * se) }),
      ...(band.max === undefined ? {} : { max: Math.min(1, band.max + z * se) }),
    };
  }
  if (row.measure === "play_minutes") return band; // fixed by the scenario, no sampling
  return {
    ...(band.min === undefined ? {} : { min: band.min * (1 - z * se) }),
    ...(band.max === undefined ? {} : { max: band.max * (1 + z * se) }),
  };
}

function rejudge(rows: MeasureRow[], z: number): MeasureRow[] {
  if (z <= 0) return rows;
  return rows.map((r) => {
    if (!r.band) return r;
    const band = widen(r.band, r, z);
    return { ...r, band, met: r.value === null ? null : inBand(r.value, band) };
  });
}

export function checkScenario(
  scenario: Scenario,
  opts: {
    games: number;
    seed: number;
    sizes?: readonly number[];
    /** Widen bands by this many standard errors (for small samples); 0 = the bands as written. */
    margin?: number;
    /** Also run the random-25 mix (reported, not gating). */
    randomRun?: boolean;
    onGame?: (label: string, done: number) => void;
    onPlayed?: (label: string, game: PlayedGame, index: number) => void;
  },
): CheckRun[] {
  const runs: CheckRun[] = [];
  const mixes: [CheckRun["mixName"], Mix][] = [["class", CHECK_MIX]];
  if (opts.randomRun ?? true) mixes.push(["random-25", RANDOM_MIX]);
  for (const [mixName, mix] of mixes) {
    for (const size of opts.sizes ?? CHECK_SIZES) {
      const players = Math.min(size, scenario.maxPlayers);
      const label = `${scenario.id}-${mixName}-${players}`;
      const onPlayed = opts.onPlayed;
      const result = simulate(scenario, {
        games: opts.games,
        seed: opts.seed,
        players,
        mix,
        onGame: (n) => opts.onGame?.(label, n),
        ...(onPlayed ? { onPlayed: (g: PlayedGame, i: number) => onPlayed(label, g, i) } : {}),
      });
      result.measures = rejudge(result.measures, opts.margin ?? 0);
      const reference = scenario.targets?.players ?? REFERENCE_PLAYERS;
      runs.push({ scenario: scenario.id, size, players, mixName, gating: mixName === "class", reference, result });
    }
  }
  return runs;
}

/** A row is out of band when it has a band and its value is missing or outside it. */
export function outOfBand(r: MeasureRow): boolean {
  return r.band !== null && r.met !== true;
}

const fmt = (r: Pick<MeasureRow, "measure">, v: number) => measureText(r, v);

const sameBand = (a: Band | null, b: Band | null) => a?.min === b?.min && a?.max === b?.max;

/** The value and its verdict, and the band it was judged by when that is not the band as written. */
function cell(r: MeasureRow): string {
  const value = r.value === null ? "no data" : fmt(r, r.value);
  const mark = r.band === null ? "" : r.met === true ? " met" : " NOT MET";
  const moved = r.band !== null && !sameBand(r.band, r.written) ? ` (${bandText(r)})` : "";
  return `${value}${mark}${moved}`;
}

const mixText = (m: Mix) => `${Math.round((m.careless ?? 0) * 100)} % careless, ${Math.round((m.random ?? 0) * 100)} % random-legal`;

/** One table per scenario and mix: measures down, class sizes across. */
export function formatCheck(runs: readonly CheckRun[]): string {
  const blocks: string[] = [];
  const groups = new Map<string, CheckRun[]>();
  for (const r of runs) {
    const key = `${r.scenario}|${r.mixName}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const names = first.result.measures.map((m) => m.name);
    const header = ["measure", "band as written", ...group.map((r) => `${r.players} players`)];
    const lines = names.map((name, i) => {
      const m = first.result.measures[i]!;
      return [name, bandText({ measure: m.measure, band: m.written }), ...group.map((r) => cell(r.result.measures[i]!))];
    });
    const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
    const row = (cells: string[]) => cells.map((x, c) => x.padEnd(widths[c]!)).join("  ").trimEnd();
    const misses = group.reduce((a, r) => a + r.result.measures.filter(outOfBand).length, 0);
    const reference = `bands of games_with_* and per-game counts are written for ${first.reference} players and moved to each class size (in brackets)`;
    const title = `${first.scenario} — ${first.mixName === "class" ? "class mix" : "with random-legal players (reported, not gating)"}: ${mixText(first.result.mix)}; ${first.result.games} games per size, seed ${first.result.seed}`;
    const rule = "─".repeat(Math.max(title.length, row(header).length));
    blocks.push([title, reference, rule, row(header), rule, ...lines.map(row), rule, misses === 0 ? "every measure in band" : `${misses} out of band`].join("\n"));
  }
  return blocks.join("\n\n");
}
