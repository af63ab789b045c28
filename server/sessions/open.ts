/**
 * Opening sessions' rooms: every unfinished one after a start (except those another live process
 * holds), and — for the door — a join code's room wherever it is open, reopened here from the
 * store when its holder is gone.
 */
import { matchMaker } from "@colyseus/core";
import { SESSION_ROOM } from "../../shared/protocol/index.ts";
import type { RoomServices } from "../rooms/services.ts";

/**
 * After a restart: every session that was not finished gets its room back, with the same code —
 * except, with several processes, the sessions another live process holds (holders.ts).
 */
export async function reopenSessions(services: RoomServices): Promise<number> {
  const open = await services.store.openSessions(services.now());
  let reopened = 0;
  for (const session of open) {
    if (await openHere(services, session.code)) reopened++;
  }
  return reopened;
}

/** Processes that failed a health check: a processId is never used again, so once gone, gone. */
const gone = new Set<string>();

/** Whether a process answers Colyseus's health check (Colyseus drops the room listings of one that does not). */
async function alive(processId: string): Promise<boolean> {
  if (processId === matchMaker.processId) return true;
  if (gone.has(processId)) return false;
  const answered = await matchMaker.healthCheckProcessId(processId);
  if (!answered) gone.add(processId);
  return answered;
}

const opening = new Map<string, Promise<boolean>>();

/**
 * Opens the session's room in this process unless a live process holds it: taken over from a
 * holder that is gone. True when the room is open here. One opening per code at a time.
 */
function openHere(services: RoomServices, code: string): Promise<boolean> {
  let pending = opening.get(code);
  if (!pending) {
    pending = (async () => {
      if (matchMaker.getLocalRoomById(code)) return true;
      const me = matchMaker.processId;
      const holder = await services.holders.holder(code);
      if (holder && holder !== me) {
        if (await alive(holder)) return false;
        if (!(await services.holders.takeOver(code, holder, me))) return false;
        services.log.warn({ code, from: holder }, "session taken over from a process that is gone");
      }
      try {
        await matchMaker.createRoom(SESSION_ROOM, { code });
        return true;
      } catch (error) {
        services.log.info({ code, err: { message: (error as Error).message } }, "session room not opened here");
        return false;
      }
    })().finally(() => opening.delete(code));
    opening.set(code, pending);
  }
  return pending;
}

export type FoundRoom = { locked: boolean };

/**
 * The room of a join code wherever it is open (this process, or another one sharing the Redis),
 * for the door. With several processes, an unfinished session whose room is open nowhere — its
 * holder died — is reopened here from the store.
 */
export async function findOrReopen(services: RoomServices, code: string): Promise<FoundRoom | undefined> {
  const local = matchMaker.getLocalRoomById(code);
  if (local) return { locked: local.locked };
  if (!services.config.redisUrl) return undefined;
  const listing = await matchMaker.getRoomById(code);
  if (listing && (await alive(listing.processId))) return { locked: Boolean(listing.locked) };
  const session = await services.store.sessionByCode(code);
  if (!session || session.endedAt !== null || session.expiresAt <= services.now()) return undefined;
  if (await openHere(services, code)) {
    const room = matchMaker.getLocalRoomById(code);
    return room ? { locked: room.locked } : undefined;
  }
  // another live process holds it (or is opening it right now): wait for its listing
  for (let waited = 0; waited < 3000; waited += 100) {
    const found = await matchMaker.getRoomById(code);
    if (found) return { locked: Boolean(found.locked) };
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

