/**
 * What a client actually received, decoded from its Colyseus state, next to what the rules say
 * it may know: `receivedBoard`/`receivedPrivate` against `expectedBoard`/`expectedPrivate`,
 * which are `viewFor` on the room's own session (nicknames aside: they come from the lobby).
 */
import { matchMaker } from "@colyseus/core";
import type { Room } from "@colyseus/sdk";
import type { Session } from "../../shared/session/index.ts";
import type { SessionRoom } from "../../server/rooms/sessionRoom.ts";
import { privateView } from "../../server/rooms/stateSync.ts";
import { boardView, type BoardView } from "../../shared/rules/index.ts";
import { boardFromState, type SyncedJson, type SyncedPrivate } from "../../client/net/gameView.ts";
import { decodeView } from "../../shared/protocol/viewWire.ts";

/** The live session of a room in this process (tests with an in-process server). */
export function roomSession(code: string): Session {
  const room = matchMaker.getLocalRoomById(code) as SessionRoom | undefined;
  if (!room) throw new Error(`no room ${code} in this process`);
  return room.current;
}

type Decoded = { toJSON(): { views: Record<string, SyncedPrivate> } };

/**
 * Everything private this client can decode: every PrivateView it was sent any part of, rebuilt
 * by the client's own decoder (a view whose parts cannot be rebuilt shows as its raw parts).
 */
export function receivedPrivate(room: Room): Record<string, unknown> {
  const views = (room.state as Decoded).toJSON().views;
  const out: Record<string, unknown> = {};
  for (const [key, view] of Object.entries(views)) {
    const sent = Object.keys(view.parts ?? {}).length + Object.keys(view.items ?? {}).length;
    if (sent > 0) out[key] = decodeView(view.parts, view.items) ?? view;
  }
  return out;
}

/**
 * The public board as this client holds it, rebuilt by the client's own decoder (client/net).
 * Nicknames are left out of the comparison: they come from the lobby, which renames update.
 */
export function receivedBoard(room: Room) {
  const board = boardFromState((room.state as unknown as { toJSON(): SyncedJson }).toJSON());
  return comparable(board);
}

function comparable(board: BoardView) {
  const { kind: _kind, players, feed, honourRoll, blacklist, cards, cameras, deedPoints, ...rest } = board;
  return {
    ...rest,
    players: players.map(({ nickname: _n, ...p }) => p).sort((a, b) => a.seat.localeCompare(b.seat)),
    feed,
    extras: { honourRoll, blacklist, cards, cameras, deedPoints },
  };
}

/** What the rules allow that viewer to see, in the same shape as `receivedBoard`/`receivedPrivate`. */
export function expectedBoard(session: Session) {
  return JSON.parse(JSON.stringify(comparable(boardView(session.game)))) as ReturnType<typeof comparable>;
}

export function expectedPrivate(session: Session, key: string): unknown {
  return JSON.parse(JSON.stringify(privateView(session, key)));
}
