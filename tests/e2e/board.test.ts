/**
 * The projector board in real Chromium against a real server, through a scripted day: the lobby
 * (QR, names), then the game — phase, day and countdown (also on a board whose clock is seven
 * minutes off), a watcher's entries approved by the official and published at night (feed with
 * signed points), the honour roll and the blacklist, a broadcast, the anonymous board (no
 * nickname anywhere on the page, pseudonyms instead, and back), pause, the language switch, an
 * appeal reversed (struck through). axe in the lobby and in play, screenshots at three sizes,
 * no request to any other host.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { createSessionAt, tempDir, testServer, until, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import {
  BOTS,
  PLAYERS,
  ROLES,
  aboutMe,
  appealOf,
  caughtUp,
  entryBy,
  everyRoom,
  godView,
  seatTable,
  seen,
  sendOk,
  scriptedScenarios,
  type Name,
  type Table,
} from "../support/script.ts";
import { loadConfig } from "../../server/config.ts";
import { startServer } from "../../server/app.ts";
import { createLogger } from "../../server/log.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { stringTable } from "../support/strings.ts";
import { pseudonymAt } from "../../shared/lobby/pseudonym.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/board.json") & typeof import("../../assets/strings/en/core.json");
const zh = stringTable("zh") as typeof en;
const scenario = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")) as { deeds: { id: string; label: { en: string }; points: number }[] };
const deedLabel = (id: string) => scenario.deeds.find((d) => d.id === id)!.label.en;
const SHOTS = SCREENSHOTS;
/** Seven minutes: a projector laptop whose clock was never set. */
const SKEW_MS = 7 * 60_000;

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];

/**
 * The scripted two-day town (officials keep the blacklist by hand), starting everyone at 1017 —
 * AA, so on the honour roll until a bad deed drops them to A — with phases of a few minutes.
 */
async function startBoardServer(): Promise<TestServer> {
  const dir = scriptedScenarios();
  const scripted = JSON.parse(readFileSync(join(dir, "scripted-pilot.json"), "utf8")) as Record<string, unknown> & { scoring: object };
  const variant = { ...scripted, id: "board-pilot", scoring: { ...scripted.scoring, startScore: 1017 }, phases: { days: 2, morning: 600, day: 900, evening: 600, night: 300 } };
  writeFileSync(join(dir, "board-pilot.json"), JSON.stringify(variant));
  const dataDir = tempDir();
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", BOT_THINK_MS: "400", MESSAGES_PER_SECOND: "1000" });
  const running = await startServer(config, { log: createLogger("warn"), scenariosDir: dir });
  return { ...testServer(running, dataDir, []), createSession: (id = "board-pilot") => createSessionAt(running.url, id) };
}


async function screenshot(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) });
}

/** Every word a reader could find on the page: text, title and attribute values (avatars aside). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll("*")].flatMap((node) => [...node.attributes].map((a) => a.value).filter((v) => !v.startsWith("data:")));
    return [document.title, document.body.innerText, document.body.textContent ?? "", ...attributes].join("\n");
  });
}

const mentions = (text: string, name: string) => new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u").test(text);

/** expect.poll with room for a busy machine (two boards each run the Phaser town). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

function seconds(clock: string): number {
  const parts = clock.split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** A facilitator command, then every client holds its result. */
async function facilitate(t: Table, command: Record<string, unknown>): Promise<void> {
  const seq = await sendOk(t.host, command);
  await caughtUp(everyRoom(t), seq);
}

async function play(t: Table, name: Name, command: Record<string, unknown>): Promise<void> {
  const seq = await sendOk(t.rooms[name], command, `${name} ${String(command.kind)}`);
  await caughtUp(everyRoom(t), seq);
}

