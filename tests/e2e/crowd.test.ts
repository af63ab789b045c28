/**
 * The console's answers to a crowded room, in real Chromium against a real server: "Clear unused
 * seats" frees the seats nobody is connected to (a student who left), "Close all boards" closes
 * the projector's board, which then says why — in English and in Simplified Chinese.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { describeBrowser, launchChromium, newDevice } from "../support/browser.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinPlayer } from "../support/clients.ts";
import { roomSession } from "../support/views.ts";
import { stringTable } from "../support/strings.ts";

type Tables = typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/host.json");
const en = stringTable("en") as Tables;
const zh = stringTable("zh") as Tables;

let server: TestServer;
let browser: Browser;

describeBrowser("a crowded room, from the console", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [lang, strings, locale] of [["en", en, "en-GB"], ["zh", zh, "zh-CN"]] as const) {
    it(`clears unused seats and closes every board (${lang})`, async () => {
      const host = await newDevice(browser, { locale });
      const page = host.page;
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${server.url}/host`);
      await page.getByRole("button", { name: strings.host.create }).click();
      await page.locator("#session-code").waitFor();
      const code = (await page.locator("#session-code").textContent())!.trim();

      // the projector's board, and two students: one stays, one closes their page
      const projector = await newDevice(browser, { locale });
      await projector.page.goto(`${server.url}/board/${code}`);
      const stays = await joinPlayer(server.url, code, "Ann");
      await stays.welcome;
      const leaves = await joinPlayer(server.url, code, "Bo");
      await leaves.welcome;
      await leaves.room.leave();
      await expect.poll(() => page.locator("#players td.name").allTextContents()).toEqual(["Ann", "Bo"]);

      await page.getByRole("button", { name: strings.host.clearUnused }).click();
      await expect.poll(() => page.locator("#players td.name").allTextContents()).toEqual(["Ann"]);
      expect(await page.locator("#host-status").textContent()).toBe(strings.host.unusedCleared);
      expect(Object.values(roomSession(code).lobby.seats).map((s) => s.nickname)).toEqual(["Ann"]);

      await until(() => projector.requests.some((url) => url.startsWith("ws")), "the board's connection");
      await page.getByRole("button", { name: strings.host.removeBoards }).click();
      await expect.poll(() => projector.page.locator("#board-error").textContent()).toBe(strings.reason.board_removed);
      expect(await page.locator("#host-status").textContent()).toBe(strings.host.boardsRemoved);
      expect(stays.room.connection.isOpen).toBe(true);
      await projector.context.close();
      await host.context.close();
    });
  }
});
