import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  activeSeats,
  applyLobby,
  decideJoin,
  decideKick,
  decideLock,
  decideRename,
  isRefusal,
  replayLobby,
  SEATS_PER_PLAYER_PLACE,
  type LobbyEvent,
  type LobbyState,
} from "../../../shared/lobby/lobby.ts";

const opened: LobbyEvent = { type: "session_opened", at: 0, code: "K7MPQ2", scenarioId: "rongcheng-pilot", maxPlayers: 3 };

function run(state: LobbyState, decision: ReturnType<typeof decideJoin>): LobbyState {
  if (isRefusal(decision)) throw new Error(decision.reason);
  return decision.events.reduce(applyLobby, state);
}

describe("the lobby rules", () => {
  const start = replayLobby([opened]);

  it("seats players (and observers) up to the room's seats, then refuses", () => {
    let state = start;
    const names = Array.from({ length: 3 * SEATS_PER_PLAYER_PLACE }, (_, i) => `Player ${i}`);
    for (const [i, name] of names.entries()) state = run(state, decideJoin(state, `s${i}`, name, i));
    expect(activeSeats(state).map((s) => s.nickname)).toEqual(names);
    expect(decideJoin(state, "s9", "Dee", 9)).toEqual({ reason: "room_full" });
    // a kick frees a place
    state = run(state, decideKick(state, "s1", 10));
    expect(decideJoin(state, "s9", "Dee", 11)).not.toHaveProperty("reason");
  });

  it("keeps kicked seats in the record so they stay kicked", () => {
    let state = run(start, decideJoin(start, "s1", "Ann", 1));
    state = run(state, decideKick(state, "s1", 2));
    expect(state.seats.s1).toMatchObject({ kicked: true });
    expect(decideKick(state, "s1", 3)).toEqual({ reason: "no_such_seat" });
    expect(decideRename(state, "s1", "Annie", 3)).toEqual({ reason: "no_such_seat" });
  });

  it("lock and unlock change the room once each", () => {
    const locked = run(start, decideLock(start, true, 1));
    expect(decideLock(locked, true, 2)).toEqual({ reason: "already_locked" });
    expect(decideJoin(locked, "s1", "Ann", 2)).toEqual({ reason: "room_locked" });
    expect(decideLock(start, false, 2)).toEqual({ reason: "already_unlocked" });
  });

  it("never mutates the state it is given, and replaying the log rebuilds the same lobby", () => {
    const names = fc.constantFrom("Ann", "ann", "Ben", "Cai", "李华", "x", "fuck", "Dee");
    const step = fc.oneof(
      fc.record({ op: fc.constant("join" as const), name: names }),
      fc.record({ op: fc.constant("rename" as const), seat: fc.nat(5), name: names }),
      fc.record({ op: fc.constant("kick" as const), seat: fc.nat(5) }),
      fc.record({ op: fc.constant("lock" as const), on: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = replayLobby([opened]);
        const log: LobbyEvent[] = [opened];
        steps.forEach((s, i) => {
          const before = JSON.stringify(state);
          const decision =
            s.op === "join" ? decideJoin(state, `s${i}`, s.name, i)
            : s.op === "rename" ? decideRename(state, state.order[s.seat] ?? "none", s.name, i)
            : s.op === "kick" ? decideKick(state, state.order[s.seat] ?? "none", i)
            : decideLock(state, s.on, i);
          expect(JSON.stringify(state)).toBe(before); // decide never writes
          if (isRefusal(decision)) return;
          log.push(...decision.events);
          state = decision.events.reduce(applyLobby, state);
        });
        expect(replayLobby(log)).toEqual(state);
        // invariants: never more active seats than the cap, names unique among active seats
        const active = activeSeats(state);
        expect(active.length).toBeLessThanOrEqual(3 * SEATS_PER_PLAYER_PLACE);
        expect(new Set(active.map((s) => s.nickname.toLowerCase())).size).toBe(active.length);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
