/**
 * An event in real Chromium, through the pages only (issue 16's acceptance): the host creates an
 * event of three neighbourhoods with different rules on the event console (a variants file over
 * the quick demo with half-hour phases, so only the console moves the clock), the hall's big
 * board shows the one event code, and eighteen students type that code on the front page and are
 * placed six, six and six; the console moves one to another street and back, and her page follows.
 * The console starts every neighbourhood at once; in each, a resident
 * litters in the park under a watcher's eyes, the watcher writes it down, the official decides it
 * in the evening (approved in two streets, rejected in the third), the night publishes it; the
 * console ends every game. The comparative debrief then shows each neighbourhood's figures and a
 * generated question comparing two of them, in English and in Chinese; every page is axe-clean
 * and asks no other host. One step per `it`, sharing the pages.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import { fill, stringTable } from "../support/strings.ts";
import type { Role } from "../../shared/rules/index.ts";

type Tables = typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/play.json") &
  typeof import("../../assets/strings/en/host.json") &
  typeof import("../../assets/strings/en/event.json") &
  typeof import("../../assets/strings/en/eventBoard.json") &
  typeof import("../../assets/strings/en/eventDebrief.json");
const en = stringTable("en") as Tables;
const zh = stringTable("zh") as Tables;
const p = en.play;

const STREETS = [
  { id: "birch", name: { en: "Birch Street", zh: "桦树街" }, label: { en: "Birch Street: an appeal nobody decides is reversed", zh: "桦树街：无人裁决的申诉被撤销" }, appeals: { enabled: true, undecided: "reversed", deadlineEvenings: 1 } },
  { id: "elm", name: { en: "Elm Street", zh: "榆树街" }, label: { en: "Elm Street: an appeal nobody decides is upheld", zh: "榆树街：无人裁决的申诉被维持" }, appeals: { enabled: true, undecided: "upheld", deadlineEvenings: 2 } },
  { id: "oak", name: { en: "Oak Street", zh: "橡树街" }, label: { en: "Oak Street: no appeals at all", zh: "橡树街：不能申诉" }, appeals: { enabled: false } },
];
/** The comparison, over the test scenarios' quick demo with half-hour phases. */
const VARIANTS = { title: { en: "Three streets", zh: "三条街" }, base: "quick-demo-slow", variants: STREETS };
/** Whether the official approves the resident's littering in each street (the third rejects it). */
const APPROVES = [true, true, false];
const NAMES = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gil", "Hu", "Ivy", "Jo", "Kai", "Lu", "Mo", "Nia", "Oz", "Pia", "Quy", "Ria"];
const DEED_LITTER = "Litter";
const PARK = "Park";

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];
let host: Device;
let console_: Page;
let board: Page;
let eventCode = "";
/** Each street's session code, in the console's order. */
let codes: string[] = [];
const students: { name: string; page: Page }[] = [];
/** Who plays what in each street, once dealt: a resident, a watcher and an official (by nickname). */
let cast: { resident: string; watcher: string; official: string }[] = [];

beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "60000" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function device(width = 390, height = 844): Promise<Device> {
  const d = await newDevice(browser);
  devices.push(d);
  await d.page.setViewportSize({ width, height });
  return d;
}

const pageOf = (name: string) => students.find((s) => s.name === name)!.page;
const card = (code: string) => console_.locator(`article.card[data-code="${code}"]`);
const phaseOf = (code: string) => roomSession(code).game.phase;

async function phaseIs(pages: Page[], label: string): Promise<void> {
  for (const page of pages) await expect.poll(() => page.locator(".play-status .phase").textContent()).toBe(label);
}

/** "Skip the phase everywhere", and every street's game moves on from `from`. */
async function skipAll(from: string, label: string): Promise<void> {
  await console_.getByRole("button", { name: en.event.all.skip }).click();
  await until(() => codes.every((code) => phaseOf(code) !== from), `every street past ${from}`);
  await phaseIs(students.map((s) => s.page), label);
}

