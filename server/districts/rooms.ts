/**
 * Asking an event's neighbourhoods: each is a session room, open in this process or in another
 * sharing Redis (or reopened here after its holder died), called the same way either way.
 */
import { matchMaker } from "@colyseus/core";
import type { SessionRoom } from "../rooms/sessionRoom.ts";
import type { RoomServices } from "../rooms/services.ts";
import { findOrReopen } from "../sessions/open.ts";
import { replaySession, type SessionEvent } from "../../shared/session/index.ts";
import { figuresOf, type Figures } from "../../shared/district/figures.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";
import type { DistrictPlan } from "../../shared/district/plan.ts";

type Asked = "fromEvent" | "figures" | "ticketOf" | "isLocked";
type Answer<M extends Asked> = Awaited<ReturnType<SessionRoom[M]>>;

/** `method` of the neighbourhood's room; undefined when no room holds it (ended and closed, or unreachable). */
export async function askNeighbourhood<M extends Asked>(services: RoomServices, code: string, method: M, args: Parameters<SessionRoom[M]>): Promise<Answer<M> | undefined> {
  const local = matchMaker.getLocalRoomById(code) as SessionRoom | undefined;
  if (local) return (await (local[method] as (...a: unknown[]) => unknown)(...args)) as Answer<M>;
  if (!(await findOrReopen(services, code))) return undefined;
  const opened = matchMaker.getLocalRoomById(code) as SessionRoom | undefined;
  if (opened) return (await (opened[method] as (...a: unknown[]) => unknown)(...args)) as Answer<M>;
  try {
    return (await matchMaker.remoteRoomCall(code, method, args)) as Answer<M>;
  } catch {
    return undefined;
  }
}

/** A command for one neighbourhood, answered as its console would be; "unavailable" when no room could take it. */
export async function commandNeighbourhood(services: RoomServices, code: string, command: Record<string, unknown>): Promise<CommandReply | { ok: false; reason: "unavailable" }> {
  return (await askNeighbourhood(services, code, "fromEvent", [command])) ?? { ok: false, reason: "unavailable" };
}

/** Figures of ended neighbourhoods whose rooms have closed: they no longer change. */
const endedFigures = new Map<string, Figures>();
const ENDED_KEPT = 64;

/** The neighbourhood's figures from its room, or (ended and closed) from its stored log. */
export async function neighbourhoodFigures(services: RoomServices, code: string): Promise<Figures | null> {
  const live = await askNeighbourhood(services, code, "figures", []);
  if (live) return live;
  const known = endedFigures.get(code);
  if (known) return known;
  const record = await services.store.sessionByCode(code);
  if (!record || record.endedAt === null) return null;
  const events = await services.store.events(record.id);
  if (events.length === 0) return null;
  const figures = figuresOf(replaySession(events.map((e) => e.data as SessionEvent)));
  endedFigures.set(code, figures);
  if (endedFigures.size > ENDED_KEPT) endedFigures.delete(endedFigures.keys().next().value!);
  return figures;
}

/** The event's neighbourhoods whose facilitator locked the room (one unreachable counts as open). */
export async function lockedNeighbourhoods(services: RoomServices, plan: DistrictPlan): Promise<Set<string>> {
  const locked = await Promise.all(plan.neighbourhoods.map(async (n) => ((await askNeighbourhood(services, n.code, "isLocked", [])) === true ? n.code : null)));
  return new Set(locked.filter((code): code is string => code !== null));
}
