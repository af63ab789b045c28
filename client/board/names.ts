/**
 * Who the board calls a seat. With the anonymous board on, every name on the game board is the
 * seat's stable pseudonym (a bird), never the nickname — in lists, the feed and the town. The
 * lobby always shows nicknames: students must be able to check that they joined, and nothing
 * has been recorded about anyone yet (the lobby says the names will be hidden once play starts).
 */
import { local } from "../i18n.ts";
import type { PlayView } from "../net/gameView.ts";

export type Namer = (seat: string) => string;

export function namer(view: PlayView): Namer {
  const nicknames = new Map(view.board.players.map((p) => [p.seat, p.nickname]));
  return (seat) => {
    const pseudonym = view.pseudonyms[seat];
    if (view.anonymousBoard) return pseudonym ? local(pseudonym) : "?";
    return nicknames.get(seat) ?? (pseudonym ? local(pseudonym) : "?");
  };
}
