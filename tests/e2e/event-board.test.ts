/**
 * The event's big board (issue 16) in real Chromium against a real server: an event of three
 * neighbourhoods (quick-three) whose players arrive through the event code, seen on the hall's
 * projector at 1920×1080 —
 * - without the event's key on this device: it says where to open it;
 * - before the start: the event code, the join address, a QR code, each neighbourhood's arrivals;
 * - during play: a tile per neighbourhood (moment, pause, players, key figures) and the strip of
 *   figures side by side, legible from the back of the hall (type at least 18 px, nothing cut
 *   off, nothing scrolling); a lost connection said gently and recovered;
 * - the cycle: each neighbourhood's own board in a same-origin frame, in turn, remembered on the
 *   device; where the server forbids framing its pages, the tiles and a note instead;
 * - in Chinese; axe-clean; twelve neighbourhoods still fit.
 * The steps share one server, one event and one projector (module variables), in order.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describeBrowser, foreignRequests, launchChromium, newDevice, SCREENSHOTS, type Device } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinPlayer, seatToken } from "../support/clients.ts";
import { commandId } from "../support/script.ts";
import { seriousViolations } from "../support/axe.ts";
import { fill, stringTable } from "../support/strings.ts";
import { strayRules, strays } from "../support/strays.ts";
import { events } from "../../client/net/storage.ts";
import type { EventInfo, EventCommandReply, EventFigures } from "../../shared/protocol/http.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/eventBoard.json") & typeof import("../../assets/strings/en/board.json");
const zh = stringTable("zh") as typeof import("../../assets/strings/zh/eventBoard.json");
/** The smallest type on the hall's projector, in CSS px at 1920×1080. */
const MIN_TEXT_PX = 18;
const BOTS = 4;

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];
/** The event of the steps, created in the lobby step. */
let event: { code: string; hostToken: string; info: EventInfo };
/** The projector: the host's device, which holds the event's key. */
let projector: Device;
const players: Room[] = [];

async function api<T>(method: "GET" | "POST", path: string, body?: unknown, token?: string): Promise<T> {
  const init: RequestInit & { headers: Record<string, string> } = { method, headers: {} };
  if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  if (token) init.headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}${path}`, init);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A new event (2–12 neighbourhoods) and what its console would read. */
async function createEvent(body: Record<string, unknown>): Promise<{ code: string; hostToken: string; info: EventInfo }> {
  const { code, hostToken } = await api<{ code: string; hostToken: string }>("POST", "/api/events", body);
  return { code, hostToken, info: await api<EventInfo>("GET", `/api/events/${code}`, undefined, hostToken) };
}

/** One host command to every neighbourhood of the event (or those named); each must take it. */
async function command(of: { code: string; hostToken: string }, kind: string, payload: Record<string, unknown> = {}, to?: string[]): Promise<void> {
  const { results } = await api<EventCommandReply>("POST", `/api/events/${of.code}/command`, { command: { id: commandId(kind), kind, ...payload }, to }, of.hostToken);
  expect(results.map((r) => [r.code, r.reply.ok]), kind).toEqual(results.map((r) => [r.code, true]));
}

/** Bots in every neighbourhood, then the start. */
async function startAll(of: { code: string; hostToken: string }): Promise<void> {
  await command(of, "add_bot", { count: BOTS });
  await command(of, "start");
}

/** What the event page writes on the host's device, written by the page's own storage module. */
function hostDeviceStorage(code: string, hostToken: string): [string, string][] {
  const items = new Map<string, string>();
  const shim = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  const had = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
  Object.defineProperty(globalThis, "localStorage", { value: shim, configurable: true });
  try {
    events.set(code, { hostToken, title: "", createdAt: Date.now() });
  } finally {
    if (had) Object.defineProperty(globalThis, "localStorage", had);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  }
  return [...items];
}

/** A projector at 1920×1080; with an event's key when it is the host's device. */
async function device(key?: { code: string; hostToken: string }): Promise<Device> {
  const created = await newDevice(browser);
  await created.page.setViewportSize({ width: 1920, height: 1080 });
  if (key) await created.context.addInitScript((pairs) => pairs.forEach(([k, v]) => localStorage.setItem(k, v)), hostDeviceStorage(key.code, key.hostToken));
  devices.push(created);
  return created;
}

/**
 * What keeps the board from being read at the back of the hall: visible text under the minimum
 * size, a tile or the strip whose content is cut off, anything off the screen, a page that scrolls.
 */
function illegible(page: Page, minPx: number): Promise<string[]> {
  return page.evaluate((min) => {
    const problems: string[] = [];
    const shown = (el: Element) => (el as HTMLElement).checkVisibility({ visibilityProperty: true }) && !el.closest(".visually-hidden");
    for (const el of document.querySelectorAll("main *, .bar *")) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
      if (!text || !shown(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < min) problems.push(`"${el.textContent!.trim().slice(0, 40)}" at ${px} px`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(".tile, .eb-strip")) {
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className} "${el.textContent!.slice(0, 30)}" is cut off: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      const box = el.getBoundingClientRect();
      if (box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5) problems.push(`${el.className} "${el.textContent!.slice(0, 30)}" ends off the screen at ${box.right},${box.bottom}`);
    }
    const root = document.documentElement;
    if (root.scrollHeight > innerHeight || root.scrollWidth > innerWidth) problems.push(`the page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
    return problems;
  }, minPx);
}

