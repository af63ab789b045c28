/**
 * A scripted game as a session log, for the debrief's unit tests: every command goes through
 * the rules' `decide` (the same gate the room uses), every accepted event is logged with its
 * position and a clock value, and a rejected command stops the test with the reason. So the
 * debrief reads exactly the log a live game with these moves would have stored.
 */
import { HOST, createRng, seatActor, type Actor, type GameState, type Phase, type Role } from "../../../shared/rules/index.ts";
import { decide, type Command } from "../../../shared/commands/index.ts";
import { applySession, openSession, type Session, type SessionEvent, type SessionOpened } from "../../../shared/session/index.ts";
import type { Scenario } from "../../../shared/scenario/index.ts";
import { buildReplay, type LogEvent, type Replay } from "../../../shared/debrief/index.ts";

export class ScriptedGame {
  readonly log: LogEvent[] = [];
  private session: Session;
  private now = 1000;

  /** Seats `seats` (in order, with their roles) and starts the game; goals are dealt with `seed`. */
  constructor(scenario: Scenario, seats: readonly [string, Role][], private readonly seed = 1) {
    const opened = { type: "session_opened", at: this.now, code: "SCRIPT", scenarioId: scenario.id, maxPlayers: scenario.maxPlayers, scenario } as SessionOpened;
    this.session = openSession(opened);
    this.log.push({ seq: 1, at: this.now, event: opened });
    for (const [seat, role] of seats) {
      this.do(HOST, { kind: "add_seat", seat, nickname: `Nick-${seat}` } as Command);
      this.do(HOST, { kind: "assign_role", seatId: seat, role } as Command);
    }
    this.do(HOST, { kind: "start" } as Command);
  }

  get game(): GameState {
    return this.session.game;
  }

  /** One command from a seat (by id) or the host; throws with the reason when the rules refuse it. */
  do(actor: Actor | string, command: Command): this {
    const who = typeof actor === "string" ? seatActor(actor) : actor;
    this.now += 1000;
    const decision = decide(this.game, who, command, { now: this.now, rng: createRng(this.seed * 7919 + this.log.length) });
    if (!decision.ok) throw new Error(`${command.kind} by ${typeof actor === "string" ? actor : actor.kind} refused: ${decision.reason} ${decision.detail ?? ""}`);
    for (const event of decision.events as SessionEvent[]) {
      this.session = applySession(this.session, event);
      this.log.push({ seq: this.log.length + 1, at: this.now, event });
    }
    return this;
  }

  /** The facilitator moves the clock on until `phase` of `day` (the current day when omitted). */
  to(phase: Phase, day = this.game.day): this {
    for (let i = 0; i < 60 && !(this.game.phase === phase && this.game.day === day) && this.game.phase !== "ended"; i++) this.do(HOST, { kind: "advance" } as Command);
    if (this.game.phase !== phase || (phase !== "ended" && this.game.day !== day)) throw new Error(`the game reached ${this.game.phase} of day ${this.game.day}, not ${phase} of day ${day}`);
    return this;
  }

  /** The facilitator ends the game. */
  end(): this {
    return this.do(HOST, { kind: "end" } as Command);
  }

  replay(): Replay {
    return buildReplay(this.log);
  }
}

/** A copy of a scenario with some fields replaced (test variants: a sure camera error, a costly default). */
export function variant(scenario: Scenario, patch: (s: Scenario) => Partial<Scenario>): Scenario {
  return { ...structuredClone(scenario), ...patch(structuredClone(scenario)) };
}
