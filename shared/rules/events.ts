/**
 * Everything that can happen, as a tagged union on `type`. Events are facts: apply() writes
 * them without checking anything, and they carry every random outcome and clock value, so a
 * log replays to the same state.
 */
import type {
  Appeal,
  BlacklistRecord,
  FootageCheck,
  JournalEntry,
  Loan,
  Occurrence,
  Personality,
  Phase,
  Role,
  RuleProposal,
  SeatId,
  Statement,
  StatementAnswer,
} from "./state.ts";

export type ScoreCause =
  | { kind: "entry"; entry: string }
  | { kind: "reversal"; entry: string; appeal: string | null }
  | { kind: "cosigner"; loan: string };

export type GameEvent =
  | { type: "seat_added"; seat: SeatId; nickname: string; bot: Personality | "auto" | null; role: Role | null }
  | { type: "seat_removed"; seat: SeatId }
  | { type: "bot_seat_taken"; bot: SeatId; by: SeatId; nickname: string }
  | { type: "seat_handed_to_bot"; seat: SeatId; bot: Personality }
  | { type: "seat_handed_back"; seat: SeatId }
  | { type: "role_assigned"; seat: SeatId; role: Role }
  | { type: "roles_balanced"; roles: Record<SeatId, Role> }
  | {
      type: "game_started";
      roles: Record<SeatId, Role>;
      bots: Record<SeatId, Personality>;
      goals: Record<SeatId, string[]>;
      allies: Record<SeatId, SeatId>;
      targets: Record<SeatId, SeatId>;
    }
  | { type: "phase_started"; phase: Exclude<Phase, "lobby" | "ended">; day: number; endsAt: number }
  | { type: "paused"; left: number }
  | { type: "resumed"; endsAt: number }
  | { type: "extended"; endsAt: number | null; left: number | null }
  | { type: "extended_for"; seat: SeatId; ms: number }
  | { type: "card_drawn"; card: string; offers: Record<SeatId, string> }
  | { type: "moved"; seat: SeatId; to: string; ap: number; money: number }
  | { type: "deed_done"; occurrence: Occurrence; ap: number; money: number; wellbeing: number }
  | { type: "service_used"; seat: SeatId; service: string; item: string; ap: number; money: number; wellbeing: number }
  | { type: "loan_opened"; loan: Loan }
  | { type: "loan_cosigned"; loan: string; seat: SeatId; activated: boolean }
  | { type: "loan_settled"; loan: string; outcome: "repaid" | "defaulted" }
  | { type: "entry_written"; entry: JournalEntry }
  | {
      type: "entry_reviewed";
      entry: string;
      status: "approved" | "rejected" | "evidence_requested";
      points: number | null;
      reviewer: SeatId;
      footage: JournalEntry["footage"];
    }
  | { type: "entry_published"; entry: string }
  | { type: "score_changed"; seat: SeatId; delta: number; cause: ScoreCause }
  | { type: "money_paid"; seat: SeatId; amount: number; entry: string }
  | { type: "blacklisted"; record: BlacklistRecord }
  | { type: "delisted"; seat: SeatId; by: SeatId | "grade" | "appeal" }
  | { type: "appeal_filed"; appeal: Appeal }
  | { type: "appeals_aged"; appeals: string[] }
  | { type: "appeal_decided"; appeal: string; outcome: "upheld" | "reversed"; by: SeatId | "policy" }
  | { type: "rule_proposed"; proposal: RuleProposal }
  | { type: "rule_changed"; deed: string; points: number; proposal: string | null }
  | { type: "note_written"; seat: SeatId; text: string }
  | { type: "statement_asked"; statement: Statement }
  | {
      type: "statement_given";
      statement: string;
      answer: StatementAnswer;
      happened: boolean;
      seen: boolean;
      truthful: boolean;
    }
  | { type: "statements_expired"; statements: string[] }
  | { type: "footage_checked"; check: FootageCheck }
  | { type: "game_ended" }
  /** The facilitator's session settings, stored right after the session opened (only when not the defaults). */
  | { type: "settings_chosen"; showApprover: boolean };

export type EventType = GameEvent["type"];
export type EventOf<T extends EventType> = Extract<GameEvent, { type: T }>;
