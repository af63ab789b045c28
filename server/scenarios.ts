/**
 * The scenario catalogue: every `assets/scenarios/*.json` that passes the schema, plus those of
 * an extra folder (`SCENARIOS_DIR`). A broken file is left out of the list and logged with each bad
 * field named; the others still load. An id can be defined once: a second file with the same id is
 * refused, so nobody silently replaces a built-in scenario.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, type Scenario } from "../shared/scenario/index.ts";
import type { ScenarioSummary } from "../shared/protocol/http.ts";

export type ScenarioProblem = { file: string; errors: { path: string; message: string }[] };

export type Catalogue = {
  list: ScenarioSummary[];
  get(id: string): Scenario | undefined;
  problems: ScenarioProblem[];
};

/** A file's JSON, or undefined with the problem noted (the file is left out; the others still load). */
export function readJsonFile(dir: string, file: string, problems: ScenarioProblem[]): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, file), "utf8")) as unknown;
  } catch (error) {
    problems.push({ file, errors: [{ path: "(file)", message: `not valid JSON: ${(error as Error).message}` }] });
    return undefined;
  }
}

export function loadCatalogue(...dirs: string[]): Catalogue {
  const scenarios = new Map<string, Scenario>();
  const problems: ScenarioProblem[] = [];
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((name) => ({ dir, name })));
  for (const { dir, name: file } of files) {
    const json = readJsonFile(dir, file, problems);
    if (json === undefined) continue;
    const parsed = parseScenario(json);
    if (!parsed.ok) {
      problems.push({ file, errors: parsed.errors });
      continue;
    }
    if (`${parsed.scenario.id}.json` !== file) {
      problems.push({ file, errors: [{ path: "id", message: `must match the file name (${file.replace(/\.json$/, "")})` }] });
      continue;
    }
    if (scenarios.has(parsed.scenario.id)) {
      problems.push({ file: join(dir, file), errors: [{ path: "id", message: `"${parsed.scenario.id}" is already defined by another scenario file` }] });
      continue;
    }
    scenarios.set(parsed.scenario.id, parsed.scenario);
  }
  const list = [...scenarios.values()]
    .map((s) => ({ id: s.id, title: s.title, summary: s.summary, default: s.default === true, maxPlayers: s.maxPlayers }))
    .sort((a, b) => Number(b.default) - Number(a.default) || a.id.localeCompare(b.id));
  return { list, get: (id) => scenarios.get(id), problems };
}
