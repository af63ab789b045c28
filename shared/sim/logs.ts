/**
 * A simulated game as the debrief's own export: a session log (session_opened carrying the
 * scenario, then every game event with its clock value) in the versioned JSON that the
 * /debrief page and `importJson` read. Anyone can recompute a measure from these raw events.
 */
import type { Scenario } from "../scenario/index.ts";
import { exportJson } from "../debrief/exports.ts";
import type { LogEvent } from "../debrief/log.ts";
import type { SessionEvent } from "../session/index.ts";
import type { PlayedGame } from "./play.ts";

/** The sim's clock starts at 0; a session log's clock is milliseconds since the epoch. */
const EPOCH = Date.UTC(2026, 0, 1);

export function sessionLog(scenario: Scenario, game: PlayedGame, code: string): LogEvent[] {
  const opened = { type: "session_opened", at: EPOCH, code, scenarioId: scenario.id, maxPlayers: scenario.maxPlayers, scenario } as SessionEvent;
  const events: LogEvent[] = [{ seq: 1, at: EPOCH, event: opened }];
  game.log.forEach((event, i) => events.push({ seq: i + 2, at: EPOCH + (game.times[i] ?? 0), event }));
  return events;
}

/** The export file's text for one game (`code` names it, e.g. SIM001). */
export function gameExport(scenario: Scenario, game: PlayedGame, code: string): string {
  const log = sessionLog(scenario, game, code);
  return exportJson(log, { code, anonymised: false, exportedAt: EPOCH, endedAt: log[log.length - 1]!.at });
}
