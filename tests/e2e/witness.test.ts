/**
 * Hearsay can be checked (issue 12, part 5), in real Chromium through the pages: the official
 * asks a resident for a witness statement about a hearsay entry; the request card reaches that
 * resident's play screen ("did you see Ben — spread a rumour — on day 1?"), the resident answers,
 * and the answer appears beside the entry on the official's screen. The official also checks the
 * footage. axe on both screens; no request to any other host.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinByLink, phaseShown, seatsByName } from "../support/players.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { sendOk } from "../support/script.ts";
import { fill, stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/play.json");
const zh = stringTable("zh") as typeof en;
const p = en.play;
const scenario = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/rongcheng-pilot.json"), "utf8")) as { deeds: { id: string; label: { en: string; zh: string } }[] };
const deed = (id: string, lang: "en" | "zh" = "en") => scenario.deeds.find((d) => d.id === id)!.label[lang];

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];

async function joinAs(nickname: string, code: string): Promise<Page> {
  const device = await newDevice(browser);
  devices.push(device);
  const { page } = device;
  await page.setViewportSize({ width: 390, height: 844 });
  await joinByLink(page, server.url, code, nickname);
  return page;
}

describeBrowser("witness statements on the play screen", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a statement request reaches another player and the answer reaches the official", { timeout: 120_000 }, async () => {
    const { code, hostToken } = await server.createSession("pilot-slow"); // phases only the test ends
    const host = (await joinHost(server.url, code, hostToken)).room;
    const olu = await joinAs("Olu", code);
    const cai = await joinAs("Cai", code);
    const wen = (await joinPlayer(server.url, code, "Wen")).room;
    const ann = (await joinPlayer(server.url, code, "Ann")).room;
    const ben = (await joinPlayer(server.url, code, "Ben")).room;
    await expect.poll(() => Object.keys(seatsByName(host)).length).toBe(5);
    const seat = seatsByName(host);
    const roles = { Olu: "official", Cai: "resident", Wen: "watcher", Ann: "resident", Ben: "resident" };
    for (const [name, role] of Object.entries(roles)) await sendOk(host, { kind: "assign_role", seatId: seat[name], role });
    await sendOk(host, { kind: "start" });
    await sendOk(host, { kind: "advance" });
    await phaseShown([olu, cai], p.phase.day);
    // the watcher writes hearsay: Ben spread a rumour (he did not)
    await sendOk(wen, { kind: "write_entry", subject: seat.Ben, deed: "spread_rumour", basis: "hearsay" });
    await sendOk(host, { kind: "advance" });
    await phaseShown([olu, cai], p.phase.evening);

    // the official asks Cai for a statement, beside the entry in the review queue
    const item = olu.locator(".queue-item", { hasText: fill(p.review.about, { name: "Ben", deed: deed("spread_rumour") }) });
    await item.getByLabel(p.evidence.witnessLabel).selectOption({ label: "Cai" });
    await item.getByRole("button", { name: fill(p.evidence.askLabel, { name: "Ben", deed: deed("spread_rumour") }) }).click();
    await item.getByText(fill(p.evidence.waiting, { witness: "Cai" })).waitFor();
    // Cai can't be asked twice: the choice no longer offers them
    await expect.poll(() => item.getByLabel(p.evidence.witnessLabel).locator("option", { hasText: "Cai" }).count()).toBe(0);

    // the request card is on Cai's play screen, above the tabs
    const question = fill(p.request.question, { name: "Ben", deed: deed("spread_rumour"), day: 1 });
    const card = cai.getByRole("group", { name: question });
    await card.waitFor();
    // a screen reader hears once that a question arrived
    await expect.poll(() => cai.locator(".play-notices [aria-live]", { hasText: p.request.arrived }).count()).toBe(1);
    expect(await seriousViolations(cai), "the witness's screen with a request").toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await cai.screenshot({ path: join(SCREENSHOTS, "witness-request-390x844.png") });
    // in Chinese too
    await cai.getByLabel(en.app.language).selectOption("zh");
    await cai.getByText(fill(zh.play.request.question, { name: "Ben", deed: deed("spread_rumour", "zh"), day: 1 })).waitFor();
    await cai.getByLabel(zh.app.language).selectOption("en");
    await card.waitFor();
    await card.getByRole("button", { name: fill(p.request.answerLabel, { answer: p.request.did_not, name: "Ben", deed: deed("spread_rumour"), day: 1 }) }).click();
    await cai.getByText(fill(p.request.answered, { name: "Ben", deed: deed("spread_rumour"), day: 1, answer: p.request.did_not })).waitFor();
    await card.waitFor({ state: "detached" });

    // the answer reaches the official beside the entry
    await item.getByText(fill(p.evidence.answer.did_not, { witness: "Cai" })).waitFor();
    // and the footage: no camera in the park or anywhere it could have been seen
    await item.getByRole("button", { name: fill(p.evidence.footageLabel, { name: "Ben", deed: deed("spread_rumour") }) }).click();
    await item.getByText(p.evidence.shows.no_footage).waitFor();
    expect(await seriousViolations(olu), "the official's screen with evidence").toEqual([]);
    await item.screenshot({ path: join(SCREENSHOTS, "witness-evidence-390.png") });

    expect(foreignRequests(devices, server.url)).toEqual([]);
    const errors = devices.flatMap((d) => d.consoleErrors).filter((e) => !/Failed to load resource/.test(e));
    expect(errors).toEqual([]);
    for (const room of [wen, ann, ben, host]) await room.leave();
  });
});
