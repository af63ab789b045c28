import { describe, expect, it } from "vitest";
import { createRng, goalMet, goalReport, type Role } from "../../../shared/rules/index.ts";
import { dealGoals } from "../../../shared/rules/goals.ts";
import { ok, pilot, to, town, withPlayer } from "./helpers.ts";

describe("secret goals", () => {
  it("every player is dealt goals of their own role", () => {
    const s = town({ residents: 4, watchers: 2, officials: 2 });
    for (const seat of s.seats) {
      const p = s.players[seat]!;
      for (const g of p.goals) expect(s.scenario.goals.find((x) => x.id === g)?.role).toBe(p.role);
    }
    // one card each, and the journalist's card for whoever an official wants silenced
    const journalists = s.seats.filter((seat) => s.players[seat]!.goals.includes("journalist")).length;
    expect(goalReport(s).length).toBe(8 + journalists);
  });

  it("are judged from the state: items by a day, grades kept, wellbeing, quotas", () => {
    // tickets are sold from day 2 and cost more than the starting money
    let s = to(to(to(town(), "day"), "night"), "day");
    s = withPlayer(s, "r1", { goals: ["visit_mother", "stay_a", "enjoy_life"], money: 200 });
    expect(goalMet(s, "r1", "visit_mother")).toBe(false);
    s = ok(s, "r1", { kind: "move", to: "station", by: "bus" });
    s = ok(s, "r1", { kind: "act", action: "train_ticket" });
    expect(goalMet(s, "r1", "visit_mother")).toBe(true);
    expect(goalMet(s, "r1", "stay_a")).toBe(true);
    expect(goalMet(withPlayer(s, "r1", { worstGradeIndex: 3 }), "r1", "stay_a")).toBe(false);
    expect(goalMet(withPlayer(s, "r1", { wellbeing: 7 }), "r1", "enjoy_life")).toBe(false);
    expect(goalMet(withPlayer(s, "r1", { wellbeing: 8 }), "r1", "enjoy_life")).toBe(true);
    s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "litter", basis: "hearsay" });
    expect(goalMet(withPlayer(s, "w1", { goals: ["only_witnessed"] }), "w1", "only_witnessed")).toBe(false);
    // clearing the backlog means deciding appeals oneself: nobody has decided any yet
    expect(goalMet(s, "o1", "clear_backlog")).toBe(false);
  });

  it("the official's target is dealt the journalist's card, never drawn at random", () => {
    const scenario = pilot();
    const sc = { ...scenario, goals: scenario.goals.filter((g) => g.role !== "official" || g.id === "silence_journalist") };
    const s = town({ scenario: sc, residents: 6, watchers: 2, officials: 2 });
    const roles: Record<string, Role> = Object.fromEntries(s.seats.map((seat) => [seat, s.players[seat]!.role!]));
    for (let seed = 1; seed <= 20; seed++) {
      const deal = dealGoals(s, roles, createRng(seed));
      const targets = new Set(Object.values(deal.targets));
      expect(targets.size).toBeGreaterThan(0);
      for (const seat of s.seats) {
        const journalist = deal.goals[seat]!.includes("journalist");
        expect(journalist).toBe(targets.has(seat));
        if (journalist) expect(roles[seat]).toBe("resident");
      }
    }
  });

  it("an ally's final grade and an official's own appeal decisions are judged too", () => {
    const s = to(town(), "day");
    const o = withPlayer(s, "o1", { goals: ["protect_ally", "clear_backlog"], ally: "r2" });
    expect(goalMet(o, "o1", "protect_ally")).toBe(false);
    expect(goalMet(withPlayer(o, "r2", { grade: "aa" }), "o1", "protect_ally")).toBe(true);
    expect(goalMet(withPlayer(o, "r2", { grade: "aa", blacklisted: true }), "o1", "protect_ally")).toBe(false);
    const decided = (by: string) => ({ id: "a", entry: "e", appellant: "r1", reason: "context" as const, evidence: null, footage: null, filedDay: 1, evenings: 0, status: "upheld" as const, decidedBy: by, decidedDay: 1 });
    const card = o.scenario.goals.find((g) => g.id === "clear_backlog")!.check;
    const count = card.kind === "appeals_decided" ? card.count : 0;
    expect(count).toBeGreaterThan(1);
    const appeals = Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, { ...decided(i < count - 1 ? "o1" : "o2"), id: `a${i}` }]));
    expect(goalMet({ ...o, appeals }, "o1", "clear_backlog")).toBe(false);
    const last = `a${count - 1}`;
    expect(goalMet({ ...o, appeals: { ...appeals, [last]: { ...appeals[last]!, decidedBy: "o1" } } }, "o1", "clear_backlog")).toBe(true);
  });
});
