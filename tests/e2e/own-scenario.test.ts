/** The host console creates a session from the facilitator's own scenario file, and lists every problem of a broken one. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, tempDir, until, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import { stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/host.json");

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeBrowser("the facilitator's own scenario", () => {
  it("lists a broken file's problems by field, then creates a session from a good one", async () => {
    const demo = JSON.parse(readFileSync(join(ROOT, "assets/scenarios/quick-demo.json"), "utf8")) as Record<string, unknown>;
    const dir = tempDir("gs-own-");
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ ...demo, id: "our-school", grades: "x", colour: "red" }));
    writeFileSync(join(dir, "notes.json"), "this is not json");
    writeFileSync(join(dir, "our-school.json"), JSON.stringify({ ...demo, id: "our-school", default: false }));

    const device = await newDevice(browser);
    const { page } = device;
    await page.goto(`${server.url}/host`);
    const picker = page.getByLabel(en.host.ownScenario);
    const create = page.getByRole("button", { name: en.host.create });

    await picker.setInputFiles(join(dir, "notes.json"));
    await create.click();
    await expect.poll(() => page.locator("#create-problems li").allTextContents()).toEqual(["notes.json is not a JSON file."]);

    await picker.setInputFiles(join(dir, "broken.json"));
    await create.click();
    await expect.poll(() => page.locator("#create-problems li").allTextContents()).toContain("colour: unknown field");
    expect(await page.locator("#create-error").textContent()).toBe(en.reason.invalid_scenario);
    const problems = await page.locator("#create-problems li").allTextContents();
    expect(problems.some((p) => p.startsWith("grades: ")), problems.join("\n")).toBe(true);
    expect(problems).toContain("colour: unknown field");
    expect(await seriousViolations(page), "start screen with problems").toEqual([]);

    await picker.setInputFiles(join(dir, "our-school.json"));
    await create.click();
    await page.locator("#session-code").waitFor();
    const code = (await page.locator("#session-code").textContent())!.trim();
    await until(() => roomSession(code).game.scenario.id === "our-school", "the session to play the uploaded scenario");
    expect(foreignRequests([device], server.url)).toEqual([]);
  });
});
