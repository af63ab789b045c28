/**
 * What each seat may know. Every view is built from an allow-list — fields are copied in by
 * name, never deleted out — so a new field in GameState stays private until a view chooses to
 * show it. The truth of entries and blacklistings appears only in the facilitator's god view
 * (facilitator.ts). Views also carry what their forms may offer (who carries a score, which
 * deeds the journal takes, which entries a listing may cite, what a trip costs), each from the
 * rule the command is checked with, so a client renders and never works a rule out again.
 */
import { ROLE_BOOK, isRole, isTown, observes, type TownRole } from "./roleBook.ts";
import { citableBySubject } from "./blacklist.ts";
import { actionsAt, tripsFrom, type ActionOption, type TripCost } from "./deeds.ts";
import { facilitatorView, NO_LOBBY, type FacilitatorView, type ViewLobby } from "./facilitator.ts";
import { copyOf, grown, grownCache, memo } from "./memo.ts";
import type { Scenario } from "../scenario/index.ts";
import { goalProgress, type GoalProgress } from "./goalProgress.ts";
import { busFare } from "./grades.ts";
import { recordableDeeds } from "./journal.ts";
import { pointsRange } from "./review.ts";
import { witnessesToAsk } from "./statements.ts";
import { shownText, type Appeal, type EntryStatus, type FootageCheck, type GameState, type Phase, type Player, type Role, type SeatId, type Statement } from "./state.ts";

export * from "./facilitator.ts";
export type { TripCost } from "./deeds.ts";

export type Viewer = { kind: "seat"; seat: SeatId } | { kind: "board" } | { kind: "host" };

export interface PublicPlayer {
  seat: SeatId;
  nickname: string;
  role: Role | null;
  location: string;
  /** Whether the player carries a score: the subjects a journal entry, a report or a listing may name. */
  scored: boolean;
  /** null for players without a score (officials in most scenarios, observers), or when the scenario shows grades only. */
  score: number | null;
  grade: string | null;
  blacklisted: boolean;
}

/** A published entry as the board shows it: who, what, how many points — the official is anonymous. */
export interface PublishedEntry {
  id: string;
  subject: SeatId;
  deed: string;
  points: number | null;
  day: number;
  status: EntryStatus;
}

export interface BoardView {
  kind: "board";
  phase: Phase;
  day: number;
  paused: boolean;
  phaseEndsAt: number | null;
  pausedLeft: number | null;
  players: PublicPlayer[];
  feed: PublishedEntry[];
  honourRoll: SeatId[];
  blacklist: { seat: SeatId; day: number }[];
  cards: { card: string; day: number }[];
  cameras: string[];
  /** Catalogue points in force (rule changes and cards move them). */
  deedPoints: Record<string, number>;
}

/** A published entry about me, as I see it in my record: also who approved it, and where it came from. */
export interface RecordedEntry extends PublishedEntry {
  /** The official who approved it; null when nobody did by hand, or when the session does not name approvers. */
  reviewer: SeatId | null;
  /** An official approved it by hand (named in `reviewer` unless the session hides approvers). */
  byOfficial: boolean;
  source: QueueEntry["source"];
}

/** One's own player record: everything about oneself, including secret goals. */
export type OwnPlayer = Player;

export interface OwnAppeal {
  id: string;
  entry: string;
  reason: Appeal["reason"];
  evidence: Appeal["evidence"];
  filedDay: number;
  status: Appeal["status"];
}

export interface LoanSummary {
  id: string;
  borrower: SeatId;
  cosigners: SeatId[];
  amount: number;
  repay: number;
  status: string;
  dueDay: number;
}

export interface Observation {
  id: string;
  actor: SeatId;
  deed: string;
  location: string;
  day: number;
}

export interface OwnEntry {
  id: string;
  subject: SeatId;
  deed: string;
  basis: "witnessed" | "hearsay";
  occurrence: string | null;
  status: EntryStatus;
  points: number | null;
  day: number;
}

