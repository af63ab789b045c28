/**
 * Opening sessions: create one for a host (stored first, then its room), reopen every
 * unfinished one after a restart, and delete what retention says must go.
 */
import { matchMaker } from "@colyseus/core";
import { SESSION_ROOM } from "../shared/protocol/index.ts";
import type { SessionEvent, SessionOpened } from "../shared/session/index.ts";
import { gentleScenario } from "../shared/scenario/intensity.ts";
import type { Scenario } from "../shared/scenario/index.ts";
import type { CreatedSession } from "../shared/protocol/http.ts";
import { hashToken, newJoinCode, newSessionId, newToken, tokenMatches } from "./tokens.ts";
import type { SessionRoom } from "./rooms/sessionRoom.ts";
import type { RoomServices } from "./rooms/services.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Compared against when a code names no session, so both refusals cost the same. */
const NO_SESSION_HASH = hashToken("no session has this token");

export type CreateOptions = {
  retentionDays?: number;
  /** Intensity turned down: no `intense` secret goals, the board starts anonymous, approvers unnamed. */
  gentle?: boolean;
  /** Residents' records name the official who approved an entry (default: on, off in gentle mode). */
  showApprover?: boolean;
};

/**
 * A new session for a host: `from` is a scenario of the catalogue (its id), or a scenario the
 * facilitator brought (already validated), which is stored in the session's log like any other.
 */
export async function createSession(services: RoomServices, from: string | Scenario, options: CreateOptions = {}): Promise<CreatedSession | { reason: "no_such_scenario" | "too_many_sessions" }> {
  const { store, catalogue, config, now } = services;
  const listed = typeof from === "string" ? catalogue.get(from) : from;
  if (!listed) return { reason: "no_such_scenario" };
  const scenarioId = listed.id;
  const scenario = options.gentle ? gentleScenario(listed) : listed;
  const retentionDays = options.retentionDays;
  const at = now();
  if ((await store.countOpenSessions(at)) >= config.maxSessions) return { reason: "too_many_sessions" };
  const hostToken = newToken();
  const expiresAt = at + (retentionDays ?? config.retentionDays) * DAY_MS;
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode();
    if (await store.sessionByCode(code)) {
      if (attempt > 20) throw new Error("could not find a free join code");
      continue;
    }
    const id = newSessionId();
    try {
      await store.createSession({ id, code, scenarioId, hostTokenHash: hashToken(hostToken), createdAt: at, expiresAt });
    } catch (error) {
      // another process took the same code between our look and our insert: draw another
      if (!isUniqueViolation(error) || attempt > 20) throw error;
      continue;
    }
    const opened: SessionOpened = { type: "session_opened", at, code, scenarioId, maxPlayers: scenario.maxPlayers, scenario };
    const anonymous: SessionEvent[] = options.gentle ? [{ type: "board_anonymised", at, on: true }] : [];
    // stored only when not the default, so a default session's log is unchanged
    const showApprover = options.showApprover ?? !options.gentle;
    const settings: SessionEvent[] = showApprover ? [] : [{ type: "settings_chosen", showApprover }];
    await store.append(id, 1, [opened, ...anonymous, ...settings], at);
    await matchMaker.createRoom(SESSION_ROOM, { code });
    services.log.info({ code, scenarioId, gentle: Boolean(options.gentle), showApprover }, "session created");
    return { code, hostToken, expiresAt };
  }
}

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

/** A UNIQUE constraint refused an insert (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

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
