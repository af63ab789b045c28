/**
 * decide(state, actor, command, ctx): the rules' one entrance. It runs the same checks in the
 * same order for every command — who is asking, whether their role may ask this, whether the
 * game is in a phase that allows it, whether it is paused — and then hands over to the
 * command's own small handler. It never mutates; it returns events or a rejection with a reason.
 */
import { decideAppeal, fileAppeal } from "./appeals.ts";
import { delistResident, listResident } from "./blacklist.ts";
import type { Actor, Command, CommandKind, CommandOf } from "./commands.ts";
import { NOTE_MAX } from "./commands.ts";
import { accept, reject, type Ctx, type Decision } from "./context.ts";
import { act, move } from "./deeds.ts";
import { checkFootage } from "./footage.ts";
import { report, writeEntry } from "./journal.ts";
import { addSeat, assignRole, autoBalance, handBack, handToBot, removeSeat, start, takeBotSeat } from "./lobby.ts";
import { cosign } from "./loans.ts";
import { advance, end, extend, injectCard, pause, resume } from "./phases.ts";
import { Reasons } from "./reasons.ts";
import { proposeRule, review } from "./review.ts";
import { EVIDENCE_PHASES, answerStatement, askStatement } from "./statements.ts";
import type { GameState, Phase, Role, SeatId } from "./state.ts";

type Who = "host" | "host_or_clock" | readonly Role[];

export interface Rule<K extends CommandKind> {
  /** Who may send it. */
  who: Who;
  /** Phases in which it is allowed. */
  phases: readonly Phase[];
  /** Allowed while the facilitator has paused the game (facilitator commands are). */
  whilePaused?: boolean;
  handle: (s: GameState, seat: SeatId, c: CommandOf<K>, ctx: Ctx, actor: Actor) => Decision;
}

const RUNNING: readonly Phase[] = ["morning", "day", "evening", "night"];
const TOWN: readonly Role[] = ["resident", "watcher"];
const OFFICIAL: readonly Role[] = ["official"];

/** The table of commands: the gate reads `who` and `phases`, then calls `handle`. */
export const RULES: { [K in CommandKind]: Rule<K> } = {
  add_seat: { who: "host", phases: ["lobby", ...RUNNING], whilePaused: true, handle: (s, _, c) => addSeat(s, c) },
  remove_seat: { who: "host", phases: ["lobby"], handle: (s, _, c) => removeSeat(s, c) },
  take_bot_seat: { who: "host", phases: ["lobby", ...RUNNING], whilePaused: true, handle: (s, _, c) => takeBotSeat(s, c) },
  hand_to_bot: { who: "host", phases: RUNNING, whilePaused: true, handle: (s, _, c) => handToBot(s, c) },
  hand_back: { who: "host", phases: RUNNING, whilePaused: true, handle: (s, _, c) => handBack(s, c) },
  assign_role: { who: "host", phases: ["lobby"], handle: (s, _, c) => assignRole(s, c) },
  auto_balance: { who: "host", phases: ["lobby"], handle: (s, _, _c, ctx) => autoBalance(s, ctx) },
  start: { who: "host", phases: ["lobby"], handle: (s, _, _c, ctx) => start(s, ctx) },
  advance: { who: "host_or_clock", phases: RUNNING, whilePaused: true, handle: (s, _, c, ctx, actor) => advance(s, actor, ctx, c.from) },
  pause: { who: "host", phases: RUNNING, whilePaused: true, handle: (s, _, _c, ctx) => pause(s, ctx) },
  resume: { who: "host", phases: RUNNING, whilePaused: true, handle: (s, _, _c, ctx) => resume(s, ctx) },
  extend: { who: "host", phases: RUNNING, whilePaused: true, handle: (s, _, c) => extend(s, c) },
  inject_card: { who: "host", phases: RUNNING, whilePaused: true, handle: (s, _, c, ctx) => injectCard(s, c, ctx) },
  end: { who: "host", phases: RUNNING, whilePaused: true, handle: (s) => end(s) },
  // The town is awake all the time: a resident spends the day's action points when they like
  // (they come back each morning); the evening is when officials judge, the night when points land.
  move: { who: TOWN, phases: RUNNING, handle: (s, seat, c) => move(s, seat, c) },
  act: { who: TOWN, phases: RUNNING, handle: (s, seat, c, ctx) => act(s, seat, c, ctx) },
  cosign: { who: TOWN, phases: RUNNING, handle: (s, seat, c) => cosign(s, seat, c) },
  // The tip line and the journal never close, so nobody waits out a phase with nothing to do.
  report: { who: ["resident"], phases: RUNNING, handle: (s, seat, c, ctx) => report(s, seat, c, ctx) },
  appeal: { who: TOWN, phases: RUNNING, handle: (s, seat, c) => fileAppeal(s, seat, c) },
  // a request is open only in the phase it was asked in; the handler tells expired from answered
  answer_statement: { who: TOWN, phases: RUNNING, handle: (s, seat, c) => answerStatement(s, seat, c) },
  write_entry: { who: ["watcher"], phases: RUNNING, handle: (s, seat, c, ctx) => writeEntry(s, seat, c, ctx) },
  // The review queue streams: camera flags and entries arrive all day, so officials score them
  // at any time; verdicts on people (appeals, listings, rules) wait for the evening.
  review: { who: OFFICIAL, phases: RUNNING, handle: (s, seat, c) => review(s, seat, c) },
  // Where officials list people by hand (a court's list), listing is desk work like scoring:
  // it happens whenever the claims are there, which is why such a list is easy to get onto.
  blacklist: { who: OFFICIAL, phases: RUNNING, handle: (s, seat, c) => listResident(s, seat, c) },
  delist: { who: OFFICIAL, phases: RUNNING, handle: (s, seat, c) => delistResident(s, seat, c) },
  decide_appeal: { who: OFFICIAL, phases: ["evening"], handle: (s, seat, c) => decideAppeal(s, seat, c) },
  // A proposal can be drafted at any time; like every rule change it takes effect the next morning.
  propose_rule: { who: OFFICIAL, phases: RUNNING, handle: (s, seat, c) => proposeRule(s, seat, c) },
  // evidence is gathered while the town is awake (day) and while the official decides (evening)
  ask_statement: { who: OFFICIAL, phases: EVIDENCE_PHASES, handle: (s, seat, c) => askStatement(s, seat, c) },
  check_footage: { who: OFFICIAL, phases: EVIDENCE_PHASES, handle: (s, seat, c) => checkFootage(s, seat, c) },
  write_note: {
    who: ["observer"],
    phases: RUNNING,
    handle: (_s, seat, c) =>
      typeof c.text !== "string" || c.text.length === 0 || c.text.length > NOTE_MAX
        ? reject(Reasons.note_too_long)
        : accept([{ type: "note_written", seat, text: c.text }]),
  },
};

