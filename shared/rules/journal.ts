/**
 * The watchers' journal and everything else that writes to it: a watcher's entry (witnessed,
 * linked to something they saw, or hearsay), a resident's report about a neighbour, and a
 * camera's automatic flag. Entries may be untrue; the game fixes the truth of each entry when
 * it is written and never shows it to players.
 */
import type { Deed } from "../scenario/index.ts";
import type { CommandOf } from "../commands/contract.ts";
import { NOTE_MAX } from "./actor.ts";
import { accept, reject, type Ctx, type Decision } from "./context.ts";
import type { GameEvent } from "./events.ts";
import { Reasons } from "../reasons.ts";
import { pick } from "./rng.ts";
import { memo } from "./memo.ts";
import type { GameState, JournalEntry, Occurrence, SeatId } from "./state.ts";

/*
 * Bots and the simulator ask the rules about many commands they may not send (every report of
 * every bad deed about every neighbour), so what a command looks up across the whole game is
 * indexed once per version of the record it comes from, not searched at every question.
 */

/** The deeds each seat has done, memoised on the occurrences. */
const deedsDoneCache = new WeakMap<GameState["occurrences"], Map<SeatId, Set<string>>>();

/** Did `seat` really do `deed` at some point so far? */
export function hasDone(s: GameState, seat: SeatId, deed: string): boolean {
  const done = memo(deedsDoneCache, s.occurrences, () => {
    const bySeat = new Map<SeatId, Set<string>>();
    for (const o of Object.values(s.occurrences)) {
      let deeds = bySeat.get(o.actor);
      if (!deeds) bySeat.set(o.actor, (deeds = new Set()));
      deeds.add(o.deed);
    }
    return bySeat;
  });
  return done.get(seat)?.has(deed) ?? false;
}

/** Each author's entries by the day they were written ("author|day"), memoised on the journal. */
const entriesByDayCache = new WeakMap<GameState["journal"], Map<string, JournalEntry[]>>();

function entriesOfToday(s: GameState, author: SeatId): readonly JournalEntry[] {
  const byDay = memo(entriesByDayCache, s.journal, () => {
    const index = new Map<string, JournalEntry[]>();
    for (const e of Object.values(s.journal)) {
      const key = `${e.author}|${e.day}`;
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    }
    return index;
  });
  return byDay.get(`${author}|${s.day}`) ?? [];
}

/** A deed the journal can hold: chosen by people (not the bank's) and worth points. */
export function recordable(s: GameState, deedId: string): Deed | null {
  const d = s.scenario.deeds.find((x) => x.id === deedId);
  return d && d.source !== "system" && d.points !== 0 ? d : null;
}

/** Every deed the journal can hold, in rulebook order: what the entry, report and rule-change forms offer. */
export function recordableDeeds(s: GameState): string[] {
  return s.scenario.deeds.filter((d) => recordable(s, d.id) !== null).map((d) => d.id);
}

function baseEntry(s: GameState, ctx: Ctx): Omit<JournalEntry, "source" | "author" | "subject" | "deed" | "basis" | "occurrence" | "truthful" | "note"> {
  return {
    id: `e${s.nextId}`,
    day: s.day,
    at: ctx.now,
    status: "pending",
    points: null,
    reviewer: null,
    footage: null,
    applied: false,
    published: false,
  };
}

/** A camera's flag: usually right, sometimes (the scenario's error rate) it names someone else. */
export function cameraFlag(s: GameState, o: Occurrence, ctx: Ctx): GameEvent {
  let subject = o.actor;
  if (s.scenario.cameras.errorRate > 0 && ctx.rng.next() < s.scenario.cameras.errorRate) {
    const others = s.seats.filter((x) => x !== o.actor && s.players[x]?.scored);
    subject = pick(ctx.rng, others) ?? o.actor;
  }
  return {
    type: "entry_written",
    entry: {
      ...baseEntry(s, ctx),
      source: "camera",
      author: null,
      subject,
      deed: o.deed,
      basis: "witnessed",
      occurrence: o.id,
      truthful: subject === o.actor || hasDone(s, subject, o.deed),
      note: "",
    },
  };
}

function subjectCheck(s: GameState, author: SeatId, subject: SeatId): Decision | null {
  const p = s.players[subject];
  if (!p?.scored) return reject(Reasons.unknown_subject);
  if (subject === author) return reject(Reasons.self_subject);
  return null;
}

export function writeEntry(s: GameState, seat: SeatId, c: CommandOf<"write_entry">, ctx: Ctx): Decision {
  const bad = subjectCheck(s, seat, c.subject);
  if (bad) return bad;
  if (!recordable(s, c.deed)) return reject(Reasons.deed_not_recordable);
  const note = c.note ?? "";
  if (typeof note !== "string" || note.length > NOTE_MAX) return reject(Reasons.note_too_long);
  let occurrence: string | null = null;
  let truthful: boolean;
  if (c.basis === "witnessed") {
    const o = c.occurrence ? s.occurrences[c.occurrence] : undefined;
    if (!o || !o.witnesses.includes(seat)) return reject(Reasons.not_witnessed);
    const dup = Object.values(s.journal).some(
      (e) => e.author === seat && e.occurrence === o.id && e.subject === c.subject && e.deed === c.deed,
    );
    if (dup) return reject(Reasons.already_recorded);
    occurrence = o.id;
    truthful = (o.actor === c.subject && o.deed === c.deed) || hasDone(s, c.subject, c.deed);
  } else if (c.basis === "hearsay") {
    const dup = Object.values(s.journal).some(
      (e) => e.author === seat && e.day === s.day && e.subject === c.subject && e.deed === c.deed,
    );
    if (dup) return reject(Reasons.already_recorded);
    truthful = hasDone(s, c.subject, c.deed);
  } else {
    return reject(Reasons.invalid_command);
  }
  return accept([
    {
      type: "entry_written",
      entry: { ...baseEntry(s, ctx), source: "watcher", author: seat, subject: c.subject, deed: c.deed, basis: c.basis, occurrence, truthful, note },
    },
  ]);
}

export function report(s: GameState, seat: SeatId, c: CommandOf<"report">, ctx: Ctx): Decision {
  if (!s.scenario.reporting.enabled) return reject(Reasons.reporting_disabled);
  const bad = subjectCheck(s, seat, c.subject);
  if (bad) return bad;
  if (!recordable(s, c.deed)) return reject(Reasons.deed_not_recordable);
  const mine = entriesOfToday(s, seat);
  if (mine.some((e) => e.subject === c.subject && e.deed === c.deed)) return reject(Reasons.already_recorded);
  // The tip line takes one report a day from each resident: informing is a choice, not a flood.
  if (mine.length > 0) return reject(Reasons.reported_today);
  return accept([
    {
      type: "entry_written",
      entry: {
        ...baseEntry(s, ctx),
        source: "report",
        author: seat,
        subject: c.subject,
        deed: c.deed,
        basis: "hearsay",
        occurrence: null,
        truthful: hasDone(s, c.subject, c.deed),
        note: "",
      },
    },
  ]);
}
