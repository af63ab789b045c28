/**
 * Deleting sessions: what retention says must go, and a host's "delete this session now". Either
 * closes the session's room wherever it is open.
 */
import { matchMaker } from "@colyseus/core";
import { hashToken, tokenMatches } from "../tokens.ts";
import type { SessionRoom } from "../rooms/sessionRoom.ts";
import type { RoomServices } from "../rooms/services.ts";

/** Compared against when a code names no session, so both refusals cost the same. */
const NO_SESSION_HASH = hashToken("no session has this token");

/** Deletes expired sessions and disposes their rooms. */
export async function sweepExpired(services: RoomServices): Promise<number> {
  const at = services.now();
  const expired = (await services.store.openSessions(0)).filter((s) => s.expiresAt <= at);
  for (const session of expired) {
    await closeRoom(session.code, "disconnect");
  }
  const deleted = await services.store.deleteExpired(at);
  if (deleted > 0) services.log.info({ deleted }, "expired sessions deleted");
  return deleted;
}

/**
 * "Delete this session now": only with the session's host token. Everyone connected is told,
 * the room closes, and the session's events and seats are gone from the store.
 */
export async function deleteSessionNow(services: RoomServices, code: string, hostToken: string): Promise<"deleted" | "refused"> {
  const session = await services.store.sessionByCode(code);
  // An unknown code and a wrong token are one answer (and one amount of work), so this is no
  // way to find out which codes exist.
  const matches = tokenMatches(hostToken, session?.hostTokenHash ?? NO_SESSION_HASH);
  if (!session || !matches) return "refused";
  await closeRoom(code, "endForGood");
  await services.store.deleteSession(session.id);
  services.log.info({ code }, "session deleted by its host");
  return "deleted";
}

/** Calls `method` on the session's room wherever it is open (here, or in another process through Redis). */
async function closeRoom(code: string, method: "disconnect" | "endForGood"): Promise<void> {
  const local = matchMaker.getLocalRoomById(code) as SessionRoom | undefined;
  if (local) {
    await local[method]();
    return;
  }
  const listing = await matchMaker.getRoomById(code);
  if (!listing) return;
  try {
    await matchMaker.remoteRoomCall(code, method, []);
  } catch {
    // its process is gone: nothing holds the room any more
  }
}
