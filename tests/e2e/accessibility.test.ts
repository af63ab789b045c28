/**
 * axe in real Chromium on every page that exists so far: no serious or critical violations on
 * the join page (empty, with an error, and in the lobby), the host console (start and a live
 * lobby) and the board. Also: the join flow works from the keyboard alone.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { describeBrowser, launchChromium, newDevice } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { joinPlayer } from "../support/clients.ts";
import { stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/host.json");

let server: TestServer;
let browser: Browser;


describeBrowser("accessibility", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the join page, the host console and the board have no serious or critical axe violations", async () => {
    const { page } = await newDevice(browser);
    await page.goto(`${server.url}/`);
    await page.getByRole("button", { name: en.join.submit }).waitFor();
    expect(await seriousViolations(page), "join page").toEqual([]);

    await page.getByLabel(en.join.code).fill("ZZ");
    await page.getByRole("button", { name: en.join.submit }).click();
    await expect.poll(() => page.locator("#join-error").textContent()).toBe(en.reason.bad_code);
    expect(await seriousViolations(page), "join page with an error").toEqual([]);

    const host = (await newDevice(browser)).page;
    await host.goto(`${server.url}/host`);
    await host.getByRole("button", { name: en.host.create }).waitFor();
    expect(await seriousViolations(host), "host console, start").toEqual([]);
    await host.getByRole("button", { name: en.host.create }).click();
    await host.locator("#session-code").waitFor();
    const code = (await host.locator("#session-code").textContent())!.trim();
    await joinPlayer(server.url, code, "Ann");
    await host.locator("#players td.name").first().waitFor();
    expect(await seriousViolations(host), "host console, live lobby").toEqual([]);

    const board = (await newDevice(browser)).page;
    await board.goto(`${server.url}/board/${code}`);
    await board.locator("#board-names li").first().waitFor();
    expect(await seriousViolations(board), "board").toEqual([]);

    // keyboard only: a student joins without touching the mouse
    await page.goto(`${server.url}/join/${code}`);
    await page.getByLabel(en.join.nickname).waitFor();
    await page.keyboard.type("Keyboard Kid");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: en.join.inTitle }).waitFor();
    expect(await seriousViolations(page), "join page, in the lobby").toEqual([]);
  });
});
