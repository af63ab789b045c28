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

/** A player's seat token (its hash) and the seat the store says it holds. */
export type HeldSeat = { tokenHash: string; seatId: string | undefined };

/** Asks the store which seat a player's join claims, before the join is decided. */
export async function heldSeat(options: unknown, session: SessionRecord, store: Store): Promise<HeldSeat | undefined> {
  const parsed = JoinRequestSchema.safeParse(options);
  if (!parsed.success || parsed.data.as !== "player") return undefined;
  const tokenHash = hashToken(parsed.data.seatToken);
  return { tokenHash, seatId: await store.seatForToken(session.id, tokenHash) };
}

/**
 * Decides a join on the lobby as it is now, with what `heldSeat` found; the room stores a new
 * seat in the same turn, so two joins at once cannot both take the last place.
 */
export function admit(options: unknown, held: HeldSeat | undefined, lobby: LobbyState, session: SessionRecord, now: number): Admitted | JoinRefusal {
  const parsed = JoinRequestSchema.safeParse(options);
  if (!parsed.success) return { reason: "bad_join_request" };
  const request = parsed.data;
  if (request.as === "board") return { as: "board" };
  if (request.as === "host") {
    return tokenMatches(request.hostToken, session.hostTokenHash) ? { as: "host" } : { reason: "not_host" };
  }
  if (!held) return { reason: "bad_join_request" };
  const { tokenHash, seatId: heldId } = held;
  const seat = heldId === undefined ? undefined : lobby.seats[heldId];
  if (seat) {
    if (seat.kicked) return { reason: "seat_kicked" };
    return { as: "player", seatId: seat.seatId, tokenHash };
  }
  if (request.nickname === undefined) return { reason: "bad_join_request" };
  const seatId = heldId ?? uniqueSeatId(lobby);
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
