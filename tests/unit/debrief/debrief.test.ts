/** The debrief's pure core on bot-only games: replay with checkpoints, truth vs record, exports, endings. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadScenario } from "../rules/helpers.ts";
import { replaySession } from "../../../shared/session/index.ts";
import { boardView } from "../../../shared/rules/index.ts";
import {
  anonymiseLog, boardAt, buildReplay, chartsData, endingFor, ENTRY_COLUMNS, entriesCsv, exportJson, people, PLAYER_COLUMNS, playersCsv,
  prompts, sessionAt, truthVsRecord, csvCell, filterTimeline, type LogEvent,
} from "../../../shared/debrief/index.ts";
import { importJson } from "../../../shared/debrief/import.ts";
import { NICK, simLog } from "./fixture.ts";

const pilot = loadScenario("rongcheng-pilot");

/** A game with a false entry that was published and a wrongful listing (the first such seed). */
function interestingGame(): LogEvent[] {
  for (let seed = 1; seed < 200; seed++) {
    const log = simLog(pilot, 24, seed);
    const game = replaySession(log.map((x) => x.event)).game;
    if (game.blacklist.some((r) => r.wrongful) && Object.values(game.appeals).some((a) => a.status === "reversed")) return log;
  }
  throw new Error("no seed gave a wrongful listing and a reversed appeal");
}
const log = interestingGame();
const replay = buildReplay(log);
const final = replay.final;

describe("replay", () => {
  it("rebuilds the same session as a plain replay, and boardAt(end) is the live board", () => {
    expect(final).toEqual(replaySession(log.map((x) => x.event)));
    expect(boardAt(replay, log.at(-1)!.seq)).toEqual(boardView(final.game));
  });

  it("boardAt any position equals replaying the log up to it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: log.length }), (seq) => {
        const plain = replaySession(log.slice(0, seq).map((x) => x.event));
        expect(sessionAt(replay, seq)).toEqual(plain);
      }),
      { numRuns: 25 },
    );
  });

  it("marks each event's day, phase and the seats it concerns; filters narrow the timeline", () => {
    expect(replay.marks).toHaveLength(log.length);
    const seat = final.game.seats[0]!;
    const mine = filterTimeline(replay.marks, { seat }, () => null);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m) => m.seats.includes(seat))).toBe(true);
    const day2 = filterTimeline(replay.marks, { day: 2, kind: "score" }, () => null);
    expect(day2.every((m) => m.day === 2 && (m.type === "score_changed" || m.type === "money_paid"))).toBe(true);
    const watchers = filterTimeline(replay.marks, { role: "watcher", kind: "entry" }, (s) => final.game.players[s]?.role ?? null);
    expect(watchers.length).toBeGreaterThan(0);
  });
});

describe("truth vs record", () => {
  it("lists false entries, shaky listings, unrecorded deeds and appeals with their fate", () => {
    const truth = truthVsRecord(final.game);
    const g = final.game;
    expect(truth.falseEntries.map((e) => e.id).sort()).toEqual(Object.values(g.journal).filter((e) => !e.truthful).map((e) => e.id).sort());
    expect(truth.shakyListings.some((l) => l.wrongful)).toBe(true);
    for (const l of truth.shakyListings) expect(l.wrongful || l.falseEntries.length + l.hearsayEntries.length > 0).toBe(true);
    expect(truth.appeals).toHaveLength(Object.keys(g.appeals).length);
    expect(truth.totals.recorded + truth.unrecorded.length).toBe(truth.totals.deeds);
    for (const u of truth.unrecorded) expect(Object.values(g.journal).some((e) => e.truthful && e.occurrence === u.id)).toBe(false);
  });

  it("charts and prompts come from this game", () => {
    const charts = chartsData(replay);
    const g = final.game;
    const scored = g.seats.filter((s) => g.players[s]!.scored);
    expect(charts.scores.series.map((s) => s.seat)).toEqual(scored);
    for (const s of charts.scores.series) expect(s.scores.at(-1)).toBe(g.players[s.seat]!.score);
    expect(charts.grades.days).toEqual([1, 2, 3, 4]);
    for (const row of charts.grades.counts) expect(row.reduce((a, b) => a + b, 0)).toBe(scored.length);
    expect(charts.watchers.length).toBeGreaterThan(0);
    const who = people(final, log);
    const ps = prompts(g, truthVsRecord(g), (seat) => who.get(seat)!.pseudonym);
    expect(ps.filter((p) => "key" in p && p.key === "debrief.prompt.wrongfulListing").length).toBeGreaterThan(0);
    expect(ps.filter((p) => "text" in p)).toHaveLength(pilot.debrief.prompts.length);
    expect(ps.map((p) => p.stage)).toEqual(ps.map((p) => p.stage).sort((a, b) => ["what", "why", "outside"].indexOf(a) - ["what", "why", "outside"].indexOf(b)));
  });
});

