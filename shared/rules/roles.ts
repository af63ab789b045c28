/**
 * Role balancing: how many of each playing role (officials, watchers, residents) a room of n
 * players gets from the scenario's ratios and minimums. The draw of who gets which role happens in decide() and is
 * written into the event, so replays never draw again.
 */
import type { Scenario } from "../scenario/index.ts";
import { shuffle, type Rng } from "./rng.ts";
import type { Role, SeatId } from "./state.ts";
import { OBSERVER, PLAYING_ROLES, isPlaying, type PlayingRole } from "./roleBook.ts";

/**
 * How many of each playing role n players get: every role but the last dealt (the residents,
 * the point of the game) gets its share of the ratios, at least its minimum; the last dealt
 * takes the rest, keeping its own minimum (and at least one) before the duties.
 */
export function roleTargets(scenario: Scenario, n: number): Record<PlayingRole, number> {
  const slot = (role: PlayingRole) => scenario.roles[role];
  const total = PLAYING_ROLES.reduce((sum, role) => sum + slot(role).ratio, 0);
  const filler = PLAYING_ROLES[PLAYING_ROLES.length - 1]!;
  const duties = PLAYING_ROLES.filter((role) => role !== filler);
  const count = {} as Record<PlayingRole, number>;
  for (const role of duties) {
    const { ratio, min } = slot(role);
    count[role] = ratio === 0 ? 0 : Math.max(min, Math.round((n * ratio) / total));
  }
  const taken = () => duties.reduce((sum, role) => sum + count[role], 0);
  const fillerMin = Math.max(1, slot(filler).min);
  while (n - taken() < fillerMin) {
    // the largest duty above its minimum gives way first (on a tie, the one dealt later)
    const above = duties.filter((role) => count[role] > slot(role).min);
    if (above.length === 0) break;
    const most = above.reduce((a, b) => (count[b] >= count[a] ? b : a));
    count[most]--;
  }
  let left = n;
  for (const role of duties) {
    count[role] = Math.max(0, Math.min(count[role], left));
    left -= count[role];
  }
  count[filler] = left;
  return count;
}

/**
 * Fill the seats without a role so the room reaches the targets, counting roles already given
 * by the facilitator. Returns the roles for the unassigned seats only.
 */
export function balanceRoles(
  scenario: Scenario,
  seats: { seat: SeatId; role: Role | null }[],
  rng: Rng,
): Record<SeatId, Role> {
  const playing = seats.filter((s) => s.role !== OBSERVER);
  const targets = roleTargets(scenario, playing.length);
  const need: Record<PlayingRole, number> = { ...targets };
  for (const s of playing) if (isPlaying(s.role)) need[s.role]--;
  const open = shuffle(
    rng,
    playing.filter((s) => s.role === null).map((s) => s.seat),
  );
  const out: Record<SeatId, Role> = {};
  const filler = PLAYING_ROLES[PLAYING_ROLES.length - 1]!;
  for (const seat of open) {
    const role = PLAYING_ROLES.find((r) => need[r] > 0) ?? filler;
    need[role]--;
    out[seat] = role;
  }
  return out;
}
