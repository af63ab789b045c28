/**
 * Page weight: the gzip size of everything each built page loads before any user action
 * (its HTML, and the scripts and styles the HTML pulls in, followed through static imports).
 * QUALITY.md's budget for the join page is 100 kB gzip before Phaser.
 *
 *   npx tsx tests/bench/pageWeight.ts [--json]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CLIENT_DIST, ensureClientBuilt } from "../../server/clientBuild.ts";

const PAGES = { join: "index.html", host: "host.html", board: "board.html" };

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Files a page loads: its <script>/<link> tags, then each script's static imports. */
function filesOf(html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith(".js")) continue;
    const code = readFileSync(join(CLIENT_DIST, file), "utf8");
    // static imports only (`import … from "./x.js"`, `import "./x.js"`); dynamic import() is lazy
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

export async function measurePageWeight(): Promise<Record<string, { files: number; gzipBytes: number }>> {
  await ensureClientBuilt();
  const out: Record<string, { files: number; gzipBytes: number }> = {};
  for (const [page, file] of Object.entries(PAGES)) {
    const htmlPath = join(CLIENT_DIST, file);
    const assets = filesOf(readFileSync(htmlPath, "utf8"));
    out[page] = { files: assets.length + 1, gzipBytes: gz(htmlPath) + assets.reduce((sum, f) => sum + gz(join(CLIENT_DIST, f)), 0) };
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = await measurePageWeight();
  if (process.argv.includes("--json")) console.log(JSON.stringify(weights));
  else for (const [page, w] of Object.entries(weights)) console.log(`${page.padEnd(6)} ${(w.gzipBytes / 1024).toFixed(1).padStart(6)} kB gzip in ${w.files} files`);
}
