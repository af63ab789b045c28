/**
 * The projector board as a classroom meets it (issue 13, classroom items 1, 9 and 10), in real
 * Chromium against a real server:
 * - opened in the lobby (as the docs say), mid-game and after a reload, its town draws everyone at
 *   a finite place inside the map, names at 16 px or more on a 1366×768 projector, and the "Big
 *   town" layout gives the map the screen (and survives a reload);
 * - a board opened after the facilitator extended the phase shows the server's deadline;
 * - long announcements never push the town off a 768-px-high screen; the board says "Daytime"
 *   like the students' screens;
 * - at game over: no last broadcast, no day's cards, and students no longer see "Step out".
 * Where the canvas drew each avatar is read through the town's read-only probe (window.__town).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describeBrowser, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinHost } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/board.json") &
  typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/play.json");
const BOTS = 6;
/** Smallest name on the projector's map at 1366×768, in CSS px (issue 13: readable from the back). */
const MIN_NAME_PX = 16;

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];

async function device(width = 1366, height = 768): Promise<Page> {
  const created = await newDevice(browser);
  await created.page.setViewportSize({ width, height });
  devices.push(created);
  return created.page;
}

/** What is wrong with the town as drawn: nobody, or someone off the map or at no real position. */
async function townProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const town = window.__town;
    if (!town) return ["no town mounted"];
    const { width, height } = town.size();
    const avatars = town.avatars();
    const label = document.querySelector(".town[role=img]")?.getAttribute("aria-label") ?? "";
    const people = Number(/(\d+)\D*$/.exec(label)?.[1] ?? NaN);
    const problems: string[] = [];
    if (!(width > 0 && height > 0)) problems.push(`the map is ${width}×${height}`);
    if (avatars.length === 0) problems.push("nobody is drawn");
    if (avatars.length !== people) problems.push(`${avatars.length} drawn, the label counts ${people}`);
    for (const a of avatars) {
      const inside = Number.isFinite(a.x) && Number.isFinite(a.y) && a.x >= 0 && a.y >= 0 && a.x <= width && a.y <= height;
      if (!inside) problems.push(`${a.seat} at ${a.x},${a.y}`);
    }
    return problems;
  });
}

/** The smallest name drawn on the map (CSS px). */
function smallestName(page: Page): Promise<number> {
  return page.evaluate(() => Math.min(...window.__town!.avatars().filter((a) => a.nameVisible).map((a) => a.namePx)));
}

/** How much the map is magnified on screen (world px to CSS px). */
function mapZoom(page: Page): Promise<number> {
  return page.evaluate(() => window.__town!.size().zoom);
}

const seconds = (clock: string) => clock.split(":").map(Number).reduce((total, part) => total * 60 + part, 0);

