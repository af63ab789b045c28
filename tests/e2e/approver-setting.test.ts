/**
 * The console's "name the approver on residents' records" checkbox in real Chromium: on by
 * default, gentle mode turns it off (the facilitator may turn it back on), and the session is
 * created with what the page showed.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { describeBrowser, launchChromium, newDevice } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import { stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/host.json");
const zh = stringTable("zh") as typeof import("../../assets/strings/zh/host.json");

let server: TestServer;
let browser: Browser;

describeBrowser("naming the approver, chosen in the console", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is on by default, follows gentle mode, and reaches the session", async () => {
    const created: boolean[] = [];
    for (const gentle of [false, true]) {
      const { page } = await newDevice(browser);
      await page.goto(`${server.url}/host`);
      const approver = page.getByRole("checkbox", { name: en.host.showApprover });
      expect(await approver.isChecked()).toBe(true);
      if (gentle) {
        await page.getByRole("checkbox", { name: en.host.gentle }).check();
        expect(await approver.isChecked(), "gentle mode turns it off").toBe(false);
      }
      await page.getByRole("button", { name: en.host.create }).click();
      await page.locator("#session-code").waitFor();
      const code = (await page.locator("#session-code").textContent())!.trim();
      created.push(roomSession(code).game.settings.showApprover);
      await page.context().close();
    }
    expect(created).toEqual([true, false]);
  }, 60_000);

  it("is labelled in Chinese", async () => {
    const { page } = await newDevice(browser, { locale: "zh-CN" });
    await page.goto(`${server.url}/host`);
    await page.getByRole("checkbox", { name: zh.host.showApprover }).waitFor();
    await page.context().close();
  }, 30_000);
});
