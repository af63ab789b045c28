/**
 * The event's comparative debrief in real Chromium against a real server: an event of the
 * `quick-three` streets over the quick demo with half-hour phases (so only the test moves the
 * clock) is created through the API; in each neighbourhood the event's commands add a different
 * number of bots, balance the roles, start, end each phase of day 1 and day 2 up to the evening
 * (the day's end waits for the bots' first deeds) and end the game. Then the page, opened with
 * only the event's host token on the device: every neighbourhood's figures in the side-by-side
 * table equal those computed from its own debrief log, a comparison question names two
 * neighbourhoods, each neighbourhood's own debrief is linked (its token kept on the device), the
 * names switch, the whole event's export holds every neighbourhood's log, the page in Chinese (no English left),
 * axe clean in both languages, no request to another host; a device without the event's key is
 * told so. One step per `it`, sharing state.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { fill, stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";
import type { DebriefLog, EventCommandReply, EventExport, EventFigures, EventInfo } from "../../shared/protocol/http.ts";
import { compareStreets, type StreetFigures } from "../../shared/district/compare.ts";

type Strings = typeof import("../../assets/strings/en/eventDebrief.json");
const en = stringTable("en") as Strings;
const zh = stringTable("zh") as Strings;
const quickThree = JSON.parse(readFileSync(join(ROOT, "assets/variants/quick-three.json"), "utf8")) as { base: string; variants: { name: { en: string; zh: string } }[] };

let server: TestServer;
let browser: Browser;
let host: Device;
let page: Page;
let eventCode = "";
let eventToken = "";
let info: EventInfo;
/** Each neighbourhood's figures, computed here from its own debrief log (pseudonyms). */
let streets: StreetFigures[] = [];
/** The grades' Chinese labels (Latin letters, as in English). */
let grades: string[] = [];
let commandCount = 0;