/** An official's request for my statement: did I see `subject` do `deed` on `day`? */
export interface StatementRequest {
  id: string;
  subject: SeatId;
  deed: string;
  /** The day the entry says it happened. */
  day: number;
  askedDay: number;
  status: Statement["status"];
  answer: Statement["answer"];
}

/** A statement as the officials see it beside the entry or appeal: who was asked and what they said (not whether it is true). */
export type StatementSeen = Pick<Statement, "id" | "official" | "witness" | "entry" | "appeal" | "askedDay" | "status" | "answer">;

/** What the footage showed an official (the same for every official). */
export type FootageSeen = Pick<FootageCheck, "id" | "official" | "entry" | "appeal" | "day" | "result" | "shows">;

export interface ResidentView {
  kind: TownRole;
  board: BoardView;
  me: OwnPlayer;
  actions: ActionOption[];
  /** Published entries about me (the ones I can appeal), with who approved each. */
  aboutMe: RecordedEntry[];
  myAppeals: OwnAppeal[];
  /** Loans waiting for a cosigner, and loans I am part of. */
  loans: LoanSummary[];
  /** What I really did (my own truth: one always knows one's own deeds). */
  myDeeds: Observation[];
  /** Watchers only: what I saw, and what I wrote. */
  observations: Observation[];
  myEntries: OwnEntry[];
  /** Officials' requests for my statement, newest last (open ones wait for my answer). */
  requests: StatementRequest[];
  /** Extra time (ms) the facilitator gave me in this phase, beyond the board's deadline. */
  myExtraTime: number;
  /** How far I am with each secret goal, and who it names (see goalProgress.ts). */
  goalProgress: GoalProgress[];
  /** Deeds the journal takes (the entry and report forms offer these; see journal.ts `recordable`). */
  recordable: string[];
  /** What going to each other place costs me now (see deeds.ts `tripCost`). */
  trips: Record<string, TripCost>;
}

export interface QueueEntry {
  id: string;
  source: "watcher" | "camera" | "report" | "system";
  author: SeatId | null;
  subject: SeatId;
  deed: string;
  basis: "witnessed" | "hearsay";
  /** The observation a witnessed entry points at (what was seen, not whether the claim is true). */
  occurrence: string | null;
  location: string | null;
  note: string;
  day: number;
  status: EntryStatus;
  points: number | null;
  reviewer: SeatId | null;
  footage: "shows_deed" | "shows_nothing" | "no_camera" | null;
}

export interface OfficialView {
  kind: "official";
  board: BoardView;
  me: OwnPlayer;
  /** Every entry in the journal, as written (not whether it is true). */
  journal: QueueEntry[];
  /** The points the rules let me give each deed (see review.ts `pointsRange`). */
  ranges: Record<string, { min: number; max: number }>;
  appeals: (OwnAppeal & {
    appellant: SeatId;
    evenings: number;
    footage: Appeal["footage"];
    decidedBy: string | null;
    decidedDay: number | null;
  })[];
  /** What the cameras saw today. */
  cameraFeed: Observation[];
  blacklist: { seat: SeatId; day: number; by: string; entries: string[]; active: boolean }[];
  proposals: { id: string; official: SeatId; deed: string; points: number; day: number; status: string }[];
  /**
   * Where I may gather evidence now, keyed by open entry id or pending appeal id, with whom I may
   * still ask for a statement there (see witnessesToAsk); empty outside the day and the evening.
   */
  askable: Record<string, SeatId[]>;
  /** Statements asked for and their answers, to show beside each entry or appeal. */
  statements: StatementSeen[];
  /** Footage checked, to show beside each entry or appeal. */
  footage: FootageSeen[];
  myExtraTime: number;
  /** How far I am with each secret goal, and who it names (see goalProgress.ts). */
  goalProgress: GoalProgress[];
  /**
   * For the blacklist form: each person I may list now, with the entries I may cite (see
   * blacklist.ts `citableEntry`); empty when the scenario lists by grade.
   */
  citable: Record<SeatId, string[]>;
  /** Deeds a rule change may reprice (the ones the journal takes). */
  recordable: string[];
}

