/**
 * Truth against record, for the god view (pure, no DOM): which occurrence an entry rests on —
 * a false entry is one with no occurrence of that deed by its subject — and the filters by
 * player, role and day.
 */
import type { GameState, JournalEntry, Occurrence } from "../../shared/rules/state.ts";

type State = Pick<GameState, "occurrences" | "players">;

/** "" means "all" for each filter. */
export type Filter = { player: string; role: string; day: string };
export const NO_FILTER: Filter = { player: "", role: "", day: "" };

/**
 * The occurrence that makes an entry true: the one it points at if that shows the subject doing
 * the deed, else any occurrence of the deed by the subject; null for a false entry.
 */
export function matchingOccurrence(state: State, entry: Pick<JournalEntry, "subject" | "deed" | "occurrence">): Occurrence | null {
  const fits = (o: Occurrence | undefined) => o !== undefined && o.actor === entry.subject && o.deed === entry.deed;
  const pointed = entry.occurrence ? state.occurrences[entry.occurrence] : undefined;
  if (fits(pointed)) return pointed!;
  for (const o of Object.values(state.occurrences)) if (fits(o)) return o;
  return null;
}

/** Entries claiming what this occurrence shows (its actor, its deed). */
export function entriesAbout(journal: Record<string, JournalEntry>, o: Occurrence): JournalEntry[] {
  return Object.values(journal).filter((e) => e.subject === o.actor && e.deed === o.deed);
}

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
