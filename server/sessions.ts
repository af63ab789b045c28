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
    await store.createSession({ id, code, scenarioId, hostTokenHash: hashToken(hostToken), createdAt: at, expiresAt });
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

/** After a restart: every session that was not finished gets its room back, with the same code. */
export async function reopenSessions(services: RoomServices): Promise<number> {
  const open = await services.store.openSessions(services.now());
  for (const session of open) {
    await matchMaker.createRoom(SESSION_ROOM, { code: session.code });
  }
  return open.length;
}

/** Deletes expired sessions and disposes their rooms. */
export async function sweepExpired(services: RoomServices): Promise<number> {
  const at = services.now();
  const expired = (await services.store.openSessions(0)).filter((s) => s.expiresAt <= at);
  for (const session of expired) {
    const room = matchMaker.getLocalRoomById(session.code);
    if (room) await room.disconnect();
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
  const room = matchMaker.getLocalRoomById(code) as SessionRoom | undefined;
  if (room) await room.endForGood();
  await services.store.deleteSession(session.id);
  services.log.info({ code }, "session deleted by its host");
  return "deleted";
}
