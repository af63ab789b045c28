/**
 * A well-formed command of every kind (it passes the protocol schema), with ids the caller
 * chooses: real ones to aim at a game's seats, or plausible ones that need not exist.
 */
import type { WireKind } from "../../shared/commands/index.ts";

export type SampleIds = { seat: string; bot: string; observer: string };

export function sampleCommand(kind: WireKind, ids: SampleIds = { seat: "s1", bot: "b1", observer: "s2" }): Record<string, unknown> {
  const { seat, bot, observer } = ids;
  const byKind: Record<WireKind, Record<string, unknown>> = {
    kick: { seatId: seat },
    rename: { seatId: seat, nickname: "Renamed" },
    lock: {},
    unlock: {},
    assign_role: { seatId: seat, role: "watcher" },
    auto_balance: {},
    send_away: { seatId: seat, to: "ABCDEF" },
    add_bot: { personality: "auto" },
    remove_bot: { seatId: bot },
    give_bot_seat: { seatId: observer, botSeatId: bot },
    hand_to_bot: { seatId: seat },
    hand_back: { seatId: seat },
    start: {},
    advance: {},
    pause: {},
    resume: {},
    extend: { seconds: 60 },
    inject_card: { card: "flu" },
    end: {},
    hide_text: { target: "note1" },
    broadcast: { text: "Two minutes left" },
    anonymous_board: { on: true },
    remove_boards: {},
    clear_unused_seats: {},
    move: { to: "market", by: "walk" },
    act: { action: "jaywalk" },
    cosign: { loan: "loan1" },
    report: { subject: seat, deed: "jaywalk" },
    appeal: { entry: "e1", reason: "context", evidence: "witness" },
    write_entry: { subject: seat, deed: "jaywalk", basis: "hearsay", occurrence: null, note: "seen at the market" },
    review: { entry: "e1", decision: "approve", points: -5 },
    blacklist: { subject: seat, entries: ["e1"] },
    delist: { subject: seat },
    decide_appeal: { appeal: "a1", decision: "uphold" },
    propose_rule: { deed: "jaywalk", points: -10 },
    write_note: { text: "a note" },
    ask_statement: { witness: seat, entry: "e1" },
    answer_statement: { statement: "w1", answer: "did_not_see" },
    check_footage: { appeal: "a1" },
    step_out: {},
  };
  return { kind, ...byKind[kind] };
}
