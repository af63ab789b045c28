/**
 * GameState: plain, JSON-serialisable data (records and arrays, no classes, no Maps) so the
 * server can persist and diff it. It holds the truth (`occurrences`: what residents actually
 * did) and the record (`journal`, `appeals`, `blacklist`: what was written down, scored and
 * published) side by side; the debrief compares them.
 *
 * `scenario` is the rulebook in force: event cards and approved rule changes edit it (deed
 * points, cameras), so apply() never needs anything outside the state.
 */
import type { Scenario } from "../scenario/index.ts";
import { gradeFor } from "./grades.ts";
import { isTown } from "./roleBook.ts";

export type SeatId = string;
export type { Role } from "./roleBook.ts";
import type { Role } from "./roleBook.ts";
export type Phase = "lobby" | "morning" | "day" | "evening" | "night" | "ended";
export const PERSONALITIES = [
  "conformist",
  "rebel",
  "honest_watcher",
  "zealous_watcher",
  "fair_official",
  "corrupt_official",
  // Students who do not play optimally; they fit any role (see shared/bots/careless.ts, random.ts).
  "careless",
  "random",
] as const;
export type Personality = (typeof PERSONALITIES)[number];

export interface Player {
  seat: SeatId;
  nickname: string;
  /** null for humans; "auto" until the game starts and a personality fits the role. */
  bot: Personality | "auto" | null;
  role: Role | null;
  location: string;
  ap: number;
  money: number;
  wellbeing: number;
  /** Whether this player carries a score (residents, watchers; officials if the scenario says). */
  scored: boolean;
  score: number;
  grade: string;
  /** Worst grade index reached so far (0 = top); "keep your grade" goals read it. */
  worstGradeIndex: number;
  /** Derived from grade and blacklist on every change, stored so every view agrees. */
  perks: string[];
  restrictions: string[];
  blacklisted: boolean;
  everBlacklisted: boolean;
  items: string[];
  /** Day each item was first acquired (for "by day N" goals). */
  itemDays: Record<string, number>;
  goals: string[];
  ally: SeatId | null;
  target: SeatId | null;
  /** Event deeds offered by a card today (e.g. a lost wallet to return). */
  offers: string[];
  /** Deeds and services done today: each at most once a day. */
  doneToday: string[];
}

/** Truth: a deed that really happened. */
export interface Occurrence {
  id: string;
  actor: SeatId;
  deed: string;
  location: string;
  day: number;
  at: number;
  /** Watchers who were at the location and could see it. */
  witnesses: SeatId[];
  camera: boolean;
}

export type EntrySource = "watcher" | "camera" | "report" | "system";
export type EntryStatus = "pending" | "evidence_requested" | "approved" | "rejected" | "reversed";

/** Record: a journal entry claims that `subject` did `deed`. */
export interface JournalEntry {
  id: string;
  source: EntrySource;
  author: SeatId | null;
  subject: SeatId;
  deed: string;
  basis: "witnessed" | "hearsay";
  /** The observed occurrence a witnessed entry points at (may be about someone else: a lie). */
  occurrence: string | null;
  /** Truth, fixed when written: did the subject really do this deed? Never shown to players. */
  truthful: boolean;
  note: string;
  day: number;
  at: number;
  status: EntryStatus;
  points: number | null;
  reviewer: SeatId | null;
  /** Camera footage found when evidence was asked for. */
  footage: "shows_deed" | "shows_nothing" | "no_camera" | null;
  /** Points have been added to the subject's score (at night). */
  applied: boolean;
  published: boolean;
}

export type AppealReason = "did_not_happen" | "not_me" | "context" | "disproportionate";

export interface Appeal {
  id: string;
  entry: string;
  appellant: SeatId;
  reason: AppealReason;
  evidence: "camera" | "witness" | null;
  /** Camera footage of the entry's claim, found when the appeal asked for it. */
  footage: "shows_deed" | "shows_nothing" | "no_camera" | null;
  filedDay: number;
  /** Evenings that have passed while it was pending. */
  evenings: number;
  status: "pending" | "upheld" | "reversed";
  decidedBy: SeatId | "policy" | null;
  decidedDay: number | null;
}

/** What a witness says when an official asks: it happened, it did not, or they did not see. */
export type StatementAnswer = "saw_it" | "did_not" | "did_not_see";

/**
 * An official's request for a witness statement about a journal entry (or the appeal against
 * it): did `witness` see the entry's subject do its deed on its day? Open for the phase it was
 * asked in; unanswered at the phase's end, it expires.
 */
export interface Statement {
  id: string;
  official: SeatId;
  witness: SeatId;
  entry: string;
  /** The appeal that asked for a witness, when the request is about one. */
  appeal: string | null;
  askedDay: number;
  askedPhase: Phase;
  status: "open" | "answered" | "expired";
  answer: StatementAnswer | null;
  /**
   * Truth, fixed when answered and never shown to players: did the subject do the deed that day,
   * was the witness among those who could see it, and was the answer true.
   */
  happened: boolean | null;
  seen: boolean | null;
  truthful: boolean | null;
}

/** What the footage shows about an entry's claim: a camera saw it as claimed, saw something else, or saw nothing. */
export type FootageResult = "confirms" | "contradicts" | "no_footage";

