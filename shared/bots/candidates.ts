/**
 * What each role's screen offers, gathered from the role's bot (each declares the offers of the
 * commands it plays; see `Offer` in context.ts): the random player picks among them, the careless
 * one grabs the handy ones, and the simulator asks whether any prompted one is legal.
 */
import { isPlaying } from "../rules/roleBook.ts";
import type { Role, View } from "../rules/index.ts";
import type { Offer } from "./context.ts";
import { EVIDENCE_OFFERS, WITNESS_OFFERS } from "./evidence.ts";
import { DESK_OFFERS } from "./official.ts";
import { REPORT_OFFERS, TOWN_OFFERS } from "./resident.ts";
import { JOURNAL_OFFERS } from "./watcher.ts";

const OFFERS: Readonly<Record<Role, readonly Offer<never>[]>> = {
  resident: [...TOWN_OFFERS, ...WITNESS_OFFERS, ...REPORT_OFFERS],
  watcher: [...TOWN_OFFERS, ...WITNESS_OFFERS, ...JOURNAL_OFFERS],
  official: [...DESK_OFFERS, ...EVIDENCE_OFFERS],
  observer: [],
};

/** The offers on a role's screen. */
export const offersFor = (role: Role): readonly Offer<View>[] => OFFERS[role] as readonly Offer<View>[];

/** The role whose screen a view is, if it is a player's. */
export function roleOf(view: View): Role | null {
  return isPlaying(view.kind as Role) ? (view.kind as Role) : null;
}