beforeAll(async () => {
  server = await startTestServer({ BOT_THINK_MS: "50" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

/** One host command through the event, to the neighbourhoods named (all by default): every one must accept it. */
async function command(kind: string, payload: Record<string, unknown> = {}, to?: string[]): Promise<void> {
  const reply = await api<EventCommandReply>(`/api/events/${eventCode}/command`, { command: { id: `ed${++commandCount}`, kind, ...payload }, ...(to ? { to } : {}) });
  for (const r of reply.results) expect(r.reply, `${kind} in ${r.code}`).toMatchObject({ ok: true });
}

const figures = async () => (await api<EventFigures>(`/api/events/${eventCode}/figures`)).neighbourhoods;

async function shoot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-1366x768.png`, fullPage: true });
}

describeBrowser("the event debrief", () => {
  it("creates an event of the quick-three streets over the quick demo with long phases", async () => {
    const response = await fetch(`${server.url}/api/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ variants: { ...quickThree, base: "quick-demo-slow" } }),
    });
    expect(response.status).toBe(201);
    ({ code: eventCode, hostToken: eventToken } = (await response.json()) as { code: string; hostToken: string });
    info = await api<EventInfo>(`/api/events/${eventCode}`);
    expect(info.neighbourhoods.map((n) => n.name.en)).toEqual(quickThree.variants.map((v) => v.name.en));
  });

  it("plays a short game in each neighbourhood through the event's commands", async () => {
    const codes = info.neighbourhoods.map((n) => n.code);
    // a different class size in each street, so the streets differ even where the bots play alike
    for (const [i, code] of codes.entries()) await command("add_bot", { count: 5 + i }, [code]);
    await command("auto_balance");
    await command("start");
    const ends = [["morning", 1], ["day", 1], ["evening", 1], ["night", 1], ["morning", 2], ["day", 2], ["evening", 2]] as const;
    for (const [phase, day] of ends) {
      for (const code of codes) {
        await until(async () => (await figures()).find((n) => n.code === code)?.figures?.phase === phase, `${code} in the ${phase} of day ${day}`);
        if (phase === "day") {
          await until(async () => (await server.events(code)).some((e) => (e.data as { type: string; occurrence?: { day: number } }).type === "deed_done" && (e.data as { occurrence: { day: number } }).occurrence.day === day), `a deed in ${code} on day ${day}`);
        }
        await command("advance", { from: { day, phase } }, [code]);
      }
    }
    await command("end");
    await until(async () => (await figures()).every((n) => n.figures?.phase === "ended"), "every game ended");
    const logs = await Promise.all(info.neighbourhoods.map(async (n) => ({ n, reply: await api<DebriefLog>(`/api/sessions/${n.code}/debrief`, undefined, n.hostToken) })));
    streets = compareStreets(logs.map(({ n, reply }) => ({ code: n.code, name: n.name, log: reply.log })));
    grades = streets[0]!.grades.map((g) => g.label.zh);
    expect(streets.map((s) => s.players)).toEqual([5, 6, 7]);
    expect(streets.every((s) => s.ended && s.truth.deeds > 0)).toBe(true);
  });

  it("shows every neighbourhood's figures side by side, as its own log gives them", async () => {
    host = await newDevice(browser);
    page = host.page;
    const token = { code: eventCode, record: { hostToken: eventToken, title: info.title, createdAt: info.createdAt } };
    await page.addInitScript((t) => localStorage.setItem(`gs.event.${t.code}`, JSON.stringify(t.record)), token);
    await page.goto(`${server.url}/event/${eventCode}/debrief`);
    await page.locator("body[data-ready='true']").waitFor();
    await expect.poll(() => page.locator("#event-debrief-status").textContent()).toBe(fill(en.eventDebrief.loaded, { count: 3 }));
    const heads = await page.locator("#side-by-side thead th[data-code]").allTextContents();
    expect(heads).toEqual(info.neighbourhoods.map((n) => n.name.en));
    const row = (label: string) => page.locator("#side-by-side tbody tr", { has: page.locator("th", { hasText: label }) }).first().locator("td").allTextContents();
    expect(await row(en.eventDebrief.figure.players)).toEqual(streets.map((s) => fill(en.eventDebrief.table.playersBots, { players: s.players, bots: s.bots })));
    expect(await row(en.eventDebrief.figure.entries)).toEqual(streets.map((s) => String(s.truth.entries)));
    expect(await row(en.eventDebrief.figure.appealsFiled)).toEqual(streets.map((s) => String(s.appeals.filed)));
    expect(await row(en.eventDebrief.figure.averageScore)).toEqual(streets.map((s) => String(s.scores.average)));
    // truth vs record, one card per street
    for (const s of streets) await expect.poll(() => page.locator(`.truth-street[data-code="${s.code}"] p`).first().textContent()).toContain(fill(en.eventDebrief.truth[s.truth.deeds === 1 ? "deeds_one" : "deeds_other"], { count: s.truth.deeds, recorded: s.truth.recorded }));
    // charts on one scale, with their tables
    await page.locator("#section-charts[data-drawn='true']").waitFor();
    expect(await page.locator("#ed-chart-listed-table tbody tr").count()).toBe(3);
    await shoot("event-debrief-en");
  });

  it("asks at least one question that names two neighbourhoods", async () => {
    const prompts = page.locator("#compare-prompts li");
    expect(await prompts.count()).toBeGreaterThan(0);
    const named = await prompts.evaluateAll((items) => items.map((li) => ({ streets: (li.getAttribute("data-streets") ?? "").split(" ").filter(Boolean), text: li.querySelector("p")?.textContent ?? "" })));
    const pairs = named.filter((p) => p.streets.length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      const [a, b] = p.streets.map((code) => info.neighbourhoods.find((n) => n.code === code)!.name.en);
      expect(p.text).toContain(a);
      expect(p.text).toContain(b);
      expect(a).not.toBe(b);
    }
    // one shown large for the projector, then back to the list
    await prompts.first().getByRole("button", { name: en.eventDebrief.prompt.pin }).click();
    await expect.poll(() => page.locator(".prompt-large p").textContent()).toBe(named[0]!.text);
    await page.getByRole("button", { name: en.eventDebrief.prompt.unpin }).click();
    await page.locator(".prompt-large").waitFor({ state: "hidden" });
  });

  it("links each neighbourhood's own debrief, its host token kept on this device", async () => {
    for (const n of info.neighbourhoods) {
      expect(await page.locator(`a[data-debrief="${n.code}"]`).getAttribute("href")).toBe(`/debrief/${n.code}`);
      const kept = await page.evaluate((code) => localStorage.getItem(`gs.host.${code}`), n.code);
      expect(JSON.parse(kept ?? "{}")).toMatchObject({ hostToken: n.hostToken });
    }
    const first = info.neighbourhoods[0]!;
    await page.locator(`a[data-debrief="${first.code}"]`).click();
    await page.waitForURL(`**/debrief/${first.code}`);
    await page.locator("body[data-ready='true']").waitFor();
    await page.goBack();
    await page.locator("body[data-ready='true']").waitFor();
  });

  it("shows names at one click, and back to pseudonyms", async () => {
    await page.locator("#names-toggle").click();
    await expect.poll(() => page.locator("#names-state").textContent()).toBe(en.eventDebrief.names.showingNames);
    await page.locator("body[data-ready='true']").waitFor();
    await page.locator("#names-toggle").click();
    await expect.poll(() => page.locator("#names-state").textContent()).toBe(en.eventDebrief.names.showingPseudonyms);
    await page.locator("body[data-ready='true']").waitFor();
  });

  it("downloads the whole event: every neighbourhood's log", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-event").click()]);
    const file = JSON.parse(readFileSync((await download.path())!, "utf8")) as EventExport;
    expect(file.format).toBe("good-standing-event");
    expect(file.code).toBe(eventCode);
    expect(file.anonymised).toBe(true);
    expect(file.neighbourhoods.map((n) => n.code)).toEqual(info.neighbourhoods.map((n) => n.code));
    for (const n of file.neighbourhoods) {
      expect(n.log[0]!.event.type).toBe("session_opened");
      expect(n.log.some((x) => x.event.type === "game_ended")).toBe(true);
      expect(n.log.filter((x) => x.event.type === "deed_done").length).toBe(streets.find((s) => s.code === n.code)!.truth.deeds);
    }
    await expect.poll(() => page.locator("#export-status").textContent()).toBe(fill(en.eventDebrief.export.done, { file: download.suggestedFilename() }));
    // and one neighbourhood's own log, with its own token
    const own = info.neighbourhoods[1]!;
    const [single] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-export="${own.code}-export.json"]`).click()]);
    expect(single.suggestedFilename()).toContain(own.code);
  });

  it("is axe clean, and talks to no other host", async () => {
    expect(await seriousViolations(page)).toEqual([]);
    expect(foreignRequests([host], server.url)).toEqual([]);
  });

  it("reads in Chinese, axe clean", async () => {
    await page.selectOption("#lang", "zh");
    await expect.poll(() => page.locator("h1").textContent()).toContain(zh.eventDebrief.title);
    expect(await page.locator("#side-by-side thead th[data-code]").allTextContents()).toEqual(info.neighbourhoods.map((n) => n.name.zh));
    const texts = await page.locator("#compare-prompts li p").allTextContents();
    expect(texts.some((text) => info.neighbourhoods.filter((n) => text.includes(n.name.zh)).length === 2)).toBe(true);
    expect(texts.join(" ")).not.toMatch(/eventDebrief\.|{{/);
    // no English left: codes, file formats and grade labels (the same in both languages) aside
    let rest = (await page.locator("main").innerText()).replace(/\b(JSON|CSV)\b/g, " ");
    for (const code of [eventCode, ...info.neighbourhoods.map((n) => n.code)]) rest = rest.replaceAll(code, " ");
    for (const grade of grades.sort((a, b) => b.length - a.length)) rest = rest.replaceAll(grade, " ");
    expect(rest.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    await page.locator("#section-charts[data-drawn='true']").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot("event-debrief-zh");
    await page.selectOption("#lang", "en");
  });

  it("says so on a device without the event's host key", async () => {
    const other = await newDevice(browser);
    await other.page.goto(`${server.url}/event/${eventCode}/debrief`);
    await expect.poll(() => other.page.locator("#event-debrief-status").textContent()).toBe(fill(en.eventDebrief.noToken, { code: eventCode }));
    expect(await other.page.locator("#side-by-side").count()).toBe(0);
    await other.context.close();
  });
});
