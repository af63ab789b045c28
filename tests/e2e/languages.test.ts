/**
 * Both languages on every page and tab (issue 13, classroom items 3 and 6), in real Chromium
 * against a real server: the join page, the lobby, the play screen of each role (resident,
 * watcher, official, observer) with each of its tabs and after a move and an act (whose answers
 * once stayed English), the end screens, the board in the lobby, in play and at the end, the
 * host console in the lobby and in the game, and every tab of the debrief. On each, the language
 * is switched on the page as a reader would (English → 简体中文 → English), and the page fails
 * on a raw string key in either language, or on English from the string tables or the
 * scenarios in the Chinese interface (see tests/support/strays.ts).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { describeBrowser, launchChromium, newDevice } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { seatsByName } from "../support/players.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { seatOf, sendOk } from "../support/script.ts";
import { receivedPrivate } from "../support/views.ts";
import { stringTable } from "../support/strings.ts";
import { strayRules, strays, type StrayRules } from "../support/strays.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/play.json");


let server: TestServer;
let browser: Browser;
let rules: StrayRules;
/** Every finding, as "screen (language): what". */
const problems: string[] = [];

async function device(width = 1366, height = 768): Promise<Page> {
  const { page } = await newDevice(browser);
  await page.setViewportSize({ width, height });
  return page;
}

async function setLang(page: Page, lang: "en" | "zh"): Promise<void> {
  await page.locator("#lang").selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang === "zh" ? "zh-Hans" : "en");
}

/**
 * Reads the page in English, switches to Chinese and reads it again, then back. A finding must
 * persist for a moment (parts may redraw a beat after the switch) before it counts.
 */
async function check(page: Page, screen: string, into = problems): Promise<void> {
  for (const lang of ["en", "zh"] as const) {
    await setLang(page, lang);
    let found: string[] = [];
    try {
      await expect.poll(async () => (found = await strays(page, lang, rules)), { timeout: 2000, interval: 250 }).toEqual([]);
    } catch {
      into.push(...found.map((f) => `${screen} (${lang}): ${f}`));
    }
  }
  await setLang(page, "en");
}

/** Checks the page, then each of its tabs in turn. */
async function checkTabs(page: Page, screen: string, into = problems): Promise<void> {
  await check(page, screen, into);
  const tabs = page.getByRole("tab");
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible())) continue;
    const name = (await tab.textContent())?.trim();
    await tab.click();
    await check(page, `${screen}, tab "${name}"`, into);
  }
  if (count > 0) await tabs.first().click();
}

