import { describe, expect, it } from "vitest";
import {
  ANNOUNCEMENT_MAX,
  ANNOUNCEMENTS_KEPT,
  applyLobby,
  decideAnnounce,
  decideAnonymousBoard,
  isRefusal,
  replayLobby,
  type Decision,
  type LobbyState,
} from "../../../shared/lobby/lobby.ts";

const start = replayLobby([{ type: "session_opened", at: 0, code: "K7MPQ2", scenarioId: "quick-demo", maxPlayers: 8 }]);

function run(state: LobbyState, decision: Decision): LobbyState {
  if (isRefusal(decision)) throw new Error(decision.reason);
  return decision.events.reduce(applyLobby, state);
}

describe("the facilitator's broadcasts and the anonymous board", () => {
  it("keeps broadcasts in order, whitespace folded, the last few only", () => {
    let state = run(start, decideAnnounce(start, "  Two   minutes\nleft ", 5));
    expect(state.announcements).toEqual([{ at: 5, text: "Two minutes left" }]);
    for (let i = 0; i < ANNOUNCEMENTS_KEPT + 3; i++) state = run(state, decideAnnounce(state, `message ${i}`, 10 + i));
    expect(state.announcements).toHaveLength(ANNOUNCEMENTS_KEPT);
    expect(state.announcements.at(-1)?.text).toBe(`message ${ANNOUNCEMENTS_KEPT + 2}`);
  });

  it("refuses an empty or over-long broadcast with a reason and changes nothing", () => {
    expect(decideAnnounce(start, "   ", 1)).toEqual({ reason: "empty_text" });
    expect(decideAnnounce(start, "x".repeat(ANNOUNCEMENT_MAX + 1), 1)).toEqual({ reason: "text_too_long" });
    expect(start.announcements).toEqual([]);
  });

  it("switches the board's anonymous mode; asking for the mode in force records nothing", () => {
    expect(decideAnonymousBoard(start, false, 1)).toEqual({ events: [] });
    const on = run(start, decideAnonymousBoard(start, true, 2));
    expect(on.anonymousBoard).toBe(true);
    expect(run(on, decideAnonymousBoard(on, false, 3)).anonymousBoard).toBe(false);
  });
});
