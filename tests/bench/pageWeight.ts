/**
 * Page weight: the gzip size of everything each built page loads before any user action
 * (its HTML, and the scripts and styles the HTML pulls in, followed through static imports),
 * plus "play": what a student's device loads in all once the game is on — the join page, then
 * everything the join entry reaches through dynamic `import()` (the play screen and the town with
 * Phaser), followed to the end. QUALITY.md's budgets: join page ≤ 100 kB gzip before Phaser,
 * whole play page ≤ 450 kB gzip.
 *
 *   npx tsx tests/bench/pageWeight.ts [--json]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CLIENT_DIST, ensureClientBuilt } from "../../server/clientBuild.ts";

const PAGES = { join: "index.html", host: "host.html", board: "board.html", debrief: "debrief.html", lab: "lab.html", eventDebrief: "event-debrief.html", event: "event.html", eventBoard: "event-board.html" };

/**
 * Loaded only when a page shows Chinese (client/ui/cjkFont.ts): not part of the play figure,
 * which is what every player's device loads.
 */
const ON_DEMAND = /^assets\/cjk-font-[\w-]+\.css$/;

export type Weight = { files: number; gzipBytes: number };
export type PageFiles = { html: string; static: string[]; lazy: string[] };

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function staticImports(code: string): string[] {
  // `import … from "./x.js"`, `import "./x.js"` (minified: `import{a}from"./x.js"`)
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => `assets/${m[1]}`);
}

function dynamicImports(code: string): string[] {
  const direct = [...code.matchAll(/import\(\s*(["'`])\.\/([^"'`]+)\1\s*\)/g)].map((m) => `assets/${m[2]}`);
  // Vite preloads a lazy chunk's own imports and styles with it: `__vite__mapDeps` lists them
  const preloaded = [...code.matchAll(/m\.f=\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/["'](assets\/[^"']+)["']/g)].map((d) => d[1]!));
  return [...direct, ...preloaded];
}

/** Follows a set of files through their imports: static only, or dynamic `import()` too. */
function reach(start: string[], dynamic: boolean, skip: Set<string> = new Set()): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || skip.has(file) || ON_DEMAND.test(file)) continue;
    seen.add(file);
    if (!file.endsWith(".js")) continue;
    const code = readFileSync(join(CLIENT_DIST, file), "utf8");
    queue.push(...staticImports(code));
    if (dynamic) queue.push(...dynamicImports(code));
  }
  return [...seen];
}

/** Each page's files: what it loads at once (`static`), and what it may load later (`lazy`). */
export function pageFiles(): Record<keyof typeof PAGES, PageFiles> {
  const out = {} as Record<keyof typeof PAGES, PageFiles>;
  for (const [page, html] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
    const tags = [...readFileSync(join(CLIENT_DIST, html), "utf8").matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    const loaded = reach(tags, false);
    out[page] = { html, static: loaded, lazy: reach(loaded, true).filter((f) => !loaded.includes(f)) };
  }
  return out;
}

export async function measurePageWeight(): Promise<Record<string, Weight>> {
  await ensureClientBuilt();
  const out: Record<string, Weight> = {};
  const files = pageFiles();
  const weigh = (html: string, assets: string[]): Weight => ({
    files: assets.length + 1,
    gzipBytes: gz(join(CLIENT_DIST, html)) + assets.reduce((sum, f) => sum + gz(join(CLIENT_DIST, f)), 0),
  });
  for (const [page, f] of Object.entries(files)) out[page] = weigh(f.html, f.static);
  out.play = weigh(files.join.html, [...files.join.static, ...files.join.lazy]);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = await measurePageWeight();
  if (process.argv.includes("--json")) console.log(JSON.stringify(weights));
  else for (const [page, w] of Object.entries(weights)) console.log(`${page.padEnd(6)} ${(w.gzipBytes / 1024).toFixed(1).padStart(6)} kB gzip in ${w.files} files`);
}
