/**
 * The scenario lab in real Chromium, reached from the host console: open the quick demo, play
 * 100 games in the page's worker and keep them as the baseline; change the cosigner penalty and
 * two grade thresholds, play again and see the measures beside the baseline's; a stopped run
 * keeps the figures of the games played. The worker's figures equal the command-line
 * simulator's on the saved file for the same seed, size and mix (`npm run simulate -- --file`).
 * The saved file creates a session whose rulebook on the console shows the new numbers. axe on
 * the page, in both languages, and no request to any other host.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, tempDir, until, type TestServer } from "../support/server.ts";
import { roomSession } from "../support/views.ts";
import { fill, stringTable } from "../support/strings.ts";
import { ROOT } from "../../server/clientBuild.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") &
  typeof import("../../assets/strings/en/host.json") &
  typeof import("../../assets/strings/en/lab.json");
const zh = stringTable("zh") as typeof en;
const lab = en.lab;
const SEED = 7;
const GAMES = 100;

let server: TestServer;
let browser: Browser;
let device: Device;
let page: Page;
let saved: string;
/** Each measure row's exact value, as the page holds it after the second run. */
let shown: Record<string, string>;

/** The exact values of the measures table, by row. */
const measures = (p: Page) =>
  p.locator(".lab-measures tbody tr").evaluateAll((rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.measure!, (r as HTMLElement).dataset.value!])));

async function playTheGames(): Promise<void> {
  await page.getByRole("button", { name: lab.run.go }).click();
  // "100 games played in 4.2 s." (the progress line, "100 of 100 games played.", comes before it)
  const done = new RegExp(`^${fill(lab.run.done, { games: GAMES, seconds: "SECONDS" }).replace(/[.]/g, "\\.").replace("SECONDS", "[\\d.]+")}$`);
  await expect.poll(() => page.locator("#lab-run-status").textContent(), { timeout: 110_000 }).toMatch(done);
}

