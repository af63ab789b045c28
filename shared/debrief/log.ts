/**
 * A session's log as the debrief reads it: every stored event with its position (`seq`, 1 for
 * `session_opened`) and the clock value it was stored at (`at`, ms). The store's rows, the JSON
 * export and the replay all use this one shape.
 */
import type { SessionEvent } from "../session/index.ts";
import type { Scenario } from "../scenario/index.ts";

export type LogEvent = { seq: number; at: number; event: SessionEvent };
export type Log = readonly LogEvent[];

/** Rows as the store keeps them (`data` is the event). */
export function fromStored(rows: readonly { seq: number; at: number; data: unknown }[]): LogEvent[] {
  return rows.map((r) => ({ seq: r.seq, at: r.at, event: r.data as SessionEvent }));
}

/** The scenario the session opened with (the first event carries it). */
export function scenarioOf(log: Log): Scenario {
  const first = log[0]?.event;
  if (!first || first.type !== "session_opened" || !("scenario" in first)) throw new Error("a session log starts with session_opened and its scenario");
  return (first as { scenario: Scenario }).scenario;
}

/** The seats an event concerns (actor, subject, author, …), for the timeline's player filter. */
export function seatsOf(event: SessionEvent): string[] {
  switch (event.type) {
    case "seat_joined":
    case "seat_renamed":
    case "seat_kicked":
    case "seat_released":
    case "seat_sent":
    case "seat_stepped_out":
      return [event.seatId];
    case "seat_moved":
      return [event.from, event.to];
    case "seat_added":
    case "seat_removed":
    case "seat_handed_to_bot":
    case "seat_handed_back":
    case "role_assigned":
    case "moved":
    case "service_used":
    case "score_changed":
    case "money_paid":
    case "delisted":
    case "note_written":
    case "extended_for":
      return [event.seat];
    case "bot_seat_taken":
      return [event.bot, event.by];
    case "deed_done":
      return [event.occurrence.actor, ...event.occurrence.witnesses];
    case "loan_opened":
      return [event.loan.borrower, ...event.loan.cosigners];
    case "loan_cosigned":
      return [event.seat];
    case "entry_written":
      return [event.entry.subject, ...(event.entry.author ? [event.entry.author] : [])];
    case "entry_reviewed":
      return [event.reviewer];
    case "blacklisted":
      return [event.record.seat, ...(event.record.by === "grade" ? [] : [event.record.by])];
    case "appeal_filed":
      return [event.appeal.appellant];
    case "appeal_decided":
      return event.by === "policy" ? [] : [event.by];
    case "rule_proposed":
      return [event.proposal.official];
    case "statement_asked":
      return [event.statement.official, event.statement.witness];
    case "footage_checked":
      return [event.check.official];
    default:
      return [];
  }
}
