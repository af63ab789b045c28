/** The simulator's printed table: one block per scenario, plain text, stable for a seed. */
import type { Summary } from "./stats.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number) => x.toFixed(2);

export function formatSummary(s: Summary): string {
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
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const line = "─".repeat(w + 2 + Math.max(...rows.map((r) => r[1].length)));
  return [`scenario ${s.scenario}`, line, ...rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`), line].join("\n");
}
