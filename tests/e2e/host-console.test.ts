/**
 * The facilitator's console in real Chromium against a real server, driven through the page only:
 * two bots, auto-balance, roles by hand, start; pause and resume; more time for everyone and for
 * one player; an event card; a broadcast; the anonymous board; a false hearsay entry with a note
 * shown as false in the god view and its note hidden; a step-out alert; a late joiner given a
 * bot's seat; skip; end behind a confirmation. Raw clients play the students. axe on the console
 * in the lobby and during the game; screenshots at 1366×768 and 390×844.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device, SCREENSHOTS } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { startTestServer, until, type TestServer } from "../support/server.ts";
import { joinPlayer } from "../support/clients.ts";
import { seatOf, sendOk } from "../support/script.ts";
import { receivedBoard, receivedPrivate, roomSession } from "../support/views.ts";
import { fill, stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json") & typeof import("../../assets/strings/en/host.json");
const SHOTS = SCREENSHOTS;

let server: TestServer;
let browser: Browser;
const devices: Device[] = [];


async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
    if (await page.locator("#god-view").isVisible()) {
      await page.locator("#god-heading").evaluate((h) => h.scrollIntoView());
      await page.screenshot({ path: `${SHOTS}/${name}-godview-${width}x${height}.png` });
    }
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}-full.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

function announcements(room: Room): { text: string }[] {
  return JSON.parse((room.state as unknown as { toJSON(): { announcements?: string } }).toJSON().announcements ?? "[]") as { text: string }[];
}

describeBrowser("the host console in real Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ BOT_THINK_MS: "500" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs a game from the lobby to the end through the console alone", { timeout: 180_000 }, async () => {
    const host = await newDevice(browser);
    devices.push(host);
    const page = host.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}/host`);
    await page.getByRole("button", { name: en.host.create }).click(); // scrolls the form to its button
    await page.locator("#session-code").waitFor();
    const code = (await page.locator("#session-code").textContent())!.trim();
    // the code and the board's link are on screen at once, and nothing red greets an empty lobby
    await expect.poll(() => page.locator("#session-code").evaluate((e) => e.getBoundingClientRect().bottom <= innerHeight && e.getBoundingClientRect().top >= 0)).toBe(true);
    expect(await page.locator("#open-board").evaluate((e) => e.getBoundingClientRect().bottom <= innerHeight && e.getBoundingClientRect().top >= 0)).toBe(true);
    expect(await page.locator("#start-reason").textContent()).toBe(fill(en.host.setup.needMore, { min: 4, count: 0 }));
    expect(await page.locator("#console-view .error:visible, #console-view [role=alert]:visible").allTextContents()).toEqual([]);
    const session = () => roomSession(code);
    const game = () => session().game;

    // two students join; the console lists them
    const ann = await joinPlayer(server.url, code, "Ann");
    const wes = await joinPlayer(server.url, code, "Wes");
    const annSeat = await seatOf(ann);
    const wesSeat = await seatOf(wes);
    await expect.poll(() => page.locator("#players td.name").allTextContents()).toEqual(["Ann", "Wes"]);

    // two players are too few: start is disabled, with the reason beside it
    const start = page.getByRole("button", { name: en.host.setup.start });
    expect(await start.isDisabled()).toBe(true);
    expect(await page.locator("#start-reason").textContent()).toBe(fill(en.host.setup.needMore, { min: 4, count: 2 }));

    // two bots, one with a chosen personality
    await page.getByLabel(en.host.setup.personality).selectOption("fair_official");
    await page.getByRole("button", { name: en.host.setup.addBot }).click();
    await until(() => game().seats.length === 3, "the first bot");
    await page.getByLabel(en.host.setup.personality).selectOption("auto");
    await page.getByRole("button", { name: en.host.setup.addBot }).click();
    await until(() => game().seats.length === 4, "the second bot");
    const bots = game().seats.filter((s) => game().players[s]?.bot);
    expect(bots).toHaveLength(2);
    expect(game().players[bots[0]!]!.bot).toBe("fair_official");
    await expect.poll(() => page.locator("#players tr .tag.bot").count()).toBe(2);

    // several at once (one command), then removed again one by one from their rows
    await page.getByLabel(en.host.setup.botCount).fill("3");
    await page.getByRole("button", { name: en.host.setup.addBot }).click();
    await until(() => game().seats.length === 7, "three bots at once");
    for (const seat of game().seats.filter((s) => game().players[s]?.bot && !bots.includes(s))) {
      await page.getByRole("button", { name: `${en.host.setup.removeBot}: ${game().players[seat]!.nickname}` }).click();
      await until(() => !game().players[seat], `bot ${seat} to be removed`);
    }
    expect(game().seats).toHaveLength(4);

    // auto-balance deals the scenario's mix to every seat
    await page.getByRole("button", { name: en.host.setup.autoBalance }).click();
    await until(() => game().seats.every((s) => game().players[s]?.role), "every seat to have a role");
    expect(game().seats.map((s) => game().players[s]!.role).sort()).toEqual(["official", "resident", "resident", "watcher"]);

    // then roles by hand: Wes watches, Ann lives, the fair official bot is the official
    const [officialBot, residentBot] = [bots[0]!, bots[1]!];
    const hand: [string, string, string][] = [
      [wesSeat, "Wes", "watcher"],
      [annSeat, "Ann", "resident"],
      [officialBot, game().players[officialBot]!.nickname, "official"],
      [residentBot, game().players[residentBot]!.nickname, "resident"],
    ];
    for (const [seat, name, role] of hand) {
      await page.getByLabel(`Role for ${name}`).selectOption(role);
      await until(() => game().players[seat]?.role === role, `${name} to be ${role}`);
    }
    await expect.poll(() => start.isDisabled()).toBe(false);

    expect(await seriousViolations(page), "console, lobby with players and bots").toEqual([]);
    await shoot(page, "host-lobby");

    // start, then the sticky phase controls take over
    await start.click();
    await until(() => game().phase === "morning", "the game to start");
    await expect.poll(() => page.locator("#phase-name").textContent()).toBe(en.host.phases.morning);
    await expect.poll(() => page.locator("#phase-day").textContent()).toBe("Day 1 of 4");

    // pause and resume
    await page.getByRole("button", { name: en.host.clock.pause, exact: true }).click();
    await until(() => game().paused, "the server to pause");
    await expect.poll(() => page.locator("#phase-paused").isVisible()).toBe(true);
    await page.getByRole("button", { name: en.host.clock.resume }).click();
    await until(() => !game().paused, "the server to resume");

    // more time for everyone: the deadline moves by 30 s
    const before = game().phaseEndsAt!;
    await page.getByRole("button", { name: "Add 30 s for everyone" }).click();
    await until(() => game().phaseEndsAt === before + 30_000, "the deadline to move by 30 s");

    // more time for Ann alone: her own view says so
    await page.getByLabel(en.host.clock.extendOne).selectOption({ label: "Ann" });
    await page.getByLabel(en.host.clock.amount).selectOption("60");
    await page.locator("#extend-one-go").click();
    await until(() => (receivedPrivate(ann.room)[annSeat] as { myExtraTime?: number })?.myExtraTime === 60_000, "Ann's extra minute");
    await expect.poll(() => page.locator("#phase-extra").textContent()).toContain("Ann +1:00");

    // an event card the scenario keeps for the facilitator
    await page.getByLabel(en.host.tools.card).selectOption("cafe_camera");
    await page.getByRole("button", { name: en.host.tools.inject }).click();
    await until(() => receivedBoard(ann.room).extras.cards.some((c) => c.card === "cafe_camera"), "the card on the players' board");
    await expect.poll(() => page.locator("#cards-played").textContent()).toContain("Camera at the internet café");

    // a broadcast reaches the players
    await page.getByLabel(en.host.tools.broadcastLabel).fill("Five minutes to lunch!");
    await page.getByRole("button", { name: en.host.tools.send }).click();
    await until(() => announcements(ann.room).some((a) => a.text === "Five minutes to lunch!"), "Ann to receive the broadcast");
    await expect.poll(() => page.locator("#broadcasts").textContent()).toContain("Five minutes to lunch!");

    // the board's anonymous mode: off by default, then on
    const anonymous = page.getByLabel(en.host.tools.anonymous);
    expect(await anonymous.isChecked()).toBe(false);
    expect(await page.locator("#anon-state").textContent()).toBe(en.host.tools.anonymousOff);
    await anonymous.check();
    await until(() => session().lobby.anonymousBoard, "the anonymous board");
    await expect.poll(() => page.locator("#anon-state").textContent()).toBe(en.host.tools.anonymousOn);

    // skip to the day (the button names the phase it ends; if the clock got there first, the skip is refused and ends nothing)
    await page.locator("#skip").click();
    await until(() => game().phase === "day", "the day phase");

    // Wes writes hearsay about something Ann never did, with a note
    const note = "Heard Ann dropped litter near the park";
    await sendOk(wes.room, { kind: "write_entry", subject: annSeat, deed: "litter", basis: "hearsay", note });
    const entry = Object.values(game().journal).find((e) => e.author === wesSeat)!;
    const row = page.locator(`#record tr[data-entry="${entry.id}"]`);
    await expect.poll(() => row.textContent()).toContain(en.host.god.false);
    expect(await row.textContent()).toContain("Hearsay");
    // filter the god view by Ann: the entry about her stays, by day 2: nothing
    await page.locator("#filter-player").selectOption({ label: "Ann" });
    await expect.poll(() => row.isVisible()).toBe(true);
    await page.locator("#filter-day").selectOption("2");
    await expect.poll(() => row.count()).toBe(0);
    await page.locator("#filter-day").selectOption("");
    await page.locator("#filter-player").selectOption("");
    await expect.poll(() => row.count()).toBe(1);

    // the note is shown, and can be hidden
    const noteItem = page.locator(`#notes li[data-text="${entry.id}"]`);
    await expect.poll(() => noteItem.textContent()).toContain(note);
    // the bots keep writing: a new note arriving on top moves this one under the pointer, so a
    // click that landed elsewhere is made again (a second press of the same button is never sent twice)
    await expect
      .poll(async () => {
        if (session().lobby.hiddenTexts.includes(entry.id)) return true;
        await noteItem.getByRole("button", { name: /^Hide this text/ }).click({ timeout: 5000 }).catch(() => {});
        return session().lobby.hiddenTexts.includes(entry.id);
      }, { interval: 1000 })
      .toBe(true);
    await expect.poll(() => noteItem.textContent()).toContain(en.host.god.hidden);

    // Ann asks to step out: a prominent alert names her
    await sendOk(ann.room, { kind: "step_out" });
    const alert = page.getByRole("alert").filter({ hasText: "Ann wants to step out of their role" });
    await alert.waitFor();
    expect(await seriousViolations(page), "console, during the game with an alert").toEqual([]);
    await shoot(page, "host-game");
    // a bot plays her character from now on; the alert says so
    await alert.getByRole("button", { name: "Let a bot play Ann's character" }).click();
    await until(() => game().players[annSeat]?.bot === "conformist", "a bot to play Ann's resident");
    await alert.getByText("A bot plays Ann's character now.").waitFor();
    // …and back to her when she is ready
    await alert.getByRole("button", { name: "Give Ann their character back" }).click();
    await until(() => game().players[annSeat]?.bot === null, "Ann to play her resident again");
    await alert.getByRole("button", { name: "Let a bot play Ann's character" }).waitFor();
    await alert.getByRole("button", { name: "Acknowledged: Ann" }).click();
    await alert.waitFor({ state: "detached" });

    // a late joiner watches as an observer, then takes over a bot's seat
    const cai = await joinPlayer(server.url, code, "Cai");
    const caiSeat = await seatOf(cai);
    await until(() => game().players[caiSeat]?.role === "observer", "Cai to be an observer");
    // an observer's note shows in the god view and can be hidden too (notes are named note-<n>)
    await sendOk(cai.room, { kind: "write_note", text: "The watchers seem to pick on Ann" });
    const observerNote = page.locator('#notes li[data-text="note-0"]');
    await expect.poll(() => observerNote.textContent()).toContain("The watchers seem to pick on Ann");
    await observerNote.getByRole("button", { name: /^Hide this text/ }).click();
    await until(() => session().lobby.hiddenTexts.includes("note-0"), "the observer's note to be hidden");
    await expect.poll(() => observerNote.textContent()).toContain(en.host.god.hidden);
    const bot = residentBot;
    const botName = game().players[bot]!.nickname;
    await page.getByLabel(`Give ${botName}'s seat to`).selectOption({ label: "Cai" });
    await page.locator(`#players tr[data-seat="${bot}"]`).getByRole("button", { name: en.host.setup.give }).click();
    await until(() => game().players[bot]?.bot === null && game().players[bot]?.nickname === "Cai", "Cai to hold the bot's seat");

    // end: the dialog can be cancelled, then confirmed
    await page.getByRole("button", { name: en.host.clock.end, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: en.host.clock.keepPlaying }).click();
    expect(game().phase).toBe("day");
    await page.getByRole("button", { name: en.host.clock.end, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: en.host.clock.endConfirm }).click();
    await until(() => game().phase === "ended", "the game to end");
    await expect.poll(() => page.locator("#phase-name").textContent()).toBe(en.host.phases.ended);
    expect(await page.locator("#phase-controls").isVisible()).toBe(false);
    const debrief = page.getByRole("link", { name: en.host.openDebrief });
    await debrief.waitFor();
    expect(await debrief.getAttribute("href")).toBe(`/debrief/${code}`);
    await shoot(page, "host-ended");

    // the console follows a language switch
    const zh = stringTable("zh") as typeof en;
    await page.locator("#lang").selectOption("zh");
    await expect.poll(() => page.locator("#phase-name").textContent()).toBe(zh.host.phases.ended);
    await expect.poll(() => page.locator("#god-heading").textContent()).toBe(zh.host.god.heading);
    await expect.poll(() => page.locator(`#record tr[data-entry="${entry.id}"]`).textContent()).toContain(zh.host.god.false);
    await page.screenshot({ path: `${SHOTS}/host-ended-zh-1366x768-full.png`, fullPage: true });

    expect(foreignRequests(devices, server.url)).toEqual([]);
    expect(host.consoleErrors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
  });
});