/** An official's look at the cameras' footage for a journal entry (or the appeal against it). */
export interface FootageCheck {
  id: string;
  official: SeatId;
  entry: string;
  appeal: string | null;
  day: number;
  result: FootageResult;
  /** What the camera really recorded (who, doing what, where); null when no camera saw it. */
  shows: { occurrence: string; actor: SeatId; deed: string; location: string } | null;
}

export interface Loan {
  id: string;
  borrower: SeatId;
  cosigners: SeatId[];
  amount: number;
  repay: number;
  status: "seeking_cosigner" | "active" | "repaid" | "defaulted";
  openedDay: number;
  dueDay: number;
}

export interface BlacklistRecord {
  seat: SeatId;
  day: number;
  by: SeatId | "grade";
  /** Entries the listing rests on. */
  entries: string[];
  /** Truth: the listing rests on at least one false entry it could not stand without. */
  wrongful: boolean;
  active: boolean;
  removedDay: number | null;
}

export interface RuleProposal {
  id: string;
  official: SeatId;
  deed: string;
  points: number;
  day: number;
  status: "pending" | "applied";
}

export interface GameState {
  scenario: Scenario;
  phase: Phase;
  day: number;
  paused: boolean;
  /** Clock value (ms) when the current phase ends; null while paused or outside play. */
  phaseEndsAt: number | null;
  /** Time left (ms) when paused. */
  pausedLeft: number | null;
  /**
   * Extra time (ms) the facilitator gave single players in this phase. Nobody is cut off: the
   * phase ends when the longest personal extension has run out too. Reset when a phase opens.
   */
  extraTime: Record<SeatId, number>;
  /** Number of events applied. */
  seq: number;
  /** Counter for ids of occurrences, entries, appeals, loans, proposals. */
  nextId: number;
  seats: SeatId[];
  players: Record<SeatId, Player>;
  /** Locations with a camera (the scenario's plus installed ones). */
  cameras: string[];
  occurrences: Record<string, Occurrence>;
  journal: Record<string, JournalEntry>;
  appeals: Record<string, Appeal>;
  loans: Record<string, Loan>;
  blacklist: BlacklistRecord[];
  proposals: RuleProposal[];
  /** Event cards drawn, in order. */
  cards: { card: string; day: number }[];
  /** Witness statements officials asked for, by id. */
  statements: Record<string, Statement>;
  /** Footage officials checked, by id. */
  footage: Record<string, FootageCheck>;
  /** Observers' notes for the debrief (append-only: a note's id is its position, see `noteTextId`). */
  notes: { seat: SeatId; day: number; text: string }[];
  /** Choices the facilitator made when creating the session. */
  settings: GameSettings;
}

export interface GameSettings {
  /**
   * Whether a resident's record names the official who approved an entry ("Approved by Mei") or
   * only says an official did: a class may not want a classmate named for approving a false
   * accusation. On by default; off in gentle mode.
   */
  showApprover: boolean;
}

/** A fresh game in the lobby. Seats join through `add_seat` events. */
export function newGame(scenario: Scenario): GameState {
  return {
    scenario,
    phase: "lobby",
    day: 0,
    paused: false,
    phaseEndsAt: null,
    pausedLeft: null,
    extraTime: {},
    seq: 0,
    nextId: 1,
    seats: [],
    players: {},
    cameras: scenario.locations.filter((l) => l.camera).map((l) => l.id),
    occurrences: {},
    journal: {},
    appeals: {},
    loans: {},
    blacklist: [],
    proposals: [],
    cards: [],
    statements: {},
    footage: {},
    notes: [],
    settings: { showApprover: true },
  };
}

/** A player as they stand when seated, before any role. */
export function freshPlayer(scenario: Scenario, seat: SeatId, nickname: string, bot: Player["bot"]): Player {
  const grade = gradeFor(scenario, scenario.scoring.startScore);
  return {
    seat,
    nickname,
    bot,
    role: null,
    location: scenario.home,
    ap: scenario.resident.actionPoints,
    money: scenario.resident.money,
    wellbeing: scenario.resident.wellbeing,
    scored: true,
    score: scenario.scoring.startScore,
    grade: grade.id,
    worstGradeIndex: scenario.grades.indexOf(grade),
    perks: grade.perks.slice(),
    restrictions: grade.restrictions.slice(),
    blacklisted: false,
    everBlacklisted: false,
    items: [],
    itemDays: {},
    goals: [],
    ally: null,
    target: null,
    offers: [],
    doneToday: [],
  };
}

/** Whether the player lives in the town (roleBook.ts `town`: residents and watchers). */
export function isTownsperson(p: Player): boolean {
  return isTown(p.role);
}

/** The players whose scores the experience measures and an event's figures count: townspeople the scenario scores. */
export function scoredTownsperson(p: Player): boolean {
  return p.scored && isTownsperson(p);
}

/**
 * The id a facilitator uses to hide an observer's note (`hide_text`): notes are an append-only
 * list, so the n-th note written in a game is always `note-<n>`.
 */
export function noteTextId(index: number): string {
  return `note-${index}`;
}

/**
 * A free text (an entry's note, an observer's note, by the ids `hide_text` takes) as anyone but
 * the facilitator reads it: blank once the facilitator hid it. The views and the debrief's log
 * both blank through this.
 */
export function shownText(hidden: ReadonlySet<string>, id: string, text: string): string {
  return hidden.has(id) ? "" : text;
}
