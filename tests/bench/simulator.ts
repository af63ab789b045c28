/**
 * Simulator benchmark (not a test): complete bot-only games of the default scenario with 30
 * players, one after another on the main thread (one core), reported as games per minute.
 *
 *   npx tsx tests/bench/simulator.ts [--quick]
 *
 * Quality bar (QUALITY.md): at least 1,000 games per minute.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario } from "../../shared/scenario/index.ts";
import { playGame } from "../../shared/sim/index.ts";

const quick = process.argv.includes("--quick");
const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "assets", "scenarios", "rongcheng-pilot.json"), "utf8")));
if (!r.ok) throw new Error("default scenario does not load");
const scenario = r.scenario;

const warmup = quick ? 20 : 50;
const games = quick ? 200 : 1500;
for (let i = 0; i < warmup; i++) playGame(scenario, { players: 30, seed: 100_000 + i });

let events = 0;
const started = performance.now();
for (let i = 0; i < games; i++) events += playGame(scenario, { players: 30, seed: i + 1 }).events;
const ms = performance.now() - started;
const perMinute = (games / ms) * 60_000;

console.log(`scenario        rongcheng-pilot, 30 players`);
console.log(`games           ${games} (after ${warmup} warm-up)`);
console.log(`time            ${(ms / 1000).toFixed(2)} s  (${(ms / games).toFixed(1)} ms per game, ${Math.round(events / games)} events per game)`);
console.log(`games per minute ${Math.round(perMinute)}  (target ≥ 1000) ${perMinute >= 1000 ? "OK" : "BELOW TARGET"}`);
