/**
 * The town map in real Chromium against a real server: a session with bots that walk about
 * (short think time) and one student on the play screen. The projector board draws the town
 * (a canvas with real pixels; its label counts places and people and follows the language);
 * the student's map highlights their place, a click on a building reaches the play screen
 * (onPick), the hand cursor shows over buildings. No console errors, no other host asked.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinHost } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { roomSession } from "../support/views.ts";
import { stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { TILE, layoutTown } from "../../client/town/layout.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json");
const SHOTS = SCREENSHOTS;
const scenario = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")) as {
  locations: { id: string; x: number; y: number; zone: string }[];
};
const BOTS = 8;

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];
const missing: string[] = [];

async function device(viewport: { width: number; height: number }): Promise<Device> {
  const created = await newDevice(browser);
  await created.page.setViewportSize(viewport);
  created.page.on("response", (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  devices.push(created);
  return created;
}

/** How many different colours the town's canvas shows (a blank or failed canvas shows one or two). */
async function coloursOnMap(page: Page): Promise<number> {
  const png = await page.locator(".town canvas").screenshot();
  return page.evaluate(async (base64) => {
    // (the page's content policy allows no fetch of data: URLs, so decode by hand)
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 16) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString("base64"));
}

function mapLabel(page: Page): Promise<string | null> {
  return page.locator(".town[role=img]").getAttribute("aria-label");
}

describeBrowser("the town map", () => {
  beforeAll(async () => {
    server = await startTestServer({ BOT_THINK_MS: "200" });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the town on the board and on a player's screen, and a click picks a place", { timeout: 90_000 }, async () => {
    const { code, hostToken } = await server.createSession();
    const host: Room = (await joinHost(server.url, code, hostToken)).room;

    // a student joins through the join page on a laptop-sized window (the whole map fits)
    const student = await device({ width: 1600, height: 1100 });
    await student.page.goto(`${server.url}/join/${code}`);
    await student.page.getByLabel(en.join.nickname).fill("Ann");
    await student.page.getByRole("button", { name: en.join.submit }).click();
    await student.page.getByRole("heading", { name: en.join.inTitle }).waitFor();

    await sendOk(host, { kind: "add_bot", count: BOTS });
    await sendOk(host, { kind: "auto_balance" });
    // Ann lives in the town: auto_balance deals every role afresh (it could make her an official,
    // whose clicks on the map pick no place), so she is made a resident after it
    const ann = Object.values(roomSession(code).lobby.seats).find((seat) => seat.nickname === "Ann")!.seatId;
    await sendOk(host, { kind: "assign_role", seatId: ann, role: "resident" });
    await sendOk(host, { kind: "start" });

    const board = await device({ width: 1366, height: 768 });
    await board.page.goto(`${server.url}/board/${code}`);
    await sendOk(host, { kind: "advance" }); // the day: bots walk about

    // the board: the map's label counts the twelve places and everyone with a role and a place
    const people = /Places: 12\. People on the map: (\d+)\./;
    await expect.poll(() => mapLabel(board.page), { timeout: 20_000 }).toMatch(people);
    const count = Number(people.exec((await mapLabel(board.page))!)![1]);
    expect(count).toBeGreaterThanOrEqual(BOTS - 2); // observers and officials without a place are not drawn
    await expect.poll(() => coloursOnMap(board.page), { timeout: 20_000 }).toBeGreaterThan(30);
    await board.page.screenshot({ path: join(SHOTS, "town-board-1366x768.png") });
    await board.page.setViewportSize({ width: 1920, height: 1080 });
    await board.page.waitForTimeout(300); // the map follows its panel's new size
    await board.page.screenshot({ path: join(SHOTS, "town-board-1920x1080.png") });
    await expect.poll(() => coloursOnMap(board.page), { timeout: 20_000 }).toBeGreaterThan(30);

    // the language switch rewrites the label (and the place names drawn on the map)
    await board.page.locator("#lang").selectOption("zh");
    await expect.poll(() => mapLabel(board.page)).toMatch(/^街区地图。地点：12 个。/);
    await board.page.waitForTimeout(500);
    await board.page.screenshot({ path: join(SHOTS, "town-board-zh-1366x768.png") });
    await board.page.locator("#lang").selectOption("en");

    // the student's play screen mounts its own town
    const page = student.page;
    await expect.poll(() => mapLabel(page), { timeout: 20_000 }).toMatch(people);
    await expect.poll(() => coloursOnMap(page), { timeout: 20_000 }).toBeGreaterThan(30);
    await page.screenshot({ path: join(SHOTS, "town-play-1600x1100.png") });

    // a click on the park's building: the play screen is told (it shows the park's move button)
    const canvas = page.locator(".town canvas");
    const layout = layoutTown(scenario.locations);
    const park = layout.places.find((p) => p.id === "park")!;
    // a point of the map, relative to the canvas as it is laid out now (the panel beside the map
    // and the notices above it grow and shrink as the game goes on, and may push the map below
    // the fold: Playwright's own click scrolls it into view and waits until nothing covers it)
    const at = async (world: { x: number; y: number }) => {
      const box = (await canvas.boundingBox())!;
      const zoom = Math.min(box.width / (layout.cols * TILE), box.height / (layout.rows * TILE));
      expect(zoom, "the whole map fits at this size, so it is centred and not scrolled").toBeGreaterThanOrEqual(1);
      return { x: box.width / 2 + (world.x - (layout.cols * TILE) / 2) * zoom, y: box.height / 2 + (world.y - (layout.rows * TILE) / 2) * zoom };
    };
    const parkCentre = { x: (park.rect.x + park.rect.w / 2) * TILE, y: (park.rect.y + park.rect.h / 2) * TILE };
    const focusedKey = () => page.evaluate(() => document.activeElement?.closest("[data-key]")?.getAttribute("data-key") ?? null);
    await canvas.hover({ position: await at(parkCentre) });
    await expect.poll(() => canvas.evaluate((c) => c.style.cursor)).toBe("pointer");
    await canvas.click({ position: await at(parkCentre) });
    await expect.poll(focusedKey, { timeout: 10_000 }).toBe("move:park");
    // over grass, no hand
    await canvas.hover({ position: await at({ x: 8, y: 8 }) });
    await expect.poll(() => canvas.evaluate((c) => c.style.cursor)).not.toBe("pointer");

    // on a phone the map scrolls to follow the student
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, "town-play-390x844.png") });
    await expect.poll(() => coloursOnMap(page), { timeout: 20_000 }).toBeGreaterThan(30);

    // every resource a page asked for arrived; the browser's own favicon request (no page
    // response event) is the one 404 the console may show
    expect(missing, "requests that failed").toEqual([]);
    for (const d of devices) expect(d.consoleErrors.filter((e) => !e.includes("404 (Not Found)")), "console errors").toEqual([]);
    expect(foreignRequests(devices, server.url)).toEqual([]);
    await host.leave();
  });
});
