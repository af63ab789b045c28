/**
 * Acceptance (issue 6): a scripted two-day game (one false entry approved and published, a
 * wrongful blacklisting on a second false entry, an appeal reversed, one left pending) ends;
 * each player's device holds the reveal and their own record; the facilitator's debrief page
 * replays the board at a moment in day 1 exactly as it stood, lists truth vs record as the
 * script made it, and downloads every export (anonymised: no nickname; the JSON replays to the
 * same final game). axe clean, no request to any other host, screenshots at 1366×768.
 * Then (issue 13, items 3 and 5) the same debrief in Chinese, tab by tab, and a player's end
 * screens in both languages: no raw string key, no English in the Chinese interface, counts
 * that agree with their nouns; the names switch at the top is remembered after a reload and
 * is the same choice as the host console's "show names in the debrief".
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describeBrowser, foreignRequests, launchChromium, newDevice, type Device } from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import {
  NICKNAMES, PLAYERS, caughtUp, entryBy, everyRoom, gameSteps, lobbySteps, seatTable, send, sendOk, startScriptServer, type Step, type Table,
} from "../support/script.ts";
import { roomSession, receivedPrivate } from "../support/views.ts";
import { tempDir, type TestServer } from "../support/server.ts";
import { boardView, type BoardView } from "../../shared/rules/index.ts";
import { pseudonymAt } from "../../shared/lobby/pseudonym.ts";
import { buildReplay, ENTRY_COLUMNS, PLAYER_COLUMNS, type Ending } from "../../shared/debrief/index.ts";
import { importJson } from "../../shared/debrief/import.ts";
import { stringTable } from "../support/strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/debrief.json") & typeof import("../../assets/strings/en/host.json");
const zh = stringTable("zh") as typeof import("../../assets/strings/zh/debrief.json") & typeof import("../../assets/strings/zh/ending.json");
/** What the first test leaves for the second: the ended game and its table. */
let played: { code: string; hostToken: string; t: Table; host: Device; final: ReturnType<typeof roomSession> } | undefined;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startScriptServer({ BOT_THINK_MS: "100", MESSAGES_PER_SECOND: "1000" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});


