/**
 * npm run simulate -- --scenario <id|all> --games N --seed S [--players P] [--json]
 * npm run simulate -- --file my-scenario.json --games N   (checks and plays a scenario of your own)
 *
 * Plays bot-only games of each scenario through the pure rules and prints a table per scenario
 * (or JSON). The same seed always prints the same output.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { parseScenario, type Scenario } from "../shared/scenario/index.ts";
import { formatSummary, simulate, type Summary } from "../shared/sim/index.ts";

const DIR = join(import.meta.dirname, "..", "assets", "scenarios");

/** Reads and validates one scenario file; on any problem prints every bad field and exits 2. */
function loadFile(path: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`${path}: cannot read it as JSON (${(error as Error).message})`);
    process.exit(2);
  }
  const r = parseScenario(json);
  if (!r.ok) {
    console.error(`${path}:\n${r.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n")}`);
    process.exit(2);
  }
  return r.scenario;
}

function loadAll(): Scenario[] {
  return readdirSync(DIR).filter((f) => f.endsWith(".json")).sort().map((file) => loadFile(join(DIR, file)));
}

const USAGE = "usage: npm run simulate -- (--scenario <id|all> | --file <scenario.json>) --games N --seed S [--players P] [--json]";

function options() {
  try {
    return parseArgs({
      options: {
        scenario: { type: "string", default: "rongcheng-pilot" },
        file: { type: "string" },
        games: { type: "string", default: "100" },
        seed: { type: "string", default: "1" },
        players: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function main(): void {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const games = Number(values.games);
  const seed = Number(values.seed);
  const players = values.players === undefined ? undefined : Number(values.players);
  if (!Number.isInteger(games) || games < 1 || !Number.isInteger(seed) || (players !== undefined && (!Number.isInteger(players) || players < 2))) {
    console.error(USAGE);
    process.exit(2);
  }
  const all = values.file ? [loadFile(values.file)] : loadAll();
  const wanted = values.file || values.scenario === "all" ? all : all.filter((s) => values.scenario!.split(",").includes(s.id));
  if (wanted.length === 0) {
    console.error(`unknown scenario "${values.scenario}"; known: ${all.map((s) => s.id).join(", ")}, all`);
    process.exit(2);
  }
  const summaries: Summary[] = [];
  for (const scenario of wanted) {
    const bar = new cliProgress.SingleBar(
      { format: `${scenario.id.padEnd(18)} [{bar}] {value}/{total} games`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(games, 0);
    const p = players === undefined ? undefined : Math.min(players, scenario.maxPlayers);
    summaries.push(simulate(scenario, { games, seed, ...(p === undefined ? {} : { players: p }), onGame: (n) => bar.update(n) }));
    bar.stop();
  }
  if (values.json) console.log(JSON.stringify(summaries, null, 2));
  else console.log(summaries.map(formatSummary).join("\n\n"));
}

main();