describeBrowser("the projector board in class", () => {
  beforeAll(async () => {
    server = await startTestServer({ BOT_THINK_MS: "60000" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws everyone in the town however it was opened, legibly, and switches to the big town", { timeout: 120_000 }, async () => {
    const { code, hostToken } = await server.createSession();
    const host: Room = (await joinHost(server.url, code, hostToken)).room;

    // two projectors open the board in the lobby, before anyone joined
    const boards = [await device(), await device()];
    for (const page of boards) {
      await page.goto(`${server.url}/board/${code}`);
      await page.locator("#board-waiting").waitFor();
    }
    await sendOk(host, { kind: "add_bot", count: BOTS });
    await sendOk(host, { kind: "auto_balance" });
    for (const page of boards) {
      await expect.poll(() => page.locator("#board-names li").count()).toBe(BOTS);
      // the page has loaded all it wanted to while in the lobby
      await page.waitForLoadState("networkidle");
      expect(await page.locator("#board-game").isHidden()).toBe(true);
    }

    await sendOk(host, { kind: "start" });
    for (const page of boards) {
      await expect.poll(() => townProblems(page), { timeout: 20_000 }).toEqual([]);
      expect(await smallestName(page), "a name on the projector's map, in px").toBeGreaterThanOrEqual(MIN_NAME_PX);
    }

    // a board opened mid-game, and one reloaded
    const late = await device();
    await late.goto(`${server.url}/board/${code}`);
    await expect.poll(() => townProblems(late), { timeout: 20_000 }).toEqual([]);
    await boards[0]!.reload();
    await expect.poll(() => townProblems(boards[0]!), { timeout: 20_000 }).toEqual([]);

    // the big town: the facilitator presses it at the projector; the map takes the screen
    const page = boards[1]!;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "board-town-names-1366x768.png") });
    const before = await mapZoom(page);
    const toggle = page.getByRole("button", { name: en.board.bigTown });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => mapZoom(page), { message: `the map's zoom, ${before} in the three columns` }).toBeGreaterThan(before * 1.4);
    expect(await page.locator("#board-honour").isVisible(), "the people column gives way").toBe(false);
    expect(await page.locator("#board-feed").isVisible(), "the feed gives way").toBe(false);
    expect(await page.locator("#board-countdown").isVisible(), "the clock stays").toBe(true);
    await expect.poll(() => townProblems(page)).toEqual([]);
    expect(await smallestName(page)).toBeGreaterThanOrEqual(MIN_NAME_PX);
    const town = (await page.locator("#board-town").boundingBox())!;
    expect(town.y + town.height, "the whole map is on screen").toBeLessThanOrEqual(768);
    await page.screenshot({ path: join(SCREENSHOTS, "board-big-town-1366x768.png") });
    // it stays after a reload (it is in the address), and switches back
    expect(new URL(page.url()).searchParams.get("view")).toBe("town");
    await page.reload();
    await expect.poll(() => page.locator("#board-layout").getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => townProblems(page), { timeout: 20_000 }).toEqual([]);
    await page.locator("#board-layout").click();
    await expect.poll(() => page.locator("#board-honour").isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("view")).toBe(null);

    for (const d of devices) expect(d.consoleErrors.filter((e) => !e.includes("404 (Not Found)")), "console errors").toEqual([]);
    await host.leave();
  });

  it("keeps the server's clock after an extension, the town on screen under announcements, and nothing stale at the end", { timeout: 120_000 }, async () => {
    const { code, hostToken } = await server.createSession();
    const host: Room = (await joinHost(server.url, code, hostToken)).room;

    // a student joins from the join page, bots fill the town
    const student = await device(390, 844);
    await student.goto(`${server.url}/join/${code}`);
    await student.getByLabel(en.join.nickname).fill("Ann");
    await student.getByRole("button", { name: en.join.submit }).click();
    await student.getByRole("heading", { name: en.join.inTitle }).waitFor();
    await sendOk(host, { kind: "add_bot", count: BOTS });
    await sendOk(host, { kind: "auto_balance" });
    await sendOk(host, { kind: "start" });
    await sendOk(host, { kind: "advance" }); // the day
    const stepOut = student.getByRole("button", { name: en.play.stepOut.button });
    await stepOut.waitFor();

    // the facilitator gives everyone 20 more minutes; then a board is opened
    await sendOk(host, { kind: "extend", seconds: 1200 });
    const serverLeft = () => ((host.state as { phaseEndsAt: number }).phaseEndsAt - Date.now()) / 1000;
    await expect.poll(serverLeft).toBeGreaterThan(1200);
    const page = await device();
    await page.goto(`${server.url}/board/${code}`);
    const countdown = page.locator("#board-countdown");
    await expect.poll(async () => seconds((await countdown.textContent()) || "0"), { timeout: 20_000 }).toBeGreaterThan(0);
    const shown = seconds((await countdown.textContent())!);
    expect(Math.abs(shown - serverLeft()), `the board shows ${shown} s, the server has ${serverLeft()} s`).toBeLessThanOrEqual(2);

    // the board names the phase as the students' screens do
    await expect.poll(() => page.locator("#board-phase").textContent()).toContain(en.play.phase.day);

    // the facilitator says a lot: the town stays on the 768-px screen, big enough to see
    await expect.poll(() => townProblems(page), { timeout: 20_000 }).toEqual([]);
    const long = "Remember: everything you do in the town can be seen, recorded and published. ".repeat(2).trim().slice(0, 190);
    for (let i = 0; i < 4; i++) await sendOk(host, { kind: "broadcast", text: `${i + 1}. ${long}` });
    await expect.poll(() => page.locator("#board-announcement").textContent()).toContain("4. ");
    const town = (await page.locator("#board-town").boundingBox())!;
    expect(town.y + town.height, "the town's bottom edge").toBeLessThanOrEqual(768);
    expect(town.height, "the town's height").toBeGreaterThanOrEqual(200);
    await expect.poll(() => townProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "board-announcements-1366x768.png") });

    // the end: no broadcast and no day's cards on the board; students cannot step out any more
    expect(await page.locator("#board-cards li.card").count(), "today's card is up during the game").toBeGreaterThan(0);
    await sendOk(host, { kind: "end" });
    await expect.poll(() => page.locator("#board-phase").textContent()).toBe(en.board.phase.ended);
    expect(await page.locator("#board-announcement").isVisible()).toBe(false);
    expect(await page.getByText("4. Remember").first().isVisible()).toBe(false);
    expect(await page.locator("#board-cards li.card").first().isVisible()).toBe(false);
    await expect.poll(() => stepOut.isVisible()).toBe(false);

    for (const d of devices) expect(d.consoleErrors.filter((e) => !e.includes("404 (Not Found)")), "console errors").toEqual([]);
    await host.leave();
  });
});