describeBrowser("the projector board", () => {
  beforeAll(async () => {
    server = await startBoardServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows a game as it is played: clock, feed, honour roll, blacklist, broadcasts, anonymous mode, pause", async () => {
    const started = Date.now();
    const { code, hostToken } = await server.createSession();
    const board = await newDevice(browser);
    devices.push(board);
    const page = board.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}/board/${code}`);
    await poll(() => page.locator("#board-code").textContent()).toBe(code);

    // a projector whose clock is seven minutes fast, with reduced motion
    const skewed = await newDevice(browser);
    devices.push(skewed);
    await skewed.page.addInitScript((skew) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + skew;
    }, SKEW_MS);
    await skewed.page.emulateMedia({ reducedMotion: "reduce" });
    await skewed.page.goto(`${server.url}/board/${code}`);

    // the lobby: everyone's nickname, live
    const t = await seatTable(server.url, code, hostToken);
    const nicknames = PLAYERS.map((n) => t.seats[n]).map((seat) => roomSession(code).lobby.seats[seat]!.nickname);
    await poll(() => page.locator("#board-names li").allTextContents()).toEqual(nicknames);
    for (const name of PLAYERS) await facilitate(t, { kind: "assign_role", seatId: t.seats[name], role: ROLES[name] });
    for (const bot of BOTS) await facilitate(t, { kind: "add_bot", personality: bot.personality === "zealous_watcher" ? "conformist" : bot.personality });
    const god = godView(t);
    t.bots = god.seats.filter((s) => god.players[s]?.bot);
    for (const bot of t.bots) await facilitate(t, { kind: "assign_role", seatId: bot, role: "resident" });
    await poll(() => page.locator("#board-names li").count()).toBe(PLAYERS.length + BOTS.length);

    // anonymous in the lobby: every seat listed by its pseudonym (no nickname leaves the server), and the board says so
    await facilitate(t, { kind: "anonymous_board", on: true });
    await page.locator("#board-anonymous-later").waitFor();
    expect(await page.locator("#board-names li").count()).toBe(PLAYERS.length + BOTS.length);
    await facilitate(t, { kind: "anonymous_board", on: false });
    await page.locator("#board-anonymous-later").waitFor({ state: "hidden" });
    expect(await seriousViolations(page), "board, lobby").toEqual([]);
    await screenshot(page, "board-lobby", 1366, 768);

    // the game starts: day 1 of 2, morning, ten minutes on the clock
    await facilitate(t, { kind: "start" });
    const heading = page.locator("#board-phase");
    await poll(() => heading.textContent()).toBe(`${en.board.dayOf.replace("{{day}}", "1").replace("{{days}}", "2")} · ${en.board.phase.morning}`);
    const countdown = page.locator("#board-countdown");
    await poll(async () => seconds((await countdown.textContent()) ?? "")).toBeGreaterThan(590);
    expect(seconds((await countdown.textContent())!)).toBeLessThanOrEqual(600);
    await poll(async () => Math.abs(seconds((await skewed.page.locator("#board-countdown").textContent()) ?? "0") - seconds((await countdown.textContent())!))).toBeLessThanOrEqual(2);
    expect(await page.locator("#board-names li").count(), "nicknames leave the lobby list").toBe(0);
    // everyone scored starts at AA: the honour roll lists them, the blacklist is empty
    const honour = page.locator("#board-honour li.person .name");
    await poll(() => honour.count()).toBe(7 + BOTS.length);
    expect(await page.locator("#board-blacklist").textContent()).toBe(en.board.blacklistEmpty);
    expect(await page.locator("#board-feed").textContent()).toBe(en.board.feedEmpty);

    // day 1: Ann litters and Ben helps in the park, where Wes watches; Wes writes both
    await facilitate(t, { kind: "advance" });
    for (const name of ["W1", "R1", "R2"] as const) await play(t, name, { kind: "move", to: "park" });
    await play(t, "R1", { kind: "act", action: "litter" });
    await play(t, "R2", { kind: "act", action: "help_elderly" });
    await play(t, "W1", { kind: "write_entry", subject: t.seats.R1, deed: "litter", basis: "witnessed", occurrence: seen(t, "W1", "R1", "litter") });
    await play(t, "W1", { kind: "write_entry", subject: t.seats.R2, deed: "help_elderly", basis: "witnessed", occurrence: seen(t, "W1", "R2", "help_elderly") });
    // the evening: the official approves both and lists Ann; the night publishes
    await facilitate(t, { kind: "advance" });
    await poll(async () => Math.abs(seconds((await skewed.page.locator("#board-countdown").textContent()) ?? "0") - seconds((await countdown.textContent())!))).toBeLessThanOrEqual(1);
    await play(t, "O", { kind: "review", entry: entryBy(t, "W1", "R1", "litter"), decision: "approve" });
    await play(t, "O", { kind: "review", entry: entryBy(t, "W1", "R2", "help_elderly"), decision: "approve" });
    await play(t, "O", { kind: "blacklist", subject: t.seats.R1, entries: [entryBy(t, "W1", "R1", "litter")] });
    await facilitate(t, { kind: "advance" });
    await poll(() => heading.textContent()).toBe(`${en.board.dayOf.replace("{{day}}", "1").replace("{{days}}", "2")} · ${en.board.phase.night}`);

    const feed = page.locator("#board-feed li");
    const entryOf = (who: string, deed: string) => feed.filter({ hasText: who }).filter({ hasText: deedLabel(deed) });
    await entryOf("Ann", "litter").waitFor();
    expect(await entryOf("Ann", "litter").locator(".points").textContent()).toBe("\u22125");
    expect(await entryOf("Ann", "litter").locator(".points").getAttribute("class")).toContain("down");
    expect(await entryOf("Ben", "help_elderly").locator(".points").textContent()).toBe(`+${scenario.deeds.find((d) => d.id === "help_elderly")!.points}`);
    expect(await entryOf("Ben", "help_elderly").locator(".meta").textContent()).toBe(en.board.day.replace("{{day}}", "1"));
    expect(await entryOf("Ann", "litter").locator(".tag").textContent(), "new items are tagged").toBe(en.board.new);
    expect(await page.locator("#board-feed-news").textContent()).toBe(en.board.feedNew.replace("{{count}}", "2"));
    expect(await entryOf("Ann", "litter").evaluate((node) => getComputedStyle(node).animationName)).toBe("board-arrive");
    const calm = skewed.page.locator("#board-feed li.arrived").first();
    await calm.waitFor();
    expect(await calm.evaluate((node) => getComputedStyle(node).animationName), "no highlight animation with reduced motion").toBe("none");

    // Ann (1017 − 5 = A) leaves the honour roll and is on the blacklist; Ben stays
    await poll(() => honour.allTextContents()).not.toContain("Ann");
    expect(await honour.allTextContents()).toContain("Ben");
    await poll(() => page.locator("#board-blacklist li.person").allTextContents()).toEqual([`Ann${en.board.since.replace("{{day}}", "1")}`]);
    await poll(() => page.locator("#board-grades li").count()).toBeGreaterThan(0);

    // the facilitator broadcasts
    const message = "Take a breath: the morning starts in five minutes.";
    await facilitate(t, { kind: "broadcast", text: message });
    await poll(() => page.locator("#board-announcement").textContent()).toBe(message);
    expect(await page.locator("#board-announcement").getAttribute("aria-live")).toBe("polite");

    expect(await seriousViolations(page), "board, in play").toEqual([]);
    await screenshot(page, "board-night", 1366, 768);
    await screenshot(page, "board-night", 1920, 1080);
    await screenshot(page, "board-night", 390, 844);
    await page.setViewportSize({ width: 1366, height: 768 });

    // anonymous: no nickname anywhere on the page, each seat's pseudonym instead — and back
    const everyone = Object.values(roomSession(code).game.players).map((p) => p.nickname);
    const seats = roomSession(code).game.seats;
    const pseudonym = (seat: string) => pseudonymAt(seats.indexOf(seat)).en;
    await facilitate(t, { kind: "anonymous_board", on: true });
    await page.locator("#board-anonymous").waitFor();
    await poll(async () => {
      const text = await pageText(page);
      return everyone.filter((n) => mentions(text, n));
    }).toEqual([]);
    await poll(() => honour.allTextContents()).toContain(pseudonym(t.seats.R2));
    expect(await page.locator("#board-blacklist li.person .name").allTextContents()).toEqual([pseudonym(t.seats.R1)]);
    expect(await entryOf(pseudonym(t.seats.R1), "litter").count()).toBe(1);
    await screenshot(page, "board-anonymous", 1366, 768);
    await facilitate(t, { kind: "anonymous_board", on: false });
    await poll(() => honour.allTextContents()).toContain("Ben");
    await page.locator("#board-anonymous").waitFor({ state: "hidden" });

    // pause: the clock stops and says so
    await facilitate(t, { kind: "pause" });
    const paused = page.locator("#board-paused");
    await poll(() => paused.textContent()).toMatch(new RegExp(`^${en.board.pausedLeft.replace("{{time}}", "\\d+:\\d\\d")}$`));
    expect(await paused.textContent()).toBe(en.board.pausedLeft.replace("{{time}}", (await countdown.textContent())!));
    expect(await countdown.getAttribute("class")).toContain("paused");
    await screenshot(page, "board-paused", 1366, 768);
    await facilitate(t, { kind: "resume" });
    await poll(() => paused.textContent()).toBe("");

    // the language switch redraws everything
    await page.locator("#lang").selectOption("zh");
    await poll(() => heading.textContent()).toBe(`${zh.board.dayOf.replace("{{day}}", "1").replace("{{days}}", "2")} · ${zh.board.phase.night}`);
    expect(await page.getByRole("heading", { name: zh.board.feed }).count()).toBe(1);
    expect(await page.locator("#board-feed-news").textContent(), "a redraw is not news").toBe("");
    await screenshot(page, "board-zh", 1366, 768);
    await page.locator("#lang").selectOption("en");
    await poll(() => page.getByRole("heading", { name: en.board.feed }).count()).toBe(1);

    // day 2: Ann appeals, the official reverses it: struck through, "reversed on appeal"
    await facilitate(t, { kind: "advance" });
    await play(t, "R1", { kind: "appeal", entry: aboutMe(t, "R1", "litter"), reason: "did_not_happen" });
    await facilitate(t, { kind: "advance" });
    await facilitate(t, { kind: "advance" });
    await until(() => roomSession(code).game.phase === "evening", "day 2 evening");
    await play(t, "O", { kind: "decide_appeal", appeal: appealOf(t, "R1"), decision: "reverse" });
    await poll(() => entryOf("Ann", "litter").locator(".status").textContent()).toBe(en.board.status.reversed);
    expect(await entryOf("Ann", "litter").locator("s .points").textContent()).toBe("\u22125");

    // the end: no clock, the record stays up; nothing is "New" any more, the last broadcast goes
    expect(await page.locator("#board-feed .tag").count(), "the last batch is still tagged before the end").toBeGreaterThan(0);
    await facilitate(t, { kind: "end" });
    await poll(() => heading.textContent()).toBe(en.board.phase.ended);
    expect(await countdown.isVisible()).toBe(false);
    expect(await entryOf("Ben", "help_elderly").count()).toBe(1);
    await poll(() => page.locator("#board-feed .tag").count()).toBe(0);
    expect(await page.locator("#board-announcement").isVisible()).toBe(false);

    expect(foreignRequests(devices, server.url)).toEqual([]);
    expect(devices.flatMap((d) => d.consoleErrors).filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
    console.log(`[figure] board e2e scenario: ${Date.now() - started} ms`);
  });
});
