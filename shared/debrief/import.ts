/**
 * Re-importing a JSON export (the replay of a session from a file): validated with zod, the
 * scenario included. Kept apart from exports.ts so the debrief page never bundles zod.
 */
import { z } from "zod";
import { ScenarioSchema } from "../scenario/index.ts";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportMeta } from "./exports.ts";
import type { LogEvent } from "./log.ts";

const EventShape = z.looseObject({ type: z.string().regex(/^[a-z_]{2,40}$/) });
const ExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  code: z.string().max(16),
  anonymised: z.boolean(),
  exportedAt: z.number(),
  endedAt: z.number().nullable(),
  scenario: ScenarioSchema,
  events: z
    .array(z.strictObject({ seq: z.number().int().min(1), at: z.number(), event: EventShape }))
    .min(1)
    .refine((events) => events.every((e, i) => i === 0 || e.seq > events[i - 1]!.seq), "events must be in increasing seq order")
    .refine((events) => events[0]?.event.type === "session_opened", "the first event must be session_opened"),
});

export type Imported = { meta: ExportMeta; log: LogEvent[] };

/** Parses and validates an export; the log's first event gets the validated scenario. */
export function importJson(text: string): Imported | { problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problems: ["not JSON"] };
  }
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const { events, scenario, format: _f, version: _v, ...meta } = parsed.data;
  const log = events as unknown as LogEvent[];
  log[0] = { ...log[0]!, event: { ...(log[0]!.event as object), scenario } as unknown as LogEvent["event"] };
  return { meta, log };
}
