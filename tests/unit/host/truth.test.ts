/** The god view's filters (truth itself comes judged in the facilitator's view: tests/unit/rules/views.test.ts). */
import { describe, expect, it } from "vitest";
import { NO_FILTER, passes } from "../../../client/host/truth.ts";
import type { Player } from "../../../shared/rules/state.ts";

const state = {
  players: { ann: { role: "resident" } as Player, ben: { role: "resident" } as Player, w: { role: "watcher" } as Player },
};

describe("the god view's filters", () => {
  it("filters by player, by the role of anyone involved, and by day", () => {
    expect(passes(state, NO_FILTER, ["ann"], 1)).toBe(true);
    expect(passes(state, { ...NO_FILTER, player: "ben" }, ["ann", "w"], 1)).toBe(false);
    expect(passes(state, { ...NO_FILTER, role: "watcher" }, ["ann", "w"], 1)).toBe(true);
    expect(passes(state, { ...NO_FILTER, role: "official" }, ["ann", "w"], 1)).toBe(false);
    expect(passes(state, { ...NO_FILTER, day: "2" }, ["ann"], 1)).toBe(false);
    expect(passes(state, { ...NO_FILTER, day: "2" }, ["ann"], null)).toBe(true);
  });
});
