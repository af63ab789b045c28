/** The god view's truth-vs-record helpers: which occurrence makes an entry true, and the filters. */
import { describe, expect, it } from "vitest";
import { entriesAbout, matchingOccurrence, NO_FILTER, passes } from "../../../client/host/truth.ts";
import type { JournalEntry, Occurrence, Player } from "../../../shared/rules/state.ts";

const occ = (id: string, actor: string, deed: string, day = 1): Occurrence => ({ id, actor, deed, location: "park", day, at: 0, witnesses: ["w"], camera: false });
const state = {
  occurrences: { o1: occ("o1", "ann", "litter"), o2: occ("o2", "ben", "jaywalk", 2) },
  players: { ann: { role: "resident" } as Player, ben: { role: "resident" } as Player, w: { role: "watcher" } as Player },
};

describe("truth against record", () => {
  it("an entry is true when its subject really did the deed, false otherwise", () => {
    expect(matchingOccurrence(state, { subject: "ann", deed: "litter", occurrence: null })?.id).toBe("o1");
    // pointing at someone else's deed but naming Ann: still true only because Ann did litter
    expect(matchingOccurrence(state, { subject: "ann", deed: "litter", occurrence: "o2" })?.id).toBe("o1");
    expect(matchingOccurrence(state, { subject: "ben", deed: "litter", occurrence: "o1" })).toBeNull();
    expect(matchingOccurrence(state, { subject: "ann", deed: "jaywalk", occurrence: null })).toBeNull();
  });

  it("finds the entries that record an occurrence", () => {
    const journal = {
      e1: { id: "e1", subject: "ann", deed: "litter" } as JournalEntry,
      e2: { id: "e2", subject: "ben", deed: "litter" } as JournalEntry,
    };
    expect(entriesAbout(journal, state.occurrences.o1).map((e) => e.id)).toEqual(["e1"]);
    expect(entriesAbout(journal, state.occurrences.o2)).toEqual([]);
  });

  it("filters by player, by the role of anyone involved, and by day", () => {
    expect(passes(state, NO_FILTER, ["ann"], 1)).toBe(true);
    expect(passes(state, { ...NO_FILTER, player: "ben" }, ["ann", "w"], 1)).toBe(false);
    expect(passes(state, { ...NO_FILTER, role: "watcher" }, ["ann", "w"], 1)).toBe(true);
    expect(passes(state, { ...NO_FILTER, role: "official" }, ["ann", "w"], 1)).toBe(false);
    expect(passes(state, { ...NO_FILTER, day: "2" }, ["ann"], 1)).toBe(false);
    expect(passes(state, { ...NO_FILTER, day: "2" }, ["ann"], null)).toBe(true);
  });
});
