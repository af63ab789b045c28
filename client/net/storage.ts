/**
 * What the browser remembers between visits: the seat token for each session joined (it brings
 * the player back to the same seat after a refresh, a network change or a server restart), the
 * host token for each session created on this device, and the facilitator's choice of names or
 * pseudonyms in each session's debrief. (The debrief's pinned prompts keep their own key, see
 * client/debrief/prompts.ts.) At an event: the event's host token on the host's device, and on a
 * student's the ticket they were placed with. Nothing else is stored.
 */
import type { LocalText } from "../../shared/lang.ts";
import type { EventInfo } from "../../shared/protocol/http.ts";

export type SeatRecord = { seatToken: string; nickname?: string; kicked?: boolean };
export type HostRecord = { hostToken: string; scenarioId: string; createdAt: number };

/** An event created on this device: its host token (each neighbourhood's comes from the server, into `hosting`). */
export type EventRecord = { hostToken: string; title: string; createdAt: number };
/** Where an event code placed this device: the ticket asked with, and the neighbourhood given (its session code and name). */
export type PlacementRecord = { ticket: string; code: string; name?: LocalText };

const SEAT = "gs.seat.";
const EVENT = "gs.event.";
const PLACED = "gs.placed.";
const HOST = "gs.host.";
const DEBRIEF_NAMES = "gs.debrief.names.";

/** A url-safe random token from the browser's CSPRNG. */
export function randomToken(length = 32): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b & 63]).join("");
}

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export const seats = {
  get: (code: string) => read<SeatRecord>(SEAT + code),
  /** The seat record for a session, created with a fresh token on first use. */
  ensure(code: string): SeatRecord {
    const existing = seats.get(code);
    if (existing) return existing;
    const created = { seatToken: randomToken() };
    seats.set(code, created);
    return created;
  },
  set: (code: string, record: SeatRecord) => localStorage.setItem(SEAT + code, JSON.stringify(record)),
  forget: (code: string) => localStorage.removeItem(SEAT + code),
};

export const hosting = {
  get: (code: string) => read<HostRecord>(HOST + code),
  set: (code: string, record: HostRecord) => localStorage.setItem(HOST + code, JSON.stringify(record)),
  forget(code: string): void {
    localStorage.removeItem(HOST + code);
    debriefNames.forget(code);
  },
  all(): { code: string; record: HostRecord }[] {
    const out: { code: string; record: HostRecord }[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(HOST)) continue;
      const record = read<HostRecord>(key);
      if (record) out.push({ code: key.slice(HOST.length), record });
    }
    return out.sort((a, b) => b.record.createdAt - a.record.createdAt);
  },
};

/**
 * Names or pseudonyms in a session's debrief: pseudonyms unless the facilitator chose names, on
 * the host console beforehand or on the debrief page itself (both on this device). The default
 * stays pseudonyms, for a projector the whole room can see.
 */
export const debriefNames = {
  shown: (code: string) => localStorage.getItem(DEBRIEF_NAMES + code) === "names",
  set: (code: string, names: boolean) => localStorage.setItem(DEBRIEF_NAMES + code, names ? "names" : "pseudonyms"),
  forget: (code: string) => localStorage.removeItem(DEBRIEF_NAMES + code),
};

export const events = {
  get: (code: string) => read<EventRecord>(EVENT + code),
  set: (code: string, record: EventRecord) => localStorage.setItem(EVENT + code, JSON.stringify(record)),
  forget: (code: string) => localStorage.removeItem(EVENT + code),
  all(): { code: string; record: EventRecord }[] {
    const out: { code: string; record: EventRecord }[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(EVENT)) continue;
      const record = read<EventRecord>(key);
      if (record) out.push({ code: key.slice(EVENT.length), record });
    }
    return out.sort((a, b) => b.record.createdAt - a.record.createdAt);
  },
};

/** The event's neighbourhoods' own host tokens, kept like any session's, so their full consoles and debriefs open on this device. */
export function keepNeighbourhoodTokens(info: EventInfo): void {
  for (const n of info.neighbourhoods) hosting.set(n.code, { hostToken: n.hostToken, scenarioId: n.scenarioId, createdAt: info.createdAt });
}

/** An event code typed on this device: the same ticket each time, so the server gives the same neighbourhood. */
export const placements = {
  get: (eventCode: string) => read<PlacementRecord>(PLACED + eventCode),
  ticket(eventCode: string): string {
    return placements.get(eventCode)?.ticket ?? randomToken();
  },
  set: (eventCode: string, record: PlacementRecord) => localStorage.setItem(PLACED + eventCode, JSON.stringify(record)),
  /** The event placement that led to a session (after a reload, the page knows only the session's code). */
  forSession(code: string): { eventCode: string; record: PlacementRecord } | undefined {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PLACED)) continue;
      const record = read<PlacementRecord>(key);
      if (record?.code === code) return { eventCode: key.slice(PLACED.length), record };
    }
    return undefined;
  },
};
