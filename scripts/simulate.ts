/**
 * npm run simulate -- --scenario <id|all> --games N --seed S [--players P] [--mix role|class|random-25] [--json] [--logs DIR]
 * npm run simulate -- --file my-scenario.json --games N   (checks and plays a scenario of your own)
 * npm run simulate -- --check [--scenario <id|all>] [--games 200] [--sizes 12,24,36] [--margin Z]
 * npm run simulate -- --variants my-variants.json [--games N] [--seed S] [--players P] [--mix class]
 *
 * Plays bot-only games of each scenario through the pure rules and prints a table per scenario
 * (or JSON, with the experience measures). `--check` holds every built-in scenario (or the one
 * asked for) to its `targets` at 12, 24 and 36 players with a class of mixed players, prints
 * each measure beside its band and exits 1 when one is out of band. The same seed always prints
 * the same output. `--mix` seats a class of mixed players in a plain run too (`class`: the mix
 * `--check` judges by, as the scenario lab in the browser plays it; default `role`: every bot fits
 * its role). `--variants` plays each variant of a variants file (shared/scenario/variants.ts) on
 * the same seeds and prints them side by side, as an event's comparison would show them (a normal
 * class unless `--mix` says otherwise).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { parseScenario, type Scenario } from "../shared/scenario/index.ts";
import { parseVariants } from "../shared/scenario/variants.ts";
import {
  CHECK_MIX, RANDOM_MIX, checkScenario, formatCheck, formatSummary, formatVariants, gameExport, outOfBand, simulate, type CheckRun, type Measured, type Mix, type PlayedGame,
} from "../shared/sim/index.ts";

const DIR = join(import.meta.dirname, "..", "assets", "scenarios");
const MIXES: Record<string, Mix | undefined> = { role: undefined, class: CHECK_MIX, "random-25": RANDOM_MIX };

/** A file's JSON; when it cannot be read, says so and exits 2. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`${path}: cannot read it as JSON (${(error as Error).message})`);
    process.exit(2);
  }
}

/** Reads and validates one scenario file; on any problem prints every bad field and exits 2. */
function loadFile(path: string): Scenario {
  const json = readJson(path);
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

const USAGE =
  "usage: npm run simulate -- (--scenario <id|all> | --file <scenario.json>) --games N --seed S [--players P] [--mix role|class|random-25] [--json] [--logs DIR]\n" +
  "       npm run simulate -- --check [--scenario <id|all> | --file <scenario.json>] [--games 200] [--seed S] [--sizes 12,24,36] [--margin Z] [--no-random] [--json] [--logs DIR]\n" +
  "       npm run simulate -- --variants <variants.json> [--games N] [--seed S] [--players P] [--mix role|class|random-25] [--json]";

function options() {
  try {
    return parseArgs({
      options: {
        scenario: { type: "string" },
        file: { type: "string" },
        games: { type: "string" },
        seed: { type: "string", default: "1" },
        players: { type: "string" },
        mix: { type: "string" },
        variants: { type: "string" },
        json: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        sizes: { type: "string" },
        margin: { type: "string", default: "0" },
        "no-random": { type: "boolean", default: false },
        logs: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** `--logs DIR`: one debrief export per game, named by scenario, mix, size and game. */
function logWriter(dir: string | undefined): ((label: string, game: PlayedGame, index: number, scenario: Scenario) => void) | undefined {
  if (!dir) return undefined;
  const fail = (error: unknown) => {
    console.error(`--logs ${dir}: cannot write there (${(error as Error).message})`);
    process.exit(2);
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    fail(error);
  }
  return (label, game, index, scenario) => {
    const code = `SIM${String(index + 1).padStart(4, "0")}`;
    try {
      writeFileSync(join(dir, `${label}-${String(index + 1).padStart(4, "0")}.json`), gameExport(scenario, game, code));
    } catch (error) {
      fail(error);
    }
  };
}

function progress(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(30)} [{bar}] {value}/{total} games`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function main(): void {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const games = Number(values.games ?? (values.check ? "200" : "100"));
  const seed = Number(values.seed);
  const players = values.players === undefined ? undefined : Number(values.players);
  const margin = Number(values.margin);
  const sizes = values.sizes === undefined ? undefined : values.sizes.split(",").map(Number);
  if (
    !Number.isInteger(games) || games < 1 || !Number.isInteger(seed) || (players !== undefined && (!Number.isInteger(players) || players < 2)) ||
    !Number.isFinite(margin) || margin < 0 || (sizes !== undefined && sizes.some((n) => !Number.isInteger(n) || n < 2)) || (values.mix !== undefined && !Object.hasOwn(MIXES, values.mix))
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  if (values.variants) return compareVariants(values.variants, { games, seed, players, mix: MIXES[values.mix ?? "class"], json: values.json });
  const all = values.file ? [loadFile(values.file)] : loadAll();
  // --check without --scenario means every built-in scenario; plain runs keep the default one.
  const asked = values.scenario ?? (values.check ? "all" : "rongcheng-pilot");
  const wanted = values.file || asked === "all" ? all : all.filter((s) => asked.split(",").includes(s.id));
  if (wanted.length === 0) {
    console.error(`unknown scenario "${asked}"; known: ${all.map((s) => s.id).join(", ")}, all`);
    process.exit(2);
  }
  const writeLog = logWriter(values.logs);
  if (values.check) {
    const runs: CheckRun[] = [];
    for (const scenario of wanted) {
      const bars = new Map<string, cliProgress.SingleBar>();
      runs.push(
        ...checkScenario(scenario, {
          games,
          seed,
          margin,
          randomRun: !values["no-random"],
          ...(sizes ? { sizes } : {}),
          onGame: (label, n) => {
            let bar = bars.get(label);
            if (!bar) bars.set(label, (bar = progress(label, games)));
            bar.update(n);
            if (n === games) bar.stop();
          },
          ...(writeLog ? { onPlayed: (label: string, g: PlayedGame, i: number) => writeLog(label, g, i, scenario) } : {}),
        }),
      );
    }
    const failed = runs.filter((r) => r.gating && r.result.measures.some(outOfBand));
    if (values.json) console.log(JSON.stringify(runs.map((r) => ({ size: r.size, mixName: r.mixName, gating: r.gating, ...r.result })), null, 2));
    else {
      console.log(formatCheck(runs));
      console.log(failed.length === 0 ? "\ncheck passed: every measure in band" : `\ncheck FAILED: ${failed.map((r) => `${r.scenario} at ${r.players}`).join(", ")}`);
    }
    process.exit(failed.length === 0 ? 0 : 1);
  }
  const summaries: Measured[] = [];
  for (const scenario of wanted) {
    const bar = progress(scenario.id, games);
    const p = players === undefined ? undefined : Math.min(players, scenario.maxPlayers);
    const label = `${scenario.id}-${p ?? Math.min(30, scenario.maxPlayers)}`;
    summaries.push(
      simulate(scenario, {
        games,
        seed,
        ...(p === undefined ? {} : { players: p }),
        ...(MIXES[values.mix ?? "role"] ? { mix: MIXES[values.mix ?? "role"] } : {}),
        onGame: (n) => bar.update(n),
        ...(writeLog ? { onPlayed: (g: PlayedGame, i: number) => writeLog(label, g, i, scenario) } : {}),
      }),
    );
    bar.stop();
  }
  if (values.json) console.log(JSON.stringify(summaries, null, 2));
  else console.log(summaries.map(formatSummary).join("\n\n"));
}

/** `--variants`: each variant on the same seeds, side by side. */
function compareVariants(path: string, o: { games: number; seed: number; players: number | undefined; mix: Mix | undefined; json: boolean }): void {
  const builtIn = loadAll();
  const r = parseVariants(readJson(path), (id) => builtIn.find((s) => s.id === id));
  if (!r.ok) {
    console.error(`${path}:\n${r.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n")}`);
    process.exit(2);
  }
  const runs = r.set.variants.map(({ variant, scenario }) => {
    const bar = progress(variant.id, o.games);
    const players = Math.min(o.players ?? 24, scenario.maxPlayers);
    const result = simulate(scenario, { games: o.games, seed: o.seed, players, ...(o.mix ? { mix: o.mix } : {}), onGame: (n) => bar.update(n) });
    bar.stop();
    return { variant: variant.id, label: variant.label.en, result };
  });
  if (o.json) console.log(JSON.stringify(runs.map((run) => ({ variant: run.variant, label: run.label, ...run.result })), null, 2));
  else console.log(`${r.set.base.id}, ${runs.length} variants on the same seeds\n\n${formatVariants(runs)}`);
}

main();
