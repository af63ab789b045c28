/**
 * The play screen in real Chromium against a real server, one page per role (resident,
 * watcher, official, observer) joined through the join page; the facilitator is a raw client
 * that assigns roles, starts and moves the clock. Through the pages only: the resident moves
 * and acts, the watcher writes an entry on what they saw, the official is refused in the day
 * (the reason is shown, translated) and approves in the evening, the resident finds the entry
 * in their record after the night and appeals, the official reverses it. axe on every role's
 * screen, screenshots at phone and laptop size, and no request to any other host. Each part of the
 * day is a step of its own, so a busy machine is judged per step, not on the whole day at once.
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
import { receivedPrivate } from "../support/views.ts";
import { fill, stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/play.json") &
  typeof import("../../assets/strings/en/ending.json") &
  typeof import("../../assets/strings/en/roles.json");
const p = en.play;
const ending = en.ending;
const scenario = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")) as {
  deeds: { id: string; label: { en: string } }[];
  locations: { id: string; label: { en: string } }[];
};
const deed = (id: string) => scenario.deeds.find((d) => d.id === id)!.label.en;
const place = (id: string) => scenario.locations.find((l) => l.id === id)!.label.en;


const SHOTS = SCREENSHOTS;
const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
] as const;

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];
// the class, shared by the steps below: each step is one part of the day and has its own watchdog
let host: Room;
let ben: Room;
let ann: Page, wes: Page, olu: Page, obi: Page;
let all: Page[];
let seat: Record<string, string>;
let started: number;


/** Screenshots at phone and laptop size; fails if the page scrolls sideways. */
async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150); // let the map canvas follow the new size
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${size.width}×${size.height} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, `play-${name}-${size.width}x${size.height}.png`) });
  }
}

/** The official's button that approves the watcher's entry on Ann's littering. */
function approveLitter() {
  return olu.getByRole("button", { name: fill(p.review.forEntry, { action: p.review.approve, name: "Ann", deed: deed("litter") }) });
}

async function joinAs(nickname: string, code: string): Promise<Page> {
  const device = await newDevice(browser);
  devices.push(device);
  const { page } = device;
  await page.setViewportSize(SIZES[0]);
  await joinByLink(page, server.url, code, nickname);
  return page;
}

