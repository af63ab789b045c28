/**
 * Every command kind, declared once: its payload's zod shape, who may send it, in which phases
 * (CONTRACT), and which handler decides it (HANDLERS, below). The wire schema (wire.ts), the
 * TypeScript types, the session's routing and the rules' dispatch (gate.ts) are all derived from
 * this file; nothing else lists the kinds. (The handlers sit in a table of their own because
 * their commands' types are derived from the first one.)
 *
 * Game-level kinds are decided by the rules on the game state alone, so the simulator plays
 * them without a lobby. Session-level kinds need the lobby as well; the ones that also change
 * the game pass the internal game kinds (add_seat, remove_seat, take_bot_seat) through the same
 * gate.
 */
import { ROLES, TOWN_ROLES } from "../rules/roleBook.ts";
import { z } from "zod";
import { NICKNAME_MAX } from "../lobby/nickname.ts";
import { JOIN_CODE_PATTERN } from "../lobby/joinCode.ts";
import { ANNOUNCEMENT_MAX, decideAnnounce, decideAnonymousBoard, decideHideText, decideKick, decideLock, decideMoveSeat, decideReleaseUnused, decideRemoveBoards, decideRename, decideSendAway, decideStepOut } from "../lobby/lobby.ts";
import { decideAppeal, fileAppeal } from "../rules/appeals.ts";
import { CITED_MAX, delistResident, listResident } from "../rules/blacklist.ts";
import { act, move } from "../rules/deeds.ts";
import { checkFootage } from "../rules/footage.ts";
import { report, writeEntry } from "../rules/journal.ts";
import { addSeat, assignRole, autoBalance, handBack, handToBot, removeSeat, start, takeBotSeat } from "../rules/seats.ts";
import { cosign } from "../rules/loans.ts";
import { advance, end, extend, injectCard, pause, resume } from "../rules/phases.ts";
import { proposeRule, review } from "../rules/review.ts";
import { EVIDENCE_PHASES, answerStatement, askStatement } from "../rules/statements.ts";
import { writeNote } from "../rules/notes.ts";
import { HOST, NOTE_MAX, PERSONALITIES, type Phase } from "../rules/index.ts";
import { applySession, type SessionEvent } from "../session/index.ts";
import { fromLobby, spec, type Handler } from "./spec.ts";

/** How many bots one "add bots" may bring (a scenario seats at most 200 players). */
export const BOTS_AT_ONCE = 200;

/** Ids of seats, entries, appeals, loans, locations, deeds, cards: short and plain. */
const ref = z.string().min(1).max(40).regex(/^[A-Za-z0-9_:.-]+$/);
/** Free text typed for a nickname: capped generously here, then checked by the lobby rules. */
const nicknameInput = z.string().max(NICKNAME_MAX * 4);
const role = z.enum(ROLES);
const personality = z.enum(PERSONALITIES);

const LOBBY_AND_PLAY: readonly Phase[] = ["lobby", "morning", "day", "evening", "night"];
const RUNNING: readonly Phase[] = ["morning", "day", "evening", "night"];
const ANY: readonly Phase[] = [...LOBBY_AND_PLAY, "ended"];

