/**
 * Every command a client may send, routed to the rules that decide it: lobby commands to the
 * lobby, game commands to shared/rules (translated to the engine's command and actor). A table
 * of small handlers, one per kind, each saying who may send it.
 */
import type { Command, CommandKind } from "../protocol/schemas.ts";
import type { Reason } from "../protocol/reasons.ts";
import { decideAnnounce, decideAnonymousBoard, decideHideText, decideKick, decideLock, decideMoveSeat, decideReleaseUnused, decideRemoveBoards, decideRename, decideStepOut, isRefusal, type Decision as LobbyDecision } from "../lobby/lobby.ts";
import { decide, HOST, SYSTEM, seatActor, type Actor, type Command as RuleCommand, type Ctx } from "../rules/index.ts";
import { applySession, type Session, type SessionEvent } from "./index.ts";

/** Who sent a command: the facilitator's console, a seated player's page, a bot playing its seat, the board, or the room clock. */
export type SessionActor = { as: "host" } | { as: "player"; seatId: string } | { as: "bot"; seatId: string } | { as: "board" } | { as: "clock" };

export type Outcome = { ok: true; events: SessionEvent[] } | { ok: false; reason: Reason; detail?: string; suggestion?: string };

/**
 * Fresh ids and names the room draws for commands that create something (a bot's seat), free in
 * `session`; and the seats that have a connection right now, which only the room knows.
 */
export type Fresh = { seatId(session: Session): string; botName(session: Session): string; present?(): ReadonlySet<string> };

type Handler<K extends CommandKind> = {
  who: "host" | "player" | "host_or_clock";
  decide(session: Session, command: Extract<Command, { kind: K }>, actor: SessionActor, ctx: Ctx, fresh: Fresh): Outcome;
};

const fromLobby = (decision: LobbyDecision): Outcome =>
  isRefusal(decision) ? { ok: false, ...decision } : { ok: true, events: decision.events };

function fromRules(session: Session, actor: Actor, command: RuleCommand, ctx: Ctx): Outcome {
  const decision = decide(session.game, actor, command, ctx);
  return decision.ok ? { ok: true, events: decision.events } : { ok: false, reason: decision.reason, ...(decision.detail ? { detail: decision.detail } : {}) };
}

function ruleActor(actor: SessionActor): Actor {
  if (actor.as === "player" || actor.as === "bot") return seatActor(actor.seatId);
  if (actor.as === "clock") return SYSTEM;
  return HOST;
}

/** Game commands whose shape is the engine's own, sent by the facilitator. */
const hostRule = <K extends CommandKind>(toRule: (c: Extract<Command, { kind: K }>) => RuleCommand): Handler<K> => ({
  who: "host",
  decide: (s, c, a, ctx) => fromRules(s, ruleActor(a), toRule(c), ctx),
});

/** Game commands a seated player sends; the engine checks role and phase. */
const seatRule = <K extends CommandKind>(toRule: (c: Extract<Command, { kind: K }>) => RuleCommand): Handler<K> => ({
  who: "player",
  decide: (s, c, a, ctx) => fromRules(s, ruleActor(a), toRule(c), ctx),
});

const strip = <C extends { id: string }>({ id: _id, ...rest }: C) => rest;

