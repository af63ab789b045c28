/**
 * What an official's question is about: a journal entry still open for review, or a pending
 * appeal (and so the entry it contests). Witness statements and footage checks share it.
 */
import { reject, type Rejection } from "./context.ts";
import { Reasons } from "../reasons.ts";
import type { GameState, JournalEntry, SeatId } from "./state.ts";

export type Subject = { entry: JournalEntry; appeal: string | null };

const OPEN: ReadonlySet<JournalEntry["status"]> = new Set(["pending", "evidence_requested"]);

/** The entry (and appeal) a question names, or why it cannot be asked about. */
export function questionAbout(s: GameState, official: SeatId, c: { entry?: string | null; appeal?: string | null }): Subject | Rejection {
  let entry: JournalEntry | undefined;
  let appeal: string | null = null;
  if (c.appeal) {
    const a = s.appeals[c.appeal];
    if (!a) return reject(Reasons.unknown_appeal);
    if (a.status !== "pending") return reject(Reasons.appeal_not_pending);
    if (c.entry && c.entry !== a.entry) return reject(Reasons.invalid_command);
    entry = s.journal[a.entry];
    appeal = a.id;
    if (!entry) return reject(Reasons.unknown_entry);
  } else if (c.entry) {
    entry = s.journal[c.entry];
    if (!entry) return reject(Reasons.unknown_entry);
    // an entry already decided is questioned through an appeal against it
    if (!OPEN.has(entry.status)) return reject(Reasons.entry_not_pending);
  } else {
    return reject(Reasons.invalid_command);
  }
  // nobody gathers evidence in their own case
  if (entry.subject === official) return reject(Reasons.own_record);
  return { entry, appeal };
}

export function isRejection(x: Subject | Rejection): x is Rejection {
  return "ok" in x;
}