export const CONTRACT = {
  // ── the facilitator: the lobby and the room ──
  kick: spec({ payload: { seatId: ref }, who: ["host"], phases: ANY }),
  rename: spec({ payload: { seatId: ref, nickname: nicknameInput }, who: ["host"], phases: ANY }),
  lock: spec({ payload: {}, who: ["host"], phases: ANY }),
  unlock: spec({ payload: {}, who: ["host"], phases: ANY }),
  hide_text: spec({ payload: { target: ref }, who: ["host"], phases: ANY }),
  broadcast: spec({ payload: { text: z.string().min(1).max(ANNOUNCEMENT_MAX * 2) }, who: ["host"], phases: ANY }),
  anonymous_board: spec({ payload: { on: z.boolean() }, who: ["host"], phases: ANY }),
  remove_boards: spec({ payload: {}, who: ["host"], phases: ANY }),
  clear_unused_seats: spec({ payload: {}, who: ["host"], phases: ["lobby"] }),
  /** At an event, before the start: the player goes to another neighbourhood (its session's code). */
  send_away: spec({ payload: { seatId: ref, to: z.string().regex(JOIN_CODE_PATTERN) }, who: ["host"], phases: ["lobby"] }),

  // ── the facilitator: seats, roles and bots ──
  /** A seat joins the game: a student admitted at the door, or a bot the facilitator adds. Late joiners watch. */
  add_seat: spec({
    payload: { seat: ref, nickname: z.string(), bot: z.union([personality, z.literal("auto")]).nullable().optional() },
    who: ["host", "door"],
    phases: LOBBY_AND_PLAY,
    internal: true,
  }),
  remove_seat: spec({ payload: { seat: ref }, who: ["host"], phases: ["lobby"], internal: true }),
  /** A late joiner (an observer) takes over a bot's seat: its role, record and goals. */
  take_bot_seat: spec({ payload: { seat: ref, bot: ref }, who: ["host"], phases: LOBBY_AND_PLAY, whilePaused: true, internal: true }),
  /** Bots come and go in the lobby only (a bot added later would only watch). */
  add_bot: spec({
    payload: { personality: z.enum([...PERSONALITIES, "auto"]).optional(), count: z.number().int().min(1).max(BOTS_AT_ONCE).optional() },
    who: ["host"],
    phases: ["lobby"],
  }),
  remove_bot: spec({ payload: { seatId: ref }, who: ["host"], phases: ["lobby"] }),
  give_bot_seat: spec({ payload: { seatId: ref, botSeatId: ref }, who: ["host"], phases: LOBBY_AND_PLAY, whilePaused: true }),
  /** A player who stepped out: a bot plays their character (role, record, goals) from now on. */
  hand_to_bot: spec({ payload: { seatId: ref, personality: personality.optional() }, who: ["host"], phases: RUNNING }),
  /** The student who stepped out plays their character again; a bot the facilitator added has nobody to return to. */
  hand_back: spec({ payload: { seatId: ref }, who: ["host"], phases: RUNNING }),
  assign_role: spec({ payload: { seatId: ref, role }, who: ["host"], phases: ["lobby"] }),
  auto_balance: spec({ payload: {}, who: ["host"], phases: ["lobby"] }),

  // ── the facilitator and the clock: the game's pace ──
  start: spec({ payload: {}, who: ["host"], phases: ["lobby"] }),
  /**
   * End the current phase. `from` names the phase the sender means to end (day and phase): a skip
   * pressed just as the clock ended that phase would otherwise end the next one too.
   */
  advance: spec({
    payload: { from: z.strictObject({ day: z.number().int().min(0).max(1000), phase: z.enum(["morning", "day", "evening", "night"]) }).nullable().optional() },
    who: ["host", "clock"],
    phases: RUNNING,
  }),
  pause: spec({ payload: {}, who: ["host"], phases: RUNNING }),
  resume: spec({ payload: {}, who: ["host"], phases: RUNNING }),
  /** More time for everyone, or (with `seatId`) for one player who needs it. */
  extend: spec({ payload: { seconds: z.number().int().min(10).max(1800), seatId: ref.nullable().optional() }, who: ["host"], phases: RUNNING }),
  inject_card: spec({ payload: { card: ref }, who: ["host"], phases: RUNNING }),
  end: spec({ payload: {}, who: ["host"], phases: RUNNING }),

  // ── residents (and watchers, who are residents too) ──
  // The town is awake all the time: a resident spends the day's action points when they like
  // (they come back each morning); the evening is when officials judge, the night when points land.
  move: spec({ payload: { to: ref, by: z.enum(["walk", "bus"]).optional() }, who: TOWN_ROLES, phases: RUNNING }),
  act: spec({ payload: { action: ref }, who: TOWN_ROLES, phases: RUNNING }),
  cosign: spec({ payload: { loan: ref }, who: TOWN_ROLES, phases: RUNNING }),
  // The tip line and the journal never close, so nobody waits out a phase with nothing to do.
  report: spec({ payload: { subject: ref, deed: ref }, who: ["resident"], phases: RUNNING }),
  appeal: spec({
    payload: { entry: ref, reason: z.enum(["did_not_happen", "not_me", "context", "disproportionate"]), evidence: z.enum(["camera", "witness"]).nullable().optional() },
    who: TOWN_ROLES,
    phases: RUNNING,
  }),
  /** A witness answers an official's request for a statement; a request is open only in the phase it was asked in. */
  answer_statement: spec({ payload: { statement: ref, answer: z.enum(["saw_it", "did_not", "did_not_see"]) }, who: TOWN_ROLES, phases: RUNNING }),
  /** The student leaves the game for a while (a bot may play their character meanwhile). */
  step_out: spec({ payload: {}, who: ["player"], phases: ANY }),

  // ── watchers ──
  /** `occurrence` is required for a witnessed entry: the observed occurrence it rests on. */
  write_entry: spec({
    payload: { subject: ref, deed: ref, basis: z.enum(["witnessed", "hearsay"]), occurrence: ref.nullable().optional(), note: z.string().max(NOTE_MAX).optional() },
    who: ["watcher"],
    phases: RUNNING,
  }),

  // ── officials ──
  // The review queue streams: camera flags and entries arrive all day, so officials score them
  // at any time; verdicts on appeals wait for the evening.
  review: spec({
    payload: { entry: ref, decision: z.enum(["approve", "reject", "ask_evidence"]), points: z.number().int().min(-100_000).max(100_000).optional() },
    who: ["official"],
    phases: RUNNING,
  }),
  // Where officials list people by hand (a court's list), listing is desk work like scoring:
  // it happens whenever the claims are there, which is why such a list is easy to get onto.
  blacklist: spec({ payload: { subject: ref, entries: z.array(ref).min(1).max(CITED_MAX) }, who: ["official"], phases: RUNNING }),
  delist: spec({ payload: { subject: ref }, who: ["official"], phases: RUNNING }),
  decide_appeal: spec({ payload: { appeal: ref, decision: z.enum(["uphold", "reverse"]) }, who: ["official"], phases: ["evening"] }),
  // A proposal can be drafted at any time; like every rule change it takes effect the next morning.
  propose_rule: spec({ payload: { deed: ref, points: z.number().int().min(-1000).max(1000) }, who: ["official"], phases: RUNNING }),
  // Evidence is gathered while the town is awake (day) and while the official decides (evening).
  /** Ask `witness` whether they saw what an entry claims; `appeal` instead of `entry` asks about an appeal's entry. */
  ask_statement: spec({ payload: { witness: ref, entry: ref.nullable().optional(), appeal: ref.nullable().optional() }, who: ["official"], phases: EVIDENCE_PHASES }),
  /** Look at the cameras' footage for an entry (or an appeal's entry). */
  check_footage: spec({ payload: { entry: ref.nullable().optional(), appeal: ref.nullable().optional() }, who: ["official"], phases: EVIDENCE_PHASES }),

  // ── observers ──
  write_note: spec({ payload: { text: z.string().min(1).max(NOTE_MAX) }, who: ["observer"], phases: RUNNING }),
};

