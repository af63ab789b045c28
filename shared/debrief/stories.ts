/**
 * The game's other stories, read from a replay for the debrief's truth-vs-record lines and
 * prompts: cosigners marked because someone else defaulted, cameras that named the wrong
 * person, residents reporting residents, and rule changes with what they did afterwards.
 * Restrictions that stood between a resident and their goal, and officials' secret goals
 * against their decisions, are in ./goalStories.ts. Pure and read-only.
 */
import type { EntryStatus, SeatId } from "../rules/index.ts";
import { gradeFor } from "../rules/grades.ts";
import type { Replay } from "./replay.ts";
import { blockedGoals, officialGoals, type BlockedGoal, type OfficialGoalStory } from "./goalStories.ts";

/** A cosigner's points lost because the borrower defaulted (guilt by association). */
export type CosignerHit = { loan: string; cosigner: SeatId; borrower: SeatId; day: number; delta: number; gradeBefore: string; gradeAfter: string };

/** A camera flag that named someone other than the person it filmed. */
export type CameraMistake = { entry: string; day: number; location: string; deed: string; filmed: SeatId; named: SeatId; truthful: boolean; status: EntryStatus; published: boolean };

/** A resident's report about a neighbour. */
export type NeighbourReport = { entry: string; day: number; author: SeatId; subject: SeatId; deed: string; truthful: boolean; status: EntryStatus; published: boolean };

/** A rule proposed by an official (or changed by a card), and what happened under it. */
export type RuleStory = {
  deed: string;
  official: SeatId | null;
  proposedDay: number | null;
  /** null while the proposal never took effect (the game ended first). */
  changedDay: number | null;
  from: number;
  to: number;
  /** Entries on this deed approved while the new points were in force, and the points they gave. */
  approvedAfter: number;
  pointsAfter: number;
};

export type Stories = {
  cosignerHits: CosignerHit[];
  cameraMistakes: CameraMistake[];
  reports: NeighbourReport[];
  rules: RuleStory[];
  blockedGoals: BlockedGoal[];
  officialGoals: OfficialGoalStory[];
};

function cosignerHits(replay: Replay): CosignerHit[] {
  const out: CosignerHit[] = [];
  const game = replay.final.game;
  const score = new Map<SeatId, number>();
  const start = game.scenario.scoring.startScore;
  replay.log.forEach(({ event }, i) => {
    if (event.type !== "score_changed") return;
    const before = score.get(event.seat) ?? start;
    score.set(event.seat, before + event.delta);
    if (event.cause.kind !== "cosigner") return;
    const loan = game.loans[event.cause.loan];
    out.push({
      loan: event.cause.loan,
      cosigner: event.seat,
      borrower: loan?.borrower ?? "",
      day: replay.marks[i]!.day,
      delta: event.delta,
      gradeBefore: gradeFor(game.scenario, before).id,
      gradeAfter: gradeFor(game.scenario, before + event.delta).id,
    });
  });
  return out;
}

function cameraMistakes(replay: Replay): CameraMistake[] {
  const g = replay.final.game;
  return Object.values(g.journal).flatMap((e) => {
    const o = e.source === "camera" && e.occurrence ? g.occurrences[e.occurrence] : undefined;
    if (!o || o.actor === e.subject) return [];
    return [{ entry: e.id, day: e.day, location: o.location, deed: e.deed, filmed: o.actor, named: e.subject, truthful: e.truthful, status: e.status, published: e.published }];
  });
}

function reports(replay: Replay): NeighbourReport[] {
  return Object.values(replay.final.game.journal)
    .filter((e) => e.source === "report" && e.author)
    .map((e) => ({ entry: e.id, day: e.day, author: e.author!, subject: e.subject, deed: e.deed, truthful: e.truthful, status: e.status, published: e.published }));
}

/**
 * Rule changes in log order. A deed's points before a change come from the rulebook as it
 * stood (the opening scenario, then every card's set_points and every earlier change), so
 * "from" is what the town lived with, not the file's value.
 */
function rules(replay: Replay): RuleStory[] {
  const g = replay.final.game;
  const opened = replay.checkpoints[0]!.game.scenario;
  const points = new Map(opened.deeds.map((d) => [d.id, d.points]));
  const out: (RuleStory & { seq: number })[] = [];
  const open = new Map<string, RuleStory & { seq: number }>();
  replay.log.forEach(({ seq, event }, i) => {
    if (event.type === "card_drawn") {
      for (const fx of g.scenario.eventCards.find((c) => c.id === event.card)?.effects ?? []) if (fx.kind === "set_points") points.set(fx.deed, fx.points);
    } else if (event.type === "rule_changed") {
      const proposal = event.proposal ? g.proposals.find((p) => p.id === event.proposal) : undefined;
      const story = {
        seq, deed: event.deed, official: proposal?.official ?? null, proposedDay: proposal?.day ?? null, changedDay: replay.marks[i]!.day,
        from: points.get(event.deed) ?? 0, to: event.points, approvedAfter: 0, pointsAfter: 0,
      };
      points.set(event.deed, event.points);
      open.set(event.deed, story);
      out.push(story);
    } else if (event.type === "entry_reviewed" && event.status === "approved") {
      const story = open.get(g.journal[event.entry]?.deed ?? "");
      if (story) {
        story.approvedAfter++;
        story.pointsAfter += event.points ?? 0;
      }
    }
  });
  // proposals still pending when the game ended never changed anything
  for (const p of g.proposals) {
    if (p.status === "pending") out.push({ seq: Infinity, deed: p.deed, official: p.official, proposedDay: p.day, changedDay: null, from: points.get(p.deed) ?? 0, to: p.points, approvedAfter: 0, pointsAfter: 0 });
  }
  return out.map(({ seq: _seq, ...story }) => story);
}

export function storiesOf(replay: Replay): Stories {
  return {
    cosignerHits: cosignerHits(replay), cameraMistakes: cameraMistakes(replay), reports: reports(replay), rules: rules(replay),
    blockedGoals: blockedGoals(replay), officialGoals: officialGoals(replay),
  };
}
