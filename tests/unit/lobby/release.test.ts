/**
 * "Clear unused seats" and "Close all boards" in the lobby rules: which seats are released, what
 * a release frees (the name, the place), and that it differs from a kick (the token may return).
 */
import { describe, expect, it } from "vitest";
import { activeSeats, applyLobby, decideJoin, decideKick, decideReleaseUnused, decideRemoveBoards, isRefusal, replayLobby, type Decision, type LobbyState } from "../../../shared/lobby/lobby.ts";

function run(state: LobbyState, decision: Decision): LobbyState {
  if (isRefusal(decision)) throw new Error(decision.reason);
  return decision.events.reduce(applyLobby, state);
}

describe("releasing unused seats", () => {
  let state = replayLobby([{ type: "session_opened", at: 0, code: "K7MPQ2", scenarioId: "rongcheng-pilot", maxPlayers: 1 }]);
  for (const [i, name] of ["Ann", "Bo", "Cai", "Dee"].entries()) state = run(state, decideJoin(state, `s${i}`, name, i));
  state = run(state, decideKick(state, "s3", 10));

  it("releases every active seat without a connection, and only those", () => {
    const decision = decideReleaseUnused(state, new Set(["s0"]), 20);
    expect(decision).toEqual({ events: [{ type: "seat_released", at: 20, seatId: "s1" }, { type: "seat_released", at: 20, seatId: "s2" }] });
    const after = run(state, decision);
    expect(activeSeats(after).map((s) => s.nickname)).toEqual(["Ann"]);
    expect(after.order).toEqual(["s0", "s3"]);
    // the kicked seat stays kicked (its token stays refused); released ones are simply gone
    expect(after.seats.s3?.kicked).toBe(true);
    expect(after.seats.s1).toBeUndefined();
  });

  it("frees the names and the places: a released student joins again under the same seat id", () => {
    let full = state;
    for (const [i, name] of ["Eve", "Fay"].entries()) full = run(full, decideJoin(full, `t${i}`, name, 11 + i));
    expect(activeSeats(full)).toHaveLength(5); // one player place × five seats
    expect(decideJoin(full, "s9", "Hal", 20)).toEqual({ reason: "room_full" });
    const cleared = run(full, decideReleaseUnused(full, new Set(["s0", "t0", "t1"]), 21));
    expect(activeSeats(cleared).map((seat) => seat.nickname)).toEqual(["Ann", "Eve", "Fay"]);
    const back = run(cleared, decideJoin(cleared, "s1", "Bo", 22));
    expect(back.seats.s1).toMatchObject({ nickname: "Bo", kicked: false });
  });

  it("with everyone connected there is nothing to release", () => {
    expect(decideReleaseUnused(state, new Set(["s0", "s1", "s2"]), 30)).toEqual({ events: [] });
  });

  it("removing boards is recorded and changes no seat", () => {
    const decision = decideRemoveBoards(40);
    expect(decision).toEqual({ events: [{ type: "boards_removed", at: 40 }] });
    expect(run(state, decision)).toEqual(state);
  });
});