describe("exports", () => {
  const meta = { code: "ABCDEF", anonymised: false, exportedAt: 5, endedAt: 6 };

  it("JSON round-trips: re-imported into the replay it gives the same final state", () => {
    const text = exportJson(log, meta);
    const back = importJson(text);
    if ("problems" in back) throw new Error(back.problems.join("; "));
    expect(back.meta).toEqual(meta);
    expect(buildReplay(back.log).final).toEqual(final);
  });

  it("refuses a broken export with the field named", () => {
    const bad = JSON.parse(exportJson(log, meta)) as { version: number; scenario: { grades: unknown } };
    expect(importJson(JSON.stringify({ ...bad, version: 99 }))).toMatchObject({ problems: [expect.stringContaining("version")] });
    expect(importJson(JSON.stringify({ ...bad, scenario: { ...bad.scenario, grades: "x" } }))).toMatchObject({ problems: [expect.stringContaining("scenario.grades")] });
    expect(importJson("{")).toEqual({ problems: ["not JSON"] });
  });

  it("anonymised: no nickname anywhere, pseudonyms instead, same scores; re-imported gives the same board but for names", () => {
    const who = people(final, log);
    const anon = anonymiseLog(log, who);
    const text = exportJson(anon, { ...meta, anonymised: true });
    for (let i = 0; i < 24; i++) expect(text.includes(NICK(i)), NICK(i)).toBe(false);
    const back = importJson(text);
    if ("problems" in back) throw new Error(back.problems.join("; "));
    const game = buildReplay(back.log).final.game;
    expect(game.seats.map((s) => game.players[s]!.nickname)).toEqual(final.game.seats.map((s) => who.get(s)!.pseudonym.en));
    const strip = (b: ReturnType<typeof boardView>) => ({ ...b, players: b.players.map((p) => ({ ...p, nickname: "" })) });
    expect(strip(boardView(game))).toEqual(strip(boardView(final.game)));
    const csvs = playersCsv(game, people(buildReplay(back.log).final, back.log), true) + entriesCsv(game, who, true);
    for (let i = 0; i < 24; i++) expect(csvs.includes(NICK(i))).toBe(false);
  });

  it("CSV has the expected columns, one row per player and per entry, RFC 4180 quoting and no formulas", () => {
    const who = people(final, log);
    const players = playersCsv(final.game, who, false).trimEnd().split("\r\n");
    expect(players[0]).toBe(PLAYER_COLUMNS.join(","));
    expect(players).toHaveLength(final.game.seats.length + 1);
    expect(players[1]).toContain(NICK(0));
    const entries = entriesCsv(final.game, who, false).trimEnd().split("\r\n");
    expect(entries[0]).toBe(ENTRY_COLUMNS.join(","));
    expect(entries).toHaveLength(Object.keys(final.game.journal).length + 1);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });
});

describe("the players' ending", () => {
  it("is empty before the end", () => {
    const mid = sessionAt(replay, Math.floor(log.length / 2));
    expect(endingFor(mid, mid.game.seats[0]!)).toBeNull();
  });

  it("'what the game recorded about you' holds every event concerning the player, and no one else's goals", () => {
    const g = final.game;
    for (const seat of g.seats) {
      const ending = endingFor(final, seat)!;
      const me = ending.me!;
      // every score change in the log, with its cause
      const changes = log.flatMap(({ event }) => (event.type === "score_changed" && event.seat === seat ? [event] : []));
      expect(me.scoreChanges.map((c) => c.delta).sort(), `${seat} score changes`).toEqual(changes.map((c) => c.delta).sort());
      expect(me.startScore + me.scoreChanges.reduce((a, c) => a + c.delta, 0)).toBe(me.scored ? g.players[seat]!.score : me.startScore);
      const deeds = log.flatMap(({ event }) => (event.type === "deed_done" && event.occurrence.actor === seat ? [event.occurrence.id] : []));
      expect(me.deeds.map((d) => d.id).sort()).toEqual(deeds.sort());
      const about = log.flatMap(({ event }) => (event.type === "entry_written" && event.entry.subject === seat ? [event.entry.id] : []));
      expect(me.entriesAboutMe.map((e) => e.id).sort()).toEqual(about.sort());
      const written = log.flatMap(({ event }) => (event.type === "entry_written" && event.entry.author === seat ? [event.entry.id] : []));
      expect(me.entriesIWrote.map((e) => e.id).sort()).toEqual(written.sort());
      const reviewed = new Set(log.flatMap(({ event }) => (event.type === "entry_reviewed" && event.reviewer === seat ? [event.entry] : [])));
      for (const id of reviewed) if (g.journal[id]!.reviewer === seat) expect(me.decisionsIMade.some((d) => d.id === id)).toBe(true);
      const appeals = log.flatMap(({ event }) => (event.type === "appeal_filed" && event.appeal.appellant === seat ? [event.appeal.id] : []));
      expect(me.myAppeals.map((a) => a.id).sort()).toEqual(appeals.sort());
      expect(me.listings).toHaveLength(g.blacklist.filter((r) => r.seat === seat).length);
      // only my own goals in my record; the others' only as the public reveal lists them
      expect(me.goals.map((x) => x.goal)).toEqual(g.players[seat]!.goals.map((id) => pilot.goals.find((c) => c.id === id)!.label));
      const json = JSON.stringify(me);
      for (const other of g.seats) if (other !== seat) for (const id of g.players[other]!.goals) {
        if (!g.players[seat]!.goals.includes(id)) expect(json.includes(JSON.stringify(pilot.goals.find((c) => c.id === id)!.label))).toBe(false);
      }
      // no other player's ally/target, no authors or reviewers of entries about me
      expect(Object.keys(me.entriesAboutMe[0] ?? {})).not.toContain("author");
      expect(Object.keys(me.entriesAboutMe[0] ?? {})).not.toContain("reviewer");
    }
    const reveal = endingFor(final, g.seats[0]!)!.reveal;
    expect(reveal.goals).toHaveLength(g.seats.reduce((n, s) => n + g.players[s]!.goals.length, 0));
    expect(reveal.wrongfulListings.length).toBeGreaterThan(0);
    expect(reveal.falseEntries.length).toBe(Object.values(g.journal).filter((e) => !e.truthful).length);
  });
});
