/** The experience measures against an independent reading of the same games' raw events. */
import { describe, expect, it } from "vitest";
import { gatedServices, measure, playGame, widen, type PlayedGame } from "../../../shared/sim/index.ts";
import { loadScenario } from "../rules/helpers.ts";

const pilot = loadScenario("rongcheng-pilot");
const games: PlayedGame[] = [1, 2, 3, 4, 5, 6].map((seed) => playGame(pilot, { players: 16, seed, keepLog: true, measure: true, mix: { careless: 0.2, random: 0.05 } }));
const rows = measure(pilot, games.map((g) => g.tally!), 16);
const value = (name: string) => rows.find((r) => r.name === name)?.value;

describe("experience measures", () => {
  it("appeals, loans and day-1 purchases match a count made from the events alone", () => {
    const gated = gatedServices(pilot);
    let reversed = 0;
    let upheld = 0;
    let undecided = 0;
    let cosigned = 0;
    let bought = 0;
    let day1 = 0;
    for (const g of games) {
      let day = 0;
      const decided = new Set<string>();
      const filed = new Set<string>();
      const outcome = { reversed: false, upheld: false, undecided: false };
      for (const e of g.log) {
        if (e.type === "phase_started") day = e.day;
        if (e.type === "appeal_filed") filed.add(e.appeal.id);
        if (e.type === "appeal_decided") {
          decided.add(e.appeal);
          if (e.by === "policy") outcome.undecided = true;
          else if (e.outcome === "reversed") outcome.reversed = true;
          else outcome.upheld = true;
        }
        if (e.type === "service_used" && gated.has(e.service)) {
          bought++;
          if (day === 1) day1++;
        }
      }
      if ([...filed].some((id) => !decided.has(id))) outcome.undecided = true;
      reversed += outcome.reversed ? 1 : 0;
      upheld += outcome.upheld ? 1 : 0;
      undecided += outcome.undecided ? 1 : 0;
      if (g.log.some((e) => e.type === "loan_cosigned")) cosigned++;
    }
    expect(value("games_with_appeal_reversed")).toBe(reversed / games.length);
    expect(value("games_with_appeal_upheld")).toBe(upheld / games.length);
    expect(value("games_with_appeal_undecided")).toBe(undecided / games.length);
    expect(value("games_with_cosigned_loan")).toBe(cosigned / games.length);
    expect(bought).toBeGreaterThan(0);
    expect(value("day1_gated_purchase_share")).toBe(day1 / bought);
  });

  it("counts residents' reports per game, and has nothing to count where the scenario has no reporting", () => {
    const reports = games.reduce((n, g) => n + g.log.filter((e) => e.type === "entry_written" && e.entry.source === "report").length, 0);
    expect(reports).toBeGreaterThan(0);
    expect(value("reports_per_game")).toBe(reports / games.length);
    const quiet = { ...pilot, reporting: { enabled: false, reward: 0 } };
    const played = [1, 2].map((seed) => playGame(quiet, { players: 12, seed, measure: true }));
    expect(played.every((g) => Object.values(g.state.journal).every((e) => e.source !== "report"))).toBe(true);
    expect(measure(quiet, played.map((g) => g.tally!), 12).find((r) => r.name === "reports_per_game")).toMatchObject({ value: null, met: null });
  });

  it("every goal card and every role has a row; play time comes from the phases", () => {
    for (const card of pilot.goals) expect(rows.some((r) => r.name === `goal_met_rate[${card.id}]`)).toBe(true);
    for (const role of ["resident", "watcher", "official"]) {
      const r = rows.find((x) => x.name === `meaningful_action_share[${role}]`)!;
      expect(r.n).toBeGreaterThan(0);
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(1);
    }
    const p = pilot.phases;
    expect(value("play_minutes")).toBe((p.days * (p.morning + p.day + p.evening + p.night)) / 60);
  });

  it("a row carries the band as written and the band it is judged by at its class size", () => {
    const listing = rows.find((r) => r.name === "games_with_blacklisting")!;
    expect(listing.written).toEqual({ min: 0.6, max: 0.9 });
    expect(listing.band!.min).toBeCloseTo(1 - Math.pow(0.4, 16 / 24), 10);
    expect(listing.met).toBe(listing.value! >= listing.band!.min! && listing.value! <= listing.band!.max!);
    const perks = rows.find((r) => r.name === "perk_grade_share")!;
    expect(perks.band).toEqual(perks.written);
  });

  it("a band is widened by the sample's standard error: shares stay within 0–1, play time never moves", () => {
    expect(widen({ min: 0.6, max: 0.9 }, { measure: "games_with_blacklisting", n: 100 }, 2)).toEqual({ min: 0.5, max: 1 });
    expect(widen({ min: 0.2 }, { measure: "perk_grade_share", n: 400 }, 2)).toEqual({ min: expect.closeTo(0.15, 10) });
    expect(widen({ max: 25 }, { measure: "play_minutes", n: 1 }, 2)).toEqual({ max: 25 });
    expect(widen({ min: 1 }, { measure: "false_entries_per_game", n: 100 }, 2)).toEqual({ min: expect.closeTo(0.9, 10) });
    expect(widen({ min: 0.6 }, { measure: "games_with_blacklisting", n: 100 }, 0)).toEqual({ min: 0.6 });
  });
});