export interface ObserverView {
  kind: "observer";
  board: BoardView;
  myNotes: { day: number; text: string }[];
  myExtraTime: number;
}

export type View = BoardView | ResidentView | OfficialView | ObserverView | FacilitatorView;

/*
 * Views are rebuilt after every event, so the lists inside them are memoised on the identity of
 * the part of the state they come from (apply() replaces a record only when it changes). Views
 * are therefore shared, read-only data: callers must not mutate them.
 */
const boardCache = new WeakMap<GameState, BoardView>();

interface JournalIndex {
  feed: PublishedEntry[];
  aboutMe: Record<SeatId, RecordedEntry[]>;
  byAuthor: Record<SeatId, OwnEntry[]>;
}
const journalCache = new WeakMap<GameState["journal"], JournalIndex>();

type Entry = GameState["journal"][string];
/** What each view shows of one entry, memoised on the entry itself (most entries are unchanged by an event). */
interface EntryFaces {
  published: PublishedEntry | null;
  recorded: RecordedEntry | null;
  own: OwnEntry | null;
}
const facesCache = new WeakMap<Entry, EntryFaces>();

function entryFaces(e: Entry): EntryFaces {
  const hit = facesCache.get(e);
  if (hit) return hit;
  const pub = e.published ? published(e) : null;
  const faces: EntryFaces = {
    published: pub,
    recorded: pub ? { ...pub, reviewer: e.reviewer, byOfficial: e.reviewer !== null, source: e.source } : null,
    own: e.author
      ? { id: e.id, subject: e.subject, deed: e.deed, basis: e.basis, occurrence: e.occurrence, status: e.status, points: e.points, day: e.day }
      : null,
  };
  facesCache.set(e, faces);
  return faces;
}

function journalIndex(s: GameState): JournalIndex {
  const hit = journalCache.get(s.journal);
  if (hit) return hit;
  const index: JournalIndex = { feed: [], aboutMe: {}, byAuthor: {} };
  for (const e of Object.values(s.journal)) {
    const faces = entryFaces(e);
    if (faces.published) index.feed.push(faces.published);
    if (faces.recorded) (index.aboutMe[e.subject] ??= []).push(faces.recorded);
    if (faces.own && e.author) (index.byAuthor[e.author] ??= []).push(faces.own);
  }
  journalCache.set(s.journal, index);
  return index;
}

interface OccurrenceIndex {
  byActor: Record<SeatId, Observation[]>;
  byWitness: Record<SeatId, Observation[]>;
}
const occurrenceCache = new WeakMap<GameState["occurrences"], OccurrenceIndex>();

function occurrenceIndex(s: GameState): OccurrenceIndex {
  const hit = occurrenceCache.get(s.occurrences);
  if (hit) return hit;
  const index: OccurrenceIndex = { byActor: {}, byWitness: {} };
  for (const o of Object.values(s.occurrences)) {
    const seen = { id: o.id, actor: o.actor, deed: o.deed, location: o.location, day: o.day };
    (index.byActor[o.actor] ??= []).push(seen);
    for (const w of o.witnesses) (index.byWitness[w] ??= []).push(seen);
  }
  occurrenceCache.set(s.occurrences, index);
  return index;
}

const NONE: never[] = [];

const requestCache = new WeakMap<GameState["statements"], Record<SeatId, StatementRequest[]>>();

function requestsByWitness(s: GameState): Record<SeatId, StatementRequest[]> {
  const hit = requestCache.get(s.statements);
  if (hit) return hit;
  const index: Record<SeatId, StatementRequest[]> = {};
  for (const x of Object.values(s.statements)) {
    const e = s.journal[x.entry];
    if (!e) continue;
    (index[x.witness] ??= []).push({ id: x.id, subject: e.subject, deed: e.deed, day: e.day, askedDay: x.askedDay, status: x.status, answer: x.answer });
  }
  requestCache.set(s.statements, index);
  return index;
}

