/**
 * Where a code typed on the front page leads. A session's code is itself. An event's code places
 * this device in one of its neighbourhoods — the same one each time, by the ticket kept on the
 * device (client/net/storage.ts) — and the page remembers which, so a reload or a move by the
 * host still knows the neighbourhood's name. A server that cannot answer the question is asked to
 * join the code directly.
 */
import { call } from "./http.ts";
import { placements, seats } from "./storage.ts";
import type { JoinProblem } from "./refusals.ts";
import type { LocalText } from "../../shared/lang.ts";

/** The session to join, and at an event the ticket it was placed with, the event's code and the neighbourhood's name. */
export type Destination = { code: string; event?: { code: string; ticket: string; name?: LocalText } };

export async function destinationOf(typed: string): Promise<Destination | JoinProblem> {
  if (seats.get(typed)) {
    const placed = placements.forSession(typed);
    return placed ? { code: typed, event: { code: placed.eventCode, ticket: placed.record.ticket, name: placed.record.name } } : { code: typed };
  }
  const ticket = placements.ticket(typed);
  const answer = await call("place", { params: { code: typed }, body: { ticket } });
  if (!answer.ok) return answer.reason === "no_such_session" || answer.reason === "too_many_attempts" ? { reason: answer.reason } : { code: typed };
  if (!answer.reply.event) return { code: typed };
  const { code, event } = answer.reply;
  placements.set(typed, { ticket, code, name: event.name });
  return { code, event: { code: typed, ticket, name: event.name } };
}

/** The host moved this player to neighbourhood `to`: the event's placement says its name (unless the server lost track of the ticket). */
export async function movedTo(event: { code: string; ticket: string }, to: string): Promise<Destination> {
  const answer = await call("place", { params: { code: event.code }, body: { ticket: event.ticket } });
  const name = answer.ok && answer.reply.code === to ? answer.reply.event?.name : undefined;
  placements.set(event.code, { ticket: event.ticket, code: to, name });
  return { code: to, event: { ...event, name } };
}
