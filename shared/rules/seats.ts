/**
 * The game's seats before and around play (the lobby's names and tokens are shared/lobby's):
 * seats join (late joiners become observers), roles are assigned by hand or balanced by the
 * scenario's ratios, bots take and hand back characters, and `start` deals roles, bot
 * personalities and secret goals — every draw written into the events.
 */
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Ctx, type Decision } from "./context.ts";
import { dealGoals } from "./goals.ts";
import { Reasons } from "../reasons.ts";
import { balanceRoles } from "./roles.ts";
import { pick } from "./rng.ts";
import type { GameState, Personality, Role, SeatId } from "./state.ts";
import { phaseOpening } from "./phases.ts";
import { chain, push } from "./chain.ts";
import { OBSERVER, ROLE_BOOK, ROLES, isPlaying, isRole } from "./roleBook.ts";

/** The role a personality plays (from the role book); none: it plays whichever role it is dealt. */
const fits = (personality: Personality): Role | undefined => ROLES.find((role) => (ROLE_BOOK[role].personalities as readonly string[]).includes(personality));

function playingCount(s: GameState): number {
  return s.seats.filter((seat) => s.players[seat]?.role !== OBSERVER).length;
}

export function addSeat(s: GameState, c: CommandOf<"add_seat">): Decision {
  if (typeof c.seat !== "string" || c.seat.length === 0 || typeof c.nickname !== "string") {
    return reject(Reasons.invalid_command);
  }
  if (s.players[c.seat]) return reject(Reasons.seat_taken);
  // Late joiners and anyone beyond the player cap watch as observers.
  const lateOrFull = s.phase !== "lobby" || playingCount(s) >= s.scenario.maxPlayers;
  // A bot is there to play: one that could only watch is refused, not turned into an empty seat.
  if (lateOrFull && c.bot) return reject(s.phase !== "lobby" ? Reasons.wrong_phase : Reasons.room_full);
  if (lateOrFull && s.seats.length >= s.scenario.maxPlayers * 5) return reject(Reasons.room_full);
  const role: Role | null = lateOrFull ? OBSERVER : null;
  return accept([{ type: "seat_added", seat: c.seat, nickname: c.nickname, bot: c.bot ?? null, role }]);
}

export function removeSeat(s: GameState, c: CommandOf<"remove_seat">): Decision {
  if (!s.players[c.seat]) return reject(Reasons.unknown_seat);
  return accept([{ type: "seat_removed", seat: c.seat }]);
}

export function takeBotSeat(s: GameState, c: CommandOf<"take_bot_seat">): Decision {
  const human = s.players[c.seat];
  const bot = s.players[c.bot];
  if (!human || !bot) return reject(Reasons.unknown_seat);
  if (bot.bot === null) return reject(Reasons.not_a_bot);
  if (human.bot !== null || isPlaying(human.role)) return reject(Reasons.already_playing);
  return accept([{ type: "bot_seat_taken", bot: c.bot, by: c.seat, nickname: human.nickname }]);
}

export function handToBot(s: GameState, c: CommandOf<"hand_to_bot">): Decision {
  const player = s.players[c.seatId];
  if (!player) return reject(Reasons.unknown_seat);
  if (player.bot !== null) return reject(Reasons.already_a_bot);
  const standIn = player.role && ROLE_BOOK[player.role].standIn;
  if (!standIn) return reject(Reasons.wrong_role);
  // unless the facilitator picks one, the bot plays the role's plain policy
  return accept([{ type: "seat_handed_to_bot", seat: c.seatId, bot: c.personality ?? standIn }]);
}

/** Only for a seat that was handed to a bot: the session checks that a student holds it. */
export function handBack(s: GameState, c: CommandOf<"hand_back">): Decision {
  const player = s.players[c.seatId];
  if (!player) return reject(Reasons.unknown_seat);
  if (player.bot === null) return reject(Reasons.not_a_bot);
  return accept([{ type: "seat_handed_back", seat: c.seatId }]);
}

function roleAvailable(s: GameState, role: Role): boolean {
  if (!isPlaying(role)) return isRole(role);
  const slot = s.scenario.roles[role];
  return slot !== undefined && (slot.ratio > 0 || slot.min > 0);
}

export function assignRole(s: GameState, c: CommandOf<"assign_role">): Decision {
  if (!s.players[c.seatId]) return reject(Reasons.unknown_seat);
  if (!roleAvailable(s, c.role)) {
    return reject(Reasons.role_unavailable);
  }
  return accept([{ type: "role_assigned", seat: c.seatId, role: c.role }]);
}

export function autoBalance(s: GameState, ctx: Ctx): Decision {
  const seats = s.seats.map((seat) => ({ seat, role: s.players[seat]?.role === OBSERVER ? OBSERVER : null }));
  return accept([{ type: "roles_balanced", roles: balanceRoles(s.scenario, seats, ctx.rng) }]);
}

export function start(s: GameState, ctx: Ctx): Decision {
  if (playingCount(s) < s.scenario.minPlayers) return reject(Reasons.too_few_players);
  const filled = balanceRoles(
    s.scenario,
    s.seats.map((seat) => ({ seat, role: s.players[seat]?.role ?? null })),
    ctx.rng,
  );
  const roles: Record<SeatId, Role> = {};
  for (const seat of s.seats) {
    const role = s.players[seat]?.role ?? filled[seat];
    if (role) roles[seat] = role;
  }
  const bots: Record<SeatId, Personality> = {};
  for (const seat of s.seats) {
    const p = s.players[seat];
    const role = roles[seat];
    if (!p || p.bot === null || !isPlaying(role)) continue;
    const fit = p.bot === "auto" ? null : fits(p.bot);
    if (p.bot !== "auto" && (fit === undefined || fit === role)) continue;
    bots[seat] = pick(ctx.rng, ROLE_BOOK[role].personalities) ?? ROLE_BOOK[role].standIn;
  }
  const deal = dealGoals(s, roles, ctx.rng);
  const c = chain(s);
  push(c, { type: "game_started", roles, bots, ...deal });
  for (const e of phaseOpening(c.state, "morning", 1, ctx)) push(c, e);
  return accept(c.events);
}
