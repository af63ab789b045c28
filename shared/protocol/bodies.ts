/**
 * Zod schemas of the HTTP request bodies (the routes are declared in http.ts). The server parses
 * with them; pages only need their types, so they never bundle zod.
 */
import { z } from "zod";

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
