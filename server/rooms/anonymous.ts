/**
 * The anonymous board (the facilitator's switch; on from the start in gentle mode): while it is
 * on, no nickname leaves the server for the board or for players. The public state carries each
 * seat's pseudonym index and an empty nickname (pages show the pseudonym, a bird), the ending's
 * reveal names pseudonyms, and free texts that reach players (journal notes for officials, the
 * facilitator's broadcasts) have nicknames replaced by pseudonyms. A player still receives their
 * own nickname (their welcome, their own record): it is theirs. The facilitator alone gets the
 * nicknames, in the host's private view (`hostNames`).
 */
import { activeSeats } from "../../shared/lobby/lobby.ts";
import { nicknameScrubber, pseudonymAt } from "../../shared/lobby/pseudonym.ts";
import type { LocalText } from "../../shared/lang.ts";
import type { Session } from "../../shared/session/index.ts";
import type { Ending } from "../../shared/debrief/ending.ts";

/** The seat's stable pseudonym: its place in the game's seats, then lobby seats not yet in the game (the public state and the scrubbed texts both use it). */
export function pseudonymIndex(session: Session): Map<string, number> {
  const { lobby, game } = session;
  const index = new Map(game.seats.map((seat, i) => [seat, i]));
  for (const seat of activeSeats(lobby)) if (!index.has(seat.seatId)) index.set(seat.seatId, index.size);
  return index;
}

export function pseudonymOf(session: Session, seat: string): LocalText {
  return pseudonymAt(pseudonymIndex(session).get(seat) ?? 0);
}

/** Every nickname the session knows (lobby and game, so a renamed seat's old game name too). */
function nicknames(session: Session): { seat: string; name: string }[] {
  const out: { seat: string; name: string }[] = [];
  for (const seat of Object.values(session.lobby.seats)) out.push({ seat: seat.seatId, name: seat.nickname });
  for (const p of Object.values(session.game.players)) out.push({ seat: p.seat, name: p.nickname });
  return out;
}

/** Free text with every nickname replaced by the English pseudonym (as the anonymised debrief does). */
export function nameScrubber(session: Session): (text: string) => string {
  const index = pseudonymIndex(session);
  return nicknameScrubber(nicknames(session), (seat) => pseudonymAt(index.get(seat) ?? 0).en);
}

/**
 * A seat's private view (JSON-ready, already built from `viewFor`) as it may leave the server
 * while the board is anonymous: other seats' nicknames out, free text scrubbed.
 */
export function anonymiseSeatView(own: Record<string, unknown>, session: Session): Record<string, unknown> {
  const out = { ...own };
  if (Array.isArray(out.journal)) {
    const scrub = nameScrubber(session);
    out.journal = (out.journal as { note: string }[]).map((e) => (e.note ? { ...e, note: scrub(e.note) } : e));
  }
  const ending = out.ending as Ending | null | undefined;
  if (ending) {
    const named = <T extends { nickname: string }>(row: T, seat: string): T & { pseudonym: LocalText } => ({ ...row, nickname: "", pseudonym: pseudonymOf(session, seat) });
    out.ending = {
      ...ending,
      reveal: {
        ...ending.reveal,
        goals: ending.reveal.goals.map((g) => named(g, g.seat)),
        falseEntries: ending.reveal.falseEntries.map((e) => named(e, e.subject)),
        wrongfulListings: ending.reveal.wrongfulListings.map((l) => named(l, l.seat)),
      },
    };
  }
  return out;
}

/** The facilitator's names for every seat (the console shows nicknames whatever the board shows). */
export function hostNames(session: Session): Record<string, string> {
  const names: Record<string, string> = {};
  for (const p of Object.values(session.game.players)) names[p.seat] = p.nickname;
  for (const seat of Object.values(session.lobby.seats)) names[seat.seatId] = seat.nickname;
  return names;
}
