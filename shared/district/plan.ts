/**
 * An event: several neighbourhoods played at once under one code, each a session of its own with
 * its own scenario (often a variant of one), so a workshop can compare what each rule did. In
 * code an event is a *district* ("event" already names the entries of a session's log); pages
 * and documents say "event".
 *
 * Placing an arriving player is pure: the neighbourhood the host pinned while it has room, else
 * the one with the fewest players placed (the first of them on a tie), so arrivals spread evenly
 * and late arrivals fill whichever neighbourhood is short. A neighbourhood its facilitator locked
 * takes nobody new. When every open neighbourhood is full the least crowded one takes them anyway:
 * its room seats them as observers, as a full session does.
 */
import type { LocalText } from "../lang.ts";

/** The fewest and most neighbourhoods an event has. */
export const DISTRICT_MIN = 2;
export const DISTRICT_MAX = 12;

export type Neighbourhood = {
  /** The session's join code. */
  code: string;
  name: LocalText;
  scenarioId: string;
  /** The scenario's player places: beyond them, arrivals watch. */
  maxPlayers: number;
};

/** What an event is made of, fixed when it is created. */
export type DistrictPlan = { title: string; neighbourhoods: Neighbourhood[] };

/** How many arrivals each neighbourhood was given, by session code. */
export type Placed = Readonly<Record<string, number>>;

export function placeArrival(plan: DistrictPlan, placed: Placed, pinned: string | null, locked: ReadonlySet<string> = new Set()): string {
  const count = (n: Neighbourhood) => placed[n.code] ?? 0;
  const unlocked = plan.neighbourhoods.filter((n) => !locked.has(n.code));
  // every one locked: the first takes them, and its room says it is locked
  if (unlocked.length === 0) return plan.neighbourhoods[0]!.code;
  const pin = unlocked.find((n) => n.code === pinned);
  if (pin && count(pin) < pin.maxPlayers) return pin.code;
  const open = unlocked.filter((n) => count(n) < n.maxPlayers);
  const pool = open.length > 0 ? open : unlocked;
  let best = pool[0]!;
  for (const n of pool) if (count(n) < count(best)) best = n;
  return best.code;
}

/** Whether `code` is one of the event's neighbourhoods. */
export function inDistrict(plan: DistrictPlan, code: string): boolean {
  return plan.neighbourhoods.some((n) => n.code === code);
}
