import { describe, expect, it } from "vitest";
import { apply, newGame, viewFor, type GameState } from "../../../shared/rules/index.ts";
import { touches } from "../../../shared/rules/touches.ts";
import { playGame } from "../../../shared/sim/index.ts";
import { loadScenario } from "./helpers.ts";

/** A seat's view without the public board (which every client rebuilds from the public state). */
function ownView(s: GameState, seat: string): string {
  const { board: _board, ...own } = viewFor(s, { kind: "seat", seat }) as unknown as Record<string, unknown>;
  return JSON.stringify(own);
}

describe("touches", () => {
  for (const [scenarioId, seed] of [["rongcheng-pilot", 5], ["court-blacklist", 9], ["commercial-credit", 13], ["quick-demo", 21]] as const) {
    it(`names every seat whose view an event changes (${scenarioId}, seed ${seed})`, () => {
      const scenario = loadScenario(scenarioId);
      const game = playGame(scenario, { players: 14, seed, keepLog: true, mix: { careless: 0.2, random: 0.25 } });
      let state = newGame(scenario);
      let views = new Map<string, string>();
      let narrowed = 0;
      for (const event of game.log) {
        const next = apply(state, event);
        const touched = touches(event, state, next);
        if (touched !== "all") {
          narrowed++;
          for (const seat of next.seats) {
            if (touched.has(seat)) continue;
            const before = views.get(seat) ?? ownView(state, seat);
            expect(ownView(next, seat), `${event.type} changed ${seat}'s view`).toBe(before);
          }
        }
        state = next;
        views = touched === "all" ? new Map() : new Map([...views].filter(([seat]) => !touched.has(seat)));
      }
      expect(narrowed).toBeGreaterThan(0);
    });
  }
});
