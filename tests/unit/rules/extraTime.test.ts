/** Extra time for one player: the phase waits for them, nobody else is cut off, it resets next phase. */
import { describe, expect, it } from "vitest";
import { phaseDeadline, viewFor } from "../../../shared/rules/index.ts";
import { HOST, CLOCK, ctx, ok, rejected, run, to, town } from "./helpers.ts";

describe("extend for one player", () => {
  it("keeps the phase open until that player's extra time has run out too", () => {
    const s = to(town(), "day");
    const base = s.phaseEndsAt!;
    const extended = ok(s, HOST, { kind: "extend", seconds: 60, seatId: "r1" });
    expect(extended.phaseEndsAt).toBe(base); // the board's deadline is unchanged
    expect(phaseDeadline(extended)).toBe(base + 60_000);
    rejected(extended, CLOCK, { kind: "advance" }, "phase_not_over", ctx(base + 1));
    const later = run(extended, CLOCK, { kind: "advance" }, ctx(base + 60_000));
    expect(later.decision.ok).toBe(true);
    expect(later.state.phase).toBe("evening");
    expect(later.state.extraTime).toEqual({});
  });

  it("adds up, shows only in that player's own view, and refuses unknown seats", () => {
    let s = to(town(), "day");
    s = ok(s, HOST, { kind: "extend", seconds: 30, seatId: "r1" });
    s = ok(s, HOST, { kind: "extend", seconds: 30, seatId: "r1" });
    expect(s.extraTime).toEqual({ r1: 60_000 });
    const mine = viewFor(s, { kind: "seat", seat: "r1" }) as { myExtraTime: number };
    const theirs = viewFor(s, { kind: "seat", seat: "r2" }) as { myExtraTime: number };
    expect(mine.myExtraTime).toBe(60_000);
    expect(theirs.myExtraTime).toBe(0);
    rejected(s, HOST, { kind: "extend", seconds: 30, seatId: "nobody" }, "unknown_seat");
    rejected(s, "r1", { kind: "extend", seconds: 30, seatId: "r1" }, "not_facilitator");
  });
});
