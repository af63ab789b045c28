/** A late joiner takes over a bot's seat: the role, record and goals stay; the bot stops. */
import { describe, expect, it } from "vitest";
import { newGame, viewFor } from "../../../shared/rules/index.ts";
import { HOST, ok, pilot, rejected } from "./helpers.ts";

function withBot() {
  let s = newGame(pilot());
  for (const [seat, role] of [["r1", "resident"], ["r2", "resident"], ["w1", "watcher"], ["o1", "official"]] as const) {
    s = ok(s, HOST, { kind: "add_seat", seat, nickname: seat.toUpperCase() });
    s = ok(s, HOST, { kind: "assign_role", seatId: seat, role });
  }
  s = ok(s, HOST, { kind: "add_seat", seat: "b1", nickname: "Ada", bot: "conformist" });
  s = ok(s, HOST, { kind: "assign_role", seatId: "b1", role: "resident" });
  s = ok(s, HOST, { kind: "start" });
  return ok(s, HOST, { kind: "add_seat", seat: "late", nickname: "Latecomer" }); // joins as an observer
}

describe("take_bot_seat", () => {
  it("gives the bot's seat, with its role, score and goals, to the observer", () => {
    const s = withBot();
    expect(s.players.late?.role).toBe("observer");
    const bot = s.players.b1!;
    const after = ok(s, HOST, { kind: "take_bot_seat", seat: "late", bot: "b1" });
    expect(after.players.late).toBeUndefined();
    expect(after.seats).not.toContain("late");
    expect(after.players.b1).toEqual({ ...bot, bot: null, nickname: "Latecomer" });
    expect(viewFor(after, { kind: "seat", seat: "b1" }).kind).toBe("resident");
  });

  it("refuses a seat that is not a bot, a player who already plays, unknown seats and non-facilitators", () => {
    const s = withBot();
    rejected(s, HOST, { kind: "take_bot_seat", seat: "late", bot: "r1" }, "not_a_bot");
    rejected(s, HOST, { kind: "take_bot_seat", seat: "r2", bot: "b1" }, "already_playing");
    rejected(s, HOST, { kind: "take_bot_seat", seat: "ghost", bot: "b1" }, "unknown_seat");
    rejected(s, "late", { kind: "take_bot_seat", seat: "late", bot: "b1" }, "not_facilitator");
  });
});
