/**
 * Who may act, and what they may ask. Commands are a tagged union on `kind`; decide() turns
 * one into events or a rejection.
 *
 * Actor kinds:
 *  - `{ kind: "seat", seat }` — a player (human or bot: bots act as their own seat);
 *  - `{ kind: "host" }` — the facilitator's console;
 *  - `{ kind: "system" }` — the room's clock (it may only `advance` once the phase timer ran out).
 */
import type { AppealReason, Personality, Phase, Role, SeatId, StatementAnswer } from "./state.ts";

export type Actor = { kind: "seat"; seat: SeatId } | { kind: "host" } | { kind: "system" };

export const seatActor = (seat: SeatId): Actor => ({ kind: "seat", seat });
export const HOST: Actor = { kind: "host" };
export const SYSTEM: Actor = { kind: "system" };

/** Facilitator (and clock) commands. */
export type FacilitatorCommand =
  | { kind: "add_seat"; seat: SeatId; nickname: string; bot?: Personality | "auto" | null }
  | { kind: "remove_seat"; seat: SeatId }
  /** A late joiner (an observer) takes over a bot's seat: its role, record and goals. */
  | { kind: "take_bot_seat"; seat: SeatId; bot: SeatId }
  /** A player who stepped out: a bot plays their character (role, record, goals) from now on. */
  | { kind: "hand_to_bot"; seat: SeatId; bot: Personality }
  /** The student who stepped out plays their character again. */
  | { kind: "hand_back"; seat: SeatId }
  | { kind: "assign_role"; seat: SeatId; role: Role }
  | { kind: "auto_balance" }
  | { kind: "start" }
  /**
   * End the current phase. `from` names the phase the sender means to end (day and phase): a skip
   * pressed just as the clock ended that phase would otherwise end the next one too.
   */
  | { kind: "advance"; from?: { day: number; phase: Phase } | null }
  | { kind: "pause" }
  | { kind: "resume" }
  /** More time for everyone, or (with `seat`) for one player who needs it. */
  | { kind: "extend"; seconds: number; seat?: SeatId | null }
  | { kind: "inject_card"; card: string }
  | { kind: "end" };

/** Residents (and watchers, who are residents too). */
export type ResidentCommand =
  | { kind: "move"; to: string; by?: "walk" | "bus" }
  | { kind: "act"; action: string }
  | { kind: "cosign"; loan: string }
  | { kind: "report"; subject: SeatId; deed: string }
  | { kind: "appeal"; entry: string; reason: AppealReason; evidence?: "camera" | "witness" | null }
  /** A witness answers an official's request for a statement (watchers and residents alike). */
  | { kind: "answer_statement"; statement: string; answer: StatementAnswer };

export type WatcherCommand = {
  kind: "write_entry";
  subject: SeatId;
  deed: string;
  basis: "witnessed" | "hearsay";
  /** Required for a witnessed entry: the observed occurrence it rests on. */
  occurrence?: string | null;
  note?: string;
};

export type OfficialCommand =
  | { kind: "review"; entry: string; decision: "approve" | "reject" | "ask_evidence"; points?: number }
  | { kind: "blacklist"; subject: SeatId; entries: string[] }
  | { kind: "delist"; subject: SeatId }
  | { kind: "decide_appeal"; appeal: string; decision: "uphold" | "reverse" }
  | { kind: "propose_rule"; deed: string; points: number }
  /** Ask `witness` whether they saw what an entry claims; `appeal` instead of `entry` asks about an appeal's entry. */
  | { kind: "ask_statement"; witness: SeatId; entry?: string | null; appeal?: string | null }
  /** Look at the cameras' footage for an entry (or an appeal's entry). */
  | { kind: "check_footage"; entry?: string | null; appeal?: string | null };

export type ObserverCommand = { kind: "write_note"; text: string };

export type Command = FacilitatorCommand | ResidentCommand | WatcherCommand | OfficialCommand | ObserverCommand;
export type CommandKind = Command["kind"];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export const NOTE_MAX = 280;
