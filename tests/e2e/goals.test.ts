/**
 * Every goal playable on the play screen, in real Chromium against a real server, through the
 * pages: a student's goal card names the player their goal is about (nickname, the same avatar
 * as the town, grade) with a line of progress; on a phone the goal and the role's main work
 * (a resident's actions, a watcher's journal form, an official's review and appeal queues) come
 * before the map; no sideways scrolling; axe clean for every role.
 *
 * The facilitator plays their own copy of the default scenario holding one goal card per role,
 * so the deal is known: the resident must buy a train ticket, the watcher's cousin (the one
 * resident) must keep a grade, the official must bring someone down (and that person gets the
 * scenario's card for the one named, the journalist's, where it has one).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinByLink, phaseShown, seatsByName } from "../support/players.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { roomSession } from "../support/views.ts";
import { fill, stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { avatarUri } from "../../client/ui/avatar.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/play.json") &
  typeof import("../../assets/strings/en/goals.json");
const zh = stringTable("zh") as typeof en;
const p = en.play;
const g = en.goal;

type Card = { id: string; role: string; check: { kind: string; byDay?: number; grade?: string }; label: { en: string; zh: string } };
const pilot = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")) as {
  goals: Card[];
  services: { id: string; grants: string; label: { en: string }; locations: string[] }[];
  locations: { id: string; label: { en: string } }[];
  grades: { id: string; label: { en: string; zh: string } }[];
};
/** One card per role, found by what it checks (so renamed cards still fit). */
const card = (role: string, kind: string) => pilot.goals.find((c) => c.role === role && c.check.kind === kind)!;
const cards = { resident: card("resident", "acquire"), watcher: card("watcher", "ally_keeps_grade"), official: card("official", "target_down") };
/** Cards dealt to whoever another card names (the journalist's, where the scenario has one). */
const namedCards = pilot.goals.filter((c) => (c as { forTargetOf?: string }).forTargetOf === cards.official.id);
const grade = (id: string, lang: "en" | "zh" = "en") => pilot.grades.find((x) => x.id === id)!.label[lang];

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

let server: TestServer;
let browser: Browser;
/** The class the tests below share, in order: set up by the first. */
let cls: { host: Room; ann: Page; wes: Page; olu: Page; obi: Page; all: Page[]; cousin: string; cousinName: string; cousinGrade: string } | undefined;
const theClass = () => {
  if (!cls) throw new Error("the first test sets up the class");
  return cls;
};
const devices: Device[] = [];

async function createSession(): Promise<{ code: string; hostToken: string }> {
  const scenario = { ...JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")), id: "one-card-each", default: false, phases: { days: 4, morning: 3600, day: 3600, evening: 3600, night: 3600 }, goals: [...Object.values(cards), ...namedCards] };
  const response = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario }) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { code: string; hostToken: string };
}

async function joinAs(nickname: string, code: string): Promise<Page> {
  const device = await newDevice(browser);
  devices.push(device);
  const { page } = device;
  await page.setViewportSize(PHONE);
  await joinByLink(page, server.url, code, nickname);
  return page;
}

type Box = { x: number; y: number; width: number; height: number };
async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  expect(found, `${selector} is laid out`).not.toBeNull();
  return found!;
}

/** The map's box once it is shown (Phaser loads after the panels). */
async function mapBox(page: Page): Promise<Box> {
  await page.locator(".play-map:not([hidden]) canvas").waitFor();
  return box(page, ".play-map");
}

/** Screenshots at phone and laptop size; fails if the page scrolls sideways. */
async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${name} at ${size.width}×${size.height} scrolls sideways` }).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, `goals-${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(PHONE);
}

