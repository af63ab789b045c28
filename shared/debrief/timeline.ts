/**
 * The timeline's filters: by day, player, role and kind of event. Kinds group the many event
 * types into what a class talks about.
 */
import type { Role } from "../rules/index.ts";
import type { Mark } from "./replay.ts";
import type { SessionEvent } from "../session/index.ts";

export const KINDS = ["lobby", "clock", "deed", "entry", "review", "score", "blacklist", "appeal", "loan", "rule", "card", "note", "evidence"] as const;
export type Kind = (typeof KINDS)[number];

/** Every event type's kind: typed over the whole union, so a new event cannot reach the timeline without one (nor, see the unit test, without its sentence). */
export const KIND_OF: Record<SessionEvent["type"], Kind> = {
  session_opened: "lobby", seat_joined: "lobby", seat_renamed: "lobby", seat_kicked: "lobby", seat_released: "lobby", boards_removed: "lobby", room_locked: "lobby", room_unlocked: "lobby",
  seat_stepped_out: "lobby", seat_moved: "lobby", seat_sent: "lobby", text_hidden: "lobby", announcement_made: "note", board_anonymised: "lobby", settings_chosen: "lobby",
  seat_added: "lobby", seat_removed: "lobby", bot_seat_taken: "lobby", seat_handed_to_bot: "lobby", seat_handed_back: "lobby", role_assigned: "lobby", roles_balanced: "lobby",
  game_started: "clock", phase_started: "clock", paused: "clock", resumed: "clock", extended: "clock", extended_for: "clock", game_ended: "clock",
  card_drawn: "card", moved: "deed", deed_done: "deed", service_used: "deed",
  loan_opened: "loan", loan_cosigned: "loan", loan_settled: "loan",
  entry_written: "entry", entry_reviewed: "review", entry_published: "review",
  score_changed: "score", money_paid: "score",
  blacklisted: "blacklist", delisted: "blacklist",
  appeal_filed: "appeal", appeals_aged: "appeal", appeal_decided: "appeal",
  rule_proposed: "rule", rule_changed: "rule", note_written: "note",
  statement_asked: "evidence", statement_given: "evidence", statements_expired: "evidence", footage_checked: "evidence",
};

export function kindOf(type: string): Kind {
  return (KIND_OF as Record<string, Kind>)[type] ?? "lobby";
}

export type TimelineFilter = { day?: number | null; seat?: string | null; role?: Role | null; kind?: Kind | null };

/** Marks that pass every filter set; `roleOf` gives a seat's role (its final one). */
export function filterTimeline(marks: readonly Mark[], f: TimelineFilter, roleOf: (seat: string) => Role | null): Mark[] {
  return marks.filter(
    (m) =>
      (f.day === undefined || f.day === null || m.day === f.day) &&
      (!f.seat || m.seats.includes(f.seat)) &&
      (!f.role || m.seats.some((s) => roleOf(s) === f.role)) &&
      (!f.kind || kindOf(m.type) === f.kind),
  );
}
