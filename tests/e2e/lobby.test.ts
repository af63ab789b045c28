/**
 * The foundation's product slice in real Chromium: a host creates a session, three students
 * join from their own "devices", the board shows them, a kick sticks (also after a reload), a
 * reload brings a student back to the same seat, and no page asks any other host for anything.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/host.json");

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];

async function device(locale?: string): Promise<Device> {
  const created = await newDevice(browser, locale ? { locale } : {});
  devices.push(created);
  return created;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function joinAs(page: Page, code: string, nickname: string): Promise<number> {
  await page.goto(`${server.url}/`);
  await page.getByLabel(en.join.code).fill(code.toLowerCase());
  await page.getByLabel(en.join.nickname).fill(nickname);
  const started = Date.now();
  await page.getByRole("button", { name: en.join.submit }).click();
  await page.getByRole("heading", { name: en.join.inTitle }).waitFor();
  return Date.now() - started;
}

describeBrowser("host, students and board in real Chromium", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("creates, joins, shows, kicks and keeps seats", async () => {
    const host = await device();
    await host.page.goto(`${server.url}/host`);
    await host.page.getByRole("button", { name: en.host.create }).click();
    const codeText = host.page.locator("#session-code");
    await codeText.waitFor();
    const code = (await codeText.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const board = await device();
    await board.page.goto(`${server.url}/board/${code}`);
    await expect.poll(() => board.page.locator("#board-code").textContent()).toBe(code);
    // the QR code is drawn locally onto the canvas
    const inked = await board.page.locator("#qr").evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
      return canvas.width > 100 && dark > 1000;
    });
    expect(inked).toBe(true);

    const students = [await device(), await device(), await device()];
    const names = ["Ann", "Ben", "Cai"];
    const joinTimes: number[] = [];
    for (const [i, s] of students.entries()) joinTimes.push(await joinAs(s.page, code, names[i]!));

    const boardNames = board.page.locator("#board-names li");
    await expect.poll(() => boardNames.allTextContents()).toEqual(names);
    await expect.poll(() => host.page.locator("#players td.name").allTextContents()).toEqual(names);

    // kick Cai: their page says so, and a reload keeps them out
    await host.page.getByRole("button", { name: `${en.host.kick}: Cai` }).click();
    const cai = students[2]!.page;
    await expect.poll(() => cai.locator("#closed-reason").textContent()).toBe(en.reason.kicked);
    await expect.poll(() => boardNames.allTextContents()).toEqual(["Ann", "Ben"]);
    await cai.reload();
    await expect.poll(() => cai.locator("#closed-reason").textContent()).toBe(en.reason.seat_kicked);
    expect(await cai.getByRole("heading", { name: en.join.inTitle }).isVisible()).toBe(false);

    // Ben reloads and is back in the same seat with the same name
    const seatBefore = await host.page.locator("#players tr", { hasText: "Ben" }).getAttribute("data-seat");
    const ben = students[1]!.page;
    await ben.reload();
    await ben.getByRole("heading", { name: en.join.inTitle }).waitFor();
    await expect.poll(() => ben.locator("#you-are").textContent()).toBe("You are Ben.");
    await expect.poll(() => boardNames.allTextContents()).toEqual(["Ann", "Ben"]);
    expect(await host.page.locator("#players tr", { hasText: "Ben" }).getAttribute("data-seat")).toBe(seatBefore);

    // rename from the console: the student's own page follows
    await host.page.getByRole("button", { name: `${en.host.rename}: Ann` }).click();
    await host.page.getByLabel("New nickname for Ann").fill("Annie");
    await host.page.getByRole("button", { name: en.host.save }).click();
    await expect.poll(() => students[0]!.page.locator("#you-are").textContent()).toBe("You are Annie.");
    await expect.poll(() => boardNames.allTextContents()).toEqual(["Annie", "Ben"]);

    // lock from the console: the board says so
    expect(await board.page.locator("#board-locked").isVisible()).toBe(false);
    await host.page.getByRole("button", { name: en.host.lock }).click();
    await board.page.locator("#board-locked").waitFor({ state: "visible" });
    await host.page.getByRole("button", { name: en.host.unlock }).click();
    await board.page.locator("#board-locked").waitFor({ state: "hidden" });

    // more joins, to measure
    for (const name of ["Dan", "Eve"]) joinTimes.push(await joinAs((await device()).page, code, name));
    console.log(`[figure] join page: submit → lobby visible, median ${median(joinTimes)} ms over ${joinTimes.length} joins (${joinTimes.join(", ")})`);

    // once the facilitator starts, the students' pages say the game is on
    const { joinHost } = await import("../support/clients.ts");
    const console_ = await joinHost(server.url, code, JSON.parse((await host.page.evaluate((c) => localStorage.getItem(`gs.host.${c}`), code))!).hostToken);
    expect(await console_.room.request("cmd", { id: "go", kind: "start" })).toMatchObject({ ok: true });
    await expect.poll(() => students[0]!.page.locator("#lobby-status").textContent()).toMatch(/^The game is on: day 1, morning\./);

    expect(foreignRequests(devices, server.url)).toEqual([]);
    expect(devices.flatMap((d) => d.consoleErrors).filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
  });

  it("explains refusals in the chosen language: wrong code, taken name, locked room", async () => {
    const { code, hostToken } = await server.createSession();
    const student = await device("zh-CN");
    await student.page.goto(`${server.url}/`);
    const zh = stringTable("zh") as typeof en;
    await expect.poll(() => student.page.locator("h1").first().textContent()).toBe(zh.join.title);
    await student.page.getByLabel(zh.join.code).fill("ZZZZZZ");
    await student.page.getByLabel(zh.join.nickname).fill("小明");
    await student.page.getByRole("button", { name: zh.join.submit }).click();
    await expect.poll(() => student.page.locator("#join-error").textContent()).toBe(zh.reason.no_such_session);

    // switch to English on the page: the message follows
    await student.page.locator("#lang").selectOption("en");
    await expect.poll(() => student.page.locator("#join-error").textContent()).toBe(en.reason.no_such_session);

    // a taken name offers a free alternative
    const first = await device();
    await joinAs(first.page, code, "Mei");
    await student.page.getByLabel(en.join.code).fill(code);
    await student.page.getByLabel(en.join.nickname).fill("mei");
    await student.page.getByRole("button", { name: en.join.submit }).click();
    await expect.poll(() => student.page.locator("#join-error").textContent()).toBe(en.reason.nickname_taken);
    await student.page.getByRole("button", { name: "Use “mei 2”" }).click();
    await student.page.getByRole("heading", { name: en.join.inTitle }).waitFor();

    // a locked room
    const { joinHost } = await import("../support/clients.ts");
    const host = await joinHost(server.url, code, hostToken);
    expect(await host.room.request("cmd", { id: "lock", kind: "lock" })).toMatchObject({ ok: true });
    const late = await device();
    await late.page.goto(`${server.url}/join/${code}`);
    await late.page.getByLabel(en.join.nickname).fill("Late");
    await late.page.getByRole("button", { name: en.join.submit }).click();
    await expect.poll(() => late.page.locator("#join-error").textContent()).toBe(en.reason.room_locked);
  });
});
