/**
 * `npm run bench [-- --quick]`: every benchmark in one run, printed as a table and written to
 * bench-results/<date>.json. Not part of `npm test`: these measure, they do not pass or fail.
 * Each part is bounded in count and time and talks only to 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measurePageWeight } from "./pageWeight.ts";
import { formatLatency, runLatency, type LatencyResult } from "./latency.ts";
import { ROOT } from "../../server/clientBuild.ts";

const quick = process.argv.includes("--quick");
const results: Record<string, unknown> = { date: new Date().toISOString(), quick, node: process.version };

console.log(`Good Standing benchmarks${quick ? " (quick)" : ""}\n`);

const weights = await measurePageWeight();
results.pageWeight = weights;
console.log("Page weight (gzip, everything loaded before any action)");
for (const [page, w] of Object.entries(weights)) console.log(`  ${page.padEnd(6)} ${(w.gzipBytes / 1024).toFixed(1)} kB in ${w.files} files${page === "join" ? "   (budget 100 kB)" : ""}`);

console.log("\nSimulator (bot-only games of the default scenario, one core)");
const simulator = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "tests/bench/simulator.ts"), ...(quick ? ["--quick"] : [])], { cwd: ROOT, encoding: "utf8" });
console.log(simulator.trimEnd().replace(/^/gm, "  "));
results.simulator = Number(/games per minute\s+(\d+)/.exec(simulator)?.[1] ?? NaN);

const rooms: LatencyResult[] = [];
for (const players of [30, 200]) {
  console.log("");
  const result = await runLatency({ players, seconds: quick ? 10 : 30, rate: 0.5 });
  rooms.push(result);
  console.log(formatLatency(result));
}
results.rooms = rooms;
console.log("\nTargets (QUALITY.md): command → sender p99 ≤ 50 ms; → others p99 ≤ 100 ms in a 200-player room.");

mkdirSync(join(ROOT, "bench-results"), { recursive: true });
const file = join(ROOT, "bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nWritten to ${file}`);
process.exit(0);
