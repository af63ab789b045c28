/**
 * Truth versus record: what really happened (occurrences) against what was written down,
 * scored and published (journal, blacklist, appeals). Pure and read-only over a final state.
 */
import type { Appeal, BlacklistRecord, GameState, JournalEntry, Occurrence, Statement } from "../rules/index.ts";

export type UnrecordedDeed = Pick<Occurrence, "id" | "actor" | "deed" | "location" | "day" | "camera"> & { witnessed: boolean };
export type FalseEntry = Pick<JournalEntry, "id" | "source" | "author" | "subject" | "deed" | "basis" | "day" | "status" | "points" | "published" | "applied" | "reviewer"> & {
  appeal: Appeal["status"] | null;
};
export type ShakyListing = Pick<BlacklistRecord, "seat" | "day" | "by" | "active" | "removedDay" | "wrongful"> & {
  /** Entries it rests on that were false, and that were hearsay. */
  falseEntries: string[];
  hearsayEntries: string[];
};
export type AppealFate = Pick<Appeal, "id" | "entry" | "appellant" | "reason" | "status" | "decidedBy" | "filedDay" | "decidedDay"> & {
  /** Evenings it waited in the queue (the days it took). */
  waitedEvenings: number;
  /** Whether the entry appealed was true. */
  entryTruthful: boolean | null;
  deed: string | null;
};

/** A witness statement an official asked for, with what the game knows: did it happen, was the answer true. */
export type StatementFate = Pick<Statement, "id" | "official" | "witness" | "entry" | "appeal" | "askedDay" | "status" | "answer" | "happened" | "truthful"> & {
  subject: string | null;
  deed: string | null;
  day: number | null;
};

export type TruthVsRecord = {
  unrecorded: UnrecordedDeed[];
  falseEntries: FalseEntry[];
  shakyListings: ShakyListing[];
  appeals: AppealFate[];
  statements: StatementFate[];
  totals: { deeds: number; entries: number; recorded: number; falseEntries: number; falsePublished: number; listings: number; wrongfulListings: number };
};

/**
 * A listing that rests on a false or a hearsay entry (or that the rules found wrongful): the
 * debrief's "who was blacklisted on hearsay", and the simulator's wrongful-blacklisting measure.
 */
export function shakyListing(game: GameState, r: BlacklistRecord): ShakyListing | null {
  const rests = r.entries.map((id) => game.journal[id]).filter((e): e is JournalEntry => !!e);
  const falseIds = rests.filter((e) => !e.truthful).map((e) => e.id);
  const hearsay = rests.filter((e) => e.basis === "hearsay").map((e) => e.id);
  if (!r.wrongful && falseIds.length === 0 && hearsay.length === 0) return null;
  return { seat: r.seat, day: r.day, by: r.by, active: r.active, removedDay: r.removedDay, wrongful: r.wrongful, falseEntries: falseIds, hearsayEntries: hearsay };
}

/** A deed counts as recorded when a true entry names its actor and deed on its day (or points at it). */
export function isRecorded(game: GameState): (o: Occurrence) => boolean {
  const entries = Object.values(game.journal);
  const recorded = new Set<string>();
  for (const e of entries) {
    if (!e.truthful) continue;
    if (e.occurrence) recorded.add(e.occurrence);
  }
  const claim = new Set(entries.filter((e) => e.truthful).map((e) => `${e.subject}|${e.deed}|${e.day}`));
  return (o) => recorded.has(o.id) || claim.has(`${o.actor}|${o.deed}|${o.day}`);
}

export function truthVsRecord(game: GameState): TruthVsRecord {
  const entries = Object.values(game.journal);
  const recorded = isRecorded(game);
  const unrecorded: UnrecordedDeed[] = [];
  let recordedCount = 0;
  for (const o of Object.values(game.occurrences)) {
    if (recorded(o)) {
      recordedCount++;
      continue;
    }
    unrecorded.push({ id: o.id, actor: o.actor, deed: o.deed, location: o.location, day: o.day, camera: o.camera, witnessed: o.witnesses.length > 0 });
  }
  const appealByEntry = new Map(Object.values(game.appeals).map((a) => [a.entry, a]));
  const falseEntries: FalseEntry[] = entries
    .filter((e) => !e.truthful)
    .map((e) => ({
      id: e.id, source: e.source, author: e.author, subject: e.subject, deed: e.deed, basis: e.basis, day: e.day, status: e.status,
      points: e.points, published: e.published, applied: e.applied, reviewer: e.reviewer, appeal: appealByEntry.get(e.id)?.status ?? null,
    }));
  const shakyListings = game.blacklist.map((r) => shakyListing(game, r)).filter((x): x is ShakyListing => x !== null);
  const appeals: AppealFate[] = Object.values(game.appeals).map((a) => {
    const e = game.journal[a.entry];
    return {
      id: a.id, entry: a.entry, appellant: a.appellant, reason: a.reason, status: a.status, decidedBy: a.decidedBy, filedDay: a.filedDay, decidedDay: a.decidedDay,
      waitedEvenings: a.evenings, entryTruthful: e ? e.truthful : null, deed: e?.deed ?? null,
    };
  });
  const statements: StatementFate[] = Object.values(game.statements).map((x) => {
    const e = game.journal[x.entry];
    return {
      id: x.id, official: x.official, witness: x.witness, entry: x.entry, appeal: x.appeal, askedDay: x.askedDay, status: x.status,
      answer: x.answer, happened: x.happened, truthful: x.truthful, subject: e?.subject ?? null, deed: e?.deed ?? null, day: e?.day ?? null,
    };
  });
  return {
    unrecorded,
    falseEntries,
    shakyListings,
    appeals,
    statements,
    totals: {
      deeds: Object.keys(game.occurrences).length,
      entries: entries.length,
      recorded: recordedCount,
      falseEntries: falseEntries.length,
      falsePublished: falseEntries.filter((e) => e.published).length,
      listings: game.blacklist.length,
      wrongfulListings: game.blacklist.filter((r) => r.wrongful).length,
    },
  };
}