describeBrowser("an event of three neighbourhoods", () => {
  it("the host creates the event on the event console from a variants file; the hall's board shows the one code", async () => {
    host = await device(1366, 900);
    console_ = host.page;
    await console_.goto(`${server.url}/event`);
    await console_.locator("#made-of-file").check();
    await console_.locator("#variants-file").setInputFiles({ name: "three-streets.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(VARIANTS)) });
    await console_.getByRole("button", { name: en.event.create }).click();
    await expect.poll(() => console_.locator("#event-code").textContent()).toMatch(/^[A-Z0-9]{6}$/);
    eventCode = (await console_.locator("#event-code").textContent())!;
    await expect.poll(() => console_.locator("article.card h2").allTextContents()).toEqual(STREETS.map((s) => s.name.en));
    codes = await console_.locator("article.card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-code") ?? ""));
    expect(await seriousViolations(console_)).toEqual([]);

    // the hall's projector, opened on the host's laptop (it holds the event's key)
    board = await host.context.newPage();
    await board.setViewportSize({ width: 1920, height: 1080 });
    await board.goto(`${server.url}/event/${eventCode}/board`);
    await expect.poll(() => board.locator("#eb-code").textContent()).toBe(eventCode);
    expect(await seriousViolations(board)).toEqual([]);
  });

  /** Students `from`..`to` (of NAMES) open the front page on devices of their own and type the event code. */
  async function arrive(from: number, to: number): Promise<void> {
    for (const name of NAMES.slice(from, to)) {
      const d = await device();
      await d.page.goto(`${server.url}/`);
      await d.page.getByLabel(en.join.code).fill(eventCode);
      await d.page.getByLabel(en.join.nickname).fill(name);
      await d.page.getByRole("button", { name: en.join.submit }).click();
      await d.page.getByRole("heading", { name: en.join.inTitle }).waitFor();
      students.push({ name, page: d.page });
    }
  }

  // eighteen devices, six at a time: a step each (each opens six browser contexts, slow on a busy machine)
  it("the first six students type the event code and are placed two in each street", async () => {
    await arrive(0, 6);
    for (const code of codes) await expect.poll(() => card(code).locator(".card-players .name").count()).toBe(2);
  });

  it("six more arrive", async () => {
    await arrive(6, 12);
    for (const code of codes) await expect.poll(() => card(code).locator(".card-players .name").count()).toBe(4);
  });

  it("the last six arrive: eighteen students placed six, six and six", async () => {
    await arrive(12, 18);
    for (const code of codes) await expect.poll(() => card(code).locator(".card-players .name").count()).toBe(6);
    // every student's page says which street they are in, and that street's card lists them
    for (const [i, { name, page }] of students.entries()) {
      const street = i % 3;
      await expect.poll(() => page.locator("#neighbourhood").textContent()).toBe(fill(en.join.neighbourhood, { name: STREETS[street]!.name.en }));
      await expect.poll(() => card(codes[street]!).locator(".card-players .name", { hasText: name }).count()).toBe(1);
    }
    expect(await seriousViolations(students[0]!.page)).toEqual([]);
  });

  it("the console moves a student to another street and back; their page follows and says where they are", async () => {
    const { name, page } = students[0]!; // placed in Birch Street
    const move = async (from: number, to: number) => {
      const row = card(codes[from]!).locator(".card-players li", { hasText: name });
      await row.getByLabel(fill(en.event.card.moveTo, { name })).selectOption(codes[to]!);
      await row.getByRole("button", { name: en.event.card.move }).click();
      await expect.poll(() => page.locator("#neighbourhood").textContent()).toBe(fill(en.join.movedTo, { name: STREETS[to]!.name.en }));
      await expect.poll(() => card(codes[to]!).locator(".card-players .name", { hasText: name }).count()).toBe(1);
      await expect.poll(() => card(codes[from]!).locator(".card-players .name", { hasText: name }).count()).toBe(0);
    };
    await move(0, 1);
    await move(1, 0);
    // a reload keeps the seat and the street's name
    await page.reload();
    await expect.poll(() => page.locator("#neighbourhood").textContent()).toBe(fill(en.join.neighbourhood, { name: STREETS[0]!.name.en }));
    for (const code of codes) await expect.poll(() => card(code).locator(".card-players .name").count()).toBe(6);
  });

  it("the console starts every neighbourhood at once; every student sees their role", async () => {
    await console_.getByRole("button", { name: en.event.all.start }).click();
    await until(() => codes.every((code) => phaseOf(code) === "morning"), "every street's first morning");
    await phaseIs(students.map((s) => s.page), p.phase.morning);
    cast = codes.map((code) => {
      const game = roomSession(code).game;
      const of = (role: Role) => Object.values(game.players).filter((x) => x.role === role && x.bot === null).map((x) => x.nickname);
      return { resident: of("resident")[0]!, watcher: of("watcher")[0]!, official: of("official")[0]! };
    });
    for (const c of cast) expect(Object.values(c).every(Boolean), JSON.stringify(c)).toBe(true);
    // the big board now shows a tile per street
    await expect.poll(() => board.locator("#eb-tiles .tile").count()).toBe(3);
  });

  it("day 1 in each street: a resident litters in the park, the watcher there writes it down", async () => {
    await skipAll("morning", p.phase.day);
    for (const { resident, watcher } of cast) {
      for (const name of [watcher, resident]) {
        const page = pageOf(name);
        await page.getByRole("button", { name: fill(p.town.goLabel, { how: p.town.walkFree, place: PARK }) }).click();
        await page.getByText(fill(p.town.here, { place: PARK })).waitFor();
      }
      await pageOf(resident).getByRole("button", { name: `${p.town.do}: ${DEED_LITTER}` }).click();
    }
    for (const [i, { resident, watcher }] of cast.entries()) {
      await until(() => Object.values(roomSession(codes[i]!).game.players).some((x) => x.nickname === resident && x.doneToday.includes("litter")), `${resident}'s littering`);
      const page = pageOf(watcher);
      await page.getByRole("tab", { name: p.tabs.journal }).click();
      await page.getByRole("button", { name: fill(p.watch.useThisLabel, { name: resident, deed: DEED_LITTER }) }).click();
      await page.getByRole("button", { name: p.watch.submit }).click();
      await page.getByText(p.watch.written).waitFor();
    }
    for (const code of codes) await until(() => Object.values(roomSession(code).game.journal).some((e) => e.source === "watcher"), "the watcher's entry");
  });

  it("evening: each street's official decides the entry; the night publishes it", async () => {
    await skipAll("day", p.phase.evening);
    for (const [i, { official, resident }] of cast.entries()) {
      const action = APPROVES[i] ? p.review.approve : p.review.reject;
      // the park's camera may have written the same deed down too: the official decides the watcher's entry
      const entry = Object.values(roomSession(codes[i]!).game.journal).find((e) => e.source === "watcher")!;
      await pageOf(official).locator(`li[data-entry="${entry.id}"]`).getByRole("button", { name: fill(p.review.forEntry, { action, name: resident, deed: DEED_LITTER }) }).click();
      await until(() => Object.values(roomSession(codes[i]!).game.journal).some((e) => e.source === "watcher" && e.status !== "pending"), `${official}'s decision on the watcher's entry`);
    }
    await skipAll("evening", p.phase.night);
    for (const [i, { resident }] of cast.entries()) {
      const litter = roomSession(codes[i]!).game.scenario.deeds.find((d) => d.id === "litter")!.points;
      await expect.poll(() => pageOf(resident).locator(".stat-score dd").textContent()).toBe(String(APPROVES[i] ? 1000 + litter : 1000));
    }
  });

  it("the console ends every game; each student is told who they were", async () => {
    console_.once("dialog", (dialog) => void dialog.accept());
    await console_.getByRole("button", { name: en.event.all.end }).click();
    await until(() => codes.every((code) => phaseOf(code) === "ended"), "every street's end");
    for (const { page } of students) await page.getByRole("heading", { name: (stringTable("en") as typeof import("../../assets/strings/en/ending.json")).ending.derole.title }).waitFor();
  });

  it("the comparative debrief shows each street's figures and a question comparing two of them, in both languages", async () => {
    const debrief = await host.context.newPage();
    await debrief.setViewportSize({ width: 1366, height: 900 });
    await debrief.goto(`${server.url}/event/${eventCode}/debrief`);
    await debrief.locator("body[data-ready='true']").waitFor();
    await expect.poll(() => debrief.locator("#side-by-side thead th[data-code]").allTextContents()).toEqual(STREETS.map((s) => s.name.en));
    const prompts = debrief.locator("#compare-prompts li");
    await expect.poll(() => prompts.count()).toBeGreaterThan(0);
    const named = await prompts.evaluateAll((items) => items.map((li) => (li.getAttribute("data-streets") ?? "").split(" ").filter(Boolean)));
    expect(named.some((streets) => new Set(streets).size >= 2), JSON.stringify(named)).toBe(true);
    expect(await seriousViolations(debrief)).toEqual([]);

    await debrief.locator("#lang").selectOption("zh");
    await expect.poll(() => debrief.locator("#side-by-side thead th[data-code]").allTextContents()).toEqual(STREETS.map((s) => s.name.zh));
    await expect.poll(() => debrief.locator("h1").textContent()).toContain(zh.eventDebrief.title);
    // the questions in Chinese, naming the streets by their Chinese names
    const zhPrompts = (await debrief.locator("#compare-prompts li p").allTextContents()).join(" ");
    expect(STREETS.filter((s) => zhPrompts.includes(s.name.zh)).length).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(debrief)).toEqual([]);
    // the language is the device's: back to English for the console's next words
    await debrief.locator("#lang").selectOption("en");
  });

  it("the host deletes the event from its console: every neighbourhood and its records are gone", async () => {
    console_.once("dialog", (dialog) => void dialog.accept());
    await console_.getByRole("button", { name: en.event.delete }).click();
    await expect.poll(() => console_.locator("#start-status").textContent()).toBe(fill(en.event.deleted, { code: eventCode }));
    for (const code of codes) expect(await server.events(code)).toEqual([]);
    expect(await console_.evaluate((c) => localStorage.getItem(`gs.event.${c}`), eventCode)).toBeNull();
    // each student's page says the session has ended
    for (const { page } of students) await page.getByText(en.reason.session_ended).waitFor();
  });

  it("no page asked another host, and no page logged an error", async () => {
    expect(foreignRequests(devices, server.url)).toEqual([]);
    for (const d of devices) expect(d.consoleErrors).toEqual([]);
  });
});
