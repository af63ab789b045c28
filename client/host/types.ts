/**
 * What the console works with: the lobby (who is connected), the game as the facilitator sees it
 * (the whole GameState: truth and record), and the rulebook in force. Render functions receive
 * one `ConsoleData` snapshot and a `Commander` to send commands with.
 */
import type { Lobby } from "../net/link.ts";
import type { PlayView } from "../net/gameView.ts";
import type { GameState } from "../../shared/rules/state.ts";

/** The facilitator's private view (`view.mine`), as the server sends it. */
export type FacilitatorView = {
  kind: "facilitator";
  /** The whole game but its rulebook (which comes as `view.rulebook`). */
  state: Omit<GameState, "scenario">;
  /** Seats that asked to step out of their role. */
  steppedOut: string[];
  /** Ids of free texts (journal entries' notes, observers' notes) hidden from everyone but the facilitator. */
  hiddenTexts: string[];
};

export type ConsoleData = {
  code: string;
  lobby: Lobby;
  view: PlayView | null;
  game: FacilitatorView | null;
};

export function facilitatorView(view: PlayView | null): FacilitatorView | null {
  const mine = view?.mine as Partial<FacilitatorView> | null | undefined;
  return mine?.kind === "facilitator" && mine.state ? (mine as FacilitatorView) : null;
}

export { noteTextId } from "../../shared/rules/state.ts";

export function isRunning(phase: string | undefined): phase is "morning" | "day" | "evening" | "night" {
  return phase === "morning" || phase === "day" || phase === "evening" || phase === "night";
}
