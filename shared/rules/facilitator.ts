/**
 * The facilitator's view: the console and its live god view. Like every view it is an
 * allow-list — each record is copied field by field, so a new field in GameState reaches the
 * console only once it is named here — but it is the one view that holds the truth: what
 * residents really did, and each entry's truth as the rules fixed it when it was written
 * (`truthful`), with the occurrence that made it true, so the god view never judges again.
 */
import { roleTargets } from "./roles.ts";
import { OBSERVER, type PlayingRole } from "./roleBook.ts";
import type { Appeal, BlacklistRecord, GameState, JournalEntry, Occurrence, Phase, Player, SeatId } from "./state.ts";
import { copyOf, grown, grownCache, memo, sameList } from "./memo.ts";
import { noteTextId } from "./state.ts";

/** What the room knows beside the game and hands every view: the lobby's part of it. */
export interface ViewLobby {
  /** Ids of free texts the facilitator hid (entries' notes by entry id, observers' notes by `noteTextId`). */
  hiddenTexts: readonly string[];
  /** Seats that asked to step out of their role. */
  steppedOut: readonly SeatId[];
}

export const NO_LOBBY: ViewLobby = { hiddenTexts: [], steppedOut: [] };

export type FacilitatorPlayer = Pick<Player, "seat" | "nickname" | "bot" | "role" | "location" | "scored" | "score" | "grade" | "blacklisted">;

export type FacilitatorOccurrence = Pick<Occurrence, "id" | "actor" | "deed" | "location" | "day" | "at" | "witnesses" | "camera"> & {
  /** Entries this occurrence made true (their `truthOf`), oldest first. */
  recordedIn: string[];
};

export type FacilitatorEntry = Pick<
  JournalEntry,
  "id" | "source" | "author" | "subject" | "deed" | "basis" | "occurrence" | "truthful" | "note" | "day" | "at" | "status" | "points" | "reviewer" | "footage" | "published" | "applied"
> & {
  /** For a true entry, the occurrence that makes it so (the one it points at if that fits, else the subject's first such deed); null for a false one. */
  truthOf: string | null;
};

export type FacilitatorAppeal = Pick<
  Appeal,
  "id" | "entry" | "appellant" | "reason" | "evidence" | "footage" | "filedDay" | "evenings" | "status" | "decidedBy" | "decidedDay"
>;

export type FacilitatorListing = Pick<BlacklistRecord, "seat" | "day" | "by" | "entries" | "wrongful" | "active" | "removedDay">;

export interface FacilitatorNote {
  /** The id `hide_text` takes (see `noteTextId`). */
  id: string;
  seat: SeatId;
  day: number;
  text: string;
}

export interface FacilitatorView {
  kind: "facilitator";
  phase: Phase;
  day: number;
  paused: boolean;
  phaseEndsAt: number | null;
  pausedLeft: number | null;
  extraTime: Record<SeatId, number>;
  seats: SeatId[];
  players: Record<SeatId, FacilitatorPlayer>;
  /** The truth: what residents really did. */
  occurrences: Record<string, FacilitatorOccurrence>;
  /** The record: the journal as written, with each entry's truth. */
  journal: Record<string, FacilitatorEntry>;
  appeals: Record<string, FacilitatorAppeal>;
  blacklist: FacilitatorListing[];
  cards: { card: string; day: number }[];
  /** Observers' notes, each with its id; the facilitator reads hidden ones too (marked by `hiddenTexts`). */
  notes: FacilitatorNote[];
  steppedOut: SeatId[];
  hiddenTexts: string[];
  /** How many of each role the seats taking part would be dealt now (observers aside): the console's preview. */
  roleTargets: Record<PlayingRole, number>;
}

/*
 * Built after every event, so its parts are memoised on the identity of the records they come
 * from (apply() replaces a record only when it changes). Read-only, shared data.
 */
