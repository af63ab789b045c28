/**
 * What the event debrief reads from the server: the event (with each neighbourhood's own host
 * token, which this device then keeps in `hosting`, as the event console does, so each
 * neighbourhood's own debrief and exports open here too), then every neighbourhood's log with
 * its own token — anonymised unless names were asked for. A neighbourhood that cannot be read is
 * reported, not fatal: the others are still compared.
 */
import { call } from "../net/http.ts";
import { saveFile } from "../debrief/api.ts";
import { events, keepNeighbourhoodTokens } from "../net/storage.ts";
import type { PageReason } from "../net/pageReasons.ts";
import type { EventInfo, ReasonOf } from "../../shared/protocol/http.ts";
import type { NeighbourhoodLog } from "../../shared/district/compare.ts";
import type { LocalText } from "../../shared/lang.ts";

export type Unread = { code: string; name: LocalText; reason: ReasonOf<"debrief"> | PageReason };
export type EventLogs = { info: EventInfo; logs: NeighbourhoodLog[]; unread: Unread[]; anonymised: boolean };
export type EventRefusal = { reason: ReasonOf<"event"> | PageReason };

export function eventToken(code: string): string | undefined {
  return events.get(code)?.hostToken;
}

export async function loadEvent(code: string, names: boolean): Promise<EventLogs | EventRefusal> {
  const hostToken = eventToken(code);
  if (!hostToken) return { reason: "not_host" };
  const answer = await call("event", { params: { code }, hostToken });
  if (!answer.ok) return { reason: answer.reason };
  const info = answer.reply;
  keepNeighbourhoodTokens(info);
  const replies = await Promise.all(
    info.neighbourhoods.map(async (n) => ({ n, answer: await call("debrief", { params: { code: n.code }, query: names ? { names: "1" } : {}, hostToken: n.hostToken }) })),
  );
  const logs: NeighbourhoodLog[] = [];
  const unread: Unread[] = [];
  for (const { n, answer: a } of replies) {
    if (a.ok && a.reply.log.length > 0) logs.push({ code: n.code, name: n.name, log: a.reply.log });
    else unread.push({ code: n.code, name: n.name, reason: a.ok ? "unknown" : a.reason });
  }
  return { info, logs, unread, anonymised: !names };
}

/** The whole event's export, saved as the file the server names. */
export async function saveEventExport(code: string, names: boolean): Promise<string | { reason: ReasonOf<"eventExport"> | PageReason }> {
  const hostToken = eventToken(code);
  if (!hostToken) return { reason: "not_host" };
  const answer = await call("eventExport", { params: { code }, query: names ? { names: "1" } : {}, hostToken });
  if (!answer.ok) return { reason: answer.reason };
  const file = answer.reply.file ?? `good-standing-event-${code}.json`;
  saveFile(answer.reply.blob, file);
  return file;
}
