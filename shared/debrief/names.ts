/**
 * Who is who in a debrief: each seat's nickname and stable pseudonym. The pseudonym index is the
 * seat's place in the game's seats (the board uses the same), then seats that left the game
 * before it started, in joining order. `anonymiseLog` rewrites a log so no nickname is left in
 * it: nicknames become the English pseudonym, and any nickname inside a free text (journal
 * notes, observers' notes, broadcasts) is replaced by the pseudonym too. Texts the facilitator
 * hid are blanked in every debrief, named or not.
 */
import type { LocalText } from "../lang.ts";
import { nicknameScrubber, pseudonymAt } from "../lobby/pseudonym.ts";
import type { Session, SessionEvent } from "../session/index.ts";
import type { LogEvent } from "./log.ts";
import { noteTextId, shownText } from "../rules/state.ts";

export type Person = { seat: string; nickname: string; pseudonym: LocalText; bot: boolean };

/** Every seat the session ever had, with its pseudonym. */
export function people(final: Session, log: readonly LogEvent[]): Map<string, Person> {
  const { game, lobby } = final;
  const order = [...game.seats];
  const known = new Set(order);
  for (const { event } of log) {
    const seat = event.type === "seat_joined" ? event.seatId : event.type === "seat_added" ? event.seat : undefined;
    if (seat && !known.has(seat)) {
      known.add(seat);
      order.push(seat);
    }
  }
  const lastNames = new Map<string, string>();
  for (const { event } of log) {
    if (event.type === "seat_joined" || event.type === "seat_renamed") lastNames.set(event.seatId, event.nickname);
    else if (event.type === "seat_added") lastNames.set(event.seat, event.nickname);
    else if (event.type === "bot_seat_taken") lastNames.set(event.bot, event.nickname);
  }
  return new Map(
    order.map((seat, i) => [
      seat,
      {
        seat,
        nickname: lobby.seats[seat]?.nickname ?? game.players[seat]?.nickname ?? lastNames.get(seat) ?? seat,
        pseudonym: pseudonymAt(i),
        bot: Boolean(game.players[seat]?.bot),
      },
    ]),
  );
}

/** Every nickname a seat ever had. */
function everyNickname(log: readonly LogEvent[]): { seat: string; name: string }[] {
  const out: { seat: string; name: string }[] = [];
  for (const { event } of log) {
    if (event.type === "seat_joined" || event.type === "seat_renamed") out.push({ seat: event.seatId, name: event.nickname });
    else if (event.type === "seat_added") out.push({ seat: event.seat, name: event.nickname });
    else if (event.type === "bot_seat_taken") out.push({ seat: event.bot, name: event.nickname });
  }
  return out;
}

/** Free text with every nickname replaced; hidden texts blanked by the caller. */
export function textScrubber(log: readonly LogEvent[], pseudonymOf: (seat: string) => string): (text: string) => string {
  return nicknameScrubber(everyNickname(log), (seat) => pseudonymOf(seat) || "?");
}

/** Blanks texts the facilitator hid (journal notes by entry id; observer notes by their position). */
export function hideTexts(log: readonly LogEvent[], hidden: readonly string[]): LogEvent[] {
  if (hidden.length === 0) return log.slice();
  const set = new Set(hidden);
  let notes = 0;
  return log.map((x) => {
    const e = x.event;
    if (e.type === "entry_written") {
      const note = shownText(set, e.entry.id, e.entry.note);
      return note === e.entry.note ? x : { ...x, event: { ...e, entry: { ...e.entry, note } } };
    }
    if (e.type === "note_written") {
      const text = shownText(set, noteTextId(notes++), e.text);
      return text === e.text ? x : { ...x, event: { ...e, text } };
    }
    return x;
  });
}

/** The log with pseudonyms for nicknames, in events and in free texts. */
export function anonymiseLog(log: readonly LogEvent[], who: Map<string, Person>): LogEvent[] {
  const name = (seat: string) => who.get(seat)?.pseudonym.en ?? "?";
  const scrub = textScrubber(log, name);
  return log.map((x) => {
    const e = x.event;
    let event: SessionEvent = e;
    switch (e.type) {
      case "seat_joined":
      case "seat_renamed":
        event = { ...e, nickname: name(e.seatId) };
        break;
      case "seat_added":
        event = { ...e, nickname: name(e.seat) };
        break;
      case "bot_seat_taken":
        event = { ...e, nickname: name(e.bot) };
        break;
      case "entry_written":
        event = { ...e, entry: { ...e.entry, note: scrub(e.entry.note) } };
        break;
      case "note_written":
        event = { ...e, text: scrub(e.text) };
        break;
      case "announcement_made":
        event = { ...e, text: scrub(e.text) };
        break;
    }
    return event === e ? x : { ...x, event };
  });
}
