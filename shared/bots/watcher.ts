/**
 * Watchers' policies. An honest watcher goes where people are and journals what they saw, as
 * they saw it (in whatever phase they saw it). A zealous watcher journals every bad deed they
 * saw, turns a good one into a bad one now and then (at most once a day), and adds a tale a day
 * about a low-scored neighbour (hearsay).
 */
import type { ResidentView } from "../rules/index.ts";
import { pick } from "../rules/index.ts";
import { chance, gradedOthers, lowScorer, recordableDeeds, type BotChoice, type BotInput, type Offer } from "./context.ts";
import { moveTo, residentBot } from "./resident.ts";

const ENTRIES_PER_DAY = 4;
/** The chance, each turn, that a zealous watcher turns a good deed they saw into the day's one invented bad deed. */
const INVENT_CHANCE = 0.12;
/** The chance, each daytime turn, that a zealous watcher files the day's one hearsay entry now. */
const HEARSAY_CHANCE = 0.3;

export function watcherBot(input: BotInput<ResidentView>): BotChoice {
  const { scenario: sc, view: v, personality, rng } = input;
  const zealous = personality === "zealous_watcher";
  const daytime = v.board.phase === "day";
  const deedOf = (id: string) => sc.deeds.find((d) => d.id === id);
  const written = new Set(v.myEntries.map((e) => e.occurrence));
  const today = v.myEntries.filter((e) => e.day === v.board.day).length;
  // Sometime in the day the zealous watcher files one tale about a low scorer (hearsay).
  const heardToday = v.myEntries.some((e) => e.day === v.board.day && e.basis === "hearsay");
  if (zealous && daytime && !heardToday && chance(rng, HEARSAY_CHANCE)) {
    const target = lowScorer(rng, v.board.players.filter((p) => p.seat !== v.me.seat && p.grade !== null && p.role === "resident"));
    const deed = pick(rng, sc.deeds.filter((x) => x.category === "bad" && x.source === "action"));
    if (target && deed) return { kind: "write_entry", subject: target.seat, deed: deed.id, basis: "hearsay", note: "" };
  }
  // A watcher has a day's worth of time: a handful of entries, newest observations first.
  const seen = new Map(v.observations.map((o) => [o.id, o.deed]));
  const inventedToday = v.myEntries.some((e) => e.day === v.board.day && e.occurrence !== null && seen.get(e.occurrence) !== e.deed);
  for (const o of today >= ENTRIES_PER_DAY ? [] : v.observations.filter((x) => x.day === v.board.day)) {
    if (written.has(o.id)) continue;
    const d = deedOf(o.deed);
    if (!d || d.points === 0 || d.source === "system") continue;
    if (d.category === "good" && zealous) {
      // The zealous watcher writes up a good deed as a bad one (a false entry) — at most once a day.
      const bad = pick(rng, sc.deeds.filter((x) => x.category === "bad" && x.source === "action" && (x.locations.length === 0 || x.locations.includes(o.location))));
      if (bad && !inventedToday && chance(rng, INVENT_CHANCE)) return { kind: "write_entry", subject: o.actor, deed: bad.id, basis: "witnessed", occurrence: o.id, note: "" };
      continue;
    }
    return { kind: "write_entry", subject: o.actor, deed: o.deed, basis: "witnessed", occurrence: o.id, note: "" };
  }
  // Outside the day a watcher writes up what they saw, then lives like any resident.
  if (!daytime) return residentBot({ ...input, personality: "conformist" });
  // Go where the residents are and no other watcher is.
  const counts = new Map<string, number>();
  for (const p of v.board.players) if (p.role === "resident") counts.set(p.location, (counts.get(p.location) ?? 0) + 1);
  for (const p of v.board.players) if (p.role === "watcher" && p.seat !== v.me.seat) counts.set(p.location, -1);
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (busiest && busiest !== v.me.location && chance(rng, 0.6)) {
    const m = moveTo(sc, v, busiest);
    if (m) return m;
  }
  return chance(rng, 0.3) ? residentBot({ ...input, personality: "conformist" }) : null;
}

/** A watcher's journal: what they observed (prompted), or hearsay about anyone (always open). */
export const JOURNAL_OFFERS: readonly Offer<ResidentView>[] = [
  {
    kind: "write_entry",
    prompted: true,
    *list(_sc, v) {
      for (const o of v.observations) if (o.actor !== v.me.seat) yield { kind: "write_entry", subject: o.actor, deed: o.deed, basis: "witnessed", occurrence: o.id, note: "" };
    },
  },
  {
    kind: "write_entry",
    *list(sc, v) {
      for (const p of gradedOthers(v)) for (const d of recordableDeeds(sc)) yield { kind: "write_entry", subject: p.seat, deed: d.id, basis: "hearsay", note: "" };
    },
  },
];
