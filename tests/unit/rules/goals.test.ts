import { describe, expect, it } from "vitest";
import { goalMet, goalReport } from "../../../shared/rules/index.ts";
import { ok, to, town, withPlayer } from "./helpers.ts";

describe("secret goals", () => {
  it("every player is dealt goals of their own role", () => {
    const s = town({ residents: 4, watchers: 2, officials: 2 });
    for (const seat of s.seats) {
      const p = s.players[seat]!;
      for (const g of p.goals) expect(s.scenario.goals.find((x) => x.id === g)?.role).toBe(p.role);
    }
    expect(goalReport(s).length).toBe(8);
  });

  it("are judged from the state: items by a day, grades kept, wellbeing, quotas", () => {
    let s = to(town(), "day");
    s = withPlayer(s, "r1", { goals: ["visit_mother", "stay_a", "enjoy_life"] });
    expect(goalMet(s, "r1", "visit_mother")).toBe(false);
    s = ok(s, "r1", { kind: "move", to: "station", by: "bus" });
    s = ok(s, "r1", { kind: "act", action: "train_ticket" });
    expect(goalMet(s, "r1", "visit_mother")).toBe(true);
    expect(goalMet(s, "r1", "stay_a")).toBe(true);
    expect(goalMet(withPlayer(s, "r1", { worstGradeIndex: 3 }), "r1", "stay_a")).toBe(false);
    expect(goalMet(withPlayer(s, "r1", { wellbeing: 7 }), "r1", "enjoy_life")).toBe(true);
    s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "litter", basis: "hearsay" });
    expect(goalMet(withPlayer(s, "w1", { goals: ["only_witnessed"] }), "w1", "only_witnessed")).toBe(false);
    expect(goalMet(s, "o1", "clear_backlog")).toBe(true);
  });
});
