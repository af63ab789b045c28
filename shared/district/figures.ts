/**
 * A neighbourhood's key figures, for the event's big board and console: how far the game is, who
 * is listed (and how many of them wrongly, as the rules fixed it), appeals waiting and decided,
 * and the average score of the scored. Pure: the room computes them from the session it holds.
 */
import { shakyListing } from "../debrief/truth.ts";
import { activeSeats } from "../lobby/lobby.ts";
import { scoredTownsperson, type Phase } from "../rules/index.ts";
import type { Session } from "../session/index.ts";

export type Figures = {
  phase: Phase;
  day: number;
  days: number;
  paused: boolean;
  /** Students in the room (seats not kicked); bots are not counted. */
  players: number;
  blacklisted: number;
  /** Of the listed now or before, those resting on a false or hearsay entry. */
  wrongful: number;
  appealsWaiting: number;
  reversed: number;
  upheld: number;
  /** Average score of the residents and watchers scored, rounded; null before anyone is. */
  averageScore: number | null;
};

export function figuresOf(session: Session): Figures {
  const g = session.game;
  const scored = Object.values(g.players).filter(scoredTownsperson);
  const appeals = Object.values(g.appeals);
  return {
    phase: g.phase,
    day: g.day,
    days: g.scenario.phases.days,
    paused: g.paused,
    players: activeSeats(session.lobby).length,
    blacklisted: g.blacklist.filter((r) => r.active).length,
    wrongful: g.blacklist.filter((r) => shakyListing(g, r) !== null).length,
    appealsWaiting: appeals.filter((a) => a.status === "pending").length,
    reversed: appeals.filter((a) => a.status === "reversed").length,
    upheld: appeals.filter((a) => a.status === "upheld").length,
    averageScore: scored.length === 0 ? null : Math.round(scored.reduce((sum, p) => sum + p.score, 0) / scored.length),
  };
}
