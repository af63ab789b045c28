/**
 * What the console works with: the lobby (who is connected), the facilitator's view of the game
 * (`FacilitatorView`, decided in shared/rules: truth and record, each entry's truth as the rules
 * fixed it), and the rulebook in force. Render functions receive one `ConsoleData` snapshot and
 * a `Commander` to send commands with.
 */
import type { Lobby } from "../net/link.ts";
import type { PlayView } from "../net/gameView.ts";
import type { FacilitatorView } from "../../shared/rules/views.ts";

export type { FacilitatorView };

export type ConsoleData = {
  code: string;
  lobby: Lobby;
  view: PlayView | null;
  game: FacilitatorView | null;
};

export function facilitatorView(view: PlayView | null): FacilitatorView | null {
  const mine = view?.mine as Partial<FacilitatorView> | null | undefined;
  return mine?.kind === "facilitator" && mine.players ? (mine as FacilitatorView) : null;
}

export { noteTextId } from "../../shared/rules/state.ts";

export function isRunning(phase: string | undefined): phase is "morning" | "day" | "evening" | "night" {
  return phase === "morning" || phase === "day" || phase === "evening" || phase === "night";
}
