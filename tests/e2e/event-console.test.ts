/**
 * The event console in real Chromium against a real server: the host's own variants file refused
 * with its problems named; an event of the built-in `quick-three` comparison created through the
 * start screen; six students placed by the event code (2/2/2) and shown on their neighbourhoods'
 * cards; one moved to another neighbourhood with the card's select (their device is told where,
 * and joins it again); a step-out alert; start all (refused with too few players); each card
 * saying how few play against the scenario's range; one card's own "add bots to reach 4", then the
 * bar's "add bots where too few" filling the rest; start all then starting everywhere; pause all; a broadcast to one neighbourhood only; the language
 * switch; skip all; pinning arrivals; the whole event's log downloaded; axe on the start screen
 * and the console, screenshots at 1280×800 and on a tablet. Node clients play the students. One
 * step per `it`, so no single test outlasts its watchdog on a busy machine.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { closed, joinAs, seatToken } from "../support/clients.ts";
import { roomSession } from "../support/views.ts";
import { sendOk } from "../support/script.ts";
import { fill, stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";
import type { EventInfo } from "../../shared/protocol/http.ts";
import type { Farewell } from "../../shared/protocol/index.ts";

type Strings = typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/host.json") & typeof import("../../assets/strings/en/event.json");
const en = stringTable("en") as Strings;
const zh = stringTable("zh") as Strings;
const quickThree = JSON.parse(readFileSync(join(ROOT, "assets/variants/quick-three.json"), "utf8")) as { variants: { name: { en: string; zh: string } }[] };
const STREETS = quickThree.variants.map((v) => v.name.en);

type Student = { nickname: string; ticket: string; code: string; room: Room; farewells: Farewell[]; left: Promise<number> };

let server: TestServer;
let browser: Browser;
let host: Device;
let page: Page;
let eventCode = "";
let eventToken = "";
/** The neighbourhoods' session codes, in the event's order (Birch, Elm, Oak). */
let codes: string[] = [];
const students: Student[] = [];

const card = (code: string): Locator => page.locator(`article.card[data-code="${code}"]`);
const names = async (code: string) => (await card(code).locator(".card-players .name").allTextContents()).sort();
const inside = (code: string) => students.filter((s) => s.code === code);

