/**
 * The god view's filters by player, role and day, and its order (pure, no DOM). Truth itself is
 * not judged here: each entry carries it as the rules fixed it (shared/rules/facilitator.ts).
 */
import type { FacilitatorView } from "../../shared/rules/views.ts";

type State = Pick<FacilitatorView, "players">;

/** "" means "all" for each filter. */
export type Filter = { player: string; role: string; day: string };
export const NO_FILTER: Filter = { player: "", role: "", day: "" };

/** Whether a row involving `seats` on `day` passes the filter. */
export function passes(state: State, filter: Filter, seats: readonly (string | null | undefined)[], day: number | null): boolean {
  const people = seats.filter((s): s is string => typeof s === "string");
  if (filter.player && !people.includes(filter.player)) return false;
  if (filter.role && !people.some((s) => state.players[s]?.role === filter.role)) return false;
  if (filter.day && day !== null && String(day) !== filter.day) return false;
  return true;
}

/** Newest first, by time then id number, so the latest activity is on top. */
export function newestFirst<T extends { at?: number; id: string }>(rows: T[]): T[] {
  const n = (id: string) => Number(id.replace(/\D/g, "")) || 0;
  return [...rows].sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || n(b.id) - n(a.id));
}