/**
 * A player's public face and whether they are on the honour roll, memoised on the player record
 * (and the rulebook, which says whether scores show and which grades make the roll).
 */
const publicFaceCache = new WeakMap<Player, { scenario: GameState["scenario"]; face: PublicPlayer; honour: boolean }>();

function publicSide(s: GameState, p: Player): { face: PublicPlayer; honour: boolean } {
  // looked up for every player whenever one changes: no closures on the way to a hit
  const hit = publicFaceCache.get(p);
  if (hit && hit.scenario === s.scenario) return hit;
  const side = { scenario: s.scenario, face: publicFace(s, p), honour: p.scored && Boolean(s.scenario.grades.find((g) => g.id === p.grade)?.honourRoll) };
  publicFaceCache.set(p, side);
  return side;
}

/** A seat's row on the board as `boardView` lists it (the same object), without building the board. */
export function publicPlayerOf(s: GameState, seat: SeatId): PublicPlayer | undefined {
  const p = s.players[seat];
  return p ? publicSide(s, p).face : undefined;
}

function publicFace(s: GameState, p: Player): PublicPlayer {
  const shown = p.scored && s.scenario.scoring.mode === "points";
  // secret watchers look like any resident to everyone else
  const hidden = p.role === "watcher" && s.scenario.roles.watcher.secret === true;
  return {
    seat: p.seat,
    nickname: p.nickname,
    role: hidden ? "resident" : p.role,
    location: p.location,
    scored: p.scored,
    score: shown ? p.score : null,
    grade: p.scored ? p.grade : null,
    blacklisted: p.blacklisted,
  };
}

function published(e: GameState["journal"][string]): PublishedEntry {
  return { id: e.id, subject: e.subject, deed: e.deed, points: e.points, day: e.day, status: e.status };
}

/** The public side of the players, memoised on the players record (most events touch no player). */
const publicCache = new WeakMap<GameState["players"], { seats: readonly SeatId[]; players: PublicPlayer[]; honourRoll: SeatId[] }>();

function publicPlayers(s: GameState): { players: PublicPlayer[]; honourRoll: SeatId[] } {
  const hit = publicCache.get(s.players);
  if (hit && hit.seats === s.seats) return hit;
  const players: PublicPlayer[] = [];
  const honourRoll: SeatId[] = [];
  for (const seat of s.seats) {
    const p = s.players[seat];
    if (!p) continue;
    const { face, honour } = publicSide(s, p);
    players.push(face);
    if (honour) honourRoll.push(seat);
  }
  const value = { seats: s.seats, players, honourRoll };
  publicCache.set(s.players, value);
  return value;
}

/** The board's rarely changing parts, memoised on what each comes from, so they keep their identity while it holds. */
const activeListingsCache = new WeakMap<GameState["blacklist"], BoardView["blacklist"]>();
const deedPointsCache = new WeakMap<GameState["scenario"], Record<string, number>>();

function deedPointsOf(s: GameState): Record<string, number> {
  return memo(deedPointsCache, s.scenario, () => {
    const deedPoints: Record<string, number> = {};
    for (const d of s.scenario.deeds) deedPoints[d.id] = d.points;
    return deedPoints;
  });
}

export function boardView(s: GameState): BoardView {
  const cached = boardCache.get(s);
  if (cached) return cached;
  const { players, honourRoll } = publicPlayers(s);
  const feed = journalIndex(s).feed;
  const view: BoardView = {
    kind: "board",
    phase: s.phase,
    day: s.day,
    paused: s.paused,
    phaseEndsAt: s.phaseEndsAt,
    pausedLeft: s.pausedLeft,
    players,
    feed,
    honourRoll,
    blacklist: memo(activeListingsCache, s.blacklist, () => s.blacklist.filter((r) => r.active).map((r) => ({ seat: r.seat, day: r.day }))),
    cards: copyOf(s.cards),
    cameras: copyOf(s.cameras),
    deedPoints: deedPointsOf(s),
  };
  boardCache.set(s, view);
  return view;
}

