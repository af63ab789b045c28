/**
 * Why something was refused: one table of stable snake_case codes for the whole game — the
 * rules' own, then those of joining, the lobby, the connection and the HTTP API. The server
 * sends the code, the client translates it through the string tables (`reason.<code>`), tests
 * compare codes, never message text. Add new codes, never rename one; each says what the player
 * (or facilitator) did wrong.
 */
export const Reasons = {
  // the rules
  /** The command's shape is wrong (unknown kind, missing field). */
  invalid_command: "invalid_command",
  /** The seat is not part of this game. */
  unknown_seat: "unknown_seat",
  /** Only the facilitator may do this. */
  not_facilitator: "not_facilitator",
  /** Nobody in this position may do this (a board, a bot stepping out, a seat no student holds). */
  not_allowed: "not_allowed",
  /** The student's character is played by a bot for now: they watch. */
  played_by_bot: "played_by_bot",
  /** The seat's role may not send this command. */
  wrong_role: "wrong_role",
  /** Not allowed in the current phase. */
  wrong_phase: "wrong_phase",
  /** The game has not started yet. */
  game_not_started: "game_not_started",
  /** The game has ended. */
  game_over: "game_over",
  /** The facilitator paused the game. */
  paused: "paused",
  not_paused: "not_paused",
  /** The clock tried to advance before the phase timer ran out. */
  phase_not_over: "phase_not_over",
  /** A skip meant for a phase that has already ended (the clock or another skip got there first). */
  stale_phase: "stale_phase",
  seat_taken: "seat_taken",
  room_full: "room_full",
  too_few_players: "too_few_players",
  /** A role the scenario does not use (ratio 0) or an unknown role. */
  role_unavailable: "role_unavailable",
  unknown_location: "unknown_location",
  already_there: "already_there",
  no_action_points: "no_action_points",
  not_enough_money: "not_enough_money",
  unknown_action: "unknown_action",
  /** The action cannot be done at the resident's location. */
  not_here: "not_here",
  /** The resident's grade or the blacklist blocks it; `detail` names the restriction. */
  blocked_by_restriction: "blocked_by_restriction",
  /** The service is not offered yet (its `fromDay` is later). */
  not_open_yet: "not_open_yet",
  /** Each deed or service once per day. */
  done_today: "done_today",
  /** An event deed needs an event card's offer. */
  not_offered: "not_offered",
  already_have: "already_have",
  unknown_loan: "unknown_loan",
  loan_not_open: "loan_not_open",
  own_loan: "own_loan",
  already_cosigned: "already_cosigned",
  reporting_disabled: "reporting_disabled",
  unknown_subject: "unknown_subject",
  self_subject: "self_subject",
  unknown_deed: "unknown_deed",
  /** Only deeds with points (or bad ones) can be journalled or reported. */
  deed_not_recordable: "deed_not_recordable",
  /** A witnessed entry must link to something this watcher observed. */
  not_witnessed: "not_witnessed",
  /** A resident may report one neighbour a day. */
  reported_today: "reported_today",
  already_recorded: "already_recorded",
  note_too_long: "note_too_long",
  unknown_entry: "unknown_entry",
  entry_not_pending: "entry_not_pending",
  points_out_of_range: "points_out_of_range",
  /** Officials may not judge entries about themselves. */
  own_record: "own_record",
  appeals_disabled: "appeals_disabled",
  /** Only published entries against the appellant can be appealed. */
  entry_not_appealable: "entry_not_appealable",
  appeal_exists: "appeal_exists",
  too_many_appeals: "too_many_appeals",
  unknown_appeal: "unknown_appeal",
  appeal_not_pending: "appeal_not_pending",
  /** In "grade" mode the blacklist follows grades; nobody lists people by hand. */
  blacklist_by_grade: "blacklist_by_grade",
  already_blacklisted: "already_blacklisted",
  not_blacklisted: "not_blacklisted",
  /** Entries cited for a blacklisting must be approved, about the subject and citable. */
  entry_not_citable: "entry_not_citable",
  rule_changes_disabled: "rule_changes_disabled",
  already_proposed: "already_proposed",
  unknown_card: "unknown_card",
  /** Only a bot's seat can be taken over. */
  not_a_bot: "not_a_bot",
  already_a_bot: "already_a_bot",
  /** Only a human without a playing role (an observer, or unassigned in the lobby) can take a bot's seat. */
  already_playing: "already_playing",
  /** A statement can only be asked of another resident or watcher, never of the entry's subject or oneself. */
  not_a_witness: "not_a_witness",
  /** This player was already asked about this entry (or appeal), or its footage already checked. */
  already_asked: "already_asked",
  unknown_request: "unknown_request",
  /** Only the player asked can answer a request for a statement. */
  not_your_request: "not_your_request",
  /** The request was already answered. */
  request_answered: "request_answered",
  /** The request ran out with the phase it was asked in. */
  request_expired: "request_expired",
  // joining
  no_such_session: "no_such_session",
  bad_code: "bad_code",
  room_locked: "room_locked",
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
  /** The server is starting: it has not yet reopened the sessions that were running before. */
  starting: "starting",
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
  /** At an event, the host moved the player to another neighbourhood: the page joins it. */
  sent_away: "sent_away",
  session_ended: "session_ended",
  server_restarting: "server_restarting",
} as const;

export type Reason = (typeof Reasons)[keyof typeof Reasons];

export const REASONS: readonly Reason[] = Object.values(Reasons);

export function isReason(value: unknown): value is Reason {
  return typeof value === "string" && (REASONS as readonly string[]).includes(value);
}