async function setNumber(label: string, value: number): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(String(value));
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  device = await newDevice(browser);
  page = device.page;
  await page.setViewportSize({ width: 1366, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeBrowser("the scenario lab", () => {
  it("opens from the host console with a scenario of the server, and plays 100 games in its worker", async () => {
    await page.goto(`${server.url}/host`);
    await page.getByRole("link", { name: en.host.openLab }).click();
    await page.getByRole("heading", { name: lab.title, level: 1 }).waitFor();
    await page.getByLabel(lab.source.builtIn).selectOption("quick-demo");
    await page.getByText(fill(lab.source.loaded, { title: "Quick demo" })).waitFor();
    await setNumber(lab.run.games, GAMES);
    await setNumber(lab.run.players, 24);
    await setNumber(lab.run.seed, SEED);
    await page.getByLabel(lab.run.mix).selectOption("class");
    await playTheGames();
    expect(Object.keys(await measures(page)).length).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-chart="grades"] li').count()).toBe(6);
    await page.getByRole("button", { name: lab.compare.keep }).click();
    await page.getByText(lab.compare.kept).waitFor();
    expect(await seriousViolations(page), "the lab with figures").toEqual([]);
  });

  it("changing the cosigner penalty and the grade thresholds moves the measures against the baseline", async () => {
    const baseline = await measures(page);
    await setNumber(en.lab.field.cosignerPoints, -150);
    await setNumber(fill(lab.field.gradeMin, { grade: "AA" }), 1002);
    await setNumber(fill(lab.field.gradeMin, { grade: "A" }), 999);
    // a threshold above the grade above it is refused beside its field, and nothing can be played
    await setNumber(fill(lab.field.gradeMin, { grade: "B" }), 2000);
    const bField = page.locator('.lab-field[data-path="grades[3].min"]');
    await expect.poll(() => bField.locator(".problem").textContent()).not.toBe("");
    expect(await bField.locator("input").getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByRole("button", { name: lab.save.download }).isDisabled()).toBe(true);
    await setNumber(fill(lab.field.gradeMin, { grade: "B" }), 940);
    await expect.poll(() => bField.locator(".problem").textContent()).toBe("");
    await expect.poll(() => page.getByRole("button", { name: lab.save.download }).isEnabled()).toBe(true);

    await playTheGames();
    shown = await measures(page);
    // the baseline's column and the change, row by row
    await expect.poll(() => page.locator(".lab-measures thead th").allTextContents()).toContain(lab.results.baseline);
    const moved = Object.keys(shown).filter((name) => shown[name] !== baseline[name]);
    expect(moved.length, "measures that moved").toBeGreaterThan(0);
    expect(moved).toContain("perk_grade_share"); // AA and A are easier to reach now
    const changes = await page.locator("#lab-changes li").allTextContents();
    expect(changes.some((c) => c.startsWith(`${lab.field.cosignerPoints}: -40 → -150`)), changes.join("\n")).toBe(true);
    expect(changes.some((c) => c.startsWith(`${fill(lab.field.gradeMin, { grade: "AA" })}: 1005 → 1002`)), changes.join("\n")).toBe(true);
  });

  it("the worker's figures are the command-line simulator's for the saved file, seed, size and mix", async () => {
    await page.getByLabel(lab.settings.name).fill("Harsher quick demo");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: lab.save.download }).click();
    const file = await downloading;
    saved = join(tempDir("gs-lab-"), file.suggestedFilename());
    await file.saveAs(saved);
    const json = JSON.parse(readFileSync(saved, "utf8")) as { loans: { cosignerPoints: number }; title: { en: string } };
    expect(json.loans.cosignerPoints).toBe(-150);
    expect(json.title.en).toBe("Harsher quick demo");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts/simulate.ts"), "--file", saved, "--games", String(GAMES), "--seed", String(SEED), "--players", "24", "--mix", "class", "--json"],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const cli = (JSON.parse(stdout) as { measures: { name: string; value: number | null }[] }[])[0]!;
    expect(Object.fromEntries(cli.measures.map((m) => [m.name, m.value === null ? "" : String(m.value)]))).toEqual(shown);
  });

  it("a run started and stopped from the keyboard keeps the figures of the games it played", async () => {
    await setNumber(lab.run.games, 1000);
    await page.getByRole("button", { name: lab.run.go }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#lab-progress").evaluate((p) => (p as HTMLProgressElement).value)).toBeGreaterThan(2);
    expect(await page.evaluate(() => document.activeElement?.id), "focus moves to Stop").toBe("lab-stop");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#lab-run-status").textContent()).toMatch(/^Stopped after \d+ of 1000 games/);
    const done = Number(/after (\d+)/.exec((await page.locator("#lab-run-status").textContent())!)![1]);
    expect(done).toBeLessThan(1000);
    expect(await page.locator(".lab-measures caption").textContent()).toBe(fill(lab.results.caption, { games: done, players: 24 }));
    await setNumber(lab.run.games, GAMES);
  });

  it("reads in Chinese, every string from the tables", async () => {
    await page.getByLabel(en.app.language).selectOption("zh");
    await page.getByRole("heading", { name: zh.lab.title, level: 1 }).waitFor();
    await page.getByRole("button", { name: zh.lab.run.go }).waitFor();
    await page.locator("legend", { hasText: zh.lab.group.loans.title }).waitFor();
    // a problem is worded in Chinese too, beside its field
    await setNumber(fill(zh.lab.field.gradeMin, { grade: "B" }), 2000);
    const bProblem = page.locator('.lab-field[data-path="grades[3].min"] .problem');
    await expect.poll(() => bProblem.textContent()).toBe(fill(zh.lab.check.thresholds_descend, { min: 2000, above: 999 }));
    await setNumber(fill(zh.lab.field.gradeMin, { grade: "B" }), 940);
    await expect.poll(() => bProblem.textContent()).toBe("");
    expect(await seriousViolations(page), "the lab in Chinese").toEqual([]);
    // on a phone, with the figures and the baseline's column: nothing scrolls sideways
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByLabel(zh.app.language).selectOption("en");
    await page.getByRole("button", { name: lab.run.go }).waitFor();
  });

  it("creates a session with the changed scenario; the console's rulebook shows the new numbers", async () => {
    await page.getByRole("button", { name: lab.save.create }).click();
    await page.locator("#session-code").waitFor();
    const code = (await page.locator("#session-code").textContent())!.trim();
    await until(() => roomSession(code).game.scenario.loans?.cosignerPoints === -150, "the session to play the lab's scenario");
    await page.getByText(en.host.rulebook.title).click();
    const rules = page.locator("#rulebook-list");
    await rules.getByText(fill(en.host.rulebook.grade, { grade: "AA", min: 1002 }), { exact: true }).waitFor();
    await rules.getByText(fill(en.host.rulebook.grade, { grade: "A", min: 999 }), { exact: true }).waitFor();
    await rules.getByText(/cosigner penalty if it is not repaid: −150 points/).waitFor();
    expect(foreignRequests([device], server.url)).toEqual([]);
    expect(device.consoleErrors).toEqual([]);
  });
});