function ownAppeal(a: Appeal): OwnAppeal {
  return { id: a.id, entry: a.entry, reason: a.reason, evidence: a.evidence, filedDay: a.filedDay, status: a.status };
}

function loanSummary(l: GameState["loans"][string]): LoanSummary {
  return { id: l.id, borrower: l.borrower, cosigners: l.cosigners.slice(), amount: l.amount, repay: l.repay, status: l.status, dueDay: l.dueDay };
}

/**
 * One's own record, memoised on the player record. Its lists are copies (views never hand out the
 * state's own arrays), memoised on the list they copy: a list an event left alone keeps its
 * identity from view to view, so the room does not serialise it again.
 */
const ownCache = new WeakMap<Player, OwnPlayer>();
const recordCopies = new WeakMap<object, object>();

function recordCopyOf<T extends object>(record: T): T {
  return memo(recordCopies, record, () => ({ ...record })) as T;
}

function ownPlayer(p: Player): OwnPlayer {
  return memo(ownCache, p, () => ({
    ...p,
    perks: copyOf(p.perks),
    restrictions: copyOf(p.restrictions),
    items: copyOf(p.items),
    itemDays: recordCopyOf(p.itemDays),
    goals: copyOf(p.goals),
    offers: copyOf(p.offers),
    doneToday: copyOf(p.doneToday),
  }));
}

/** An entry as its subject sees it when the session keeps approvers' names off: the same object while the entry is. */
const withoutApproverCache = new WeakMap<object, object>();

function withoutApprover<E extends { reviewer: unknown }>(e: E): E {
  return memo(withoutApproverCache, e, () => ({ ...e, reviewer: null })) as E;
}

function residentView(s: GameState, p: Player): ResidentView {
  const watching = observes(p.role);
  const journal = journalIndex(s);
  const occurrences = occurrenceIndex(s);
  const recorded = journal.aboutMe[p.seat] ?? NONE;
  // the session may keep approvers' names off residents' records ("approved by an official")
  const aboutMe = s.settings.showApprover ? recorded : recorded.map(withoutApprover);
  const myEntries = watching ? (journal.byAuthor[p.seat] ?? NONE) : NONE;
  const myDeeds = occurrences.byActor[p.seat] ?? NONE;
  const observations = watching ? (occurrences.byWitness[p.seat] ?? NONE) : NONE;
  const loans: LoanSummary[] = [];
  for (const l of Object.values(s.loans)) {
    if (l.status === "seeking_cosigner" || l.borrower === p.seat || l.cosigners.includes(p.seat)) loans.push(loanSummary(l));
  }
  return {
    kind: isTown(p.role) ? p.role : "resident",
    board: boardView(s),
    me: ownPlayer(p),
    // residents act in every running phase (see the contract: shared/commands/contract.ts)
    actions: s.phase === "lobby" || s.phase === "ended" ? [] : actionsAt(s, p.seat),
    aboutMe,
    myAppeals: Object.values(s.appeals).filter((a) => a.appellant === p.seat).map(ownAppeal),
    loans,
    myDeeds,
    observations,
    myEntries,
    requests: requestsByWitness(s)[p.seat] ?? NONE,
    myExtraTime: s.extraTime[p.seat] ?? 0,
    goalProgress: goalProgress(s, p.seat),
    recordable: recordable(s),
    trips: trips(s, p),
  };
}

/** The official's lists, memoised on the records they come from (shared by every official's view). */
const queueCache = new WeakMap<GameState["journal"], { hidden: readonly string[]; list: QueueEntry[] }>();
const queueEntryCache = new WeakMap<Entry, QueueEntry>();
const cameraCache = new WeakMap<GameState["occurrences"], { day: number; feed: Observation[] }>();
const appealsCache = new WeakMap<GameState["appeals"], OfficialView["appeals"]>();
const statementsCache = new WeakMap<GameState["statements"], OfficialView["statements"]>();
const footageCache = new WeakMap<GameState["footage"], OfficialView["footage"]>();


