/**
 * What a client actually received, decoded from its Colyseus state, next to what the rules say
 * it may know. `receivedView` rebuilds a seat's view from the public schema plus its private
 * JSON; `expectedView` is `viewFor` on the room's own session (without the parts the public
 * schema carries differently, e.g. nicknames come from the lobby).
 */
import { matchMaker } from "@colyseus/core";
import type { Room } from "@colyseus/sdk";
import type { Session } from "../../shared/session/index.ts";
import type { SessionRoom } from "../../server/rooms/sessionRoom.ts";
import { boardExtras, privateView } from "../../server/rooms/stateSync.ts";
import { boardView } from "../../shared/rules/index.ts";

/** The live session of a room in this process (tests with an in-process server). */
export function roomSession(code: string): Session {
  const room = matchMaker.getLocalRoomById(code) as SessionRoom | undefined;
  if (!room) throw new Error(`no room ${code} in this process`);
  return room.current;
}

type Decoded = {
  toJSON(): {
    phase: string;
    day: number;
    players: Record<string, { seatId: string; role: string; location: string; scored: boolean; score: number; grade: string; blacklisted: boolean }>;
    feed: { id: string; subject: string; deed: string; hasPoints: boolean; points: number; day: number; status: string }[];
    board: string;
    views: Record<string, { json?: string }>;
  };
};

/** Everything private this client can decode: the `json` of every PrivateView it was sent. */
export function receivedPrivate(room: Room): Record<string, unknown> {
  const views = (room.state as Decoded).toJSON().views;
  const out: Record<string, unknown> = {};
  for (const [key, view] of Object.entries(views)) if (view.json !== undefined) out[key] = JSON.parse(view.json);
  return out;
}

/** The public board as this client holds it, in the rules' BoardView terms. */
export function receivedBoard(room: Room) {
  const json = (room.state as Decoded).toJSON();
  return {
    phase: json.phase,
    day: json.day,
    players: Object.values(json.players)
      .filter((p) => p.role !== "" || p.location !== "")
      .map((p) => ({ seat: p.seatId, role: p.role || null, location: p.location, score: p.scored ? p.score : null, grade: p.grade || null, blacklisted: p.blacklisted }))
      .sort((a, b) => a.seat.localeCompare(b.seat)),
    feed: json.feed.map((e) => ({ id: e.id, subject: e.subject, deed: e.deed, points: e.hasPoints ? e.points : null, day: e.day, status: e.status })),
    extras: JSON.parse(json.board) as unknown,
  };
}

/** What the rules allow that viewer to see, in the same shape as `receivedBoard`/`receivedPrivate`. */
export function expectedBoard(session: Session) {
  const board = boardView(session.game);
  return {
    phase: board.phase,
    day: board.day,
    players: board.players.map(({ nickname: _n, ...rest }) => rest).sort((a, b) => a.seat.localeCompare(b.seat)),
    feed: board.feed,
    extras: JSON.parse(JSON.stringify(boardExtras(board))) as unknown,
  };
}

export function expectedPrivate(session: Session, key: string): unknown {
  return JSON.parse(JSON.stringify(privateView(session, key)));
}