describeBrowser("secret goals on the play screen", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("name the player they are about (nickname, avatar, grade) with progress, in the card and in the role panel", { timeout: 120_000 }, async () => {
    const { code, hostToken } = await createSession();
    const host = (await joinHost(server.url, code, hostToken)).room;
    const ann = await joinAs("Ann", code);
    const wes = await joinAs("Wes", code);
    const olu = await joinAs("Olu", code);
    const obi = await joinAs("Obi", code);
    // a second official off screen: the room's minimum, and no second resident, so the cousin is Ann
    await joinPlayer(server.url, code, "Ben");
    await expect.poll(() => Object.keys(seatsByName(host)).length).toBe(5);
    const seat = seatsByName(host);
    const roles = { Ann: "resident", Wes: "watcher", Olu: "official", Ben: "official", Obi: "observer" };
    for (const [name, role] of Object.entries(roles)) await sendOk(host, { kind: "assign_role", seatId: seat[name], role });
    await sendOk(host, { kind: "start" });
    const all = [ann, wes, olu, obi];
    await phaseShown(all, p.phase.morning);

    const game = roomSession(code).game;
    const nick = (s: string) => game.players[s]!.nickname;
    const cousin = game.players[seat.Wes!]!.ally!;
    const target = game.players[seat.Olu!]!.target!;
    expect(cousin).toBe(seat.Ann);
    cls = { host, ann, wes, olu, obi, all, cousin, cousinName: nick(cousin), cousinGrade: game.players[cousin]!.grade };
    expect(target).toBeTruthy();
    // every card a student holds is on their screen, in the goal card above the tabs
    for (const [name, page] of [["Ann", ann], ["Wes", wes], ["Olu", olu]] as const) {
      const held = game.players[seat[name]!]!.goals;
      expect(held.length).toBeGreaterThan(0);
      for (const id of held) await page.locator(`.goal-card [data-goal="${id}"]`, { hasText: pilot.goals.find((c) => c.id === id)!.label.en }).waitFor();
    }

    // whoever the official's card names is told who they are, by a card of their own (the journalist's), where the scenario has one
    for (const named of namedCards) {
      const page = target === seat.Ann ? ann : target === seat.Wes ? wes : null;
      expect(page, "the official's target plays on a screen here").not.toBeNull();
      await page!.locator(".goal-card [data-goal]", { hasText: named.label.en }).waitFor();
    }

    // the watcher's card names the cousin: nickname, the town's avatar, grade, progress
    const wesCard = wes.locator(".goal-card");
    await wesCard.getByText(cards.watcher.label.en).waitFor();
    const cousinLine = wesCard.locator(`.goal-person[data-seat="${cousin}"]`);
    await expect.poll(() => cousinLine.locator(".name").textContent()).toBe(nick(cousin));
    expect(await cousinLine.locator("img").getAttribute("src")).toBe(avatarUri(cousin));
    // the same avatar the cousin sees as their own
    expect(await ann.locator(".play-status .who img").getAttribute("src")).toBe(avatarUri(cousin));
    await wesCard.getByText(fill(g.grade.ally, { name: nick(cousin), grade: grade(game.players[cousin]!.grade), need: grade(cards.watcher.check.grade!) })).waitFor();
    await expect.poll(() => wesCard.locator(`[data-goal="${cards.watcher.id}"] .goal-state`).textContent()).toBe(g.state.onTrack);
    // …and so does the role panel ("Me")
    await wes.getByRole("tab", { name: p.tabs.me }).click();
    await expect.poll(() => wes.locator(`#panel-me .goal-person[data-seat="${cousin}"] .name`).textContent()).toBe(nick(cousin));

    // the official's card names the one to bring down, in the card and in "Powers"
    const oluCard = olu.locator(".goal-card");
    await oluCard.getByText(cards.official.label.en).waitFor();
    await expect.poll(() => oluCard.locator(`.goal-person[data-seat="${target}"] .name`).textContent()).toBe(nick(target));
    expect(await oluCard.locator(".goal-person img").getAttribute("src")).toBe(avatarUri(target));
    await oluCard.getByText(fill(g.target, { name: nick(target), grade: grade(game.players[target]!.grade), need: grade(cards.official.check.grade!) })).waitFor();
    await olu.getByRole("tab", { name: p.tabs.powers }).click();
    await expect.poll(() => olu.locator(`#panel-powers .goal-person[data-seat="${target}"] .name`).textContent()).toBe(nick(target));
    await olu.getByRole("tab", { name: p.tabs.review }).click();

    // the resident's card says what stands between them and the ticket
    const ticket = pilot.services.find((s) => s.grants === (cards.resident.check as { item?: string }).item)!;
    const annCard = ann.locator(".goal-card");
    const annTicket = annCard.locator(`[data-goal="${cards.resident.id}"]`);
    await annTicket.getByText(cards.resident.label.en).waitFor();
    const progress = (await annTicket.locator(".goal-progress").first().textContent())!;
    expect(progress.startsWith(fill(g.acquire.needs, { what: ticket.label.en, needs: "" }).slice(0, -1))).toBe(true);
    expect(progress).toContain(fill(g.needs.byDay, { day: cards.resident.check.byDay! }));
    expect(progress).toContain(fill(g.needs.place, { places: pilot.locations.find((l) => l.id === ticket.locations[0])!.label.en }));
    await expect.poll(() => annTicket.locator(".goal-state").textContent()).toBe(g.state.notYet);
    // the observer has no goal, and no card
    expect(await obi.locator(".goal-card").count()).toBe(0);
  });

  it("come before the map on a phone, with the role's work; the official's queues counted on their tabs", { timeout: 120_000 }, async () => {
    const { host, ann, wes, olu, all } = theClass();
    await sendOk(host, { kind: "advance" });
    await phaseShown(all, p.phase.day);

    // on a phone: the goal, then the role's work, then the map
    const annMap = await mapBox(ann);
    const annGoal = await box(ann, ".goal-card");
    expect(annGoal.y, "the resident's goal starts on the first screen").toBeLessThan(PHONE.height);
    expect(annGoal.y + annGoal.height).toBeLessThanOrEqual(annMap.y);
    await ann.locator(".items.actions").waitFor();
    const annActions = await box(ann, ".items.actions");
    expect(annActions.y).toBeLessThan(annMap.y);

    await wes.getByRole("tab", { name: p.tabs.journal }).click();
    const wesMap = await mapBox(wes);
    const wesGoal = await box(wes, ".goal-card");
    const wesForm = await box(wes, ".journal-form");
    expect(wesGoal.y).toBeLessThan(PHONE.height);
    expect(wesForm.y).toBeLessThan(wesMap.y);

    const oluMap = await mapBox(olu);
    const oluGoal = await box(olu, ".goal-card");
    const oluReview = await box(olu, "#panel-review");
    expect(oluGoal.y).toBeLessThan(PHONE.height);
    expect(oluReview.y).toBeLessThan(oluMap.y);
    const appealsTab = await box(olu, '[role="tab"][data-tab="appeals"]');
    expect(appealsTab.y + appealsTab.height, "the appeals queue is one tap away on the first screen").toBeLessThanOrEqual(PHONE.height);
    await olu.getByRole("tab", { name: p.tabs.appeals }).click();
    expect((await box(olu, "#panel-appeals")).y).toBeLessThan(oluMap.y);
    await olu.getByRole("tab", { name: p.tabs.review }).click();
    const span = (b: Box) => `${Math.round(b.y)}–${Math.round(b.y + b.height)}`;
    console.log(
      `[figure] goals e2e, tops at 390×844 (px from the page top): resident goal ${span(annGoal)}, actions ${Math.round(annActions.y)}, map ${Math.round(annMap.y)}; ` +
        `watcher goal ${span(wesGoal)}, journal form ${Math.round(wesForm.y)}, map ${Math.round(wesMap.y)}; ` +
        `official goal ${span(oluGoal)}, review panel ${Math.round(oluReview.y)}, appeals tab ${span(appealsTab)}, map ${Math.round(oluMap.y)}`,
    );

    // the official's queues count what waits in them, on the tabs the phone shows first
    await wes.getByLabel(p.watch.subject).selectOption({ label: "Ann" });
    await wes.getByLabel(p.watch.deed).selectOption({ index: 1 });
    await wes.getByLabel(p.watch.hearsay).check();
    await wes.getByRole("button", { name: p.watch.submit }).click();
    await wes.getByText(p.watch.written).waitFor();
    await olu.getByRole("tab", { name: fill(p.tabs.waiting, { label: p.tabs.review, count: 1 }) }).waitFor();
    expect(await olu.getByRole("tab", { name: p.tabs.appeals }).textContent()).toBe(p.tabs.appeals);

    // on a laptop the map is beside the panel, on the left
    await ann.setViewportSize(LAPTOP);
    await expect.poll(async () => (await box(ann, ".play-map")).x).toBeLessThan((await box(ann, ".play-panel")).x);
    await ann.setViewportSize(PHONE);
  });

  it("stay clean for axe and never scroll sideways, for every role, in English and in Chinese", { timeout: 120_000 }, async () => {
    const { ann, wes, olu, obi, cousinName, cousinGrade } = theClass();
    const wesCard = wes.locator(".goal-card");
    for (const [page, name] of [[ann, "resident"], [wes, "watcher"], [olu, "official"], [obi, "observer"]] as const) {
      expect(await seriousViolations(page), `${name}'s screen`).toEqual([]);
      await capture(page, name);
    }

    // in Chinese, the card speaks Chinese
    await wes.getByLabel(en.app.language).selectOption("zh");
    await wes.locator(".goal-card h2", { hasText: zh.goal.heading_one }).waitFor();
    await wesCard.getByText(cards.watcher.label.zh).waitFor();
    await wesCard.getByText(fill(zh.goal.grade.ally, { name: cousinName, grade: grade(cousinGrade, "zh"), need: grade(cards.watcher.check.grade!, "zh") })).waitFor();
    await capture(wes, "watcher-zh");
    await wes.getByLabel(zh.app.language).selectOption("en");

    expect(foreignRequests(devices, server.url)).toEqual([]);
  });
});
