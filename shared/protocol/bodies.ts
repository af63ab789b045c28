/**
 * Zod schemas of the HTTP request bodies (the routes are declared in http.ts). The server parses
 * with them; pages only need their types, so they never bundle zod.
 */
import { z } from "zod";
import { JOIN_CODE_PATTERN } from "../lobby/joinCode.ts";
import { DISTRICT_MAX, DISTRICT_MIN } from "../district/plan.ts";

/** A session from the catalogue (`scenarioId`) or from the facilitator's own scenario file (`scenario`), never both. */
export const CreateSessionBodySchema = z
  .strictObject({
    scenarioId: z.string().min(1).max(64).optional(),
    scenario: z.unknown().optional(),
    retentionDays: z.number().int().min(1).max(365).optional(),
    gentle: z.boolean().optional(),
    /** Residents' records name the approving official (default: on, off in gentle mode). */
    showApprover: z.boolean().optional(),
  })
  .refine((body) => (body.scenarioId === undefined) !== (body.scenario === undefined), {
    path: ["scenarioId"],
    message: "give either scenarioId or scenario",
    // checked only once every field is fine, so a bad field is reported alone
    when: (payload) => payload.issues.length === 0,
  });

export type CreateSessionBody = z.infer<typeof CreateSessionBodySchema>;

const joinCode = z.string().regex(JOIN_CODE_PATTERN);

/**
 * An event: its neighbourhoods are scenarios of the catalogue (`scenarioIds`, one each), or the
 * variants of a variants file (`variants`: a built-in set by id, or a whole file), never both.
 */
export const CreateEventBodySchema = z
  .strictObject({
    title: z.string().trim().max(60).optional(),
    scenarioIds: z.array(z.string().min(1).max(64)).min(DISTRICT_MIN).max(DISTRICT_MAX).optional(),
    variants: z.union([z.string().min(1).max(64), z.record(z.string(), z.unknown())]).optional(),
    retentionDays: z.number().int().min(1).max(365).optional(),
    gentle: z.boolean().optional(),
    showApprover: z.boolean().optional(),
  })
  .refine((body) => (body.scenarioIds === undefined) !== (body.variants === undefined), {
    path: ["scenarioIds"],
    message: "give either scenarioIds or variants",
    when: (payload) => payload.issues.length === 0,
  });
export type CreateEventBody = z.infer<typeof CreateEventBodySchema>;

/** An arriving player's ticket: a random id their device keeps, so asking again gives the same neighbourhood. */
export const PlaceBodySchema = z.strictObject({ ticket: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/) });
export type PlaceBody = z.infer<typeof PlaceBodySchema>;

/** Arrivals go to this neighbourhood while it has room (null: to the least crowded). */
export const PinBodySchema = z.strictObject({ pinned: joinCode.nullable() });
export type PinBody = z.infer<typeof PinBodySchema>;

/** The event console's commands, to every neighbourhood or to those named (checked against the command contract by the rooms). */
export const EventCommandBodySchema = z.strictObject({
  command: z.record(z.string(), z.unknown()),
  to: z.array(joinCode).min(1).max(DISTRICT_MAX).optional(),
});
export type EventCommandBody = z.infer<typeof EventCommandBodySchema>;

/** Before the start: a seated player of one neighbourhood goes to another. */
export const MoveBodySchema = z.strictObject({ from: joinCode, seatId: z.string().min(1).max(40), to: joinCode, id: z.string().min(1).max(36).regex(/^[A-Za-z0-9_-]+$/) });
export type MoveBody = z.infer<typeof MoveBodySchema>;
