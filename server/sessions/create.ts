/**
 * Creating a session for a host: stored first (under a join code no other session has, even
 * across processes), then its room opened here.
 */
import { matchMaker } from "@colyseus/core";
import { SESSION_ROOM } from "../../shared/protocol/index.ts";
import type { SessionEvent, SessionOpened } from "../../shared/session/index.ts";
import { gentleScenario } from "../../shared/scenario/intensity.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { CreatedSession } from "../../shared/protocol/http.ts";
import { hashToken, newJoinCode, newSessionId, newToken } from "../tokens.ts";
import type { RoomServices } from "../rooms/services.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
export type CreateOptions = {
  retentionDays?: number;
  /** Intensity turned down: no `intense` secret goals, the board starts anonymous, approvers unnamed. */
  gentle?: boolean;
  /** Residents' records name the official who approved an entry (default: on, off in gentle mode). */
  showApprover?: boolean;
  /** The host token for the session's code (an event's neighbourhoods derive theirs from the event's: districts/tokens.ts); a new one otherwise. */
  hostToken?: (code: string) => string;
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
  const expiresAt = at + (retentionDays ?? config.retentionDays) * DAY_MS;
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode();
    if (!(await codeIsFree(services, code))) {
      if (attempt > 20) throw new Error("could not find a free join code");
      continue;
    }
    const id = newSessionId();
    const hostToken = options.hostToken?.(code) ?? newToken();
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

/** Sessions and events share one space of codes: a student types either on the same page. */
export async function codeIsFree({ store }: RoomServices, code: string): Promise<boolean> {
  return !(await store.sessionByCode(code)) && !(await store.districtByCode(code));
}

/** A UNIQUE constraint refused an insert (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

