/**
 * Three server processes on one Redis and one PostgreSQL, played through the pages in real
 * Chromium, as a school would run them on one machine (each process at its own port, students
 * opening whichever they were given). The facilitator creates the quick demo on A's console;
 * six students join through B's and C's pages; the board is open on B. The whole game is played
 * through the pages: deeds, a watcher's entry, the official's approval, the night on B's board,
 * an appeal and its reversal, the end. Every page's WebSocket goes to A, which holds the room;
 * B and C only reserve seats. The debrief export reads the same log through every process. Then
 * a session created on B's console is played through A's pages.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { startRedis, type RedisService } from "../support/redis.ts";
import { startPostgres, type PostgresService } from "../support/postgres.ts";
import { createDatabase } from "../support/databases.ts";
import { kill, type ServerProcess } from "../support/process.ts";
import { skipWithoutServices } from "../support/services.ts";
import { logged, startSharing } from "../support/cluster.ts";
import { testScenarios } from "../support/server.ts";
import { fill, stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/play.json") &
  typeof import("../../assets/strings/en/host.json") &
  typeof import("../../assets/strings/en/ending.json") &
  typeof import("../../assets/strings/en/roles.json");
const p = en.play;

const ROLES = { Olu: "official", Wes: "watcher", Ann: "resident", Ben: "resident", Cai: "resident", Dee: "resident" } as const;
type Name = keyof typeof ROLES;
const ROLE_LABEL = { official: "Official", watcher: "Neighbourhood watcher", resident: "Resident" } as const;
const DEED = { litter: "Litter", volunteer: "Volunteer at the community centre", help: "Help an elderly neighbour" };
const PLACE = { park: "Park", centre: "Community centre" };
/** The quick demo's phases in order, as the skip button names them. */
const PHASES = ["morning", "day", "evening", "night"] as const;

let redis: RedisService;
let postgres: PostgresService;
let browser: Browser;
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const devices: Device[] = [];
let a: ServerProcess, b: ServerProcess, c: ServerProcess;

const start = (databaseUrl: string, scenarios: string) =>
  startSharing({ redisUrl: redis.url, databaseUrl }, { dirs, servers }, { SCENARIOS_DIR: scenarios, BOT_THINK_MS: "60000" });

async function device(width = 390, height = 844): Promise<Page> {
  const d = await newDevice(browser);
  devices.push(d);
  await d.page.setViewportSize({ width, height });
  return d.page;
}

async function phaseIs(pages: Page[], name: string): Promise<void> {
  for (const page of pages) await expect.poll(() => page.locator(".play-status .phase").textContent()).toBe(name);
}

/** A student opens the front page of `server`, types the code and a nickname, and waits in the lobby. */
async function joinThrough(server: ServerProcess, code: string, nickname: string): Promise<Page> {
  const page = await device();
  await page.goto(`${server.url}/`);
  await page.getByLabel(en.join.code).fill(code);
  await page.getByLabel(en.join.nickname).fill(nickname);
  await page.getByRole("button", { name: en.join.submit }).click();
  await page.getByRole("heading", { name: en.join.inTitle }).waitFor();
  return page;
}

/** The facilitator opens `server`'s console and creates the quick demo with long phases (the test skips each one). */
async function createOnConsole(server: ServerProcess): Promise<{ console_: Page; code: string; hostToken: string }> {
  const console_ = await device(1366, 768);
  await console_.goto(`${server.url}/host`);
  await console_.locator("#scenario-quick-demo-slow").check();
  await console_.getByRole("button", { name: en.host.create }).click();
  await console_.locator("#session-code").waitFor();
  const code = (await console_.locator("#session-code").textContent())!.trim();
  const hostToken = await console_.evaluate((c) => (JSON.parse(localStorage.getItem(`gs.host.${c}`) ?? "{}") as { hostToken?: string }).hostToken, code);
  return { console_, code, hostToken: hostToken! };
}

/** A clock the console moves by hand: each press of the skip button names the phase it ends. */
function consoleClock(console_: Page) {
  let day = 1;
  let phase = 0;
  return async function skip(): Promise<void> {
    await console_.getByRole("button", { name: fill(en.host.clock.skip, { day, phase: en.host.phases[PHASES[phase]!] }) }).click();
    phase = (phase + 1) % PHASES.length;
    if (phase === 0) day += 1;
  };
}

const goTo = (page: Page, place: string) => page.getByRole("button", { name: fill(p.town.goLabel, { how: p.town.walkFree, place }) }).click();
const act = (page: Page, deed: string) => page.getByRole("button", { name: `${p.town.do}: ${deed}` }).click();

