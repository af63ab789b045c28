/**
 * How the event console says what a command did: the words for each kind's success (the host
 * console's where it has them) and the key of a refusal's reason — "unavailable", a neighbourhood
 * whose room could not be reached, is the event's own.
 */
export type Said = { key: string; params?: Record<string, unknown> };
/** A reply from a neighbourhood or from the API: done, or refused with a reason to translate. */
export type Outcome = { ok: true } | { ok: false; reason: string };

/** What each command the event console sends says when it succeeds. */
export const DONE = {
  start: { key: "event.card.started" },
  pause: { key: "host.clock.pausedDone" },
  resume: { key: "host.clock.resumed" },
  extend: { key: "event.card.extended" },
  skip: { key: "host.done" },
  end: { key: "host.clock.endedDone" },
  broadcast: { key: "host.tools.sentDone" },
} as const satisfies Record<string, Said>;

export type DoneKind = keyof typeof DONE;

export function reasonKey(reason: string): string {
  return reason === "unavailable" ? "event.unavailable" : `reason.${reason}`;
}
