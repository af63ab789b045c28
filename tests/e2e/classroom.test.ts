/**
 * A whole class in real Chromium, through the pages only: the facilitator's console, the
 * projector board and twelve students (two officials, three watchers, seven residents) play the
 * quick demo to the end. Residents move and act, watchers observe and write entries (one of them
 * false), officials review in the evening, the night publishes to the board, residents appeal and
 * an official decides. Meanwhile two students reload their page mid-phase, one loses its network
 * for 20 s, and one steps out (a bot plays his character on). Everyone ends in their own seat and role, and the debrief export holds exactly
 * the stored event log. (Issue 5's eight-page game and issue 7's classroom test in one.)
 * Each part of the game is a step of its own, so a busy machine is judged per step.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import Database from "better-sqlite3";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import { fill, stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/play.json") &
  typeof import("../../assets/strings/en/host.json") &
  typeof import("../../assets/strings/en/ending.json") &
  typeof import("../../assets/strings/en/roles.json");
const p = en.play;

const ROLES = {
  Olu: "official",
  Oona: "official",
  Wes: "watcher",
  Wu: "watcher",
  Wren: "watcher",
  Ann: "resident",
  Ben: "resident",
  Cai: "resident",
  Dee: "resident",
  Eve: "resident",
  Fay: "resident",
  Gus: "resident",
} as const;
type Name = keyof typeof ROLES;
const ROLE_LABEL = { official: "Official", watcher: "Neighbourhood watcher", resident: "Resident" } as const;
const DEED = { litter: "Litter", rumour: "Spread a rumour", help: "Help an elderly neighbour", praise: "Praise the government online", volunteer: "Volunteer at the community centre" };
const PLACE = { park: "Park", cafe: "Internet café", centre: "Community centre" };

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];
// the class, shared by the steps below: each step is one part of the game and has its own watchdog
let started: number;
let console_: Page;
let board: Page;
let code: string;
const pages = {} as Record<Name, Page>;
const contexts = {} as Record<Name, Device["context"]>;
let all: Page[];
let seatOf: Record<Name, string>;
const game = () => roomSession(code).game;

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

async function phaseIs(pages: Page[], name: string): Promise<void> {
  for (const page of pages) await expect.poll(() => page.locator(".play-status .phase").textContent(), { timeout: 15_000 }).toBe(name);
}

/** The console's skip button names the phase it ends, so each press ends exactly the phase the test means. */
async function skip(): Promise<void> {
  const { day, phase } = game();
  await console_.getByRole("button", { name: fill(en.host.clock.skip, { day, phase: en.host.phases[phase as "morning"] }) }).click();
  await until(() => game().phase !== phase || game().day !== day, `the console's skip of day ${day}, ${phase}`);
}

const goTo = (page: Page, place: string) => page.getByRole("button", { name: fill(p.town.goLabel, { how: p.town.walkFree, place }) }).click();
const act = (page: Page, deed: string) => page.getByRole("button", { name: `${p.town.do}: ${deed}` }).click();