/** What a session's debrief export holds, read through `server` with the host token. */
async function exported(server: ServerProcess, code: string, hostToken: string): Promise<{ events: { seq: number; event: { type: string } }[] }> {
  const response = await fetch(`${server.url}/api/sessions/${code}/export.json`, { headers: { authorization: `Bearer ${hostToken}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { events: { seq: number; event: { type: string } }[] };
}

(skipWithoutServices("redis", "postgres") ? describeBrowser.skip : describeBrowser)("three processes through the pages", () => {
  let first: { console_: Page; code: string; hostToken: string };
  let board: Page;
  const pages = {} as Record<Name, Page>;
  let skip: () => Promise<void>;

  beforeAll(async () => {
    [redis, postgres, browser] = await Promise.all([startRedis(), startPostgres(), launchChromium()]);
    const databaseUrl = await createDatabase(postgres);
    const scenarios = testScenarios();
    dirs.push(scenarios);
    // one after another: three at once on a busy machine is a long wait for each
    a = await start(databaseUrl, scenarios);
    b = await start(databaseUrl, scenarios);
    c = await start(databaseUrl, scenarios);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? kill(s, "SIGTERM") : undefined)));
    await Promise.all([redis?.stop(), postgres?.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("a session created on A's console is joined through B's and C's pages, with the board open on B", async () => {
    first = await createOnConsole(a);
    board = await device(1366, 768);
    await board.goto(`${b.url}/board/${first.code}`);
    const through: Record<Name, ServerProcess> = { Ann: b, Ben: b, Wes: b, Cai: c, Dee: c, Olu: c };
    for (const name of Object.keys(ROLES) as Name[]) pages[name] = await joinThrough(through[name], first.code, name);
    await expect.poll(() => first.console_.locator("#players td.name").count()).toBe(6);
    await board.getByText("Dee", { exact: true }).first().waitFor();
    // A holds the room and every connection to it; B and C only reserved seats
    expect(logged(a, first.code, "seat joined")).toBe(6);
    for (const other of [b, c]) {
      expect(logged(other, first.code, "seat joined")).toBe(0);
      expect(logged(other, first.code, "session room open")).toBe(0);
    }
  });

  it("the console deals the roles and starts; every page shows its role", async () => {
    for (const [name, role] of Object.entries(ROLES)) await first.console_.getByLabel(`Role for ${name}`).selectOption(role);
    await first.console_.getByRole("button", { name: en.host.setup.start }).click();
    await phaseIs(Object.values(pages), p.phase.morning);
    for (const [name, role] of Object.entries(ROLES)) {
      await expect.poll(() => pages[name as Name].locator(".play-status .who-text").textContent()).toBe(`${name} · ${fill(p.status.you, { role: ROLE_LABEL[role] })}`);
    }
    skip = consoleClock(first.console_);
  });

  it("day 1: deeds in town, the watcher's entry, the official's approval, and B's board at night", async () => {
    const { Ann, Cai, Wes, Olu } = pages;
    await skip();
    await phaseIs(Object.values(pages), p.phase.day);
    await goTo(Wes, PLACE.park);
    await Wes.getByText(fill(p.town.here, { place: PLACE.park })).waitFor();
    await goTo(Ann, PLACE.park);
    await Ann.getByText(fill(p.town.here, { place: PLACE.park })).waitFor();
    await act(Ann, DEED.litter);
    await expect.poll(() => Ann.locator('[data-action="litter"] .feedback').textContent()).toBe(p.send.done);
    await goTo(Cai, PLACE.centre);
    await act(Cai, DEED.volunteer);
    await expect.poll(() => Cai.locator('[data-action="volunteer"] .feedback').textContent()).toBe(p.send.done);
    await Wes.getByRole("tab", { name: p.tabs.journal }).click();
    await Wes.getByRole("button", { name: fill(p.watch.useThisLabel, { name: "Ann", deed: DEED.litter }) }).click();
    await Wes.getByRole("button", { name: p.watch.submit }).click();
    await Wes.getByText(p.watch.written).waitFor();

    await skip();
    await phaseIs(Object.values(pages), p.phase.evening);
    await Olu.getByRole("button", { name: fill(p.review.forEntry, { action: p.review.approve, name: "Ann", deed: DEED.litter }) }).first().click();
    await Olu.locator(".decided li", { hasText: fill(p.review.about, { name: "Ann", deed: DEED.litter }) }).first().waitFor({ state: "attached" });

    await skip();
    await phaseIs(Object.values(pages), p.phase.night);
    await board.locator(".feed li", { hasText: DEED.litter }).filter({ hasText: "Ann" }).waitFor();
    await expect.poll(() => Ann.locator(".stat-score dd").textContent()).toBe("995");
  });

  it("day 2: the resident appeals, the official reverses it, and the game ends on every page", async () => {
    const { Ann, Olu } = pages;
    await skip();
    await phaseIs(Object.values(pages), p.phase.morning);
    await Ann.getByRole("tab", { name: p.tabs.record }).click();
    await Ann.getByRole("button", { name: fill(p.record.appealLabel, { deed: DEED.litter, day: 1 }) }).click();
    const dialog = Ann.getByRole("dialog", { name: p.appeal.title });
    await dialog.getByLabel(p.appeal.reason.context).check();
    await dialog.getByRole("button", { name: p.appeal.submit }).click();
    await dialog.waitFor({ state: "hidden" });
    await Ann.locator(".appeals li", { hasText: fill(p.record.appealLine, { deed: DEED.litter, day: 1, reason: p.appeal.reason.context }) }).waitFor();

    await skip();
    await phaseIs(Object.values(pages), p.phase.day);
    await skip();
    await phaseIs(Object.values(pages), p.phase.evening);
    await Olu.getByRole("tab", { name: p.tabs.appeals }).click();
    await Olu.getByRole("button", { name: `${p.appeals.reverse}: Ann, ${DEED.litter}` }).click();
    await expect.poll(() => Ann.locator(".appeals li .status").textContent()).toBe(p.record.appealStatus.reversed);
    await expect.poll(() => Ann.locator(".stat-score dd").textContent()).toBe("1000");

    await skip();
    await phaseIs(Object.values(pages), p.phase.night);
    await skip();
    for (const [name, role] of Object.entries(ROLES)) {
      const page = pages[name as Name];
      await page.getByRole("heading", { name: en.ending.derole.title }).waitFor();
      await page.getByText(fill(en.ending.derole.youWere, { role: en.role[role].inSentence })).waitFor();
    }
    await first.console_.getByRole("link", { name: en.host.openDebrief }).waitFor();
  });

  it("the debrief export is the same log through every process", async () => {
    const [fromA, fromB, fromC] = await Promise.all([exported(a, first.code, first.hostToken), exported(b, first.code, first.hostToken), exported(c, first.code, first.hostToken)]);
    expect(fromB.events).toEqual(fromA.events);
    expect(fromC.events).toEqual(fromA.events);
    const types = fromA.events.map((e) => e.event.type);
    for (const type of ["deed_done", "entry_written", "entry_reviewed", "appeal_filed", "appeal_decided", "game_ended"]) expect(types, type).toContain(type);
    expect(fromA.events.map((e) => e.seq)).toEqual(fromA.events.map((_, i) => i + 1));
  });

  it("a session created on B's console plays through A's pages", async () => {
    const second = await createOnConsole(b);
    expect(second.code).not.toBe(first.code);
    const second_ = { Eve: "resident", Fay: "watcher", Gus: "official", Hal: "resident" } as const;
    const joined: Page[] = [];
    for (const name of Object.keys(second_)) joined.push(await joinThrough(a, second.code, name));
    const eve = joined[0]!;
    await expect.poll(() => second.console_.locator("#players td.name").count()).toBe(4);
    expect(logged(b, second.code, "seat joined")).toBe(4);
    expect(logged(a, second.code, "seat joined")).toBe(0);
    expect(logged(a, second.code, "session room open")).toBe(0);
    for (const [name, role] of Object.entries(second_)) await second.console_.getByLabel(`Role for ${name}`).selectOption(role);
    await second.console_.getByRole("button", { name: en.host.setup.start }).click();
    await phaseIs(joined, p.phase.morning);
    await expect.poll(() => eve.locator(".play-status .who-text").textContent()).toBe(`Eve · ${fill(p.status.you, { role: ROLE_LABEL.resident })}`);
    await consoleClock(second.console_)();
    await phaseIs(joined, p.phase.day);
    await act(eve, DEED.help); // at home, where everyone starts
    await expect.poll(() => eve.locator('[data-action="help_elderly"] .feedback').textContent()).toBe(p.send.done);
    await second.console_.getByRole("button", { name: en.host.clock.end }).click();
    await second.console_.getByRole("dialog", { name: en.host.clock.endTitle }).getByRole("button", { name: en.host.clock.endConfirm }).click();
    for (const page of joined) await page.getByRole("heading", { name: en.ending.derole.title }).waitFor();
  });

  it("no page asked any host but the three processes, and none logged an error", () => {
    const own = new Set(servers.map((s) => `127.0.0.1:${s.port}`));
    const foreign = devices.flatMap((d) => d.requests).filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && !own.has(new URL(url).host));
    expect(foreign).toEqual([]);
    const errors = devices.flatMap((d) => d.consoleErrors).filter((e) => !/Failed to load resource/.test(e));
    expect(errors).toEqual([]);
  });
});