/** What the forms may offer, memoised on what each comes from: the rulebook in force, the journal and players, the player. */
const recordableCache = new WeakMap<GameState["scenario"], string[]>();
const citableCache = new WeakMap<GameState["journal"], { players: GameState["players"]; seats: readonly SeatId[]; scenario: GameState["scenario"]; citable: Record<SeatId, string[]> }>();
const tripsCache = new WeakMap<GameState["scenario"], Map<string, Record<string, TripCost>>>();

/** A trip's cost depends on where one stands and one's fare: shared by everyone standing there with that fare. */
function trips(s: GameState, p: Player): Record<string, TripCost> {
  const byPlace = memo(tripsCache, s.scenario, () => new Map<string, Record<string, TripCost>>());
  const key = `${p.location}|${busFare(s.scenario, p.perks, p.restrictions)}`;
  let hit = byPlace.get(key);
  if (!hit) byPlace.set(key, (hit = tripsFrom(s, p)));
  return hit;
}

function recordable(s: GameState): string[] {
  return memo(recordableCache, s.scenario, () => recordableDeeds(s));
}

const NOBODY: Record<SeatId, string[]> = {};

function citable(s: GameState, official: SeatId): Record<SeatId, string[]> {
  // most scenarios list by grade: nobody is listed by hand, nothing to build
  if (s.scenario.blacklist.mode !== "official") return NOBODY;
  const all = memo(
    citableCache,
    s.journal,
    () => ({ players: s.players, seats: s.seats, scenario: s.scenario, citable: citableBySubject(s) }),
    (hit) => hit.players === s.players && hit.seats === s.seats && hit.scenario === s.scenario,
  ).citable;
  // a scored official is never offered their own record (the command refuses it)
  if (!(official in all)) return all;
  const { [official]: _own, ...others } = all;
  return others;
}

function queueEntry(s: GameState, e: Entry): QueueEntry {
  // an occurrence never moves once recorded, so the entry alone decides its queue line
  return memo(queueEntryCache, e, () => ({
    id: e.id,
    source: e.source,
    author: e.author,
    subject: e.subject,
    deed: e.deed,
    basis: e.basis,
    occurrence: e.occurrence,
    location: e.occurrence ? (s.occurrences[e.occurrence]?.location ?? null) : null,
    note: e.note,
    day: e.day,
    status: e.status,
    points: e.points,
    reviewer: e.reviewer,
    footage: e.footage,
  }));
}

function cameraFeed(s: GameState): Observation[] {
  const hit = cameraCache.get(s.occurrences);
  if (hit && hit.day === s.day) return hit.feed;
  const feed: Observation[] = [];
  for (const o of Object.values(s.occurrences)) {
    if (o.camera && o.day === s.day) feed.push({ id: o.id, actor: o.actor, deed: o.deed, location: o.location, day: o.day });
  }
  cameraCache.set(s.occurrences, { day: s.day, feed });
  return feed;
}

/**
 * The journal as officials see it, notes the facilitator hid blanked (see `shownText`); memoised
 * on the journal and on the list of hidden texts (which the lobby replaces when it grows).
 */
function queue(s: GameState, hidden: readonly string[]): QueueEntry[] {
  const hit = queueCache.get(s.journal);
  if (hit && hit.hidden === hidden) return hit.list;
  return memo(
    queueCache,
    s.journal,
    () => {
      const set = new Set(hidden);
      return {
        hidden,
        list: Object.values(s.journal).map((e) => {
          const line = queueEntry(s, e);
          const note = shownText(set, e.id, line.note);
          return note === line.note ? line : { ...line, note };
        }),
      };
    },
    (hit) => hit.hidden === hidden,
  ).list;
}

const rangesCache = new WeakMap<Scenario, OfficialView["ranges"]>();