describeBrowser("every page in both languages", () => {
  beforeAll(async () => {
    server = await startTestServer({ BOT_THINK_MS: "60000" });
    browser = await launchChromium();
    rules = strayRules();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows no raw key and, in Chinese, no English on any page or tab", { timeout: 300_000 }, async () => {
    const { code, hostToken } = await server.createSession("pilot-slow"); // phases only the test ends
    const host: Room = (await joinHost(server.url, code, hostToken)).room;

    // the facilitator's console (this device created the session) and the board, in the lobby
    const hostPage = await device();
    await hostPage.addInitScript(
      ([key, record]) => localStorage.setItem(key, record),
      [`gs.host.${code}`, JSON.stringify({ hostToken, scenarioId: "rongcheng-pilot", createdAt: Date.now() })] as const,
    );
    await hostPage.goto(`${server.url}/host?session=${code}`);
    await hostPage.locator("#session-code").waitFor();
    const board = await device();
    await board.goto(`${server.url}/board/${code}`);
    await board.locator("#board-code").waitFor();

    // four students join through the join page
    const names = { resident: "Ann", watcher: "Wes", official: "Olu", observer: "Obi" } as const;
    const students: Record<keyof typeof names, Page> = {} as Record<keyof typeof names, Page>;
    for (const [role, name] of Object.entries(names) as [keyof typeof names, string][]) {
      const page = await device(390, 844);
      await page.goto(`${server.url}/join/${code}`);
      if (role === "resident") await check(page, "join page");
      await page.getByLabel(en.join.nickname).fill(name);
      await page.getByRole("button", { name: en.join.submit }).click();
      await page.getByRole("heading", { name: en.join.inTitle }).waitFor();
      students[role] = page;
    }
    // three more play from scripts, so the game has an entry published, appealed and reversed
    const scripted = { Ben: "resident", Wu: "watcher", Oz: "official" } as const;
    const raw: Record<keyof typeof scripted, { room: Room; seat: string }> = {} as never;
    for (const name of Object.keys(scripted) as (keyof typeof scripted)[]) {
      const joined = await joinPlayer(server.url, code, name);
      raw[name] = { room: joined.room, seat: await seatOf(joined) };
    }
    const mine = <T>(name: keyof typeof scripted, field: string) => (receivedPrivate(raw[name].room)[raw[name].seat] as Record<string, T[]>)[field] ?? [];
    await sendOk(host, { kind: "add_bot", count: 2 });
    await expect.poll(() => Object.keys(seatsByName(host)).length).toBe(9);
    await expect.poll(() => hostPage.locator("#players td.name").count()).toBe(9);
    await check(students.resident, "lobby (student)");
    await check(board, "board, lobby");
    await check(hostPage, "host console, lobby");

    const seat = seatsByName(host);
    const cast: Record<string, string> = { ...Object.fromEntries(Object.entries(names).map(([role, name]) => [name, role])), ...scripted };
    for (const [name, id] of Object.entries(seat)) await sendOk(host, { kind: "assign_role", seatId: id, role: cast[name] ?? "resident" });
    await sendOk(host, { kind: "start" });
    await sendOk(host, { kind: "advance" }); // the day: residents move and act
    for (const page of Object.values(students)) await expect.poll(() => page.locator(".play-status .phase").textContent()).toBe(en.play.phase.day);

    // the resident moves and acts: the answers shown next to the buttons must follow the language
    const ann = students.resident;
    // (clicked in one step in the page: the lists redraw with every state patch)
    const press = (selector: string) =>
      ann.evaluate((css) => {
        const button = document.querySelector<HTMLButtonElement>(css);
        button?.click();
        return Boolean(button);
      }, selector);
    await ann.locator('[data-key^="act:"]').first().waitFor();
    const acted = await press('[data-key^="act:"]:not([aria-disabled="true"])');
    if (acted) await expect.poll(() => ann.locator(".feedback.ok, .feedback.error").count()).toBeGreaterThan(0);
    expect(await press('[data-key^="move:"][data-key$=":walk"]:not([aria-disabled="true"])'), "a place to walk to").toBe(true);
    await expect.poll(() => ann.getByText(/^You are now at /).count()).toBeGreaterThan(0);
    for (const [role, page] of Object.entries(students)) await checkTabs(page, `play, ${role}`);
    await check(board, "board, in play");
    await check(hostPage, "host console, in game");

    // Wu writes down a rumour about Ben; Oz approves it; the night publishes it; Ben appeals
    // the next morning and Oz reverses it in the evening
    await sendOk(raw.Wu.room, { kind: "write_entry", subject: raw.Ben.seat, deed: "litter", basis: "hearsay" });
    await expect.poll(() => mine<{ id: string }>("Wu", "myEntries").length).toBe(1);
    const entry = mine<{ id: string }>("Wu", "myEntries")[0]!.id;
    await sendOk(host, { kind: "advance" }); // evening
    await sendOk(raw.Oz.room, { kind: "review", entry, decision: "approve" });
    await sendOk(host, { kind: "advance" }); // night: published
    await sendOk(host, { kind: "advance" }); // day 2, morning
    await expect.poll(() => mine<{ id: string }>("Ben", "aboutMe").length).toBe(1);
    await sendOk(raw.Ben.room, { kind: "appeal", entry: mine<{ id: string }>("Ben", "aboutMe")[0]!.id, reason: "did_not_happen" });
    await sendOk(host, { kind: "advance" }); // day
    await sendOk(host, { kind: "advance" }); // evening
    await expect.poll(() => mine<{ id: string }>("Oz", "appeals").length).toBe(1);
    await checkTabs(students.official, "play, official, an appeal waiting");
    await sendOk(raw.Oz.room, { kind: "decide_appeal", appeal: mine<{ id: string }>("Oz", "appeals")[0]!.id, decision: "reverse" });
    await checkTabs(students.observer, "play, observer, day 2");
    await check(board, "board, day 2, an entry reversed");

    // the end: each student's end screen, the board, the console
    await sendOk(host, { kind: "end" });
    for (const [role, page] of Object.entries(students)) {
      await page.locator(".play-over").waitFor();
      await checkTabs(page, `ending, ${role}`);
      const next = page.locator("#ending-continue");
      if (await next.isVisible()) {
        await next.click();
        await checkTabs(page, `ending after continue, ${role}`);
      }
    }
    await expect.poll(() => board.locator("#board-phase").textContent()).toBeTruthy();
    await check(board, "board, ended");
    await check(hostPage, "host console, ended");

    // the debrief, every tab
    await hostPage.goto(`${server.url}/debrief/${code}`);
    await hostPage.getByRole("tab").first().waitFor();
    await checkTabs(hostPage, "debrief", problems);

    expect(problems).toEqual([]);
    await host.leave();
  });

  it("shows no raw key and, in Chinese, no English in the scenario lab, with figures and a baseline", async () => {
    const found: string[] = [];
    const page = await device();
    await page.goto(`${server.url}/lab`);
    await page.locator("#lab-scenario").selectOption("quick-demo");
    await page.locator(".lab-group").first().waitFor();
    await page.locator("#lab-games").fill("10");
    const play = async () => {
      await page.locator("#lab-go").click();
      await expect.poll(() => page.locator("#lab-go").isEnabled()).toBe(true);
      await page.locator(".lab-measures").waitFor();
    };
    await play();
    await page.locator("#lab-keep").click();
    await page.locator('.lab-field[data-path="loans.cosignerPoints"] input').fill("-90");
    await play();
    await page.locator("#lab-changes li").first().waitFor();
    await check(page, "scenario lab", found);
    expect(found).toEqual([]);
  });
});
