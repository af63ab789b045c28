/**
 * Role balancing: how many officials, watchers and residents a room of n players gets from the
 * scenario's ratios and minimums. The draw of who gets which role happens in decide() and is
 * written into the event, so replays never draw again.
 */
import type { Scenario } from "../scenario/index.ts";
import { shuffle, type Rng } from "./rng.ts";
import type { Role, SeatId } from "./state.ts";

export type PlayingRole = Exclude<Role, "observer">;

export function roleTargets(scenario: Scenario, n: number): Record<PlayingRole, number> {
  const r = scenario.roles;
  const total = r.resident.ratio + r.watcher.ratio + r.official.ratio;
  const share = (x: { ratio: number; min: number }) => (x.ratio === 0 ? 0 : Math.max(x.min, Math.round((n * x.ratio) / total)));
  let official = share(r.official);
  let watcher = share(r.watcher);
  // Residents are the point of the game: keep their minimum (and at least one) before the duties.
  const residentMin = Math.max(1, r.resident.min);
  while (n - official - watcher < residentMin && (watcher > r.watcher.min || official > r.official.min)) {
    if (watcher > r.watcher.min && watcher >= official) watcher--;
    else if (official > r.official.min) official--;
    else watcher--;
  }
  official = Math.max(0, Math.min(official, n));
  watcher = Math.max(0, Math.min(watcher, n - official));
  return { official, watcher, resident: n - official - watcher };
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
  const playing = seats.filter((s) => s.role !== "observer");
  const targets = roleTargets(scenario, playing.length);
  const need: Record<PlayingRole, number> = { ...targets };
  for (const s of playing) if (s.role && s.role !== "observer") need[s.role]--;
  const open = shuffle(
    rng,
    playing.filter((s) => s.role === null).map((s) => s.seat),
  );
  const out: Record<SeatId, Role> = {};
  const order: PlayingRole[] = ["official", "watcher", "resident"];
  for (const seat of open) {
    const role = order.find((r) => need[r] > 0) ?? "resident";
    need[role]--;
    out[seat] = role;
  }
  return out;
}