function officialView(s: GameState, p: Player, hidden: readonly string[]): OfficialView {
  return {
    kind: "official",
    board: boardView(s),
    me: ownPlayer(p),
    journal: queue(s, hidden),
    ranges: memo(rangesCache, s.scenario, () => Object.fromEntries(s.scenario.deeds.map((d) => [d.id, pointsRange(s, d)]))),
    appeals: memo(appealsCache, s.appeals, () =>
      Object.values(s.appeals).map((a) => ({
        ...ownAppeal(a),
        appellant: a.appellant,
        evenings: a.evenings,
        footage: a.footage,
        decidedBy: a.decidedBy,
        decidedDay: a.decidedDay,
      })),
    ),
    cameraFeed: cameraFeed(s),
    blacklist: s.blacklist.map((r) => ({ seat: r.seat, day: r.day, by: r.by, entries: r.entries.slice(), active: r.active })),
    proposals: s.proposals.map((x) => ({ id: x.id, official: x.official, deed: x.deed, points: x.points, day: x.day, status: x.status })),
    askable: witnessesToAsk(s, p.seat),
    statements: memo(statementsCache, s.statements, () =>
      Object.values(s.statements).map((x) => ({
        id: x.id, official: x.official, witness: x.witness, entry: x.entry, appeal: x.appeal, askedDay: x.askedDay, status: x.status, answer: x.answer,
      })),
    ),
    footage: memo(footageCache, s.footage, () =>
      Object.values(s.footage).map((f) => ({
        id: f.id, official: f.official, entry: f.entry, appeal: f.appeal, day: f.day, result: f.result, shows: f.shows ? { ...f.shows } : null,
      })),
    ),
    myExtraTime: s.extraTime[p.seat] ?? 0,
    goalProgress: goalProgress(s, p.seat),
    citable: citable(s, p.seat),
    recordable: recordable(s),
  };
}

/** Each observer's own notes, grown note by note on the (append-only) notes list (memo.ts `grown`), each note's face kept on the note. */
const notesCache = grownCache<GameState["notes"][number], Record<SeatId, ObserverView["myNotes"]>>();
const noteFaceCache = new WeakMap<GameState["notes"][number], ObserverView["myNotes"][number]>();

function noteFace(n: GameState["notes"][number]): ObserverView["myNotes"][number] {
  return memo(noteFaceCache, n, () => ({ day: n.day, text: n.text }));
}

function notesBySeat(s: GameState): Record<SeatId, ObserverView["myNotes"]> {
  return grown(
    notesCache,
    s.notes,
    (notes) => {
      const index: Record<SeatId, ObserverView["myNotes"]> = {};
      for (const n of notes) (index[n.seat] ??= []).push(noteFace(n));
      return index;
    },
    // new notes: only their writers' lists are new
    (before, added) => {
      const index = { ...before };
      for (const n of added) index[n.seat] = [...(index[n.seat] ?? []), noteFace(n)];
      return index;
    },
  );
}

/**
 * What `viewer` may know of the game. `lobby` is what the room knows beside the game: texts the
 * facilitator hid (blank for everyone else) and seats that stepped out (for the facilitator).
 *
 * @example
 *   const v = viewFor(state, { kind: "seat", seat: "s1a2b3" });
 *   if (v.kind === "resident") render(v.me.score, v.actions);
 */
export function viewFor(state: GameState, viewer: Viewer, lobby: ViewLobby = NO_LOBBY): View {
  if (viewer.kind === "host") return facilitatorView(state, lobby);
  if (viewer.kind === "board") return boardView(state);
  const p = state.players[viewer.seat];
  if (!p) return boardView(state);
  const screen = isRole(p.role) ? ROLE_BOOK[p.role].screen : "notes";
  if (screen === "desk") return officialView(state, p, lobby.hiddenTexts);
  if (screen === "town") return residentView(state, p);
  return {
    kind: "observer",
    board: boardView(state),
    myNotes: notesBySeat(state)[p.seat] ?? NONE,
    myExtraTime: state.extraTime[p.seat] ?? 0,
  };
}
