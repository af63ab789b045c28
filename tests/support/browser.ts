/**
 * Real Chromium for page tests: Debian's /usr/bin/chromium driven by playwright-core. Without
 * Chromium the browser tests are skipped with a message — except in CI (CI is set), where they
 * must run and a missing browser fails them.
 */
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";
import { existsSync } from "node:fs";
import { describe } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Where browser tests save screenshots (artifacts, git-ignored). */
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM_PATH);

if (!available && !process.env.CI) {
  console.warn(`\n[browser tests skipped] no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (CI runs them always).\n`);
}

/** `describe` for browser tests: skipped only when there is no Chromium and we are not in CI. */
export const describeBrowser = available || process.env.CI ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * A fresh browser profile (its own storage, like a separate device) that records every request
 * and WebSocket its pages open, and every console error, so tests can check that no page talks
 * to another host and nothing breaks the content policy.
 */
export type Device = { context: BrowserContext; page: Page; requests: string[]; consoleErrors: string[] };

export async function newDevice(browser: Browser, options: { locale?: string } = {}): Promise<Device> {
  const context = await browser.newContext({ locale: options.locale ?? "en-GB" });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  // how long an action or a wait may take to find its condition: generous, for a machine running two suites at once
  page.setDefaultTimeout(30_000);
  page.on("websocket", (ws) => requests.push(ws.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("dialog", (dialog) => void dialog.accept());
  return { context, page, requests, consoleErrors };
}

/** Every URL that is neither the app's own origin (http or ws) nor inline data. */
export function foreignRequests(devices: Device[], origin: string): string[] {
  const own = new URL(origin);
  return devices
    .flatMap((d) => d.requests)
    .filter((url) => {
      if (url.startsWith("data:") || url.startsWith("blob:")) return false;
      const u = new URL(url);
      return u.host !== own.host;
    });
}