/** An event route with the event's host token: read (GET), or with a body (POST). */
async function api<T>(path: string, body?: unknown, token = eventToken): Promise<T> {
  const authorization = `Bearer ${token}`;
  const response = await fetch(
    `${server.url}${path}`,
    body === undefined ? { headers: { authorization } } : { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** The event's host token, as the page keeps it on this device. */
function tokenOf(code: string): Promise<string> {
  return page.evaluate((c) => (JSON.parse(localStorage.getItem(`gs.event.${c}`) ?? "{}") as { hostToken?: string }).hostToken ?? "", code);
}

/** The neighbourhood the event's code places an arrival with this ticket in, as the front page asks. */
async function placed(ticket: string): Promise<string> {
  const response = await fetch(`${server.url}/api/place/${eventCode}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ticket }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { code: string }).code;
}

const newTicket = () => randomBytes(18).toString("base64url");

/** A student arriving with the event's code: placed by the server, then joining where it said, with the same ticket. */
async function arrive(nickname: string, ticket = newTicket()): Promise<Student> {
  const code = await placed(ticket);
  const { room } = await joinAs(server.url, code, { as: "player", seatToken: seatToken(), nickname, ticket });
  const farewells: Farewell[] = [];
  room.onMessage("farewell", (farewell: Farewell) => farewells.push(farewell));
  const student = { nickname, ticket, code, room, farewells, left: closed(room) };
  students.push(student);
  return student;
}

function announcements(room: Room): string[] {
  return (JSON.parse((room.state as unknown as { toJSON(): { announcements?: string } }).toJSON().announcements ?? "[]") as { text: string }[]).map((a) => a.text);
}

async function shoot(name: string): Promise<void> {
  for (const [width, height] of [[1280, 800], [820, 1180]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}x${height}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describeBrowser("the event console in real Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    host = await newDevice(browser);
    page = host.page;
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await Promise.all(students.map((s) => s.room.leave().catch(() => {})));
    await browser?.close();
    await server?.close();
  });

  it("refuses the host's own variants file when it has an error, naming each problem", { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/event`);
    await page.locator("#set-quick-three").waitFor();
    // each built-in set shows its neighbourhoods' names
    expect(await page.locator('label[for="set-quick-three"]').textContent()).toContain(STREETS.join(" · "));
    expect(await seriousViolations(page)).toEqual([]);
    await shoot("event-start");
    await page.getByLabel(en.event.ownFile).check();
    const broken = { base: "quick-demo", variants: [{ id: "only-one", name: { en: "Lonely Lane", zh: "孤单巷" } }] };
    await page.getByLabel(en.event.file, { exact: true }).setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole("button", { name: en.event.create }).click();
    await expect.poll(() => page.locator("#create-error").textContent()).toBe(en.reason.invalid_scenario);
    expect(await page.locator("#create-problems li").count()).toBeGreaterThan(0);
    expect(await page.locator("#console-view").isHidden()).toBe(true);
  });

  it("creates an event of the built-in quick-three comparison from the start screen", { timeout: 90_000 }, async () => {
    await page.locator("#set-quick-three").check();
    await page.getByLabel(en.event.name).fill("Workshop");
    await page.getByRole("button", { name: en.event.create }).click();
    await expect.poll(() => page.locator("#event-code").textContent()).toMatch(/^[A-Z0-9]{4,}$/);
    eventCode = (await page.locator("#event-code").textContent())!;
    expect(new URL(page.url()).search).toBe(`?code=${eventCode}`);
    eventToken = await tokenOf(eventCode);
    expect(eventToken).not.toBe("");
    const info = await api<EventInfo>(`/api/events/${eventCode}`);
    codes = info.neighbourhoods.map((n) => n.code);
    expect(info.neighbourhoods.map((n) => [n.name.en, n.maxPlayers])).toEqual(STREETS.map((s) => [s, 40]));
    expect(await page.locator("#join-url").textContent()).toBe(`${server.url}/join/${eventCode}`);
    await expect.poll(() => page.locator("article.card h2").allTextContents()).toEqual(STREETS);
    // each neighbourhood's host token is on this device, for its full console and debrief
    const hosted = await page.evaluate((all) => all.map((code) => Boolean(localStorage.getItem(`gs.host.${code}`))), codes);
    expect(hosted).toEqual([true, true, true]);
    for (const code of codes) await expect.poll(() => card(code).locator(".phase-name").textContent()).toBe(en.host.phases.lobby);
  });

  it("places six students 2/2/2 and lists each on their neighbourhood's card", { timeout: 60_000 }, async () => {
    for (const nickname of ["Ann", "Ben", "Cai", "Dee", "Eve", "Fay"]) await arrive(nickname);
    expect(codes.map((code) => inside(code).length)).toEqual([2, 2, 2]);
    for (const code of codes) await expect.poll(() => names(code)).toEqual(inside(code).map((s) => s.nickname).sort());
  });

  it("moves a student to another neighbourhood with the card's select", { timeout: 60_000 }, async () => {
    const [a, b] = [codes[0]!, codes[1]!];
    const mover = inside(a)[0]!;
    const row = card(a).locator(".card-players li", { hasText: mover.nickname });
    await row.getByLabel(fill(en.event.card.moveTo, { name: mover.nickname })).selectOption(b);
    await row.getByRole("button", { name: en.event.card.move }).click();
    // their device is told where to go, and its connection closes
    expect(await mover.left).toBe(4105);
    expect(mover.farewells).toContainEqual({ reason: "sent_away", to: b });
    await expect.poll(() => names(a)).toEqual(inside(a).filter((s) => s !== mover).map((s) => s.nickname));
    await expect.poll(() => card(a).locator(".host-status").textContent()).toBe(fill(en.event.card.moved, { name: mover.nickname, to: STREETS[1]! }));
    // B lists them only once they join it (as their page does, with the same nickname and ticket)
    expect(await names(b)).toEqual(inside(b).map((s) => s.nickname).sort());
    students.splice(students.indexOf(mover), 1);
    const { room } = await joinAs(server.url, b, { as: "player", seatToken: seatToken(), nickname: mover.nickname, ticket: mover.ticket });
    students.push({ ...mover, code: b, room, farewells: [], left: closed(room) });
    await expect.poll(() => names(b)).toEqual(inside(b).map((s) => s.nickname).sort());
    expect(inside(b)).toHaveLength(3);
    // the event counts the arrival where it went
    const info = await api<EventInfo>(`/api/events/${eventCode}`);
    expect(info.neighbourhoods.map((n) => n.placed)).toEqual([1, 3, 2]);
  });

  it("shows a student's wish to step out on their neighbourhood's card", { timeout: 60_000 }, async () => {
    const oak = codes[2]!;
    const student = inside(oak)[0]!;
    await sendOk(student.room, { kind: "step_out" });
    await expect.poll(() => card(oak).getByRole("alert").textContent()).toBe(fill(en.event.card.stepOut, { name: student.nickname }));
    expect(await card(codes[0]!).getByRole("alert").count()).toBe(0);
  });

  it("start all: each neighbourhood's refusal on its card, each card saying how few play", { timeout: 90_000 }, async () => {
    await page.getByRole("button", { name: en.event.all.start }).click();
    for (const code of codes) await expect.poll(() => card(code).locator(".host-status").textContent()).toBe(en.reason.too_few_players);
    await expect.poll(() => page.locator("#event-status").textContent()).toContain(fill(en.event.all.partial, { done: 0, count: 3, list: "" }).trim());
    // the quick demo needs 4 playing seats (and takes up to 40); after the move they are 1, 3 and 2
    expect(codes.map((code) => inside(code).length)).toEqual([1, 3, 2]);
    for (const code of codes) {
      await expect.poll(() => card(code).locator(".card-seats").textContent()).toBe(fill(en.event.card.short, { count: inside(code).length, min: 4, max: 40 }));
      expect(await card(code).getByRole("button", { name: fill(en.event.card.addBots, { min: 4 }) }).isEnabled()).toBe(true);
    }
    expect(await page.getByRole("button", { name: en.event.all.addBots }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot("event-console-lobby");
  });

  it("one card's own button adds the bots its neighbourhood lacks, and no more", { timeout: 60_000 }, async () => {
    const birch = codes[0]!;
    await card(birch).getByRole("button", { name: fill(en.event.card.addBots, { min: 4 }) }).click();
    await until(() => roomSession(birch).game.seats.length === 4, "three bots in Birch Street");
    await expect.poll(() => card(birch).locator(".card-seats").textContent()).toBe(fill(en.event.card.enough, { count: 4, min: 4, max: 40 }));
    await expect.poll(() => card(birch).getByRole("button", { name: fill(en.event.card.addBots, { min: 4 }) }).count()).toBe(0);
    expect(await card(birch).locator(".host-status").textContent()).toBe(en.event.card.botsAdded);
    expect(await card(birch).locator(".card-players .tag.bot").count()).toBe(3);
    // the other two are still short, so the bar still offers bots
    expect(codes.slice(1).map((code) => roomSession(code).game.seats.length)).toEqual([3, 2]);
    expect(await page.getByRole("button", { name: en.event.all.addBots }).isEnabled()).toBe(true);
  });

  it("'add bots where too few' gives each short neighbourhood the bots it lacks", { timeout: 60_000 }, async () => {
    await page.getByRole("button", { name: en.event.all.addBots }).click();
    await until(() => codes.every((code) => roomSession(code).game.seats.length === 4), "every neighbourhood at its minimum");
    for (const code of codes) {
      await expect.poll(() => card(code).locator(".card-seats").textContent()).toBe(fill(en.event.card.enough, { count: 4, min: 4, max: 40 }));
      await expect.poll(() => card(code).getByRole("button", { name: fill(en.event.card.addBots, { min: 4 }) }).count()).toBe(0);
    }
    // Birch Street had enough already: only the other two were asked
    await expect.poll(() => page.locator("#event-status").textContent()).toBe(fill(en.event.all.botsDone, { count: 2 }));
    expect(await card(codes[2]!).locator(".host-status").textContent()).toBe(en.event.card.botsAdded);
    await expect.poll(() => page.getByRole("button", { name: en.event.all.addBots }).isDisabled()).toBe(true);
  });

  it("start all then starts every neighbourhood, and every card shows the first phase", { timeout: 90_000 }, async () => {
    await page.getByRole("button", { name: en.event.all.start }).click();
    await until(() => codes.every((code) => roomSession(code).game.phase !== "lobby"), "every neighbourhood to start");
    // the quick demo's first phase is short (15 s): each card shows the phase its room is in, on day 1
    for (const code of codes) {
      expect(roomSession(code).game.day).toBe(1);
      await expect.poll(() => card(code).locator(".phase-name").textContent()).toBe(en.host.phases[roomSession(code).game.phase]);
    }
    await expect.poll(() => page.locator("#event-status").textContent()).toBe(fill(en.event.all.done, { count: 3 }));
    // bots come in the lobby only: the bar's button and each card's count are gone
    await expect.poll(() => page.locator("#add-bots-all").isHidden()).toBe(true);
    for (const code of codes) expect(await card(code).locator(".card-seats").isHidden()).toBe(true);
  });

  it("pause all pauses every neighbourhood", { timeout: 60_000 }, async () => {
    await page.getByRole("button", { name: en.event.all.pause }).click();
    await until(() => codes.every((code) => roomSession(code).game.paused), "every neighbourhood to pause");
    for (const code of codes) {
      await expect.poll(() => card(code).locator(".badge.paused").isVisible()).toBe(true);
      await expect.poll(() => card(code).getByRole("button", { name: en.host.clock.resume }).isVisible()).toBe(true);
    }
    // and a student's own view says so
    const student = inside(codes[2]!)[0]!;
    await until(() => (student.room.state as unknown as { toJSON(): { paused: boolean } }).toJSON().paused, "a student's view to pause");
  });

  it("broadcasts to one neighbourhood only", { timeout: 60_000 }, async () => {
    const oak = codes[2]!;
    const text = "Oak Street: meet at the town hall";
    await card(oak).getByLabel(fill(en.event.card.broadcast, { name: STREETS[2]! })).fill(text);
    await card(oak).getByRole("button", { name: en.host.tools.send, exact: true }).click();
    for (const student of inside(oak)) await until(() => announcements(student.room).includes(text), `${student.nickname} to hear the broadcast`);
    await expect.poll(() => card(oak).locator(".host-status").textContent()).toBe(en.host.tools.sentDone);
    for (const code of codes.filter((c) => c !== oak)) {
      expect(roomSession(code).lobby.announcements.map((a) => a.text)).not.toContain(text);
      for (const student of inside(code)) expect(announcements(student.room)).not.toContain(text);
    }
  });

  it("speaks Chinese after the language switch", { timeout: 60_000 }, async () => {
    await page.locator("#lang").selectOption("zh");
    await expect.poll(() => page.locator("#all-heading").textContent()).toBe(zh.event.all.heading);
    expect(await page.getByRole("button", { name: zh.event.all.resume }).isVisible()).toBe(true);
    for (const code of codes) {
      await expect.poll(() => card(code).locator(".badge.paused").textContent()).toBe(zh.host.clock.paused);
      expect(await card(code).locator(".phase-name").textContent()).toBe(zh.host.phases[roomSession(code).game.phase]);
    }
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
    expect(await card(codes[0]!).getByRole("link", { name: zh.event.card.fullConsole }).getAttribute("href")).toBe(`/host?session=${codes[0]}`);
    await page.screenshot({ path: `${SCREENSHOTS}/event-console-zh-1280x800.png`, fullPage: true });
    await page.locator("#lang").selectOption("en");
    await expect.poll(() => page.locator("#all-heading").textContent()).toBe(en.event.all.heading);
  });

  it("skips each neighbourhood's own phase, once resumed from the keyboard", { timeout: 60_000 }, async () => {
    // from the keyboard
    await page.getByRole("button", { name: en.event.all.resume }).focus();
    await page.keyboard.press("Enter");
    await until(() => codes.every((code) => !roomSession(code).game.paused), "every neighbourhood to resume");
    await page.getByRole("button", { name: en.event.all.skip }).click();
    // morning ends everywhere (by the skip, each naming its own phase; on a very slow machine perhaps by the clock first)
    await until(() => codes.every((code) => roomSession(code).game.phase === "day"), "every neighbourhood to reach the daytime");
    for (const code of codes) await expect.poll(() => card(code).locator(".phase-name").textContent()).toBe(en.host.phases.day);
  });

  it("pins arrivals to one neighbourhood, and unpins them", { timeout: 60_000 }, async () => {
    const [birch, oak] = [codes[0]!, codes[2]!];
    await card(oak).getByRole("button", { name: en.event.card.pin }).click();
    await expect.poll(() => card(oak).locator(".badge.pinned").isVisible()).toBe(true);
    expect(await card(oak).getByRole("button", { name: en.event.card.unpin }).getAttribute("aria-pressed")).toBe("true");
    expect(await card(oak).locator(".host-status").textContent()).toBe(fill(en.event.card.pinnedDone, { name: STREETS[2]! }));
    // Birch Street has had the fewest arrivals, yet the next goes to Oak Street
    expect(await placed(newTicket())).toBe(oak);
    await card(oak).getByRole("button", { name: en.event.card.unpin }).click();
    await expect.poll(() => card(oak).locator(".badge.pinned").isVisible()).toBe(false);
    expect(await placed(newTicket())).toBe(birch);
  });

  it("downloads the whole event's log as one file", { timeout: 60_000 }, async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: en.event.download }).click()]);
    expect(download.suggestedFilename()).toBe(`good-standing-event-${eventCode}.json`);
    const saved = JSON.parse(readFileSync((await download.path())!, "utf8")) as { format: string; neighbourhoods: { code: string }[] };
    expect(saved.format).toBe("good-standing-event");
    expect(saved.neighbourhoods.map((n) => n.code)).toEqual(codes);
    await expect.poll(() => page.locator("#event-status").textContent()).toBe(fill(en.event.downloaded, { file: download.suggestedFilename() }));
  });

  it("is axe-clean during the game and talks to no other host", { timeout: 90_000 }, async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await shoot("event-console");
    expect(foreignRequests([host], server.url)).toEqual([]);
    // the one error the browser logs is the refused variants file's answer (400)
    expect(host.consoleErrors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    expect(host.consoleErrors.length).toBeLessThanOrEqual(1);
  });

  it("lists this device's events and creates one of scenarios chosen one per neighbourhood", { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/event`);
    await expect.poll(() => page.locator("#my-events a").allTextContents()).toEqual(["Workshop"]);
    expect(await page.locator("#my-events a").getAttribute("href")).toBe(`/event?code=${eventCode}`);
    await page.getByLabel(en.event.ownScenarios).check();
    await page.getByLabel(en.event.count).fill("2");
    await page.getByLabel(fill(en.event.neighbourhoodN, { n: 2 })).selectOption("quick-demo-slow");
    await page.getByRole("button", { name: en.event.create }).click();
    await expect.poll(() => page.locator("article.card").count()).toBe(2);
    const second = (await page.locator("#event-code").textContent())!;
    const info = await api<EventInfo>(`/api/events/${second}`, undefined, await tokenOf(second));
    expect(info.neighbourhoods.map((n) => n.scenarioId)).toEqual(["rongcheng-pilot", "quick-demo-slow"]);
  });
});
