/**
 * Who may enter a session, decided when a connection arrives (the room's onAuth): the host with
 * the host token, any board, and players — a seat token that already holds a seat takes it back,
 * a new one asks the lobby for a seat with its nickname.
 */
import { ServerError } from "@colyseus/core";
import { encodeRefusal, type JoinRefusal } from "../../shared/protocol/index.ts";
import { JoinRequestSchema } from "../../shared/protocol/schemas.ts";
import { decideJoin, isRefusal, type LobbyEvent, type LobbyState } from "../../shared/lobby/lobby.ts";
import { hashToken, newSeatId, tokenMatches } from "../tokens.ts";
import type { SessionRecord, Store } from "../store/store.ts";

export type Admitted =
  | { as: "host" }
  | { as: "board" }
  | { as: "player"; seatId: string; tokenHash: string; joined?: { events: LobbyEvent[] } };

/** The error a refused join travels in; the SDK hands its message to the page. */
export function refuse(refusal: JoinRefusal): ServerError {
  return new ServerError(4403, encodeRefusal(refusal));
}

export function admit(options: unknown, lobby: LobbyState, session: SessionRecord, store: Store, now: number): Admitted | JoinRefusal {
  const parsed = JoinRequestSchema.safeParse(options);
  if (!parsed.success) return { reason: "bad_join_request" };
  const request = parsed.data;
  if (request.as === "board") return { as: "board" };
  if (request.as === "host") {
    return tokenMatches(request.hostToken, session.hostTokenHash) ? { as: "host" } : { reason: "not_host" };
  }
  const tokenHash = hashToken(request.seatToken);
  const heldSeat = store.seatForToken(session.id, tokenHash);
  const seat = heldSeat === undefined ? undefined : lobby.seats[heldSeat];
  if (seat) {
    if (seat.kicked) return { reason: "seat_kicked" };
    return { as: "player", seatId: seat.seatId, tokenHash };
  }
  if (request.nickname === undefined) return { reason: "bad_join_request" };
  const seatId = heldSeat ?? uniqueSeatId(lobby);
  const decision = decideJoin(lobby, seatId, request.nickname, now);
  if (isRefusal(decision)) return decision;
  return { as: "player", seatId, tokenHash, joined: decision };
}

function uniqueSeatId(lobby: LobbyState): string {
  for (;;) {
    const id = newSeatId();
    if (!lobby.seats[id]) return id;
  }
}
