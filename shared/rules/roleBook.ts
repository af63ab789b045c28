/**
 * The roles, as data: every list of roles in the game, and what sets one role apart, is read
 * from this table. What a role may send is declared with each command (shared/commands/contract.ts,
 * `who`); what it sees is the view its `screen` names (views.ts); what its bots do is in
 * shared/bots; its name and help are the scenario's (`roles.<role>.label`) and the string tables'.
 *
 *  - `plays`: the role takes part (it is dealt, measured, gets goal cards); observers only watch.
 *  - `town`: it lives in the town — walks, does deeds, carries a score, can be written about.
 *  - `observes`: it sees the deeds done where it stands (and journals them, if its commands allow).
 *  - `scored`: "always", "never", or "if_scenario" (the scenario's `roles.<role>.scored`).
 *  - `screen`: which view a seat of this role gets: the town's, the official's desk, or notes.
 *  - `personalities`: what a bot dealt this role plays (drawn at random; repeats weigh the draw).
 *  - `standIn`: the plain policy a bot follows when it plays a student's character.
 *  - `dealOrder`: who is dealt first when roles are balanced (lower first): duties before residents.
 *
 * docs/architecture.md walks through adding a role.
 */
export const ROLE_BOOK = {
  resident: { plays: true, town: true, observes: false, scored: "always", screen: "town", personalities: ["conformist", "conformist", "rebel"], standIn: "conformist", dealOrder: 3 },
  watcher: { plays: true, town: true, observes: true, scored: "always", screen: "town", personalities: ["honest_watcher", "zealous_watcher"], standIn: "honest_watcher", dealOrder: 2 },
  official: { plays: true, town: false, observes: false, scored: "if_scenario", screen: "desk", personalities: ["fair_official", "corrupt_official"], standIn: "fair_official", dealOrder: 1 },
  observer: { plays: false, town: false, observes: false, scored: "never", screen: "notes", personalities: [], standIn: null, dealOrder: null },
} as const;

export type Role = keyof typeof ROLE_BOOK;
/** Roles that take part (every role but the observers'). */
export type PlayingRole = { [R in Role]: (typeof ROLE_BOOK)[R]["plays"] extends true ? R : never }[Role];
/** Roles that live in the town. */
export type TownRole = { [R in Role]: (typeof ROLE_BOOK)[R]["town"] extends true ? R : never }[Role];

const entries = Object.entries(ROLE_BOOK) as [Role, (typeof ROLE_BOOK)[Role]][];

export const ROLES = entries.map(([role]) => role) as [Role, ...Role[]];
/** The playing roles, in the order roles are dealt. */
export const PLAYING_ROLES = entries
  .filter(([, r]) => r.plays)
  .sort(([, a], [, b]) => (a.dealOrder ?? 0) - (b.dealOrder ?? 0))
  .map(([role]) => role) as [PlayingRole, ...PlayingRole[]];
export const TOWN_ROLES = entries.filter(([, r]) => r.town).map(([role]) => role) as [TownRole, ...TownRole[]];

/** The role of late joiners and of anyone beyond the player cap: they watch. */
export const OBSERVER: Role = "observer";

export const isRole = (value: unknown): value is Role => typeof value === "string" && Object.hasOwn(ROLE_BOOK, value);
export const isPlaying = (role: Role | null | undefined): role is PlayingRole => isRole(role) && ROLE_BOOK[role].plays;
export const isTown = (role: Role | null | undefined): role is TownRole => isRole(role) && ROLE_BOOK[role].town;
export const observes = (role: Role | null | undefined): boolean => isRole(role) && ROLE_BOOK[role].observes;