/** The gate's checks, in order; null when the command may go to its handler. */
function gate(s: GameState, actor: Actor, rule: Rule<CommandKind>): Decision | null {
  if (rule.who === "host" || rule.who === "host_or_clock") {
    const allowed = actor.kind === "host" || (rule.who === "host_or_clock" && actor.kind === "system");
    if (!allowed) return reject(Reasons.not_facilitator);
  } else {
    if (actor.kind !== "seat") return reject(Reasons.wrong_role);
    const p = s.players[actor.seat];
    if (!p) return reject(Reasons.unknown_seat);
    if (s.phase === "lobby") return reject(Reasons.game_not_started);
    if (s.phase === "ended") return reject(Reasons.game_over);
    if (!p.role || !rule.who.includes(p.role)) return reject(Reasons.wrong_role);
  }
  if (!rule.phases.includes(s.phase)) {
    if (s.phase === "lobby") return reject(Reasons.game_not_started);
    if (s.phase === "ended") return reject(Reasons.game_over);
    return reject(Reasons.wrong_phase);
  }
  if (s.paused && !rule.whilePaused) return reject(Reasons.paused);
  return null;
}

/**
 * Decide what a command does. Pure: the same state, actor, command, clock value and random
 * draws always give the same answer.
 *
 * @example
 *   const d = decide(state, seatActor("s1"), { kind: "move", to: "market" }, { now, rng });
 *   if (d.ok) state = applyAll(state, d.events); else showReason(d.reason);
 */
export function decide(state: GameState, actor: Actor, command: Command, ctx: Ctx): Decision {
  if (!command || typeof command !== "object" || !Object.hasOwn(RULES, command.kind)) {
    return reject(Reasons.invalid_command);
  }
  const rule = RULES[command.kind] as Rule<CommandKind>;
  const blocked = gate(state, actor, rule);
  if (blocked) return blocked;
  const seat = actor.kind === "seat" ? actor.seat : "";
  return rule.handle(state, seat, command as never, ctx, actor);
}