export type CommandKind = keyof typeof CONTRACT;
/** What a command of kind K carries besides its kind. */
export type Payload<K extends CommandKind> = Fields<(typeof CONTRACT)[K]["payload"]>;
// zod reads an empty shape as "no key allowed"; a kind without fields carries nothing
type Fields<P extends z.ZodRawShape> = {} extends P ? {} : z.infer<z.ZodObject<P>>;
/** A command as the rules, bots and pages see it. */
export type Command = { [K in CommandKind]: { kind: K } & Payload<K> }[CommandKind];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

/** Who decides each kind: the rules on the game alone, or the session (lobby and game). */
export const HANDLERS: { [K in CommandKind]: Handler<CommandOf<K>> } = {
  kick: {
    session: (s, c, { ctx, decide }) => {
      const kicked = fromLobby(decideKick(s.lobby, c.seatId, ctx.now));
      if (!kicked.ok || s.game.phase !== "lobby" || !s.game.players[c.seatId]) return kicked;
      // Before the game starts a kicked seat also leaves the game; during a game it stays, idle.
      const removed = decide(s.game, HOST, { kind: "remove_seat", seat: c.seatId });
      return removed.ok ? { ok: true, events: [...kicked.events, ...removed.events] } : kicked;
    },
  },
  rename: { session: (s, c, { ctx }) => fromLobby(decideRename(s.lobby, c.seatId, c.nickname, ctx.now)) },
  lock: { session: (s, _c, { ctx }) => fromLobby(decideLock(s.lobby, true, ctx.now)) },
  unlock: { session: (s, _c, { ctx }) => fromLobby(decideLock(s.lobby, false, ctx.now)) },
  hide_text: { session: (s, c, { ctx }) => fromLobby(decideHideText(s.lobby, c.target, ctx.now)) },
  broadcast: { session: (s, c, { ctx }) => fromLobby(decideAnnounce(s.lobby, c.text, ctx.now)) },
  anonymous_board: { session: (s, c, { ctx }) => fromLobby(decideAnonymousBoard(s.lobby, c.on, ctx.now)) },
  remove_boards: { session: (_s, _c, { ctx }) => fromLobby(decideRemoveBoards(ctx.now)) },
  clear_unused_seats: {
    session: (s, _c, { ctx, fresh, decide }) => {
      const released = fromLobby(decideReleaseUnused(s.lobby, fresh.present?.() ?? new Set(), ctx.now));
      if (!released.ok) return released;
      // each released seat also leaves the game, as a kicked one does before the start
      let session = s;
      const events: SessionEvent[] = [];
      for (const event of released.events) {
        events.push(event);
        if (event.type !== "seat_released" || !session.game.players[event.seatId]) continue;
        const removed = decide(session.game, HOST, { kind: "remove_seat", seat: event.seatId });
        if (!removed.ok) return removed;
        events.push(...removed.events);
        session = removed.events.reduce(applySession, session);
      }
      return { ok: true, events };
    },
  },
  send_away: {
    session: (s, c, { ctx, decide }) => {
      const sent = fromLobby(decideSendAway(s.lobby, c.seatId, c.to, ctx.now));
      if (!sent.ok || !s.game.players[c.seatId]) return sent;
      const removed = decide(s.game, HOST, { kind: "remove_seat", seat: c.seatId });
      return removed.ok ? { ok: true, events: [...sent.events, ...removed.events] } : removed;
    },
  },
  add_seat: { game: (s, _seat, c) => addSeat(s, c) },
  remove_seat: { game: (s, _seat, c) => removeSeat(s, c) },
  take_bot_seat: { game: (s, _seat, c) => takeBotSeat(s, c) },
  add_bot: {
    // "Add 10 bots" is one command: one stored step, one reply. The rules refuse a bot that could
    // only watch (game running, player places taken); then none of the batch is added.
    session: (s, c, { fresh, decide }) => {
      let session = s;
      const events: SessionEvent[] = [];
      for (let i = 0; i < (c.count ?? 1); i++) {
        const added = decide(session.game, HOST, { kind: "add_seat", seat: fresh.seatId(session), nickname: fresh.botName(session), bot: c.personality ?? "auto" });
        if (!added.ok) return added;
        events.push(...added.events);
        session = added.events.reduce(applySession, session);
      }
      return { ok: true, events };
    },
  },
  remove_bot: { session: (s, c, { decide }) => (s.game.players[c.seatId]?.bot ? decide(s.game, HOST, { kind: "remove_seat", seat: c.seatId }) : { ok: false, reason: "no_such_seat" }) },
  give_bot_seat: {
    session: (s, c, { ctx, decide }) => {
      // the game decides whether the swap is allowed; the lobby moves the player's seat with it
      const taken = decide(s.game, HOST, { kind: "take_bot_seat", seat: c.seatId, bot: c.botSeatId });
      if (!taken.ok) return taken;
      const moved = fromLobby(decideMoveSeat(s.lobby, c.seatId, c.botSeatId, ctx.now));
      return moved.ok ? { ok: true, events: [...taken.events, ...moved.events] } : moved;
    },
  },
  hand_to_bot: { game: (s, _seat, c) => handToBot(s, c) },
  hand_back: { session: (s, c) => (s.lobby.seats[c.seatId] ? handBack(s.game, c) : { ok: false, reason: "not_allowed" }) },
  assign_role: { game: (s, _seat, c) => assignRole(s, c) },
  auto_balance: { game: (s, _seat, _c, ctx) => autoBalance(s, ctx) },
  start: { game: (s, _seat, _c, ctx) => start(s, ctx) },
  advance: { game: (s, _seat, c, ctx, actor) => advance(s, actor, ctx, c.from) },
  pause: { game: (s, _seat, _c, ctx) => pause(s, ctx) },
  resume: { game: (s, _seat, _c, ctx) => resume(s, ctx) },
  extend: { game: (s, _seat, c) => extend(s, c) },
  inject_card: { game: (s, _seat, c, ctx) => injectCard(s, c, ctx) },
  end: { game: (s) => end(s) },
  move: { game: (s, seat, c) => move(s, seat, c) },
  act: { game: (s, seat, c, ctx) => act(s, seat, c, ctx) },
  cosign: { game: (s, seat, c) => cosign(s, seat, c) },
  report: { game: (s, seat, c, ctx) => report(s, seat, c, ctx) },
  appeal: { game: (s, seat, c) => fileAppeal(s, seat, c) },
  answer_statement: { game: (s, seat, c) => answerStatement(s, seat, c) },
  step_out: { session: (s, _c, { ctx, actor }) => (actor.kind === "seat" ? fromLobby(decideStepOut(s.lobby, actor.seat, ctx.now)) : { ok: false, reason: "not_allowed" }) },
  write_entry: { game: (s, seat, c, ctx) => writeEntry(s, seat, c, ctx) },
  review: { game: (s, seat, c) => review(s, seat, c) },
  blacklist: { game: (s, seat, c) => listResident(s, seat, c) },
  delist: { game: (s, seat, c) => delistResident(s, seat, c) },
  decide_appeal: { game: (s, seat, c) => decideAppeal(s, seat, c) },
  propose_rule: { game: (s, seat, c) => proposeRule(s, seat, c) },
  ask_statement: { game: (s, seat, c) => askStatement(s, seat, c) },
  check_footage: { game: (s, seat, c) => checkFootage(s, seat, c) },
  write_note: { game: (_s, seat, c) => writeNote(seat, c) },
};
