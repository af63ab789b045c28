/**
 * The players' end of the game, carried in each seat's private view once the game has ended:
 * the reveal (public to everyone after the end: every secret goal and whether it was met, every
 * false entry, every wrongful blacklisting — named by nickname, as the game named players) and
 * "what the game recorded about you": the seat's own full record, built as an allow-list from
 * the final state. Others' secrets appear only as far as the reveal makes them public: entry
 * authors and reviewers stay anonymous, as on the board.
 */
import type { LocalText } from "../lang.ts";
import { goalMet, type GameState, type SeatId } from "../rules/index.ts";
import type { Session } from "../session/index.ts";
import { truthVsRecord } from "./truth.ts";

/** `nickname` is empty and `pseudonym` set while the board is anonymous (server/rooms/anonymous.ts). */
type Named = { nickname: string; pseudonym?: LocalText };
export type RevealGoal = Named & { seat: SeatId; role: string | null; goal: LocalText; met: boolean };
export type RevealEntry = Named & { subject: SeatId; deed: string; day: number; status: string; published: boolean };
export type RevealListing = Named & { seat: SeatId; day: number; active: boolean };

export type ScoreChange = { day: number | null; delta: number; cause: "entry" | "reversal" | "cosigner"; entry: string | null; deed: string | null };

export type OwnRecord = {
  seat: SeatId;
  nickname: string;
  role: string | null;
  scored: boolean;
  startScore: number;
  score: number;
  grade: string;
  blacklisted: boolean;
  goals: { goal: LocalText; met: boolean }[];
  /** What I really did. */
  deeds: { id: string; deed: string; location: string; day: number; recorded: boolean }[];
  /** Every journal entry about me, true or not, whatever became of it. */
  entriesAboutMe: { id: string; deed: string; day: number; source: string; basis: string; truthful: boolean; status: string; points: number | null; published: boolean }[];
  /** Watchers: what I saw, and what I wrote. */
  observations: { id: string; actor: string; deed: string; day: number }[];
  entriesIWrote: { id: string; subject: string; deed: string; day: number; basis: string; truthful: boolean; status: string }[];
  /** Officials: the decisions I made. */
  decisionsIMade: { kind: "review" | "appeal" | "blacklist"; id: string; subject: string; outcome: string; day: number | null }[];
  /** Decisions about me: appeals I filed, blacklistings. */
  myAppeals: { id: string; entry: string; reason: string; status: string; filedDay: number; decidedDay: number | null; waitedEvenings: number }[];
  listings: { day: number; active: boolean; removedDay: number | null; wrongful: boolean }[];
  loans: { id: string; role: "borrower" | "cosigner"; status: string }[];
  scoreChanges: ScoreChange[];
};

export type Ending = {
  reveal: { goals: RevealGoal[]; falseEntries: RevealEntry[]; wrongfulListings: RevealListing[] };
  me: OwnRecord | null;
};

export function revealFor(game: GameState): Ending["reveal"] {
  const nick = (seat: SeatId) => game.players[seat]?.nickname ?? "?";
  const goals: RevealGoal[] = [];
  for (const seat of game.seats) {
    const p = game.players[seat];
    for (const g of p?.goals ?? []) {
      const card = game.scenario.goals.find((c) => c.id === g);
      if (card) goals.push({ seat, nickname: nick(seat), role: p!.role, goal: card.label, met: goalMet(game, seat, g) });
    }
  }
  const truth = truthVsRecord(game);
  return {
    goals,
    falseEntries: truth.falseEntries.map((e) => ({ subject: e.subject, nickname: nick(e.subject), deed: e.deed, day: e.day, status: e.status, published: e.published })),
    wrongfulListings: game.blacklist.filter((r) => r.wrongful).map((r) => ({ seat: r.seat, nickname: nick(r.seat), day: r.day, active: r.active })),
  };
}

/**
 * Score changes rebuilt from the final state (the events that made them are in the log, which
 * a room's view does not hold): an applied entry's points; a reversed entry that had been
 * published with points (publication applies them, an appeal needs publication) gives them
 * back; a defaulted loan costs each cosigner the scenario's points. Tested against the log.
 */
