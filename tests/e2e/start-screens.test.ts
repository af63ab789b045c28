/**
 * The two start screens offer "Create" only once there is something to create: the session console
 * once its scenario list has come, the event console once its sets and scenarios have. Before,
 * a click in that moment was lost on the session console (nothing was chosen yet) and answered
 * "choose a file" on the event console; on a busy machine a test clicked there and waited in vain.
 * The lists are held back here (the real server answers them when the test lets it) to make that
 * moment last.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, launchChromium, newDevice } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/host.json") & typeof import("../../assets/strings/en/event.json");

let server: TestServer;
let browser: Browser;

/** Holds the page's requests to `pattern` until `release` is called; then the server answers them. */
async function holdBack(page: Page, pattern: string): Promise<{ release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return { release };
}

describeBrowser("the start screens", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the session console offers Create once its scenario list has come, then creates the session", async () => {
    const { page, context } = await newDevice(browser);
    const list = await holdBack(page, "**/api/scenarios");
    await page.goto(`${server.url}/host`);
    const create = page.getByRole("button", { name: en.host.create });
    await create.waitFor();
    expect(await create.isDisabled()).toBe(true);
    list.release();
    await create.click(); // waits until it is enabled
    await page.locator("#session-code").waitFor();
    expect((await page.locator("#session-code").textContent())!.trim()).toMatch(/^[A-Z0-9]{4,}$/);
    await context.close();
  });

  it("the event console offers Create once its sets and scenarios have come, then creates the event", async () => {
    const { page, context } = await newDevice(browser);
    const list = await holdBack(page, "**/api/scenarios");
    await page.goto(`${server.url}/event`);
    const create = page.getByRole("button", { name: en.event.create });
    await create.waitFor();
    expect(await create.isDisabled()).toBe(true);
    list.release();
    await create.click();
    await expect.poll(() => page.locator("#event-code").textContent()).toMatch(/^[A-Z0-9]{4,}$/);
    expect(await page.locator("#create-error").textContent()).toBe("");
    await context.close();
  });
});