async function shot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}-1366x768.png` });
}

/** The script, plus a second false entry (W2 on Cai, hearsay) that the official approves and blacklists Cai on: a wrongful listing. */
function steps(): Step[] {
  const base = gameSteps(500);
  const out: Step[] = [];
  for (const step of base) {
    out.push(step);
    if (step.label === "W1 writes R2 jaywalk (witnessed)") {
      out.push({ label: "W2 writes a FALSE entry: R3 played loud music (hearsay)", by: "W2", command: (t) => ({ kind: "write_entry", subject: t.seats.R3, deed: "loud_music", basis: "hearsay", note: "heard it from Ben" }) });
    }
    if (step.label === "O blacklists R1 on her littering") {
      out.push({ label: "O approves the false R3 loud music", by: "O", command: (t) => ({ kind: "review", entry: entryBy(t, "W2", "R3", "loud_music"), decision: "approve" }) });
      out.push({ label: "O blacklists R3 on it (wrongful)", by: "O", command: (t) => ({ kind: "blacklist", subject: t.seats.R3, entries: [entryBy(t, "W2", "R3", "loud_music")] }) });
    }
  }
  return out;
}

const running = (t: Table) => ["morning", "day", "evening", "night"].includes(roomSession(t.code).game.phase);

async function play(t: Table, step: Step): Promise<void> {
  if (running(t) && roomSession(t.code).game.paused) await sendOk(t.host, { kind: "resume" });
  if (step.by === "bots") await new Promise((r) => setTimeout(r, step.ms));
  else {
    const command = step.command(t);
    if (!command) throw new Error(`script step "${step.label}" found nothing to do`);
    const reply = await send(step.by === "host" ? t.host : t.rooms[step.by], command);
    expect(reply, step.label).toMatchObject({ ok: true });
  }
  if (running(t)) await sendOk(t.host, { kind: "pause" });
  await caughtUp(everyRoom(t), roomSession(t.code).game.seq > 0 ? await lastSeq(t.code) : 0);
}

async function lastSeq(code: string): Promise<number> {
  return (await server.events(code)).at(-1)!.seq;
}

/**
 * What in a text shown in Chinese is not Chinese: raw string keys, words in Latin letters (the
 * session code, file formats' names and grade labels aside: they are the same in both
 * languages) and unfilled placeholders.
 */
function notChinese(text: string, code: string, final: ReturnType<typeof roomSession>): string[] {
  const raw = text.match(/\b(debrief|ending|reason|core|host|play|board|app)\.[\w.]+/g) ?? [];
  let rest = text.replaceAll(code, " ").replace(/\b(JSON|CSV|PDF)\b/g, " ");
  for (const g of final.game.scenario.grades.map((x) => x.label.zh).sort((a, b) => b.length - a.length)) rest = rest.replaceAll(g, " ");
  return [...raw, ...(rest.match(/[A-Za-z]{2,}/g) ?? []), ...(text.includes("{{") ? ["{{"] : [])];
}

describeBrowser("the debrief", () => {
  it("replays day 1 on the scrubber, lists truth vs record, downloads every export; players get the reveal and their record", async () => {
    const { code, hostToken } = await server.createSession();
    const t = await seatTable(server.url, code, hostToken);
    for (const step of lobbySteps()) await play(t, step);
    let day1: { seq: number; board: BoardView } | undefined;
    for (const step of steps()) {
      await play(t, step);
      if (step.label === "day 1: evening → night (publication)") day1 = { seq: await lastSeq(code), board: boardView(roomSession(code).game) };
    }
    const final = roomSession(code);
    expect(final.game.phase).toBe("ended");
    const g = final.game;
    const pseudo = (name: keyof typeof NICKNAMES) => pseudonymAt(g.seats.indexOf(t.seats[name])).en;

    // each player's device: the reveal and their own record
    await caughtUp(everyRoom(t), await lastSeq(code));
    const endingOf = (name: (typeof PLAYERS)[number]) => (receivedPrivate(t.rooms[name])[t.seats[name]] as { ending: Ending }).ending;
    const dee = endingOf("R4");
    expect(dee.reveal.wrongfulListings.map((l) => l.nickname)).toEqual(["Cai"]);
    // the script's two false entries (a bot watcher may have written more)
    expect(dee.reveal.falseEntries.map((e) => `${e.nickname}:${e.deed}`)).toEqual(expect.arrayContaining(["Cai:loud_music", "Dee:spread_rumour"]));
    expect(dee.reveal.falseEntries).toHaveLength(Object.values(g.journal).filter((e) => !e.truthful).length);
    expect(dee.me!.entriesAboutMe.map((e) => [e.deed, e.truthful, e.status])).toContainEqual(["spread_rumour", false, "reversed"]);
    expect(dee.me!.scoreChanges.map((c) => c.delta).sort()).toEqual([-20, 20]);
    expect(dee.me!.myAppeals.map((a) => a.status)).toEqual(["reversed"]);
    expect(dee.me!.goals).toHaveLength(g.players[t.seats.R4]!.goals.length);
    expect(endingOf("R3").me!.listings).toEqual([expect.objectContaining({ wrongful: true, active: true })]);
    expect(endingOf("O").me!.decisionsIMade.length).toBeGreaterThanOrEqual(8);

    // the facilitator's debrief page
    const host: Device = await newDevice(browser);
    await host.context.addInitScript(([c, token]) => localStorage.setItem(`gs.host.${c}`, JSON.stringify({ hostToken: token, scenarioId: "scripted-pilot", createdAt: 1 })), [code, hostToken] as const);
    await host.page.setViewportSize({ width: 1366, height: 768 });
    const page = host.page;
    page.setDefaultTimeout(20_000); // the 2 cores are shared with other test runs
    const missing: string[] = [];
    page.on("response", (r) => {
      if (r.status() === 404) missing.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/debrief/${code}`);
    await page.locator("body[data-ready]").waitFor();
    await page.getByRole("tab", { name: en.debrief.tab.timeline }).waitFor();
    // the names switch is the first thing on the page, pseudonyms by default
    await expect.poll(() => page.locator("#names-state").textContent()).toBe(en.debrief.names.showingPseudonyms);
    expect(await page.locator("#debrief-root > :not(.report-only)").first().getAttribute("class")).toContain("names-switch");
    expect(await seriousViolations(page), "timeline").toEqual([]);
    await shot(page, "debrief-timeline-end");

    // scrub to the night of day 1: the board as it stood then
    await page.locator("#scrubber").fill(String(day1!.seq - 1));
    await expect.poll(() => page.locator("#scrub-position").textContent()).toContain(`Event ${day1!.seq} of`);
    const rows = await page.locator(".board-table tbody tr").evaluateAll((trs) => trs.map((tr) => ({ seat: (tr as HTMLElement).dataset.seat!, score: tr.querySelector('[data-col="score"]')!.textContent, listed: tr.classList.contains("listed") })));
    const expected = day1!.board.players.filter((p) => p.role !== "observer").map((p) => ({ seat: p.seat, score: p.score === null ? "—" : String(p.score), listed: p.blacklisted }));
    expect(rows).toEqual(expected);
    expect(rows.find((r) => r.seat === t.seats.R4)!.score).toBe("980");
    expect(await page.locator("#board-feed li").count()).toBe(day1!.board.feed.length);
    await shot(page, "debrief-timeline-day1");
    // filters: only Dee's events
    await page.getByLabel(en.debrief.timeline.player).selectOption({ label: pseudo("R4") });
    const deeEvents = await page.locator("#events li").allTextContents();
    expect(deeEvents.length).toBeGreaterThan(3);
    expect(deeEvents.every((x) => x.includes(pseudo("R4")) || /rumour|appeal|Dee/i.test(x) || x.length > 0)).toBe(true);
    expect(deeEvents.some((x) => x.includes("FALSE"))).toBe(true);

    // truth vs record
    await page.getByRole("tab", { name: en.debrief.tab.truth }).click();
    const falseItems = await page.locator("#truth-false li").allTextContents();
    expect(falseItems).toHaveLength(Object.values(g.journal).filter((e) => !e.truthful).length);
    expect(falseItems.some((x) => x.includes(pseudo("R4")) && x.includes("published"))).toBe(true);
    expect(falseItems.some((x) => x.includes(pseudo("R3")))).toBe(true);
    const listings = await page.locator("#truth-listings li").allTextContents();
    expect(listings.some((x) => x.includes(pseudo("R3")) && x.includes("wrongful"))).toBe(true);
    const appeals = await page.locator("#truth-appeals li").allTextContents();
    expect(appeals).toHaveLength(Object.keys(g.appeals).length);
    expect(appeals.some((x) => x.includes(pseudo("R4")) && x.includes("reversed"))).toBe(true);
    expect(appeals.some((x) => x.includes(pseudo("R1")) && x.includes("still pending"))).toBe(true);
    const body = (await page.locator("main").textContent())!;
    for (const nick of Object.values(NICKNAMES)) expect(new RegExp(`\\b${nick}\\b`).test(body), nick).toBe(false);
    expect(await seriousViolations(page), "truth").toEqual([]);
    await shot(page, "debrief-truth");

    // charts (lazy chunk) with tables; prompts pinned and moved
    await page.getByRole("tab", { name: en.debrief.tab.charts }).click();
    await page.locator("#panel-charts .panel-body[data-drawn]").waitFor();
    expect(await page.locator("#chart-scores-table tbody tr").count()).toBe(g.seats.filter((s) => g.players[s]!.scored).length);
    expect(await seriousViolations(page), "charts").toEqual([]);
    await shot(page, "debrief-charts");
    await page.getByRole("tab", { name: en.debrief.tab.prompts }).click();
    const pins = page.locator("#panel-prompts .prompt-stage button");
    await pins.nth(0).click();
    await pins.nth(1).click();
    const pinnedBefore = await page.locator("#pinned-list li p").allTextContents();
    expect(pinnedBefore).toHaveLength(2);
    expect(pinnedBefore[0]).toContain(pseudo("R3")); // "blacklisted on day 2 on a false entry"
    await page.locator("#pinned-list li").nth(1).getByRole("button", { name: en.debrief.prompts.up }).click();
    expect(await page.locator("#pinned-list li p").allTextContents()).toEqual([pinnedBefore[1], pinnedBefore[0]]);
    expect(await seriousViolations(page), "prompts").toEqual([]);
    await shot(page, "debrief-prompts");

    // exports
    await page.getByRole("tab", { name: en.debrief.tab.export }).click();
    const downloaded = async (id: string) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.locator(id).click()]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
    };
    const json = await downloaded("#export-export-json");
    expect(json.name).toBe(`good-standing-${code}-log.json`);
    const imported = importJson(json.text);
    if ("problems" in imported) throw new Error(imported.problems.join("; "));
    const replayed = buildReplay(imported.log).final.game;
    const scores = (x: typeof g) => x.seats.map((s) => [s, x.players[s]!.score, x.players[s]!.grade, x.players[s]!.blacklisted]);
    expect(scores(replayed)).toEqual(scores(g));
    expect({ ...replayed, players: {} }).toEqual({ ...g, players: {}, journal: replayed.journal });
    const events = JSON.stringify((JSON.parse(json.text) as { events: unknown }).events);
    for (const nick of Object.values(NICKNAMES)) expect(new RegExp(`\\b${nick}\\b`).test(events), nick).toBe(false);
    const players = await downloaded("#export-players-csv");
    expect(players.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(PLAYER_COLUMNS.join(","));
    const entries = await downloaded("#export-entries-csv");
    expect(entries.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(ENTRY_COLUMNS.join(","));
    for (const nick of Object.values(NICKNAMES)) expect(new RegExp(`\\b${nick}\\b`).test(players.text + entries.text), nick).toBe(false);
    expect(await seriousViolations(page), "export").toEqual([]);
    await shot(page, "debrief-export");

    // with names: one click fetches nicknames; the named JSON replays to exactly the same game
    await page.getByRole("button", { name: en.debrief.names.show }).click();
    await expect.poll(() => page.locator("#names-state").textContent()).toBe(en.debrief.names.showingNames);
    await page.getByRole("tab", { name: en.debrief.tab.export }).click();
    const named = await downloaded("#export-export-json");
    expect(named.name).toBe(`good-standing-${code}-log-named.json`);
    const back = importJson(named.text);
    if ("problems" in back) throw new Error(back.problems.join("; "));
    expect(buildReplay(back.log).final).toEqual(final);

    // a device without the host token gets nothing from the server
    const stranger = await newDevice(browser);
    await stranger.page.goto(`${server.url}/debrief/${code}`);
    await expect.poll(() => stranger.page.locator("#debrief-status").textContent()).toContain("host key");

    // …but the facilitator's exported file opens there, read on the device: the same debrief
    const exported = join(tempDir("gs-export-"), named.name);
    writeFileSync(exported, named.text);
    await stranger.page.goto(`${server.url}/debrief`);
    await stranger.page.getByLabel(en.debrief.file.label).setInputFiles(exported);
    await stranger.page.getByRole("tab", { name: en.debrief.tab.truth }).click();
    await expect.poll(() => stranger.page.locator("#truth-false li").count()).toBe(falseItems.length);
    expect(await stranger.page.locator("#truth-listings li").allTextContents()).toEqual(listings);
    expect(await stranger.page.locator("#truth-appeals li").allTextContents()).toEqual(appeals);
    const fromFile = (await stranger.page.locator("main").textContent())!;
    for (const nick of Object.values(NICKNAMES)) expect(new RegExp(`\\b${nick}\\b`).test(fromFile), nick).toBe(false);
    await stranger.page.getByRole("button", { name: en.debrief.names.show }).click();
    await expect.poll(() => stranger.page.locator("#truth-false li").allTextContents()).toContainEqual(expect.stringContaining(NICKNAMES.R4));
    expect(await seriousViolations(stranger.page), "debrief from a file").toEqual([]);
    // a file that is not an export is refused with the reason
    const wrong = join(tempDir("gs-export-"), "notes.json");
    writeFileSync(wrong, JSON.stringify({ hello: "class" }));
    await stranger.page.goto(`${server.url}/debrief`);
    await stranger.page.getByLabel(en.debrief.file.label).setInputFiles(wrong);
    await expect.poll(() => stranger.page.locator("#debrief-status").textContent()).toContain("cannot be read as a session export");
    // the browser asks for /favicon.ico on its own; nothing else may be missing or fail
    expect(missing.filter((p) => p !== "/favicon.ico")).toEqual([]);
    expect(host.consoleErrors.filter((e) => !e.includes("404 (Not Found)"))).toEqual([]);
    expect(foreignRequests([host, stranger], server.url)).toEqual([]);
    played = { code, hostToken, t, host, final };
  }, 120_000);

  it("remembers the names choice per session: after a reload, and as the host console's switch", async () => {
    if (!played) throw new Error("the first test did not finish");
    const { code, host } = played;
    const page = host.page;
    const nickIn = (text: string) => Object.values(NICKNAMES).some((nick) => new RegExp(`\\b${nick}\\b`).test(text));

    // the choice made on the debrief page survives a reload…
    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    expect(await page.locator("#names-state").textContent()).toBe(en.debrief.names.showingNames);
    await page.getByRole("tab", { name: en.debrief.tab.truth }).click();
    expect(nickIn((await page.locator("#panel-truth").textContent())!)).toBe(true);
    // …and is the console's "show names in the debrief": switched off there, the debrief opens with pseudonyms
    await page.goto(`${server.url}/host?session=${code}`);
    const box = page.getByLabel(en.host.tools.debriefNames);
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    expect(await seriousViolations(page), "host console").toEqual([]);
    await page.goto(`${server.url}/debrief/${code}`);
    await page.locator("body[data-ready]").waitFor();
    expect(await page.locator("#names-state").textContent()).toBe(en.debrief.names.showingPseudonyms);
    await page.getByRole("tab", { name: en.debrief.tab.truth }).click();
    expect(nickIn((await page.locator("#panel-truth").textContent())!)).toBe(false);
  }, 120_000);

  it("in Chinese, every tab has no raw key and no English word, and the CSV has Chinese labels", async () => {
    if (!played) throw new Error("the first test did not finish");
    const { code, host, final } = played;
    const page = host.page;
    await page.locator("#lang").selectOption("zh");
    await expect.poll(() => page.locator("#names-state").textContent()).toBe(zh.debrief.names.showingPseudonyms);
    const shownText = (selector: string) =>
      page.locator(selector).evaluate((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        for (const free of copy.querySelectorAll(".free-text")) free.remove();
        for (const hidden of copy.querySelectorAll("[hidden]")) hidden.remove();
        return copy.textContent ?? "";
      });
    for (const tab of ["timeline", "truth", "charts", "prompts", "export"] as const) {
      await page.getByRole("tab", { name: zh.debrief.tab[tab] }).click();
      if (tab === "charts") await page.locator("#panel-charts .panel-body[data-drawn]").waitFor();
      for (const details of await page.locator(`#panel-${tab} details`).all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(notChinese(await shownText("main"), code, final), tab).toEqual([]);
      await shot(page, `debrief-zh-${tab}`);
    }
    // the English tabs were checked with axe above; here the new lines and the opened chart tables
    for (const tab of ["truth", "charts"] as const) {
      await page.getByRole("tab", { name: zh.debrief.tab[tab] }).click();
      expect(await seriousViolations(page), `zh ${tab}`).toEqual([]);
    }
    expect(await page.locator("#truth-appeals li").count()).toBeGreaterThan(0);
    // the CSV a Chinese-reading teacher downloads has the labels in Chinese beside the ids
    await page.getByRole("tab", { name: zh.debrief.tab.export }).click();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#export-players-csv").click()]);
    const players = readFileSync((await csv.path())!, "utf8");
    const goals = final.game.scenario.goals.filter((g) => final.game.seats.some((seat) => final.game.players[seat]!.goals.includes(g.id)));
    expect(goals.length).toBeGreaterThan(0);
    for (const g of goals) expect(players, g.id).toContain(g.label.zh);
    await page.locator("#lang").selectOption("en");
  }, 120_000);

  it("a player's end screens: no raw key and no English in Chinese, counts that fit their nouns in English", async () => {
    if (!played) throw new Error("the first test did not finish");
    const { code, t, final } = played;
    // the table's clients leave first: one device per seat
    for (const room of everyRoom(t)) await room.leave();
    for (const lang of ["zh", "en"] as const) {
      const player = await newDevice(browser);
      player.page.setDefaultTimeout(20_000); // the play page loads its town too, on 2 shared cores
      await player.context.addInitScript(([c, token, l]) => {
        localStorage.setItem(`gs.seat.${c}`, JSON.stringify({ seatToken: token, nickname: "Dee" }));
        localStorage.setItem("gs.lang", l);
      }, [code, t.tokens.R4, lang] as const);
      await player.page.goto(`${server.url}/join/${code}`);
      await player.page.locator("#ending-continue").click();
      await player.page.locator("#record-summary").waitFor();
      const text = await player.page.locator(".ending").evaluateAll((nodes) => nodes.map((n) => n.textContent ?? "").join("\n"));
      expect(text).toContain(NICKNAMES.R4); // the reveal names players by nickname, as the game did
      if (lang === "zh") {
        // nicknames are the players' own words (bots' too)
        const nicknames = Object.values(final.game.players).map((p) => p.nickname).sort((a, b) => b.length - a.length);
        expect(notChinese(nicknames.reduce((x, nick) => x.replaceAll(nick, " "), text), code, final), "zh end screens").toEqual([]);
        expect(await seriousViolations(player.page), "zh end screens").toEqual([]);
      } else {
        expect(notChinese(text, code, final).filter((x) => /\./.test(x)), "raw keys").toEqual([]);
        expect(text).not.toMatch(/\b1 (entries|evenings|points|deeds)\b|after 0 evenings/);
      }
      await shot(player.page, `ending-${lang}`);
      await player.context.close();
    }
  }, 120_000);
});
