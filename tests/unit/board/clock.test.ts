/** The board's countdown: right on a projector whose clock is minutes off, frozen while paused. */
import { describe, expect, it } from "vitest";
import { ServerClock, formatLeft } from "../../../client/board/clock.ts";
import type { BoardView } from "../../../shared/rules/views.ts";
import type { Scenario } from "../../../shared/scenario/index.ts";

const rulebook = { phases: { days: 4, morning: 30, day: 240, evening: 120, night: 30 } } as Scenario;
const board = (over: Partial<BoardView>): BoardView =>
  ({ kind: "board", phase: "morning", day: 1, paused: false, phaseEndsAt: null, pausedLeft: null, players: [], feed: [], honourRoll: [], blacklist: [], cards: [], cameras: [], deedPoints: {}, ...over }) as BoardView;

describe("the board's countdown", () => {
  const server = 1_700_000_000_000;
  const skew = 7 * 60_000; // this laptop is seven minutes fast
  const local = (serverTime: number) => serverTime + skew;

  it("learns the offset exactly when a phase starts, and counts down in server time", () => {
    const clock = new ServerClock();
    clock.observe(board({ phase: "morning", phaseEndsAt: server + 30_000 }), rulebook, local(server));
    // the day phase starts at server + 30 s and lasts 240 s
    const start = server + 30_000;
    clock.observe(board({ phase: "day", phaseEndsAt: start + 240_000 }), rulebook, local(start));
    expect(clock.offset).toBe(-skew);
    expect(clock.left(board({ phase: "day", phaseEndsAt: start + 240_000 }), local(start + 60_000))).toBe(180_000);
  });

  it("opened mid-phase after an extension, trusts the deadline and learns nothing from a state not yet synced", () => {
    const clock = new ServerClock();
    // a room's state before the server's first full state: no phase, no day (issue 13, item 10)
    clock.observe(board({ phase: undefined as unknown as BoardView["phase"], day: undefined as unknown as number }), rulebook, server);
    // the day was extended by 20 minutes before this board opened: 1,200 + 100 s are left
    const endsAt = server + 1_300_000;
    clock.observe(board({ phase: "day", phaseEndsAt: endsAt }), rulebook, server);
    expect(clock.left(board({ phase: "day", phaseEndsAt: endsAt }), server)).toBe(1_300_000);
  });

  it("learns it again on resume, from the time that was left", () => {
    const clock = new ServerClock();
    clock.observe(board({ phase: "day", paused: true, pausedLeft: 95_000 }), rulebook, local(server));
    const resumedAt = server + 10_000;
    clock.observe(board({ phase: "day", phaseEndsAt: resumedAt + 95_000 }), rulebook, local(resumedAt));
    expect(clock.offset).toBe(-skew);
  });

  it("shows the frozen time while paused, and nothing outside play", () => {
    const clock = new ServerClock();
    expect(clock.left(board({ paused: true, pausedLeft: 61_000 }), 0)).toBe(61_000);
    expect(clock.left(board({ phase: "ended" }), 0)).toBeNull();
    expect(clock.left(board({ phaseEndsAt: 1000 }), 5000), "never below zero").toBe(0);
  });

  it("trusts the HTTP Date header only for a clear skew (it has whole seconds)", () => {
    const clock = new ServerClock();
    const at = Date.UTC(2026, 0, 1, 9, 0, 0);
    clock.fromDateHeader(new Date(at).toUTCString(), at + 300, at + 500);
    expect(clock.offset).toBe(0);
    clock.fromDateHeader(new Date(at).toUTCString(), local(at), local(at) + 100);
    expect(Math.abs(clock.offset + skew)).toBeLessThanOrEqual(1000);
  });

  it("reads m:ss, or h:mm:ss past an hour, rounding up", () => {
    expect(formatLeft(0)).toBe("0:00");
    expect(formatLeft(1)).toBe("0:01");
    expect(formatLeft(245_000)).toBe("4:05");
    expect(formatLeft(3_729_000)).toBe("1:02:09");
  });
});
