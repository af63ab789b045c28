import { describe, expect, it } from "vitest";
import { HOST, CLOCK, ctx, ok, pilot, rejected, to, town } from "./helpers.ts";

describe("phases and the facilitator's clock controls", () => {
  it("cycles morning → day → evening → night, then the next morning", () => {
    let s = town();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(`${s.day}:${s.phase}`);
      s = ok(s, HOST, { kind: "advance" });
    }
    expect(seen).toEqual(["1:morning", "1:day", "1:evening", "1:night", "2:morning"]);
  });

  it("ends after the last night; then every command is refused as game_over", () => {
    let s = town();
    for (let i = 0; i < pilot().phases.days * 4; i++) s = ok(s, HOST, { kind: "advance" });
    expect(s.phase).toBe("ended");
    rejected(s, HOST, { kind: "advance" }, "game_over");
    rejected(s, "r1", { kind: "move", to: "market" }, "game_over");
  });

  it("the clock advances only once the phase timer has run out and not while paused", () => {
    const s = town();
    const ends = s.phaseEndsAt!;
    rejected(s, CLOCK, { kind: "advance" }, "phase_not_over", ctx(ends - 1));
    expect(ok(s, CLOCK, { kind: "advance" }, ctx(ends)).phase).toBe("day");
    const paused = ok(s, HOST, { kind: "pause" }, ctx(ends - 100));
    rejected(paused, CLOCK, { kind: "advance" }, "paused", ctx(ends + 1));
    rejected(s, "r1", { kind: "advance" }, "not_facilitator");
  });

  it("a skip names the phase it ends: one pressed as the clock ended that phase ends nothing", () => {
    const s = town();
    const ends = s.phaseEndsAt!;
    const skip = { kind: "advance", from: { day: 1, phase: "morning" } } as const;
    const byClock = ok(s, CLOCK, { kind: "advance", from: { day: 1, phase: "morning" } }, ctx(ends));
    expect(byClock.phase).toBe("day");
    rejected(byClock, HOST, skip, "stale_phase", ctx(ends + 10)); // the daytime is not lost
    rejected(s, HOST, { kind: "advance", from: { day: 2, phase: "morning" } }, "stale_phase");
    expect(ok(s, HOST, skip).phase).toBe("day");
    expect(ok(byClock, HOST, { kind: "advance", from: { day: 1, phase: "day" } }).phase).toBe("evening");
  });

  it("pause keeps the time left, resume restarts it, extend adds to it", () => {
    const s = town();
    const ends = s.phaseEndsAt!;
    const paused = ok(s, HOST, { kind: "pause" }, ctx(ends - 10_000));
    expect(paused.paused).toBe(true);
    expect(paused.pausedLeft).toBe(10_000);
    rejected(paused, HOST, { kind: "pause" }, "paused");
    const longer = ok(paused, HOST, { kind: "extend", seconds: 5 });
    expect(longer.pausedLeft).toBe(15_000);
    const resumed = ok(longer, HOST, { kind: "resume" }, ctx(50_000));
    expect(resumed.phaseEndsAt).toBe(65_000);
    rejected(resumed, HOST, { kind: "resume" }, "not_paused");
    expect(ok(resumed, HOST, { kind: "extend", seconds: 60 }).phaseEndsAt).toBe(125_000);
    rejected(resumed, HOST, { kind: "extend", seconds: 0 }, "invalid_command");
    rejected(resumed, "r1", { kind: "pause" }, "not_facilitator");
  });

  it("players cannot act while the game is paused", () => {
    const day = to(town(), "day");
    const paused = ok(day, HOST, { kind: "pause" });
    rejected(paused, "r1", { kind: "move", to: "market" }, "paused");
  });

  it("day cards are drawn in the morning; inject_card plays a card now", () => {
    const s = town();
    expect(s.cards.map((c) => c.card)).toEqual(["welcome"]);
    const day2 = to(ok(to(s, "night"), HOST, { kind: "advance" }), "morning");
    expect(day2.cards.map((c) => c.card)).toContain("lost_wallets");
    const offered = day2.seats.filter((x) => day2.players[x]!.offers.includes("return_wallet"));
    expect(offered.length).toBe(3);
    rejected(s, HOST, { kind: "inject_card", card: "nope" }, "unknown_card");
    const cam = ok(s, HOST, { kind: "inject_card", card: "cafe_camera" });
    expect(cam.cameras).toContain("internet_cafe");
    const rich = ok(s, HOST, { kind: "inject_card", card: "bonus" });
    expect(rich.players.r1!.money).toBe(s.players.r1!.money + 30);
    expect(rich.players.o1!.money).toBe(s.players.o1!.money);
  });

  it("end finishes the game at once", () => {
    const s = ok(town(), HOST, { kind: "end" });
    expect(s.phase).toBe("ended");
    rejected(s, HOST, { kind: "end" }, "game_over");
  });

  it("action points are restored each morning", () => {
    let s = to(town(), "day");
    s = ok(s, "r1", { kind: "move", to: "market", by: "walk" });
    expect(s.players.r1!.ap).toBe(2);
    s = to(ok(s, HOST, { kind: "advance" }), "morning");
    expect(s.players.r1!.ap).toBe(3);
  });
});