const playerCache = new WeakMap<Player, FacilitatorPlayer>();
const entryCache = new WeakMap<JournalEntry, FacilitatorEntry>();
const journalCache = new WeakMap<GameState["journal"], Record<string, FacilitatorEntry>>();
const occurrencesCache = new WeakMap<GameState["journal"], { occurrences: GameState["occurrences"]; faces: Record<string, FacilitatorOccurrence> }>();
const appealCache = new WeakMap<Appeal, FacilitatorAppeal>();
const listingCache = new WeakMap<BlacklistRecord, FacilitatorListing>();
const listingsCache = new WeakMap<GameState["blacklist"], FacilitatorListing[]>();
const cardsCache = new WeakMap<GameState["cards"], { card: string; day: number }[]>();
const notesCache = grownCache<GameState["notes"][number], FacilitatorNote[]>();
const noteCache = new WeakMap<GameState["notes"][number], FacilitatorNote>();


/**
 * The occurrence behind a true entry. Its truth was fixed when it was written and occurrences
 * are only ever added, so the first one that fits existed then: the answer never changes.
 */
function truthOf(s: GameState, e: JournalEntry): string | null {
  if (!e.truthful) return null;
  const fits = (o: Occurrence | undefined): o is Occurrence => o !== undefined && o.actor === e.subject && o.deed === e.deed;
  const pointed = e.occurrence ? s.occurrences[e.occurrence] : undefined;
  if (fits(pointed)) return pointed.id;
  for (const o of Object.values(s.occurrences)) if (fits(o)) return o.id;
  return null;
}

function entryFace(s: GameState, e: JournalEntry): FacilitatorEntry {
  return memo(entryCache, e, () => ({
    id: e.id,
    source: e.source,
    author: e.author,
    subject: e.subject,
    deed: e.deed,
    basis: e.basis,
    occurrence: e.occurrence,
    truthful: e.truthful,
    truthOf: truthOf(s, e),
    note: e.note,
    day: e.day,
    at: e.at,
    status: e.status,
    points: e.points,
    reviewer: e.reviewer,
    footage: e.footage,
    published: e.published,
    applied: e.applied,
  }));
}

function journal(s: GameState): Record<string, FacilitatorEntry> {
  return memo(journalCache, s.journal, () => {
    const out: Record<string, FacilitatorEntry> = {};
    for (const e of Object.values(s.journal)) out[e.id] = entryFace(s, e);
    return out;
  });
}

function occurrences(s: GameState, entries: Record<string, FacilitatorEntry>): Record<string, FacilitatorOccurrence> {
  const hit = occurrencesCache.get(s.journal);
  if (hit && hit.occurrences === s.occurrences) return hit.faces;
  const recordedIn: Record<string, string[]> = {};
  for (const e of Object.values(entries)) if (e.truthOf) (recordedIn[e.truthOf] ??= []).push(e.id);
  const faces: Record<string, FacilitatorOccurrence> = {};
  for (const o of Object.values(s.occurrences)) faces[o.id] = occurrenceFace(o, recordedIn[o.id] ?? []);
  occurrencesCache.set(s.journal, { occurrences: s.occurrences, faces });
  return faces;
}

/** An occurrence's face, the same object while the occurrence and the entries it made true are (most events add neither). */
const occurrenceFaceCache = new WeakMap<Occurrence, FacilitatorOccurrence>();

function occurrenceFace(o: Occurrence, recordedIn: string[]): FacilitatorOccurrence {
  const hit = occurrenceFaceCache.get(o);
  if (hit && sameList(hit.recordedIn, recordedIn)) return hit;
  const face = { id: o.id, actor: o.actor, deed: o.deed, location: o.location, day: o.day, at: o.at, witnesses: o.witnesses.slice(), camera: o.camera, recordedIn };
  occurrenceFaceCache.set(o, face);
  return face;
}

function player(p: Player): FacilitatorPlayer {
  return memo(playerCache, p, () => ({
    seat: p.seat,
    nickname: p.nickname,
    bot: p.bot,
    role: p.role,
    location: p.location,
    scored: p.scored,
    score: p.score,
    grade: p.grade,
    blacklisted: p.blacklisted,
  }));
}