function scoreChanges(game: GameState, seat: SeatId): ScoreChange[] {
  const sc = game.scenario;
  const p = game.players[seat];
  if (!p?.scored || sc.scoring.mode !== "points") return [];
  const out: ScoreChange[] = [];
  for (const e of Object.values(game.journal)) {
    if (e.subject !== seat || !e.points) continue;
    if (e.applied) out.push({ day: e.day, delta: e.points, cause: "entry", entry: e.id, deed: e.deed });
    else if (e.status === "reversed" && e.published) {
      out.push({ day: e.day, delta: e.points, cause: "entry", entry: e.id, deed: e.deed });
      const appeal = Object.values(game.appeals).find((a) => a.entry === e.id);
      out.push({ day: appeal?.decidedDay ?? null, delta: -e.points, cause: "reversal", entry: e.id, deed: e.deed });
    }
  }
  const cosignerPoints = sc.loans?.cosignerPoints ?? 0;
  if (cosignerPoints !== 0) {
    for (const l of Object.values(game.loans)) {
      if (l.status === "defaulted" && l.cosigners.includes(seat)) out.push({ day: l.dueDay, delta: cosignerPoints, cause: "cosigner", entry: null, deed: null });
    }
  }
  return out;
}

export function recordFor(game: GameState, seat: SeatId): OwnRecord | null {
  const p = game.players[seat];
  if (!p) return null;
  const entries = Object.values(game.journal);
  const truthful = new Set(entries.filter((e) => e.truthful && e.occurrence).map((e) => e.occurrence!));
  const claims = new Set(entries.filter((e) => e.truthful).map((e) => `${e.subject}|${e.deed}|${e.day}`));
  const appeals = Object.values(game.appeals);
  const decisions: OwnRecord["decisionsIMade"] = [];
  for (const e of entries) if (e.reviewer === seat) decisions.push({ kind: "review", id: e.id, subject: e.subject, outcome: e.status, day: e.day });
  for (const a of appeals) if (a.decidedBy === seat) decisions.push({ kind: "appeal", id: a.id, subject: a.appellant, outcome: a.status, day: a.decidedDay });
  for (const r of game.blacklist) if (r.by === seat) decisions.push({ kind: "blacklist", id: `${r.seat}@${r.day}`, subject: r.seat, outcome: r.active ? "listed" : "lifted", day: r.day });
  return {
    seat,
    nickname: p.nickname,
    role: p.role,
    scored: p.scored,
    startScore: game.scenario.scoring.startScore,
    score: p.score,
    grade: p.grade,
    blacklisted: p.blacklisted,
    goals: p.goals.flatMap((g) => {
      const card = game.scenario.goals.find((c) => c.id === g);
      return card ? [{ goal: card.label, met: goalMet(game, seat, g) }] : [];
    }),
    deeds: Object.values(game.occurrences)
      .filter((o) => o.actor === seat)
      .map((o) => ({ id: o.id, deed: o.deed, location: o.location, day: o.day, recorded: truthful.has(o.id) || claims.has(`${o.actor}|${o.deed}|${o.day}`) })),
    entriesAboutMe: entries
      .filter((e) => e.subject === seat)
      .map((e) => ({ id: e.id, deed: e.deed, day: e.day, source: e.source, basis: e.basis, truthful: e.truthful, status: e.status, points: e.points, published: e.published })),
    observations: Object.values(game.occurrences)
      .filter((o) => o.witnesses.includes(seat))
      .map((o) => ({ id: o.id, actor: o.actor, deed: o.deed, day: o.day })),
    entriesIWrote: entries
      .filter((e) => e.author === seat)
      .map((e) => ({ id: e.id, subject: e.subject, deed: e.deed, day: e.day, basis: e.basis, truthful: e.truthful, status: e.status })),
    decisionsIMade: decisions,
    myAppeals: appeals
      .filter((a) => a.appellant === seat)
      .map((a) => ({ id: a.id, entry: a.entry, reason: a.reason, status: a.status, filedDay: a.filedDay, decidedDay: a.decidedDay, waitedEvenings: a.evenings })),
    listings: game.blacklist.filter((r) => r.seat === seat).map((r) => ({ day: r.day, active: r.active, removedDay: r.removedDay, wrongful: r.wrongful })),
    loans: Object.values(game.loans)
      .filter((l) => l.borrower === seat || l.cosigners.includes(seat))
      .map((l) => ({ id: l.id, role: l.borrower === seat ? "borrower" : "cosigner", status: l.status })),
    scoreChanges: scoreChanges(game, seat),
  };
}

/** What a seat's device shows at the end: the reveal and its own record (null before the end). */
export function endingFor(session: Session, seat: SeatId): Ending | null {
  if (session.game.phase !== "ended") return null;
  return { reveal: revealFor(session.game), me: recordFor(session.game, seat) };
}
