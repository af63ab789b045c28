/**
 * Checking the footage: an official asks what the cameras recorded about an entry's claim. If a
 * camera observed the deed the entry claims (its subject, its deed, its day), the footage
 * confirms it; if a camera observed the occurrence a witnessed entry points at and it shows
 * someone else or another deed (a camera that named the wrong person, a watcher who lied), it
 * contradicts it and shows who was really there; otherwise there is no footage.
 */
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Decision } from "./context.ts";
import { isRejection, questionAbout } from "./evidence.ts";
import { Reasons } from "../reasons.ts";
import type { FootageCheck, GameState, JournalEntry, Occurrence, SeatId } from "./state.ts";

export function footageOf(s: GameState, entry: JournalEntry): Pick<FootageCheck, "result" | "shows"> {
  const shows = (o: Occurrence) => ({ occurrence: o.id, actor: o.actor, deed: o.deed, location: o.location });
  for (const o of Object.values(s.occurrences)) {
    if (o.camera && o.actor === entry.subject && o.deed === entry.deed && o.day === entry.day) return { result: "confirms", shows: shows(o) };
  }
  const pointed = entry.occurrence ? s.occurrences[entry.occurrence] : undefined;
  if (pointed?.camera) return { result: "contradicts", shows: shows(pointed) };
  return { result: "no_footage", shows: null };
}

export function checkFootage(s: GameState, seat: SeatId, c: CommandOf<"check_footage">): Decision {
  const about = questionAbout(s, seat, c);
  if (isRejection(about)) return about;
  const { entry, appeal } = about;
  if (Object.values(s.footage).some((f) => f.entry === entry.id && f.appeal === appeal)) return reject(Reasons.already_asked);
  return accept([{ type: "footage_checked", check: { id: `f${s.nextId}`, official: seat, entry: entry.id, appeal, day: s.day, ...footageOf(s, entry) } }]);
}