describeBrowser("the play screen", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("four pages and a quiet resident join; the facilitator deals the roles and starts", async () => {
    started = Date.now();
    // the facilitator moves the clock by hand: hour-long phases, so a slow machine never races it
    const { code, hostToken } = await server.createSession("pilot-slow");
    host = (await joinHost(server.url, code, hostToken)).room;
    ann = await joinAs("Ann", code);
    wes = await joinAs("Wes", code);
    olu = await joinAs("Olu", code);
    obi = await joinAs("Obi", code);
    ben = (await joinPlayer(server.url, code, "Ben")).room; // a quiet second resident
    await expect.poll(() => Object.keys(seatsByName(host)).length).toBe(5);
    seat = seatsByName(host);
    const roles = { Ann: "resident", Ben: "resident", Wes: "watcher", Olu: "official", Obi: "observer" };
    for (const [name, role] of Object.entries(roles)) await sendOk(host, { kind: "assign_role", seatId: seat[name], role });
    await sendOk(host, { kind: "start" });
    all = [ann, wes, olu, obi];
    await phaseShown(all, p.phase.morning);
    await expect.poll(() => ann.locator(".play-status .who-text").textContent()).toBe(`Ann · ${fill(p.status.you, { role: "Resident" })}`);
    await expect.poll(() => obi.locator(".play-status .who-text").textContent()).toBe(`Obi · ${fill(p.status.you, { role: en.role.observer.name })}`);
    // the facilitator's broadcast reaches everyone and can be dismissed
    await sendOk(host, { kind: "broadcast", text: "Welcome to the pilot" });
    await ann.locator(".announcement", { hasText: "Welcome to the pilot" }).waitFor();
    await ann.getByRole("button", { name: p.notice.dismiss }).click();
    await ann.locator(".announcement").waitFor({ state: "detached" });
  });

  it("in the day the resident litters in the park, the watcher writes it down, the official must wait", async () => {
    await sendOk(host, { kind: "advance" });
    await phaseShown(all, p.phase.day);

    // the watcher goes to the park first, then the resident, who litters there
    const toPark = fill(p.town.goLabel, { how: p.town.walkFree, place: place("park") });
    await wes.getByRole("button", { name: toPark }).click();
    await wes.getByText(fill(p.town.here, { place: place("park") })).waitFor();
    await ann.getByRole("button", { name: toPark }).click();
    await ann.getByText(fill(p.town.here, { place: place("park") })).waitFor();
    const litter = ann.getByRole("button", { name: `${p.town.do}: ${deed("litter")}` });
    await litter.click();
    await expect.poll(() => ann.locator(".stat-wellbeing dd").textContent()).toBe(fill(p.stats.of, { value: 6, max: 10 }));
    // done today: the action stays listed and says so — a success, not "Not possible" beside "Done."
    await expect.poll(() => litter.getAttribute("aria-disabled")).toBe("true");
    await expect.poll(() => ann.locator('[data-action="litter"] .why').textContent()).toBe(p.town.doneToday);
    await expect.poll(() => ann.locator('[data-action="litter"] .feedback').textContent()).toBe(p.send.done);
    expect(await ann.locator('[data-action="litter"]').textContent()).not.toContain(fill(p.town.blocked, { reason: "" }).trim());

    // the watcher saw it and writes it down, resting on what they saw
    await wes.getByRole("tab", { name: p.tabs.journal }).click();
    await wes.getByRole("button", { name: fill(p.watch.useThisLabel, { name: "Ann", deed: deed("litter") }) }).click();
    await wes.getByRole("button", { name: p.watch.submit }).click();
    await wes.getByText(p.watch.written).waitFor();
    await wes.locator(".entries li", { hasText: fill(p.watch.entryLine, { day: 1, name: "Ann", deed: deed("litter"), basis: p.basis.witnessed }) }).waitFor();

    // the official sees it in the queue at once (the queue streams all day); verdicts on people wait for the evening
    await approveLitter().waitFor();
    await olu.locator(".flag.not-yet", { hasText: p.review.verdictsInEvening }).first().waitFor();

    // the observer keeps a note
    await obi.getByRole("tab", { name: p.tabs.notes }).click();
    await obi.getByRole("textbox", { name: p.notes.label }).fill("The watcher followed Ann to the park.");
    await obi.getByRole("button", { name: p.notes.submit }).click();
    await obi.locator(".notes li", { hasText: "The watcher followed Ann to the park." }).waitFor();

    for (const [page, name] of [[ann, "resident"], [wes, "watcher"], [obi, "observer"]] as const) {
      expect(await seriousViolations(page), `${name}'s screen`).toEqual([]);
    }
  });

  it("in the evening the official approves the entry", async () => {
    await sendOk(host, { kind: "advance" });
    await phaseShown(all, p.phase.evening);
    await capture(olu, "official");
    expect(await seriousViolations(olu), "official's screen").toEqual([]);
    await olu.setViewportSize(SIZES[0]);
    await approveLitter().click();
    await olu.locator(".decided li", { hasText: fill(p.review.about, { name: "Ann", deed: deed("litter") }) }).waitFor({ state: "attached" });
  });

  it("at night the resident finds the entry in their record and appeals, in either language", async () => {
    await sendOk(host, { kind: "advance" });
    await phaseShown(all, p.phase.night);
    // the resident finds it in their record and appeals
    await ann.getByRole("tab", { name: p.tabs.record }).click();
    const record = ann.locator(".records li", { hasText: fill(p.record.entry, { day: 1, deed: deed("litter") }) });
    await expect.poll(() => record.locator(".points").textContent()).toBe(fill(p.points, { points: "−5" }));
    await expect.poll(() => ann.locator(".stat-score dd").textContent()).toBe("995");
    await expect.poll(() => record.locator(".by").textContent()).toBe(fill(p.record.approvedBy, { name: "Olu" }));
    await ann.getByRole("button", { name: fill(p.record.appealLabel, { deed: deed("litter"), day: 1 }) }).click();
    const dialog = ann.getByRole("dialog", { name: p.appeal.title });
    await dialog.getByLabel(p.appeal.reason.context).check();
    await dialog.getByLabel(p.appeal.evidence.camera).check();
    await dialog.getByRole("button", { name: p.appeal.submit }).click();
    await dialog.waitFor({ state: "hidden" });
    await ann.locator(".appeals li", { hasText: fill(p.record.appealLine, { deed: deed("litter"), day: 1, reason: p.appeal.reason.context }) }).waitFor();
    // the language switch redraws everything, the tabs and the status bar too
    const zh = stringTable("zh") as typeof en;
    await ann.getByLabel(en.app.language).selectOption("zh");
    await ann.getByRole("tab", { name: zh.play.tabs.record }).waitFor();
    await expect.poll(() => ann.locator(".play-status .phase").textContent()).toBe(zh.play.phase.night);
    await ann.locator(".appeals li", { hasText: zh.play.appeal.reason.context }).waitFor();
    await capture(ann, "resident-zh");
    await ann.getByLabel(zh.app.language).selectOption("en");
    await ann.getByRole("tab", { name: p.tabs.record }).waitFor();
    await wes.getByRole("tab", { name: p.tabs.journal }).click();
    await obi.getByRole("tab", { name: p.tabs.board }).click();
    await obi.locator(".feed li", { hasText: deed("litter") }).waitFor();
    for (const [page, name] of [[ann, "resident"], [wes, "watcher"], [obi, "observer"]] as const) await capture(page, name);
    // text at 200 %: still no sideways scrolling
    await ann.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    await capture(ann, "resident-200pc");
    await ann.evaluate(() => (document.documentElement.style.fontSize = ""));
  });

  it("next evening the official reverses the appeal and the resident gets the points back", async () => {
    for (let i = 0; i < 3; i++) await sendOk(host, { kind: "advance" });
    await phaseShown(all, p.phase.evening);
    await olu.getByRole("tab", { name: p.tabs.appeals }).click();
    await olu.getByText(fill(p.appeals.reason, { reason: p.appeal.reason.context })).waitFor();
    await olu.getByRole("button", { name: `${p.appeals.reverse}: Ann, ${deed("litter")}` }).click();
    await olu.getByText(fill(p.appeals.decidedHeading, { count: 1 })).waitFor();
    await expect.poll(() => ann.locator(".appeals li .status").textContent()).toBe(p.record.appealStatus.reversed);
    await expect.poll(() => ann.locator(".stat-score dd").textContent()).toBe("1000");
  });

  it("the observer steps out, and the end shows the reveal; no foreign request, no console error", async () => {
    // the observer steps out: asked once, then told calmly; only the facilitator sees it
    await obi.getByRole("button", { name: p.stepOut.button }).click();
    await obi.getByRole("dialog", { name: p.stepOut.title }).getByRole("button", { name: p.stepOut.confirm }).click();
    await obi.getByText(p.stepOut.done).waitFor();
    await expect.poll(() => (receivedPrivate(host).host as { steppedOut?: string[] } | undefined)?.steppedOut).toEqual([seat.Obi]);

    // the end: the de-roling moment, then the reveal and what the game recorded about Ann
    await sendOk(host, { kind: "end" });
    await ann.getByRole("heading", { name: ending.derole.title }).waitFor();
    await ann.getByText(fill(ending.derole.notAnymore, { role: en.role.resident.inSentence })).waitFor();
    await ann.getByRole("button", { name: ending.derole.continue }).click();
    await ann.getByRole("heading", { name: ending.reveal.title }).waitFor();
    await ann.getByRole("heading", { name: ending.record.title }).waitFor();
    expect(await seriousViolations(ann), "the ending").toEqual([]);

    expect(foreignRequests(devices, server.url)).toEqual([]);
    // no content-policy refusals and no uncaught errors (a missing favicon is not ours to judge)
    const errors = devices.flatMap((d) => d.consoleErrors).filter((e) => !/Failed to load resource/.test(e));
    expect(errors).toEqual([]);
    await ben.leave();
    await host.leave();
    console.log(`[figure] play e2e: four roles through a day and an appeal in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
