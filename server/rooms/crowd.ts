/**
 * How many connections of each kind a session keeps. Students, the facilitator and the public
 * boards are counted apart, so a flood of one kind never shuts out another: players are capped
 * by the lobby's seats; boards (which need only the code) and host consoles have small caps of
 * their own, and a newcomer beyond them replaces the oldest rather than being refused.
 */

/** Boards open at once for one session (a projector, a second screen, a preview or two). */
export const BOARDS_PER_SESSION = 6;
/**
 * Boards open at once from one address: a flood from one address only replaces its own boards;
 * it takes several addresses to push the projector's board out (which then says why).
 */
export const BOARDS_PER_ADDRESS = 2;
/** Host consoles open at once (the facilitator's laptop, phone, a colleague's tablet). */
export const HOSTS_PER_SESSION = 4;
/**
 * Seats one address may hold that nobody is connected to. Joining and closing again and again
 * stops here; a classroom behind one address is unaffected while its students are connected
 * (phones asleep count, so it is generous, and the console's "clear unused seats" empties it).
 */
export const UNUSED_SEATS_PER_ADDRESS = 8;
/**
 * How long a seat reservation (the matchmaker's answer to a join, before the socket arrives)
 * is held. Our pages open the socket at once; a reservation never used expires after this.
 */
export const RESERVATION_SECONDS = 10;
/**
 * Reservations a session holds at once before it refuses more. They cost little (no socket, no
 * seat) and the door lets one address ask for JOINS_PER_MINUTE of them, so it takes many
 * addresses to reach this; the class then waits at most RESERVATION_SECONDS.
 */
export const RESERVATIONS_PER_SESSION = 2000;
/** Room in the connection cap for connections being replaced or arriving at the same moment. */
export const CONNECTION_SLACK = 20;

export type Held<T> = { item: T; address: string };

/**
 * Which connections (oldest first in `held`) make way for a newcomer from `address`, so that
 * with it there are at most `perAddress` from that address and `perSession` in all.
 */
export function makeWay<T>(held: readonly Held<T>[], address: string, perSession: number, perAddress: number): T[] {
  const fromThere = held.filter((h) => h.address === address);
  const out = new Set(fromThere.slice(0, Math.max(0, fromThere.length - perAddress + 1)));
  const rest = held.filter((h) => !out.has(h));
  for (const h of rest.slice(0, Math.max(0, rest.length - perSession + 1))) out.add(h);
  return [...out].map((h) => h.item);
}
