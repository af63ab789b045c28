/**
 * The scenario lab's speed: games per second in its Web Worker (headless Chromium) beside the
 * command-line simulator's on this machine, for the same games (24 players, a normal class, seed
 * 1), and how long the page's main thread was ever busy while the worker played (its longest gap
 * between timer ticks).
 *
 *   npx tsx tests/bench/lab.ts [--games 100]
 */
import "../../server/shim.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, ensureClientBuilt } from "../../server/clientBuild.ts";
import { startTestServer } from "../support/server.ts";
import { launchChromium } from "../support/browser.ts";
import { parseScenario } from "../../shared/scenario/index.ts";
import { CHECK_MIX, simulate } from "../../shared/sim/index.ts";

const games = Number(parseArgs({ options: { games: { type: "string", default: "100" } } }).values.games);
await ensureClientBuilt();
const server = await startTestServer();
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
console.log(`${games} games of 24 players, a normal class, seed 1`);
console.log("scenario           CLI (node)        lab worker (Chromium)   main thread's longest busy gap");
for (const id of ["quick-demo", "rongcheng-pilot"]) {
  const parsed = parseScenario(JSON.parse(readFileSync(join(ROOT, "assets/scenarios", `${id}.json`), "utf8")));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const started = performance.now();
  simulate(parsed.scenario, { games, seed: 1, players: 24, mix: CHECK_MIX });
  const cliSeconds = (performance.now() - started) / 1000;

  await page.goto(`${server.url}/lab`);
  await page.locator("#lab-scenario").selectOption(id);
  await page.locator(".lab-group").first().waitFor();
  await page.locator("#lab-games").fill(String(games));
  await page.locator("#lab-seed").fill("1");
  await page.locator("#lab-mix").selectOption("class");
  // the main thread's longest stall while the games play: the largest gap between 10 ms ticks
  await page.evaluate(() => {
    const w = window as unknown as { gap: number; last: number; timer: number };
    w.gap = 0;
    w.last = performance.now();
    w.timer = window.setInterval(() => {
      const now = performance.now();
      w.gap = Math.max(w.gap, now - w.last);
      w.last = now;
    }, 10);
  });
  await page.locator("#lab-go").click();
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>("#lab-go")?.disabled === false && /\d s\.$/.test(document.querySelector("#lab-run-status")?.textContent ?? ""), null, { timeout: 5 * 60_000 });
  const status = (await page.locator("#lab-run-status").textContent()) ?? "";
  const workerSeconds = Number(/in ([\d.]+) s/.exec(status)?.[1]);
  const gap = await page.evaluate(() => (window as unknown as { gap: number }).gap);
  console.log(
    `${id.padEnd(18)} ${(games / cliSeconds).toFixed(1).padStart(6)} games/s    ${(games / workerSeconds).toFixed(1).padStart(6)} games/s (${workerSeconds} s)   ${gap.toFixed(0)} ms`,
  );
}
await browser.close();
await server.close();
process.exit(0);
