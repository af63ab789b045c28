/**
 * Zod schemas for everything a client sends, with length caps. The server validates with them;
 * the browser only needs their types, so pages never bundle zod. A message that fails its schema
 * is hostile (our own pages never send one) and disconnects its sender.
 */
import { z } from "zod";
import { NICKNAME_MAX } from "../lobby/nickname.ts";
import { ANNOUNCEMENT_MAX } from "../lobby/lobby.ts";
import { PROTOCOL_VERSION } from "./version.ts";
import { NOTE_MAX, PERSONALITIES } from "../rules/index.ts";

const token = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** Free text typed for a nickname: capped generously here, then checked by the lobby rules. */
const nicknameInput = z.string().max(NICKNAME_MAX * 4);
/** How many bots one "add bots" may bring (a scenario seats at most 200 players). */
export const BOTS_AT_ONCE = 200;

/** Ids of seats, entries, appeals, loans, locations, deeds, cards: short and plain. */
const ref = z.string().min(1).max(40).regex(/^[A-Za-z0-9_:.-]+$/);
const commandId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);
const role = z.enum(["resident", "watcher", "official", "observer"]);

/** What each kind of client sends when it joins the room (Colyseus join options). */
export const JoinRequestSchema = z.discriminatedUnion("as", [
  z.strictObject({
    as: z.literal("player"),
    v: z.literal(PROTOCOL_VERSION),
    seatToken: token,
    nickname: nicknameInput.optional(),
  }),
  z.strictObject({ as: z.literal("host"), v: z.literal(PROTOCOL_VERSION), hostToken: token }),
  z.strictObject({ as: z.literal("board"), v: z.literal(PROTOCOL_VERSION) }),
]);
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

const cmd = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => z.strictObject({ id: commandId, kind: z.literal(kind), ...shape });

/** The facilitator's commands: the lobby, roles and bots, and the game's pace. */
export const HOST_COMMANDS = [
  cmd("kick", { seatId: ref }),
  cmd("rename", { seatId: ref, nickname: nicknameInput }),
  cmd("lock", {}),
  cmd("unlock", {}),
  cmd("assign_role", { seatId: ref, role }),
  cmd("auto_balance", {}),
  cmd("add_bot", { personality: z.enum([...PERSONALITIES, "auto"]).optional(), count: z.number().int().min(1).max(BOTS_AT_ONCE).optional() }),
  cmd("remove_bot", { seatId: ref }),
  cmd("give_bot_seat", { seatId: ref, botSeatId: ref }),
  cmd("hand_to_bot", { seatId: ref, personality: z.enum(PERSONALITIES).optional() }),
  cmd("hand_back", { seatId: ref }),
  cmd("start", {}),
  cmd("advance", { from: z.strictObject({ day: z.number().int().min(0).max(1000), phase: z.enum(["morning", "day", "evening", "night"]) }).optional() }),
  cmd("pause", {}),
  cmd("resume", {}),
  cmd("extend", { seconds: z.number().int().min(10).max(1800), seatId: ref.optional() }),
  cmd("inject_card", { card: ref }),
  cmd("end", {}),
  cmd("hide_text", { target: ref }),
  cmd("broadcast", { text: z.string().min(1).max(ANNOUNCEMENT_MAX * 2) }),
  cmd("anonymous_board", { on: z.boolean() }),
  cmd("remove_boards", {}),
  cmd("clear_unused_seats", {}),
] as const;

/** What players send: town actions, the journal, reviews and appeals, notes, stepping out. */
export const SEAT_COMMANDS = [
  cmd("move", { to: ref, by: z.enum(["walk", "bus"]).optional() }),
  cmd("act", { action: ref }),
  cmd("cosign", { loan: ref }),
  cmd("report", { subject: ref, deed: ref }),
  cmd("appeal", { entry: ref, reason: z.enum(["did_not_happen", "not_me", "context", "disproportionate"]), evidence: z.enum(["camera", "witness"]).nullable().optional() }),
  cmd("write_entry", { subject: ref, deed: ref, basis: z.enum(["witnessed", "hearsay"]), occurrence: ref.nullable().optional(), note: z.string().max(NOTE_MAX).optional() }),
  cmd("review", { entry: ref, decision: z.enum(["approve", "reject", "ask_evidence"]), points: z.number().int().min(-100_000).max(100_000).optional() }),
  cmd("blacklist", { subject: ref, entries: z.array(ref).max(20) }),
  cmd("delist", { subject: ref }),
  cmd("decide_appeal", { appeal: ref, decision: z.enum(["uphold", "reverse"]) }),
  cmd("propose_rule", { deed: ref, points: z.number().int().min(-1000).max(1000) }),
  cmd("write_note", { text: z.string().min(1).max(NOTE_MAX) }),
  cmd("ask_statement", { witness: ref, entry: ref.nullable().optional(), appeal: ref.nullable().optional() }),
  cmd("answer_statement", { statement: ref, answer: z.enum(["saw_it", "did_not", "did_not_see"]) }),
  cmd("check_footage", { entry: ref.nullable().optional(), appeal: ref.nullable().optional() }),
  cmd("step_out", {}),
] as const;

export const CommandSchema = z.discriminatedUnion("kind", [...HOST_COMMANDS, ...SEAT_COMMANDS]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandKind = Command["kind"];

export const HOST_COMMAND_KINDS: ReadonlySet<CommandKind> = new Set(HOST_COMMANDS.map((s) => s.shape.kind.value));
