/**
 * Debrief figures: the debrief page's weight (gzip, static and the lazily loaded chart chunk),
 * the time to open the debrief of a 200-player, 4-day bot game (API answer, and the page in
 * Chromium until everything is replayed and drawn), and the size of each export for that game.
 *
 *   npx tsx tests/bench/debrief.ts
 */
import "../../server/shim.ts";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CLIENT_DIST, ensureClientBuilt } from "../../server/clientBuild.ts";
import { startTestServer } from "../support/server.ts";
import { launchChromium, newDevice } from "../support/browser.ts";
import { hashToken, newToken } from "../../server/tokens.ts";
import { loadScenario } from "../unit/rules/helpers.ts";
import { simLog } from "../unit/debrief/fixture.ts";

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function pageWeight(): { staticGzip: number; chartsGzip: number } {
  const html = readFileSync(join(CLIENT_DIST, "debrief.html"), "utf8");
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith(".js")) continue;
    const code = readFileSync(join(CLIENT_DIST, file), "utf8");
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)) queue.push(`assets/${m[1]}`);
  }
  const staticGzip = gz(html) + [...seen].reduce((sum, f) => sum + gz(readFileSync(join(CLIENT_DIST, f))), 0);
  const draw = readdirSync(join(CLIENT_DIST, "assets")).filter((f) => /^draw-.*\.js$/.test(f));
  const chartsGzip = draw.reduce((sum, f) => sum + gz(readFileSync(join(CLIENT_DIST, "assets", f))), 0);
  return { staticGzip, chartsGzip };
}

await ensureClientBuilt();
const weight = pageWeight();
console.log(`debrief page   ${kB(weight.staticGzip)} gzip before any action; chart chunk (lazy) ${kB(weight.chartsGzip)} gzip`);

const t0 = performance.now();
const pilot = loadScenario("rongcheng-pilot");
const played = simLog(pilot, 200, 7);
console.log(`200-player 4-day bot game: ${played.length} events (simulated in ${Math.round(performance.now() - t0)} ms)`);
// --dense: the scenario seats 40 players (its maxPlayers; the other 160 observe) and a resident's
// action points last 3–4 deeds a day, so the log is modest; pad every day phase with walks (each
// seat 25 moves a day, no cost) for a log far beyond what a class could make, as a scale check.
const dense = process.argv.includes("--dense");
const log = dense ? padWithMoves(played) : played;
if (dense) console.log(`padded with moves: ${log.length} events`);

function padWithMoves(source: typeof played): typeof played {
  const out: (typeof played)[number]["event"][] = [];
  const places = pilot.locations.map((l) => l.id);
  let seats: string[] = [];
  for (const { event } of source) {
    out.push(event);
    if (event.type === "seat_added") seats.push(event.seat);
    if (event.type === "phase_started" && event.phase === "day") {
      for (let round = 0; round < 25; round++) for (const [i, seat] of seats.entries()) out.push({ type: "moved", seat, to: places[(i + round) % places.length]!, ap: 0, money: 0 });
    }
  }
  seats = [];
  return out.map((event, i) => ({ seq: i + 1, at: 1000 + i * 10, event }));
}

const server = await startTestServer({ LOG_LEVEL: "warn" });
const token = newToken();
const code = "BENCH2";
const id = "bench-session-0001";
await server.services.store.createSession({ id, code, scenarioId: "rongcheng-pilot", hostTokenHash: hashToken(token), createdAt: Date.now(), expiresAt: Date.now() + 86_400_000 });
for (let i = 0; i < log.length; i += 500) await server.services.store.append(id, i + 1, log.slice(i, i + 500).map((x) => x.event), log[i]!.at);
await server.services.store.endSession(id, Date.now());

const auth = { headers: { authorization: `Bearer ${token}` } };
const sizes: Record<string, { bytes: number; gzip: number; ms: number }> = {};
for (const path of ["debrief", "debrief?names=1", "export.json", "players.csv", "entries.csv"]) {
  const started = performance.now();
  const response = await fetch(`${server.url}/api/sessions/${code}/${path}`, auth);
  const body = await response.text();
  sizes[path] = { bytes: Buffer.byteLength(body), gzip: gz(body), ms: Math.round(performance.now() - started) };
}
// the first answer replays the log on the server; later ones for the same log hit its cache
console.log("API (first request replays and anonymises the log on the server):");
for (const [path, s] of Object.entries(sizes)) console.log(`  ${path.padEnd(16)} ${kB(s.bytes).padStart(10)} (${kB(s.gzip)} gzip) in ${s.ms} ms`);

const browser = await launchChromium();
const device = await newDevice(browser);
await device.context.addInitScript(([c, tok]) => localStorage.setItem(`gs.host.${c}`, JSON.stringify({ hostToken: tok, scenarioId: "rongcheng-pilot", createdAt: 1 })), [code, token] as const);
await device.page.setViewportSize({ width: 1366, height: 768 });
const runs: number[] = [];
const inPage: number[] = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  await device.page.goto(`${server.url}/debrief/${code}`);
  await device.page.locator("body[data-ready]").waitFor({ timeout: 60_000 });
  runs.push(Math.round(performance.now() - started));
  inPage.push(Number(await device.page.locator("body").getAttribute("data-open-ms")));
}
const started = performance.now();
await device.page.getByRole("tab", { name: "Charts" }).click();
await device.page.locator("#panel-charts .panel-body[data-drawn]").waitFor({ timeout: 60_000 });
const chartsMs = Math.round(performance.now() - started);
const scrubStart = performance.now();
await device.page.getByRole("tab", { name: "Timeline" }).click();
await device.page.locator("#scrubber").fill(String(Math.floor(log.length / 3)));
await device.page.locator("#scrub-position").filter({ hasText: `Event ${Math.floor(log.length / 3) + 1} of` }).waitFor();
const scrubMs = Math.round(performance.now() - scrubStart);
console.log(`page: navigation → timeline shown ${runs.join(" / ")} ms (fetch + replay + render inside the page ${inPage.join(" / ")} ms); charts drawn ${chartsMs} ms; one scrub ${scrubMs} ms`);
await browser.close();
await server.close();
process.exit(0);