/** Whether the server lets its board be framed by its own pages (its content policy's frame-ancestors). */
async function framable(): Promise<boolean> {
  const policy = (await fetch(`${server.url}/board/${event.info.neighbourhoods[0]!.code}`)).headers.get("content-security-policy") ?? "";
  return !/frame-ancestors 'none'/.test(policy);
}

const tileTexts = (page: Page) => page.locator("#eb-tiles .tile").allInnerTexts();
const noConsoleErrors = (d: Device) => d.consoleErrors.filter((e) => !e.includes("404 (Not Found)"));

describeBrowser("the event's big board", () => {
  beforeAll(async () => {
    server = await startTestServer({ BOT_THINK_MS: "60000" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const room of players) await room.leave().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it("says where to open it on a device without the event's key", { timeout: 60_000 }, async () => {
    event = await createEvent({ variants: "quick-three" });
    const stranger = await device();
    await stranger.page.goto(`${server.url}/event/${event.code}/board`);
    await expect.poll(() => stranger.page.locator("#eb-error").textContent()).toBe(en.eventBoard.noToken);
    expect(await stranger.page.locator("#eb-lobby").isVisible()).toBe(false);
    expect(await stranger.page.locator("#eb-qr").isVisible()).toBe(false);
    expect(await seriousViolations(stranger.page), "without the key").toEqual([]);
  });

  it("before the start: the event code, the join address, a QR code and each neighbourhood's arrivals", { timeout: 60_000 }, async () => {
    expect(event.info.neighbourhoods).toHaveLength(3);
    for (const nickname of ["Ann", "Ben", "Cai", "Dee"]) {
      const { code } = await api<{ code: string }>("POST", `/api/place/${event.code}`, { ticket: seatToken() });
      players.push((await joinPlayer(server.url, code, nickname)).room);
    }
    projector = await device(event);
    const page = projector.page;
    await page.goto(`${server.url}/event/${event.code}/board`);
    await page.locator("#eb-lobby").waitFor();
    expect(await page.locator("#eb-code").textContent()).toBe(event.code);
    expect(await page.locator("#eb-join-url").textContent()).toMatch(new RegExp(`^http://[^/]+/join/${event.code}$`));
    // the QR code is drawn here, large, in dark and light modules
    const qr = await page.locator("#eb-qr").evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
      return { width: canvas.getBoundingClientRect().width, dark: dark / (pixels.length / 4) };
    });
    expect(qr.width).toBeGreaterThanOrEqual(300);
    expect(qr.dark).toBeGreaterThan(0.2);
    expect(qr.dark).toBeLessThan(0.8);
    expect(await page.getByRole("img", { name: en.eventBoard.qr }).isVisible()).toBe(true);

    // each neighbourhood with its arrivals (placed 2, 1, 1) and who is in its room
    const arrivals = () => page.locator("#eb-arrivals li").allInnerTexts();
    const expected = event.info.neighbourhoods.map((n, i) => {
      const count = i === 0 ? 2 : 1;
      const word = (key: "placed" | "joined") => (count === 1 ? en.eventBoard[`${key}_one`] : fill(en.eventBoard[key], { count }));
      return `${n.name.en}\n${word("placed")} · ${word("joined")}`;
    });
    await expect.poll(async () => (await arrivals()).map((text) => text.replace(/\s*\n\s*/g, "\n"))).toEqual(expected);
    expect(await page.locator("#eb-play").isVisible()).toBe(false);
    expect(await page.locator("#eb-layout").isVisible(), "no layouts before the start").toBe(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "event-board-lobby-1920x1080.png") });
    expect(await seriousViolations(page), "lobby").toEqual([]);
  });

  it("during play: a tile per neighbourhood and the figures side by side, legible at 1920×1080", { timeout: 90_000 }, async () => {
    await startAll(event);
    const page = projector.page;
    await page.locator("#eb-play").waitFor();
    const names = event.info.neighbourhoods.map((n) => n.name.en);
    await expect.poll(() => tileTexts(page)).toHaveLength(3);
    const figures = await api<EventFigures>("GET", `/api/events/${event.code}/figures`, undefined, event.hostToken);
    const tiles = await tileTexts(page);
    for (const [i, text] of tiles.entries()) {
      const f = figures.neighbourhoods[i]!.figures!;
      expect(text).toContain(names[i]);
      expect(text).toMatch(/Day 1 of 2 · (Morning|Daytime)/);
      expect(text).toContain(fill(en.eventBoard.players, { count: f.players }).replace(/^1 players$/, en.eventBoard.players_one));
      for (const label of Object.values(en.eventBoard.figure)) expect(text).toContain(label);
    }
    // the strip: one row per neighbourhood, four figures each
    const rows = page.locator("#eb-strip tbody tr");
    expect(await rows.count()).toBe(3);
    expect(await rows.first().locator("td").count()).toBe(4);
    expect(await page.locator("#eb-strip tbody th").allInnerTexts()).toEqual(names);
    // the event's code stays in view for late arrivals
    expect(await page.locator("#eb-late").textContent()).toContain(event.code);
    expect(await page.locator("#eb-layout").getAttribute("aria-pressed")).toBe("false");

    // a neighbourhood paused is marked on its tile
    await command(event, "pause", {}, [event.info.neighbourhoods[1]!.code]);
    await expect.poll(() => page.locator("#eb-tiles .tile").nth(1).textContent()).toContain(en.eventBoard.paused);
    expect(await page.locator("#eb-tiles .tile").nth(0).textContent()).not.toContain(en.eventBoard.paused);

    expect(await illegible(page, MIN_TEXT_PX)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "event-board-tiles-1920x1080.png") });
    expect(await seriousViolations(page), "tiles").toEqual([]);

    // the network goes: said gently; it comes back: the board carries on
    await projector.context.setOffline(true);
    await expect.poll(() => page.locator("#eb-connection").textContent(), { timeout: 20_000 }).toBe(en.eventBoard.retrying);
    expect(await page.locator("#eb-tiles .tile").count(), "the tiles stay").toBe(3);
    await projector.context.setOffline(false);
    await expect.poll(() => page.locator("#eb-connection").isVisible(), { timeout: 20_000 }).toBe(false);
    projector.consoleErrors.splice(0, Infinity, ...projector.consoleErrors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED")));
    await command(event, "resume", {}, [event.info.neighbourhoods[1]!.code]);
    await expect.poll(() => page.locator("#eb-tiles .tile").nth(1).textContent()).not.toContain(en.eventBoard.paused);
  });

  it("cycles through each neighbourhood's own board, the strip beside it, and remembers the choice", { timeout: 120_000 }, async () => {
    const page = projector.page;
    const first = event.info.neighbourhoods[0]!;
    const toggle = page.getByRole("button", { name: en.eventBoard.cycle });
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    // remembered on this device: a reload keeps the cycle
    await page.reload();
    await expect.poll(() => page.locator("#eb-layout").getAttribute("aria-pressed")).toBe("true");

    // our own pages may frame ours (server/http/security.ts); a proxy that forbids it gets the tiles and a note
    expect(await framable()).toBe(true);
    const frame = page.frameLocator("#eb-frames iframe.shown >> nth=-1");
    await expect.poll(() => frame.locator("#board-phase").textContent(), { timeout: 30_000 }).toMatch(/Day 1 of 2 · /);
    expect(await page.locator("#eb-showing").textContent()).toBe(fill(en.eventBoard.showing, { name: first.name.en }));
    expect(await page.locator("#eb-frames iframe.shown").last().getAttribute("title")).toBe(fill(en.eventBoard.boardOf, { name: first.name.en }));
    expect(await page.locator("#eb-tiles-section").isVisible(), "the tiles give way").toBe(false);
    expect(await page.locator("#eb-strip tbody tr[aria-current=true] th").textContent()).toBe(first.name.en);
    expect(await page.locator("#eb-note").isVisible()).toBe(false);
    const box = (await page.locator("#eb-frames").boundingBox())!;
    expect(box.height, "the framed board's height").toBeGreaterThanOrEqual(700);
    expect(await illegible(page, MIN_TEXT_PX)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "event-board-cycle-1920x1080.png") });
    expect(await seriousViolations(page), "cycle").toEqual([]);

    // the next neighbourhood's board after its turn
    const second = event.info.neighbourhoods[1]!;
    await expect.poll(() => page.locator("#eb-showing").textContent(), { timeout: 40_000 }).toBe(fill(en.eventBoard.showing, { name: second.name.en }));
    await expect.poll(() => page.locator("#eb-frames iframe.shown").last().getAttribute("src"), { timeout: 20_000 }).toBe(`/board/${second.code}`);
    await expect.poll(() => page.locator("#eb-frames iframe").count(), { message: "the board before it goes" }).toBe(1);
    expect(await page.locator("#eb-strip tbody tr[aria-current=true] th").textContent()).toBe(second.name.en);

    // under prefers-reduced-motion the boards change without a fade
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await page.locator("#eb-frames iframe").first().evaluate((f) => getComputedStyle(f).transitionDuration)).toBe("0s");
    await page.emulateMedia({ reducedMotion: "no-preference" });
  });

  it("reads in Chinese, in the cycle and in the tiles", { timeout: 60_000 }, async () => {
    const page = projector.page;
    const rules = strayRules();
    await page.locator("#lang").selectOption("zh");
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("zh-Hans");
    const name = event.info.neighbourhoods.map((n) => n.name.zh);
    await expect.poll(() => page.locator("#eb-showing").textContent()).toMatch(new RegExp(`^正在显示：(${name.join("|")})$`));
    await expect.poll(() => page.frameLocator("#eb-frames iframe.shown >> nth=-1").locator("html").getAttribute("lang"), { timeout: 30_000 }).toBe("zh-Hans");
    await expect.poll(() => strays(page, "zh", rules)).toEqual([]);
    await page.getByRole("button", { name: zh.eventBoard.cycle }).click();
    await expect.poll(() => page.locator("#eb-strip tbody th").allInnerTexts()).toEqual(name);
    expect((await tileTexts(page)).join("\n")).toContain(zh.eventBoard.figure.wrongful);
    await expect.poll(() => strays(page, "zh", rules)).toEqual([]);
    expect(await illegible(page, MIN_TEXT_PX)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "event-board-tiles-zh-1920x1080.png") });
    expect(await seriousViolations(page), "tiles in Chinese").toEqual([]);
    await page.locator("#lang").selectOption("en");
  });

  it("fits twelve neighbourhoods on the projector, legibly", { timeout: 180_000 }, async () => {
    const twelve = await createEvent({ scenarioIds: Array.from({ length: 12 }, () => "quick-demo-slow") });
    await startAll(twelve);
    const { page } = await device(twelve);
    await page.goto(`${server.url}/event/${twelve.code}/board`);
    await expect.poll(() => tileTexts(page), { timeout: 30_000 }).toHaveLength(12);
    await expect.poll(async () => (await tileTexts(page)).every((text) => /Day 1 of 2 · Morning/.test(text))).toBe(true);
    expect(await page.locator("#eb-strip tbody tr").count()).toBe(12);
    expect(await illegible(page, MIN_TEXT_PX)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "event-board-twelve-1920x1080.png") });

    for (const d of devices) expect(noConsoleErrors(d), "console errors").toEqual([]);
    expect(foreignRequests(devices, server.url)).toEqual([]);
  });
});
