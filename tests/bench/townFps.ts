/**
 * The town map's frame rate and first draw, in headless Chromium (software GL: a floor, not what
 * a real GPU gives). Not part of `npm test`: it measures, it does not pass or fail.
 *
 *  1. FPS: a session with 40 bots walking about (short think time), the projector board at
 *     1366×768 showing the town; frames counted with requestAnimationFrame over ~10 s.
 *  2. Join → town drawn: a fresh browser profile (empty cache) opens the join page of a game in
 *     its day phase, submits a nickname, and the clock stops when the town's label counts the
 *     people on the map (the map has drawn a view). Median of 5.
 *
 *   npx tsx tests/bench/townFps.ts [--seconds 10] [--bots 40]
 */
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinHost } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";

// (client/strings.ts needs Vite's import.meta.glob: read the table directly)
const en = JSON.parse(readFileSync(join(ROOT, "assets/strings/en/core.json"), "utf8")) as typeof import("../../assets/strings/en/core.json");

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const SECONDS = arg("seconds", 10);
const BOTS = arg("bots", 40);
const JOINS = 5;
const PEOPLE = /People on the map: (\d+)/;

async function dayWithBots(server: TestServer, bots: number): Promise<string> {
  const { code, hostToken } = await server.createSession();
  const host = (await joinHost(server.url, code, hostToken)).room;
  await sendOk(host, { kind: "add_bot", count: bots });
  await sendOk(host, { kind: "auto_balance" });
  await sendOk(host, { kind: "start" });
  await sendOk(host, { kind: "advance" });
  return code;
}

async function peopleOnMap(page: Page): Promise<number> {
  const label = await page.locator(".town[role=img]").getAttribute("aria-label").catch(() => null);
  return Number(PEOPLE.exec(label ?? "")?.[1] ?? 0);
}

async function measureFps(browser: Browser, server: TestServer): Promise<{ fps: number; people: number; frames: number; worstGapMs: number }> {
  const code = await dayWithBots(server, BOTS);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/board/${code}`);
  const deadline = Date.now() + 30_000;
  while ((await peopleOnMap(page)) < Math.min(BOTS, 30) && Date.now() < deadline) await page.waitForTimeout(200);
  const people = await peopleOnMap(page);
  // a string, not a function: tsx would wrap named inner functions in a helper the page lacks
  const result = (await page.evaluate(`new Promise((resolve) => {
    let frames = 0, worstGap = 0;
    const start = performance.now();
    let last = start;
    function tick(now) {
      frames++;
      worstGap = Math.max(worstGap, now - last);
      last = now;
      if (now - start < ${SECONDS * 1000}) requestAnimationFrame(tick);
      else resolve({ frames, elapsed: now - start, worstGap });
    }
    requestAnimationFrame(tick);
  })`)) as { frames: number; elapsed: number; worstGap: number };
  await page.close();
  return { fps: (result.frames / result.elapsed) * 1000, people, frames: result.frames, worstGapMs: result.worstGap };
}

async function measureJoin(browser: Browser, server: TestServer): Promise<number[]> {
  const code = await dayWithBots(server, 12);
  const times: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/join/${code}`);
    await page.getByLabel(en.join.nickname).fill(`Late${i}`);
    const started = Date.now();
    await page.getByRole("button", { name: en.join.submit }).click();
    // the town has drawn a view once its label counts someone on the map (polled from here:
    // the page's content policy allows no string evaluation)
    const deadline = Date.now() + 30_000;
    while ((await peopleOnMap(page)) === 0 && Date.now() < deadline) await page.waitForTimeout(25);
    times.push(Date.now() - started);
    await context.close();
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// the facilitator adds 40 bots in a burst: above the default flood limit of 20 messages a second
const server = await startTestServer({ BOT_THINK_MS: "300", MESSAGES_PER_SECOND: "200" });
const browser = await launchChromium();
try {
  const fps = await measureFps(browser, server);
  console.log(`Town FPS (board 1366×768, ${fps.people} avatars on the map, ${SECONDS} s, headless Chromium, software GL): ${fps.fps.toFixed(1)} fps (${fps.frames} frames, worst gap ${fps.worstGapMs.toFixed(0)} ms)`);
  const joins = await measureJoin(browser, server);
  console.log(`Join → town drawn (phone 390×844, fresh profile, game in its day): median ${median(joins)} ms over ${joins.length} (${joins.join(", ")})`);
} finally {
  await browser.close();
  await server.close();
}
process.exit(0);