describeBrowser("a classroom", () => {
  it("the facilitator creates the quick demo on the console; the board and twelve students join with the code", async () => {
    started = Date.now();
    // the facilitator creates the session on the console
    console_ = (await device(1366, 768)).page;
    await console_.goto(`${server.url}/host`);
    // the quick demo with long phases: the test skips every phase itself, so the clock never ends one under it
    await console_.locator("#scenario-quick-demo-slow").check();
    await console_.getByRole("button", { name: en.host.create }).click();
    await console_.locator("#session-code").waitFor();
    code = (await console_.locator("#session-code").textContent())!.trim();
    board = (await device(1366, 768)).page;
    await board.goto(`${server.url}/board/${code}`);

    // twelve students join with the code
    for (const name of Object.keys(ROLES) as Name[]) {
      const d = await device();
      await d.page.goto(`${server.url}/`);
      await d.page.getByLabel(en.join.code).fill(code);
      await d.page.getByLabel(en.join.nickname).fill(name);
      await d.page.getByRole("button", { name: en.join.submit }).click();
      await d.page.getByRole("heading", { name: en.join.inTitle }).waitFor();
      pages[name] = d.page;
      contexts[name] = d.context;
    }
    all = Object.values(pages);
    await expect.poll(() => console_.locator("#players td.name").count()).toBe(12);
    await board.getByText("Gus").waitFor();
  });

  it("the console deals the roles by hand and starts; every page shows its role", async () => {
    // roles by hand, then start
    for (const [name, role] of Object.entries(ROLES)) await console_.getByLabel(`Role for ${name}`).selectOption(role);
    await until(() => Object.values(game().players).filter((x) => x.role).length === 12, "every student's role");
    seatOf = Object.fromEntries(game().seats.map((seat) => [game().players[seat]!.nickname, seat])) as Record<Name, string>;
    await console_.getByRole("button", { name: en.host.setup.start }).click();
    await phaseIs(all, p.phase.morning);
    for (const [name, role] of Object.entries(ROLES)) {
      await expect.poll(() => pages[name as Name].locator(".play-status .who-text").textContent()).toBe(`${name} · ${fill(p.status.you, { role: ROLE_LABEL[role] })}`);
    }
  });

  it("day 1: deeds, observations, entries (one false), a reload and a lost network", async () => {
    await skip();
    await phaseIs(all, p.phase.day);
    const { Ann, Cai, Dee, Eve, Fay, Wes, Wu } = pages;
    await goTo(Wes, PLACE.park);
    await Wes.getByText(fill(p.town.here, { place: PLACE.park })).waitFor();
    await goTo(Ann, PLACE.park);
    await Ann.getByText(fill(p.town.here, { place: PLACE.park })).waitFor();
    await act(Ann, DEED.litter);
    await goTo(Eve, PLACE.cafe);
    await act(Eve, DEED.praise);
    await goTo(Fay, PLACE.centre);
    await act(Fay, DEED.volunteer);

    // Dee's network goes for 20 s; the page says so, and comes back to the same seat
    const deeAp = game().players[seatOf.Dee]!.ap;
    await contexts.Dee.setOffline(true);
    const offlineAt = Date.now();
    await expect.poll(() => Dee.locator(".play-status .connection").getAttribute("class"), { timeout: 20_000 }).not.toContain("connected");
    // Cai reloads mid-phase and is back in the day, in the same seat
    await Cai.reload();
    await phaseIs([Cai], p.phase.day);
    await goTo(Cai, PLACE.park);
    await act(Cai, DEED.help);
    await until(() => game().players[seatOf.Cai]!.doneToday.includes("help_elderly"), "Cai's deed after the reload");

    // the watcher writes what he saw; another writes a false entry on hearsay
    await Wes.getByRole("tab", { name: p.tabs.journal }).click();
    await Wes.getByRole("button", { name: fill(p.watch.useThisLabel, { name: "Ann", deed: DEED.litter }) }).click();
    await Wes.getByRole("button", { name: p.watch.submit }).click();
    await Wes.getByText(p.watch.written).waitFor();
    await Wu.getByRole("tab", { name: p.tabs.journal }).click();
    await Wu.getByLabel(p.watch.subject).selectOption({ label: "Ben" });
    await Wu.getByLabel(p.watch.deed).selectOption("spread_rumour");
    await Wu.getByLabel(p.watch.hearsay).check();
    await Wu.getByRole("button", { name: p.watch.submit }).click();
    await Wu.getByText(p.watch.written).waitFor();

    await Dee.waitForTimeout(Math.max(0, 20_000 - (Date.now() - offlineAt))); // the network stays away for 20 s
    await contexts.Dee.setOffline(false);
    await expect.poll(() => Dee.locator(".play-status .connection").getAttribute("class"), { timeout: 30_000 }).toContain("connected");
    await act(Dee, DEED.help); // at home, where everyone starts
    await until(() => game().players[seatOf.Dee]!.ap === deeAp - 1, "Dee's deed, applied once");

  });

  it("evening: the officials review; a watcher reloads mid-phase", async () => {
    const { Wu, Olu, Oona } = pages;
    await skip();
    await phaseIs(all, p.phase.evening);
    await Wu.reload();
    await phaseIs([Wu], p.phase.evening);
    // the park's camera flagged Ann's littering too: Olu approves the watcher's entry, the first one
    await Olu.getByRole("button", { name: fill(p.review.forEntry, { action: p.review.approve, name: "Ann", deed: DEED.litter }) }).first().click();
    await Oona.getByRole("button", { name: fill(p.review.forEntry, { action: p.review.approve, name: "Ben", deed: DEED.rumour }) }).click();
    await until(() => Object.values(game().journal).filter((e) => e.status === "approved").length >= 2, "both entries approved");

  });

  it("night: published on the board and in the residents' records", async () => {
    await skip();
    await phaseIs(all, p.phase.night);
    await board.locator(".feed li", { hasText: DEED.litter }).filter({ hasText: "Ann" }).waitFor();
    await board.locator(".feed li", { hasText: DEED.rumour }).filter({ hasText: "Ben" }).waitFor();
    await expect.poll(() => pages.Ann.locator(".stat-score dd").textContent()).toBe(String(1000 + game().scenario.deeds.find((d) => d.id === "litter")!.points));
  });

  it("day 2: Gus steps out and a bot plays on; two residents appeal; the officials decide", async () => {
    const { Ann, Ben, Olu, Oona } = pages;
    // day 2 morning: Gus steps out; the facilitator lets a bot play his character, and his page says so
    await skip();
    await phaseIs(all, p.phase.morning);
    await pages.Gus.getByRole("button", { name: p.stepOut.button }).click();
    await pages.Gus.getByRole("dialog", { name: p.stepOut.title }).getByRole("button", { name: p.stepOut.confirm }).click();
    await pages.Gus.getByText(p.stepOut.done).waitFor();
    const alert = console_.getByRole("alert").filter({ hasText: fill(en.host.stepOut.title, { name: "Gus" }) });
    await alert.getByRole("button", { name: fill(en.host.stepOut.handToBot, { name: "Gus" }) }).click();
    await until(() => game().players[seatOf.Gus]!.bot !== null, "a bot to play Gus's character");
    await pages.Gus.getByText(en.reason.played_by_bot).waitFor();

    // both appeal
    for (const [page, deed, reason] of [[Ann, DEED.litter, p.appeal.reason.context], [Ben, DEED.rumour, p.appeal.reason.did_not_happen]] as const) {
      await page.getByRole("tab", { name: p.tabs.record }).click();
      await page.getByRole("button", { name: fill(p.record.appealLabel, { deed, day: 1 }) }).click();
      const dialog = page.getByRole("dialog", { name: p.appeal.title });
      await dialog.getByLabel(reason).check();
      await dialog.getByRole("button", { name: p.appeal.submit }).click();
      await dialog.waitFor({ state: "hidden" });
    }
    await until(() => Object.values(game().appeals).length === 2, "two appeals filed");

    // day 2 evening: Ben's false entry is reversed, Ann's upheld
    await skip();
    await phaseIs(all, p.phase.day);
    await skip();
    await phaseIs(all, p.phase.evening);
    await Olu.getByRole("tab", { name: p.tabs.appeals }).click();
    await Olu.getByRole("button", { name: `${p.appeals.reverse}: Ben, ${DEED.rumour}` }).click();
    await Oona.getByRole("tab", { name: p.tabs.appeals }).click();
    await Oona.getByRole("button", { name: `${p.appeals.uphold}: Ann, ${DEED.litter}` }).click();
    await until(() => Object.values(game().appeals).every((a) => a.status !== "pending"), "both appeals decided");
    await expect.poll(() => Ben.locator(".stat-score dd").textContent()).toBe("1000");
  });

  it("the last night, then the end: everyone is told who they were, in their own seat", async () => {
    // the last night, then the end: everyone is told who they were, in their own seat
    await skip();
    await phaseIs(all, p.phase.night);
    await skip();
    await until(() => game().phase === "ended", "the end of the game");
    for (const [name, role] of Object.entries(ROLES)) {
      const page = pages[name as Name];
      await page.getByRole("heading", { name: en.ending.derole.title }).waitFor({ timeout: 15_000 });
      await page.getByText(fill(en.ending.derole.youWere, { role: en.role[role].inSentence })).waitFor();
    }
    expect(Object.keys(game().players).sort()).toEqual(Object.values(seatOf).sort()); // nobody got a second seat
  });

  it("the debrief export holds exactly the stored log; no page asked another host", async () => {
    // the debrief export holds exactly the stored log
    await console_.getByRole("link", { name: en.host.openDebrief }).waitFor();
    const hostToken = await console_.evaluate((c) => (JSON.parse(localStorage.getItem(`gs.host.${c}`) ?? "{}") as { hostToken?: string }).hostToken, code);
    const exported = await console_.evaluate(
      async ([c, token]) => (await fetch(`/api/sessions/${c}/export.json?names=1`, { headers: { authorization: `Bearer ${token}` } })).json(),
      [code, hostToken!] as const,
    ) as { events: { seq: number; at: number; event: unknown }[] };
    const db = new Database(join(server.dataDir, "good-standing.db"), { readonly: true });
    try {
      const id = db.prepare<[string], { id: string }>("SELECT id FROM sessions WHERE code = ?").get(code)!.id;
      const stored = db.prepare<[string], { seq: number; at: number; data: string }>("SELECT seq, at, data FROM events WHERE session_id = ? ORDER BY seq").all(id);
      expect(exported.events.map((e) => [e.seq, e.at, e.event])).toEqual(stored.map((e) => [e.seq, e.at, JSON.parse(e.data)]));
    } finally {
      db.close();
    }

    expect(foreignRequests(devices, server.url)).toEqual([]);
    const errors = devices.flatMap((d) => d.consoleErrors).filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/.test(e));
    expect(errors).toEqual([]);
    console.log(`[figure] classroom: 12 students, a board and a console through a 2-day game in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