const HANDLERS: { [K in CommandKind]: Handler<K> } = {
  kick: {
    who: "host",
    decide: (s, c, _a, ctx) => {
      const kicked = fromLobby(decideKick(s.lobby, c.seatId, ctx.now));
      if (!kicked.ok || s.game.phase !== "lobby" || !s.game.players[c.seatId]) return kicked;
      // Before the game starts a kicked seat also leaves the game; during a game it stays, idle.
      const removed = fromRules(s, HOST, { kind: "remove_seat", seat: c.seatId }, ctx);
      return removed.ok ? { ok: true, events: [...kicked.events, ...removed.events] } : kicked;
    },
  },
  rename: { who: "host", decide: (s, c, _a, ctx) => fromLobby(decideRename(s.lobby, c.seatId, c.nickname, ctx.now)) },
  lock: { who: "host", decide: (s, _c, _a, ctx) => fromLobby(decideLock(s.lobby, true, ctx.now)) },
  unlock: { who: "host", decide: (s, _c, _a, ctx) => fromLobby(decideLock(s.lobby, false, ctx.now)) },
  hide_text: { who: "host", decide: (s, c, _a, ctx) => fromLobby(decideHideText(s.lobby, c.target, ctx.now)) },
  broadcast: { who: "host", decide: (s, c, _a, ctx) => fromLobby(decideAnnounce(s.lobby, c.text, ctx.now)) },
  anonymous_board: { who: "host", decide: (s, c, _a, ctx) => fromLobby(decideAnonymousBoard(s.lobby, c.on, ctx.now)) },
  remove_boards: { who: "host", decide: (_s, _c, _a, ctx) => fromLobby(decideRemoveBoards(ctx.now)) },
  clear_unused_seats: {
    who: "host",
    decide: (s, _c, _a, ctx, fresh) => {
      if (s.game.phase !== "lobby") return { ok: false, reason: "wrong_phase" };
      const released = fromLobby(decideReleaseUnused(s.lobby, fresh.present?.() ?? new Set(), ctx.now));
      if (!released.ok) return released;
      // each released seat also leaves the game, as a kicked one does before the start
      let session = s;
      const events: SessionEvent[] = [];
      for (const event of released.events) {
        events.push(event);
        if (event.type !== "seat_released" || !session.game.players[event.seatId]) continue;
        const removed = fromRules(session, HOST, { kind: "remove_seat", seat: event.seatId }, ctx);
        if (!removed.ok) return removed;
        events.push(...removed.events);
        session = removed.events.reduce(applySession, session);
      }
      return { ok: true, events };
    },
  },
  step_out: { who: "player", decide: (s, _c, a, ctx) => (a.as === "player" ? fromLobby(decideStepOut(s.lobby, a.seatId, ctx.now)) : { ok: false, reason: "not_allowed" }) },
  hand_to_bot: {
    who: "host",
    decide: (s, c, a, ctx) => {
      const role = s.game.players[c.seatId]?.role;
      const bot = c.personality ?? (role === "official" ? "fair_official" : role === "watcher" ? "honest_watcher" : "conformist");
      return fromRules(s, ruleActor(a), { kind: "hand_to_bot", seat: c.seatId, bot }, ctx);
    },
  },
  hand_back: {
    who: "host",
    // only a student's own seat comes back to them; a bot the facilitator added has nobody to return to
    decide: (s, c, a, ctx) => (s.lobby.seats[c.seatId] ? fromRules(s, ruleActor(a), { kind: "hand_back", seat: c.seatId }, ctx) : { ok: false, reason: "not_allowed" }),
  },
  assign_role: hostRule((c) => ({ kind: "assign_role", seat: c.seatId, role: c.role })),
  auto_balance: hostRule(() => ({ kind: "auto_balance" })),
  add_bot: {
    who: "host",
    // "Add 10 bots" is one command: one stored step, one reply. The rules refuse a bot that could
    // only watch (game running, player places taken); then none of the batch is added.
    decide: (s, c, _a, ctx, fresh) => {
      let session = s;
      const events: SessionEvent[] = [];
      for (let i = 0; i < (c.count ?? 1); i++) {
        const added = fromRules(session, HOST, { kind: "add_seat", seat: fresh.seatId(session), nickname: fresh.botName(session), bot: c.personality ?? "auto" }, ctx);
        if (!added.ok) return added;
        events.push(...added.events);
        session = added.events.reduce(applySession, session);
      }
      return { ok: true, events };
    },
  },
  remove_bot: {
    who: "host",
    decide: (s, c, _a, ctx) =>
      s.game.players[c.seatId]?.bot ? fromRules(s, HOST, { kind: "remove_seat", seat: c.seatId }, ctx) : { ok: false, reason: "no_such_seat" },
  },
  give_bot_seat: {
    who: "host",
    decide: (s, c, _a, ctx) => {
      // the game decides whether the swap is allowed; the lobby moves the player's seat with it
      const taken = fromRules(s, HOST, { kind: "take_bot_seat", seat: c.seatId, bot: c.botSeatId }, ctx);
      if (!taken.ok) return taken;
      const moved = fromLobby(decideMoveSeat(s.lobby, c.seatId, c.botSeatId, ctx.now));
      return moved.ok ? { ok: true, events: [...taken.events, ...moved.events] } : moved;
    },
  },
  start: hostRule(() => ({ kind: "start" })),
  advance: { who: "host_or_clock", decide: (s, c, a, ctx) => fromRules(s, ruleActor(a), { kind: "advance", from: c.from ?? null }, ctx) },
  pause: hostRule(() => ({ kind: "pause" })),
  resume: hostRule(() => ({ kind: "resume" })),
  extend: hostRule((c) => ({ kind: "extend", seconds: c.seconds, seat: c.seatId ?? null })),
  inject_card: hostRule((c) => ({ kind: "inject_card", card: c.card })),
  end: hostRule(() => ({ kind: "end" })),
  move: seatRule((c) => strip(c)),
  act: seatRule((c) => strip(c)),
  cosign: seatRule((c) => strip(c)),
  report: seatRule((c) => strip(c)),
  appeal: seatRule((c) => strip(c)),
  write_entry: seatRule((c) => strip(c)),
  review: seatRule((c) => strip(c)),
  blacklist: seatRule((c) => strip(c)),
  delist: seatRule((c) => strip(c)),
  decide_appeal: seatRule((c) => strip(c)),
  propose_rule: seatRule((c) => strip(c)),
  write_note: seatRule((c) => strip(c)),
  ask_statement: seatRule((c) => strip(c)),
  answer_statement: seatRule((c) => strip(c)),
  check_footage: seatRule((c) => strip(c)),
};

/**
 * Decide one command for a session. Pure: the room supplies the clock, the random source and
 * fresh ids through `ctx` and `fresh`.
 */
export function decideSession(session: Session, actor: SessionActor, command: Command, ctx: Ctx, fresh: Fresh): Outcome {
  const handler = HANDLERS[command.kind] as Handler<CommandKind>;
  const allowed =
    handler.who === "host" ? actor.as === "host"
    : handler.who === "host_or_clock" ? actor.as === "host" || actor.as === "clock"
    : actor.as === "player" || actor.as === "bot";
  if (!allowed) return { ok: false, reason: handler.who === "player" ? "wrong_role" : "not_facilitator" };
  // a player whose character was handed to a bot watches now; they can still ask to step out
  if (actor.as === "player" && session.game.players[actor.seatId]?.bot && command.kind !== "step_out") return { ok: false, reason: "played_by_bot" };
  return handler.decide(session, command as never, actor, ctx, fresh);
}