function appeal(a: Appeal): FacilitatorAppeal {
  return memo(appealCache, a, () => ({
    id: a.id, entry: a.entry, appellant: a.appellant, reason: a.reason, evidence: a.evidence, footage: a.footage,
    filedDay: a.filedDay, evenings: a.evenings, status: a.status, decidedBy: a.decidedBy, decidedDay: a.decidedDay,
  }));
}

function listings(s: GameState): FacilitatorListing[] {
  return memo(listingsCache, s.blacklist, () =>
    s.blacklist.map((r) => memo(listingCache, r, () => ({ seat: r.seat, day: r.day, by: r.by, entries: r.entries.slice(), wrongful: r.wrongful, active: r.active, removedDay: r.removedDay }))),
  );
}

/** Notes are only ever appended, so a note keeps its place and its id (`noteTextId`). */
function notes(s: GameState): FacilitatorNote[] {
  return grown(
    notesCache,
    s.notes,
    (all) => all.map((n, i) => noteFace(n, i)),
    (list, added, from) => [...list, ...added.map((n, i) => noteFace(n, from + i))],
  );
}

/** A note's face, kept on the note: it keeps its place, so its id never changes. */
function noteFace(n: GameState["notes"][number], index: number): FacilitatorNote {
  return memo(noteCache, n, () => ({ id: noteTextId(index), seat: n.seat, day: n.day, text: n.text }));
}

/*
 * The console's view is rebuilt at every patch: its sections are memoised on the records they
 * copy, so a section no event changed is the same object as last time and the room skips it.
 */
const playersCache = new WeakMap<GameState["players"], Record<SeatId, FacilitatorPlayer>>();
const appealsCache = new WeakMap<GameState["appeals"], Record<string, FacilitatorAppeal>>();
const extraTimeCache = new WeakMap<GameState["extraTime"], Record<SeatId, number>>();

function players(s: GameState): Record<SeatId, FacilitatorPlayer> {
  return memo(playersCache, s.players, () => {
    const out: Record<SeatId, FacilitatorPlayer> = {};
    for (const p of Object.values(s.players)) out[p.seat] = player(p);
    return out;
  });
}

function appeals(s: GameState): Record<string, FacilitatorAppeal> {
  return memo(appealsCache, s.appeals, () => {
    const out: Record<string, FacilitatorAppeal> = {};
    for (const a of Object.values(s.appeals)) out[a.id] = appeal(a);
    return out;
  });
}

const dealtCache = new WeakMap<GameState["scenario"], { playing: number; targets: Record<PlayingRole, number> }>();

/** The roles the seats taking part would be dealt now (the same object while nothing it reads changes). */
function dealt(s: GameState): Record<PlayingRole, number> {
  const playing = s.seats.filter((seat) => s.players[seat]?.role !== OBSERVER).length;
  return memo(dealtCache, s.scenario, () => ({ playing, targets: roleTargets(s.scenario, playing) }), (hit) => hit.playing === playing).targets;
}

export function facilitatorView(s: GameState, lobby: ViewLobby = NO_LOBBY): FacilitatorView {
  const entries = journal(s);
  return {
    kind: "facilitator",
    phase: s.phase,
    day: s.day,
    paused: s.paused,
    phaseEndsAt: s.phaseEndsAt,
    pausedLeft: s.pausedLeft,
    extraTime: memo(extraTimeCache, s.extraTime, () => ({ ...s.extraTime })),
    seats: copyOf(s.seats),
    players: players(s),
    occurrences: occurrences(s, entries),
    journal: entries,
    appeals: appeals(s),
    blacklist: listings(s),
    cards: memo(cardsCache, s.cards, () => s.cards.map((c) => ({ card: c.card, day: c.day }))),
    notes: notes(s),
    steppedOut: copyOf(lobby.steppedOut),
    hiddenTexts: copyOf(lobby.hiddenTexts),
    roleTargets: dealt(s),
  };
}
