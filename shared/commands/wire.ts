/**
 * The commands a client may send, as one zod schema derived from the contract: every kind not
 * internal, with its payload and a command id. The server validates with it; the browser only
 * needs the types (pages never bundle zod). A message that fails it is hostile (our own pages
 * never send one) and disconnects its sender.
 */
import { z } from "zod";
import { CONTRACT, type Command, type CommandKind } from "./contract.ts";
import type { Spec } from "./spec.ts";

const commandId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);

/** The kinds a client may send (not those the server sends itself). */
export type WireKind = { [K in CommandKind]: (typeof CONTRACT)[K] extends { internal?: true } ? never : K }[CommandKind];
/** A command as it travels: its kind, its payload and the sender's id for it (a retry reuses the id). */
export type WireCommand = Extract<Command, { kind: WireKind }> & { id: string };

const entries = Object.entries(CONTRACT) as [CommandKind, Spec][];

const onWire = entries.filter(([, s]) => !s.internal) as [WireKind, Spec][];
/** Kinds the facilitator's console sends, and kinds players send. */
export const HOST_KINDS: ReadonlySet<WireKind> = new Set(onWire.filter(([, s]) => s.who.includes("host")).map(([k]) => k));
export const PLAYER_KINDS: ReadonlySet<WireKind> = new Set(onWire.filter(([, s]) => !s.who.includes("host")).map(([k]) => k));

export const CommandSchema = z.discriminatedUnion(
  "kind",
  onWire.map(([kind, spec]) => z.strictObject({ id: commandId, kind: z.literal(kind), ...spec.payload })) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<WireCommand>;
