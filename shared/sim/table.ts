/** The simulator's printed table: one block per scenario, plain text, stable for a seed. */
import type { Summary } from "./stats.ts";
import { isShare, type MeasureRow } from "./measures.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number) => x.toFixed(2);

/** A measure's value as the tables print it: shares in per cent, numbers with one decimal. */
export function measureText(r: Pick<MeasureRow, "measure">, v: number | null): string {
  if (v === null) return "no data";
  return isShare(r.measure) ? `${(v * 100).toFixed(1)} %` : v.toFixed(1);
}

/** "15.0 % – 40.0 %", "≥ 60.0 %", "≤ 25.0", or "—" without a band. */
export function bandText(r: Pick<MeasureRow, "measure" | "band">): string {
  const b = r.band;
  if (!b) return "—";
  if (b.min !== undefined && b.max !== undefined) return `${measureText(r, b.min)} – ${measureText(r, b.max)}`;
  return b.min !== undefined ? `≥ ${measureText(r, b.min)}` : `≤ ${measureText(r, b.max ?? 0)}`;
}

export function formatSummary(s: Summary & { measures?: readonly MeasureRow[] }): string {
  const rows: [string, string][] = [
    ["games × players (seed)", `${s.games} × ${s.players} (seed ${s.seed})`],
    ["share ending blacklisted", `${pct(s.shareBlacklisted)}  (ever listed ${pct(s.shareEverBlacklisted)}; games with a listing ${s.gamesWithBlacklisting})`],
    ["wrongful blacklistings", `${s.wrongfulBlacklistings}  (in ${s.gamesWithWrongful} of ${s.games} games)`],
    ["appeals filed / game", num(s.appealsFiled)],
    ["  reversed / upheld / pending", `${num(s.appealsReversed)} / ${num(s.appealsUpheld)} / ${num(s.appealsPending)}  (games with a reversal ${s.gamesWithReversal})`],
    ["score min / median / max", `${s.scoreMin} / ${s.scoreMedian} / ${s.scoreMax}`],
    ["Gini of scores (mean)", s.giniMean.toFixed(4)],
    ["entries per watcher", num(s.entriesPerWatcher)],
    ["false entries / game", num(s.falseEntriesPerGame)],
    ...Object.entries(s.approvalRate).map(([who, r]): [string, string] => [`approval rate (${who})`, pct(r)]),
    ["secret goals met", pct(s.goalsMetShare)],
    // the experience measures, with the scenario's band where it has one (simulate --check judges them)
    ...(s.measures ?? []).map((m): [string, string] => [
      m.name,
      `${measureText(m, m.value)}${m.band === null ? "" : `  (band ${bandText(m)}: ${m.met === true ? "met" : "not met"})`}`,
    ]),
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const line = "─".repeat(w + 2 + Math.max(...rows.map((r) => r[1].length)));
  return [`scenario ${s.scenario}`, line, ...rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`), line].join("\n");
}

/**
 * Variants side by side (`simulate --variants`): a column per variant, a row per figure a
 * comparison debrief would show — the listings and appeals first, then every experience measure
 * (a "✗" marks a value outside the base scenario's band).
 */
export function formatVariants(runs: readonly { variant: string; label: string; result: Summary & { measures: readonly MeasureRow[] } }[]): string {
  const first = runs[0];
  if (!first) return "";
  const rows: [string, ...string[]][] = [
    ["games × players (seed)", ...runs.map((r) => `${r.result.games} × ${r.result.players} (${r.result.seed})`)],
    ["ending blacklisted", ...runs.map((r) => pct(r.result.shareBlacklisted))],
    ["wrongful listings / game", ...runs.map((r) => num(r.result.wrongfulBlacklistings / Math.max(1, r.result.games)))],
    ["appeals reversed / game", ...runs.map((r) => num(r.result.appealsReversed))],
    ["appeals upheld / game", ...runs.map((r) => num(r.result.appealsUpheld))],
    ["appeals undecided / game", ...runs.map((r) => num(r.result.appealsPending))],
    ["score median", ...runs.map((r) => String(r.result.scoreMedian))],
    ...first.result.measures.map((m): [string, ...string[]] => [
      m.name,
      ...runs.map((r) => {
        const row = r.result.measures.find((x) => x.name === m.name);
        return row ? `${measureText(row, row.value)}${row.met === false ? " ✗" : ""}` : "–";
      }),
    ]),
  ];
  const head: [string, ...string[]] = ["", ...runs.map((r) => r.variant)];
  const widths = head.map((_, c) => Math.max(...[head, ...rows].map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  const rule = "─".repeat(widths.reduce((a, b) => a + b + 2, -2));
  const legend = runs.map((r) => `${r.variant}: ${r.label}`);
  return [...legend, "", line(head), rule, ...rows.map(line), rule, "✗ outside the base scenario's band for this class size"].join("\n");
}
