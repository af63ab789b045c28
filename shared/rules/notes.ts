/** An observer's notes: what they saw, kept for the debrief. */
import type { CommandOf } from "../commands/contract.ts";
import { NOTE_MAX } from "./actor.ts";
import { accept, reject, type Decision } from "./context.ts";
import { Reasons } from "../reasons.ts";
import type { SeatId } from "./state.ts";

export function writeNote(seat: SeatId, c: CommandOf<"write_note">): Decision {
  if (typeof c.text !== "string" || c.text.length === 0 || c.text.length > NOTE_MAX) return reject(Reasons.note_too_long);
  return accept([{ type: "note_written", seat, text: c.text }]);
}
