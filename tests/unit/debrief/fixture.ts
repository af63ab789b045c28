/** Bot-only games as session logs (session_opened, lobby seats, every game event with a clock) for the debrief tests and bench. */
import { playGame } from "../../../shared/sim/index.ts";
import type { Scenario } from "../../../shared/scenario/index.ts";
import type { LogEvent } from "../../../shared/debrief/index.ts";
import type { SessionEvent } from "../../../shared/session/index.ts";

export const NICK = (i: number) => `Kid${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}x`;

export function simLog(scenario: Scenario, players: number, seed: number): LogEvent[] {
  const game = playGame(scenario, { players, seed, keepLog: true });
  const events: SessionEvent[] = [
    { type: "session_opened", at: 1000, code: "ABCDEF", scenarioId: scenario.id, maxPlayers: scenario.maxPlayers, scenario } as SessionEvent,
  ];
  const renamed = new Map<string, string>();
  for (const e of game.log) {
    if (e.type === "seat_added") {
      const i = Number(e.seat.slice(1)) - 1;
      const nickname = NICK(i);
      renamed.set(e.seat, nickname);
      // every other seat is a human who joined through the lobby, with a note naming a classmate
      if (i % 2 === 0) events.push({ type: "seat_joined", at: 1000 + i, seatId: e.seat, nickname });
      events.push({ ...e, nickname });
    } else if (e.type === "entry_written" && e.entry.source === "watcher") {
      events.push({ ...e, entry: { ...e.entry, note: `saw ${renamed.get(e.entry.subject) ?? "?"} do it` } });
    } else events.push(e);
  }
  return events.map((event, i) => ({ seq: i + 1, at: 1000 + i * 10, event }));
}
