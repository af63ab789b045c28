/**
 * Why the server refused something. One table, stable snake_case codes: the game rules' own
 * reasons plus those of joining, the lobby and the connection. The server sends the code, the
 * client translates it through the string tables (`reason.<code>`), tests compare codes, never
 * message text.
 */
import { Reasons as RuleReasons } from "../rules/reasons.ts";

export const Reason = {
  ...RuleReasons,
  // joining
  no_such_session: "no_such_session",
  bad_code: "bad_code",
  room_locked: "room_locked",
  room_full: "room_full",
  seat_kicked: "seat_kicked",
  nickname_too_short: "nickname_too_short",
  nickname_too_long: "nickname_too_long",
  nickname_characters: "nickname_characters",
  nickname_offensive: "nickname_offensive",
  nickname_taken: "nickname_taken",
  bad_join_request: "bad_join_request",
  not_host: "not_host",
  too_many_attempts: "too_many_attempts",
  /** This address already holds several seats nobody is connected to (a seat flood, or phones asleep). */
  too_many_unused_seats: "too_many_unused_seats",
  // commands
  malformed: "malformed",
  no_such_seat: "no_such_seat",
  already_locked: "already_locked",
  already_unlocked: "already_unlocked",
  same_nickname: "same_nickname",
  empty_text: "empty_text",
  text_too_long: "text_too_long",
  storage_unavailable: "storage_unavailable",
  // sessions over HTTP
  no_such_scenario: "no_such_scenario",
  invalid_scenario: "invalid_scenario",
  host_key_required: "host_key_required",
  too_many_sessions: "too_many_sessions",
  // any HTTP request (see http.ts, ANY_ROUTE)
  /** The path names no route of the API. */
  not_found: "not_found",
  /** The body is over its route's limit (a join's few fields, a scenario file's 256 kB). */
  too_large: "too_large",
  /** The server failed in a way it did not foresee; the log has the details. */
  internal: "internal",
  // leaving
  kicked: "kicked",
  replaced: "replaced",
  /** More boards were opened for this session (or from this address) than it keeps: the oldest closes. */
  board_replaced: "board_replaced",
  /** The facilitator closed every board. */
  board_removed: "board_removed",
  seat_moved: "seat_moved",
  session_ended: "session_ended",
  server_restarting: "server_restarting",
} as const;

export type Reason = (typeof Reason)[keyof typeof Reason];

export const REASONS: readonly Reason[] = Object.values(Reason);

export function isReason(value: unknown): value is Reason {
  return typeof value === "string" && (REASONS as readonly string[]).includes(value);
}
