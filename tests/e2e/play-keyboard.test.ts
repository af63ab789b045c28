/**
 * The play screen from the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows; no mouse): a
 * resident joins, does an action in the town, and after the night files an appeal against the
 * entry a watcher wrote about it. The watcher, the official and the facilitator are raw clients.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { seatsByName } from "../support/players.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { receivedPrivate } from "../support/views.ts";
import { stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/play.json");
const p = en.play;
const scenario = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")) as { deeds: { id: string; label: { en: string } }[] };
const deed = (id: string) => scenario.deeds.find((d) => d.id === id)!.label.en;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));

let server: TestServer;
let browser: Browser;

/** What the focused element is called: its aria-label, else its label or text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labelled = el.getAttribute("aria-label");
    if (labelled) return labelled;
    const input = el as HTMLInputElement;
    if (input.labels && input.labels.length) return input.labels[0]!.textContent ?? "";
    return (el.textContent ?? "").trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element has this name. */
async function tabTo(page: Page, name: string, key: "Tab" | "Shift+Tab" = "Tab", max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached “${name}” (stopped on “${await focusedName(page)}”)`);
}

type Own = { observations?: { id: string; actor: string; deed: string }[]; myEntries?: { id: string }[]; journal?: { id: string; status: string }[] };
const own = (room: Room, seat: string) => (receivedPrivate(room)[seat] ?? {}) as Own;

describeBrowser("the play screen from the keyboard", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a resident acts and appeals without a mouse", { timeout: 90_000 }, async () => {
    const started = Date.now();
    const { code, hostToken } = await server.createSession("pilot-slow"); // phases only the test ends
    const host = (await joinHost(server.url, code, hostToken)).room;
    const device: Device = await newDevice(browser);
    const { page } = device;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/join/${code}`);
    // the code came with the link, so the nickname field has focus
    await expect.poll(() => focusedName(page)).toBe(en.join.nickname);
    await page.keyboard.type("Kim");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: en.join.inTitle }).waitFor();

    const wes = (await joinPlayer(server.url, code, "Wes")).room;
    const olu = (await joinPlayer(server.url, code, "Olu")).room;
    const ben = (await joinPlayer(server.url, code, "Ben")).room;
    await expect.poll(() => Object.keys(seatsByName(host)).length).toBe(4);
    const seat = seatsByName(host);
    for (const [name, role] of Object.entries({ Kim: "resident", Ben: "resident", Wes: "watcher", Olu: "official" })) {
      await sendOk(host, { kind: "assign_role", seatId: seat[name], role });
    }
    await sendOk(host, { kind: "start" });
    await sendOk(host, { kind: "advance" });
    await expect.poll(() => page.locator(".play-status .phase").textContent()).toBe(p.phase.day);

    // loud music at home, where the watcher stands
    await tabTo(page, `${p.town.do}: ${deed("loud_music")}`);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".stat-wellbeing dd").textContent()).toBe(fill(p.stats.of, { value: 7, max: 10 }));
    await expect.poll(() => page.locator(".stat-ap dd").textContent()).toBe(fill(p.stats.of, { value: 2, max: 3 }));
    // focus stayed on the action (now done for today, still readable)
    expect(await focusedName(page)).toBe(`${p.town.do}: ${deed("loud_music")}`);

    await until(() => (own(wes, seat.Wes!).observations ?? []).some((o) => o.actor === seat.Kim && o.deed === "loud_music"), "the watcher seeing it");
    const seen = own(wes, seat.Wes!).observations!.find((o) => o.actor === seat.Kim)!;
    await sendOk(wes, { kind: "write_entry", subject: seat.Kim, deed: "loud_music", basis: "witnessed", occurrence: seen.id });
    await sendOk(host, { kind: "advance" });
    await until(() => (own(olu, seat.Olu!).journal ?? []).length > 0, "the entry in the official's queue");
    const entry = own(olu, seat.Olu!).journal![0]!;
    await sendOk(olu, { kind: "review", entry: entry.id, decision: "approve" });
    await sendOk(host, { kind: "advance" });
    await expect.poll(() => page.locator(".play-status .phase").textContent()).toBe(p.phase.night);

    // to the Record tab with the arrow keys, then into it
    await tabTo(page, p.tabs.town, "Shift+Tab");
    await page.keyboard.press("ArrowRight");
    expect(await focusedName(page)).toBe(p.tabs.record);
    const appeal = fill(p.record.appealLabel, { deed: deed("loud_music"), day: 1 });
    await tabTo(page, appeal);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: p.appeal.title });
    await dialog.waitFor();
    // the first reason has focus: Space chooses it; Tab to the evidence group, an arrow picks the camera
    expect(await focusedName(page)).toBe(p.appeal.reason.did_not_happen);
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe(p.appeal.evidence.none);
    await page.keyboard.press("ArrowDown");
    expect(await focusedName(page)).toBe(p.appeal.evidence.camera);
    await tabTo(page, p.appeal.submit);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page.locator(".appeals li", { hasText: fill(p.record.appealLine, { deed: deed("loud_music"), day: 1, reason: p.appeal.reason.did_not_happen }) }).waitFor();
    // focus came back to the entry, which now says it was appealed
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-key") ?? "")).toMatch(/^record:/);

    expect(foreignRequests([device], server.url)).toEqual([]);
    for (const room of [wes, olu, ben, host]) await room.leave();
    console.log(`[figure] play keyboard e2e: act and appeal by keyboard in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
