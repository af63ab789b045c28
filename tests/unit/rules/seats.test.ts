import { describe, expect, it } from "vitest";
import { ROLES, newGame, roleTargets, type Role } from "../../../shared/rules/index.ts";
import { HOST, CLOCK, ctx, ok, pilot, rejected, run, town } from "./helpers.ts";

describe("lobby: seats and roles", () => {
  it("the facilitator seats players; seats cannot seat themselves", () => {
    const s0 = newGame(pilot());
    const s1 = ok(s0, HOST, { kind: "add_seat", seat: "s1", nickname: "Mei" });
    expect(s1.seats).toEqual(["s1"]);
    expect(s1.players.s1?.role).toBeNull();
    rejected(s1, "s1", { kind: "add_seat", seat: "s2", nickname: "Li" }, "not_facilitator");
    rejected(s1, CLOCK, { kind: "add_seat", seat: "s2", nickname: "Li" }, "not_facilitator");
    rejected(s1, HOST, { kind: "add_seat", seat: "s1", nickname: "Again" }, "seat_taken");
  });

  it("remove_seat works in the lobby only", () => {
    let s = ok(newGame(pilot()), HOST, { kind: "add_seat", seat: "s1", nickname: "Mei" });
    rejected(s, HOST, { kind: "remove_seat", seat: "nobody" }, "unknown_seat");
    s = ok(s, HOST, { kind: "remove_seat", seat: "s1" });
    expect(s.seats).toEqual([]);
    rejected(town(), HOST, { kind: "remove_seat", seat: "r1" }, "wrong_phase");
  });

  it("assign_role records the facilitator's choice and refuses unknown seats and roles", () => {
    let s = ok(newGame(pilot()), HOST, { kind: "add_seat", seat: "s1", nickname: "Mei" });
    s = ok(s, HOST, { kind: "assign_role", seatId: "s1", role: "watcher" });
    expect(s.players.s1?.role).toBe("watcher");
    rejected(s, HOST, { kind: "assign_role", seatId: "zz", role: "watcher" }, "unknown_seat");
    rejected(s, HOST, { kind: "assign_role", seatId: "s1", role: "king" as never }, "role_unavailable");
    rejected(s, "s1", { kind: "assign_role", seatId: "s1", role: "official" }, "not_facilitator");
    rejected(town(), HOST, { kind: "assign_role", seatId: "r1", role: "official" }, "wrong_phase");
  });

  it("auto_balance follows the scenario's ratios and records the outcome in the event", () => {
    let s = newGame(pilot());
    for (let i = 0; i < 30; i++) s = ok(s, HOST, { kind: "add_seat", seat: `s${i}`, nickname: `P${i}` });
    const r = run(s, HOST, { kind: "auto_balance" }, ctx(0, 3));
    expect(r.decision.ok).toBe(true);
    const event = r.decision.ok ? r.decision.events[0] : undefined;
    expect(event?.type).toBe("roles_balanced");
    const counts = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
    for (const seat of r.state.seats) counts[r.state.players[seat]!.role!]++;
    expect(counts).toEqual({ ...roleTargets(pilot(), 30), observer: 0 });
    expect(counts.official).toBe(2);
    expect(counts.watcher).toBe(6);
  });

  it("start refuses too few players, then deals roles, goals and opens day 1's morning", () => {
    let s = newGame(pilot());
    s = ok(s, HOST, { kind: "add_seat", seat: "a", nickname: "A" });
    rejected(s, HOST, { kind: "start" }, "too_few_players");
    for (const x of ["b", "c", "d", "e", "f"]) s = ok(s, HOST, { kind: "add_seat", seat: x, nickname: x, bot: "auto" });
    rejected(s, "a", { kind: "start" }, "not_facilitator");
    const started = ok(s, HOST, { kind: "start" }, ctx(5000, 2));
    expect(started.phase).toBe("morning");
    expect(started.day).toBe(1);
    expect(started.phaseEndsAt).toBe(5000 + pilot().phases.morning * 1000);
    for (const seat of started.seats) {
      const p = started.players[seat]!;
      expect(p.role).not.toBeNull();
      expect(p.goals.length).toBe(1);
      if (seat !== "a") expect(p.bot).not.toBe("auto");
    }
    rejected(started, HOST, { kind: "start" }, "wrong_phase");
  });

  it("a seat added after the start is an observer; players cannot act before the start", () => {
    const s = ok(town(), HOST, { kind: "add_seat", seat: "late", nickname: "Late" });
    expect(s.players.late?.role).toBe("observer");
    const lobby = ok(newGame(pilot()), HOST, { kind: "add_seat", seat: "s1", nickname: "Mei" });
    rejected(lobby, "s1", { kind: "move", to: "market" }, "game_not_started");
    rejected(lobby, "ghost", { kind: "move", to: "market" }, "unknown_seat");
  });

  it("a bot that could only watch is refused: after the start, or with every player place taken", () => {
    rejected(town(), HOST, { kind: "add_seat", seat: "b1", nickname: "Ada", bot: "auto" }, "wrong_phase");
    let s = newGame(pilot());
    for (let i = 0; i < pilot().maxPlayers; i++) s = ok(s, HOST, { kind: "add_seat", seat: `s${i}`, nickname: `P${i}`, bot: i % 2 ? "auto" : null });
    rejected(s, HOST, { kind: "add_seat", seat: "b1", nickname: "Ada", bot: "rebel" }, "room_full");
    const student = ok(s, HOST, { kind: "add_seat", seat: "x", nickname: "Extra" }); // a student still gets in, to watch
    expect(student.players.x).toMatchObject({ role: "observer", bot: null });
  });
});
