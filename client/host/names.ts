/**
 * How the console names things: players by nickname, and the rulebook's roles, deeds, places,
 * grades and cards in the current language (falling back to the id when a rulebook is missing).
 */
import { isPlaying } from "../../shared/rules/roleBook.ts";
import { local, t } from "../i18n.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { Role } from "../../shared/rules/state.ts";
import type { ConsoleData } from "./types.ts";

export function nameOf(data: ConsoleData, seat: string | null | undefined): string {
  if (!seat) return "—";
  // a seat can leave the game (a late joiner who took over a bot's seat leaves their observer seat behind)
  return data.lobby.players.find((p) => p.seatId === seat)?.nickname ?? data.game?.players[seat]?.nickname ?? t("host.god.formerSeat");
}

export function roleName(rulebook: Scenario | null, role: Role | null | undefined): string {
  if (!role) return t("host.roles.none");
  if (isPlaying(role) && rulebook) return local(rulebook.roles[role].label);
  return t(`role.${role}.name`);
}

export function deedName(rulebook: Scenario | null, id: string): string {
  const deed = rulebook?.deeds.find((d) => d.id === id);
  return deed ? local(deed.label) : id;
}

export function placeName(rulebook: Scenario | null, id: string): string {
  const place = rulebook?.locations.find((l) => l.id === id);
  return place ? local(place.label) : id;
}

export function gradeName(rulebook: Scenario | null, id: string): string {
  const grade = rulebook?.grades.find((g) => g.id === id);
  return grade ? local(grade.label) : id;
}

export function cardName(rulebook: Scenario | null, id: string): string {
  const card = rulebook?.eventCards.find((c) => c.id === id);
  return card ? local(card.label) : id;
}

/** What is left of the running phase, in ms (negative once its time is up): paused, what was left when it paused. */
export function phaseLeft(game: { paused: boolean; pausedLeft?: number | null; phaseEndsAt?: number | null }): number {
  return game.paused ? (game.pausedLeft ?? 0) : (game.phaseEndsAt ?? Date.now()) - Date.now();
}

/** m:ss for a countdown (never negative). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, "0")}`;
}
