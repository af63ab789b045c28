/** The `targets` section: every built-in scenario has one; a bad band is refused, naming the field. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bandAtSize, MEASURES, parseScenario } from "../../../shared/scenario/index.ts";

const DIR = join(import.meta.dirname, "..", "..", "..", "assets", "scenarios");
const read = (f: string) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as Record<string, unknown>;
const pilot = read("rongcheng-pilot.json");

function errorsFor(targets: unknown) {
  const r = parseScenario({ ...pilot, targets });
  return r.ok ? [] : r.errors;
}

describe("scenario targets", () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith(".json")))("%s has experience targets, all from the catalogue", (file) => {
    const r = parseScenario(read(file));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const names = Object.keys(r.scenario.targets ?? {});
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) if (n !== "players") expect(MEASURES).toContain(n);
    expect(r.scenario.targets?.play_minutes?.max).toBeDefined();
  });

  it("the default scenario carries the issue's bands for a 24-player class", () => {
    const r = parseScenario(pilot);
    if (!r.ok) throw new Error("pilot does not load");
    expect(r.scenario.targets).toMatchObject({
      perk_grade_share: { min: 0.15, max: 0.4 },
      restricted_share: { min: 0.15, max: 0.4 },
      games_with_blacklisting: { min: 0.6, max: 0.9 },
      games_with_wrongful_blacklisting: { min: 0.3, max: 0.6 },
      games_with_cosigned_loan: { min: 0.6 },
      games_with_cosigner_drop: { min: 0.25, max: 0.6 },
      day1_gated_purchase_share: { max: 0.3 },
      goal_met_rate: { min: 0.2, max: 0.8 },
      meaningful_action_share: { min: 0.8 },
      play_minutes: { max: 25 },
    });
  });

  it("refuses an unknown measure and lists the known ones", () => {
    expect(errorsFor({ perk_share: { min: 0.1 } })).toEqual([{ path: "targets.perk_share", message: expect.stringContaining("unknown measure (known: perk_grade_share,") }]);
  });

  it("refuses min above max, an empty band, an unknown bound and a non-number", () => {
    expect(errorsFor({ perk_grade_share: { min: 0.5, max: 0.2 } })).toEqual([{ path: "targets.perk_grade_share.min", message: "min 0.5 is above max 0.2" }]);
    expect(errorsFor({ games_with_blacklisting: {} })).toEqual([{ path: "targets.games_with_blacklisting", message: "a band needs min, max or both" }]);
    expect(errorsFor({ play_minutes: { max: 25, target: 20 } })).toEqual([{ path: "targets.play_minutes.target", message: "unknown field" }]);
    expect(errorsFor({ play_minutes: { max: "25" } }).map((e) => e.path)).toEqual(["targets.play_minutes.max"]);
  });

  it("refuses a share outside 0–1 and a negative number", () => {
    expect(errorsFor({ restricted_share: { max: 40 } })).toEqual([{ path: "targets.restricted_share.max", message: "a share is between 0 and 1 (got 40)" }]);
    expect(errorsFor({ false_entries_per_game: { min: -1 } })).toEqual([{ path: "targets.false_entries_per_game.min", message: "cannot be negative (got -1)" }]);
  });

  it("per-card and per-role overrides must name a goal card of the scenario and a role", () => {
    expect(errorsFor({ goal_met_rate: { min: 0.2, cards: { visit_mother: { min: 0.1 }, fly_to_mars: { min: 0.1 } } } })).toEqual([
      { path: "targets.goal_met_rate.cards.fly_to_mars", message: 'unknown goal card "fly_to_mars"' },
    ]);
    expect(errorsFor({ goal_met_rate: { min: 0.2, cards: { visit_mother: { max: 1.5 } } } })).toEqual([
      { path: "targets.goal_met_rate.cards.visit_mother.max", message: "a share is between 0 and 1 (got 1.5)" },
    ]);
    expect(errorsFor({ meaningful_action_share: { min: 0.8, roles: { judge: { min: 0.5 } } } }).map((e) => e.path)).toEqual(["targets.meaningful_action_share.roles.judge"]);
    expect(errorsFor({ meaningful_action_share: { min: 0.8, roles: { official: { min: 0.5 } } } })).toEqual([]);
  });

  it("the class size the bands are written for is a whole number of players", () => {
    expect(errorsFor({ players: 24, games_with_blacklisting: { min: 0.6 } })).toEqual([]);
    expect(errorsFor({ players: 1.5 }).map((e) => e.path)).toEqual(["targets.players"]);
    expect(errorsFor({ players: 0 }).map((e) => e.path)).toEqual(["targets.players"]);
  });

  it("bands of what grows with the class move to the class size; shares of people do not", () => {
    // games with at least one listing: the same chance per person over half or one and a half the class
    const at12 = bandAtSize("games_with_blacklisting", { min: 0.6, max: 0.9 }, 12, 24);
    expect(at12.min).toBeCloseTo(1 - Math.sqrt(0.4), 10);
    expect(at12.max).toBeCloseTo(1 - Math.sqrt(0.1), 10);
    const at36 = bandAtSize("games_with_wrongful_blacklisting", { min: 0.3, max: 0.6 }, 36, 24);
    expect(at36.min).toBeCloseTo(1 - Math.pow(0.7, 1.5), 10);
    expect(at36.max).toBeCloseTo(1 - Math.pow(0.4, 1.5), 10);
    expect(bandAtSize("games_with_appeal_upheld", { min: 0.4 }, 12, 24)).toEqual({ min: expect.closeTo(1 - Math.sqrt(0.6), 10) });
    expect(bandAtSize("false_entries_per_game", { min: 2 }, 36, 24)).toEqual({ min: 3 });
    expect(bandAtSize("perk_grade_share", { min: 0.15, max: 0.4 }, 36, 24)).toEqual({ min: 0.15, max: 0.4 });
    expect(bandAtSize("goal_met_rate", { min: 0.2, max: 0.8 }, 12, 24)).toEqual({ min: 0.2, max: 0.8 });
    expect(bandAtSize("games_with_blacklisting", { min: 0.6, max: 0.9 }, 24, 24)).toEqual({ min: 0.6, max: 0.9 });
  });

  it("a scenario of one's own may leave targets out", () => {
    const { targets: _t, ...rest } = pilot;
    expect(parseScenario(rest).ok).toBe(true);
  });
});
