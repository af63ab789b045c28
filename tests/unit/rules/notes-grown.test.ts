/**
 * Observers' notes in the views are extended note by note (memo.ts `grown`), not rebuilt from the
 * whole list: after every note, every observer's and the facilitator's view equals the one built
 * from scratch (the same state copied, so no cache knows its lists), and a branch — the room
 * rolling back to the stored session and writing another note — is right too.
 */
import { describe, expect, it } from "vitest";
import { viewFor, type GameState } from "../../../shared/rules/index.ts";
import { grown, grownCache } from "../../../shared/rules/memo.ts";
import { HOST, ok, town } from "./helpers.ts";

const OBSERVERS = ["ob1", "ob2", "ob3"];

function notesOf(s: GameState) {
  const byViewer = Object.fromEntries(OBSERVERS.map((seat) => [seat, (viewFor(s, { kind: "seat", seat }) as { myNotes?: unknown }).myNotes]));
  return { ...byViewer, host: (viewFor(s, { kind: "host" }) as { notes: unknown }).notes };
}

/** The same state with fresh objects: every view of it is built, none extended. */
function fresh(s: GameState): GameState {
  return structuredClone(s);
}

describe("observers' notes in the views", () => {
  it("equal the views built from scratch after every note, and after a branch", () => {
    let s = town();
    for (const seat of OBSERVERS) s = ok(s, HOST, { kind: "add_seat", seat, nickname: seat.toUpperCase() });
    const states: GameState[] = [];
    for (let i = 0; i < 40; i++) {
      s = ok(s, OBSERVERS[(i * 7) % OBSERVERS.length]!, { kind: "write_note", text: `note ${i}` });
      states.push(s);
      expect(notesOf(s)).toEqual(notesOf(fresh(s)));
    }
    expect((notesOf(s).host as unknown[]).length).toBe(40);
    // a branch from the 20th note (a rollback, then a different note)
    const branch = ok(states[19]!, "ob2", { kind: "write_note", text: "another" });
    expect(notesOf(branch)).toEqual(notesOf(fresh(branch)));
    expect((notesOf(branch).host as { id: string; text: string }[]).at(-1)).toMatchObject({ id: "note-20", text: "another" });
  });

  it("are right when several notes arrive between two looks (a patch after a burst)", () => {
    let s = town();
    for (const seat of OBSERVERS) s = ok(s, HOST, { kind: "add_seat", seat, nickname: seat.toUpperCase() });
    s = ok(s, "ob1", { kind: "write_note", text: "first" });
    const first = notesOf(s) as Record<string, unknown[]>;
    for (let i = 0; i < 5; i++) s = ok(s, OBSERVERS[i % 3]!, { kind: "write_note", text: `burst ${i}` });
    const after = notesOf(s) as Record<string, unknown[]>;
    expect(after).toEqual(notesOf(fresh(s)));
    expect(after.host![0]).toBe(first.host![0]);
    expect(after.ob1![0]).toBe(first.ob1![0]);
  });

  it("keep the faces of earlier notes, and every other observer's list, as they were", () => {
    let s = town();
    for (const seat of OBSERVERS) s = ok(s, HOST, { kind: "add_seat", seat, nickname: seat.toUpperCase() });
    s = ok(ok(s, "ob1", { kind: "write_note", text: "one" }), "ob2", { kind: "write_note", text: "two" });
    const before = notesOf(s) as Record<string, unknown[]>;
    const after = notesOf(ok(s, "ob1", { kind: "write_note", text: "three" })) as Record<string, unknown[]>;
    expect(after.ob2).toBe(before.ob2);
    expect(after.ob1![0]).toBe(before.ob1![0]);
    expect(after.host!.slice(0, 2)).toEqual(before.host);
    expect(after.host![0]).toBe(before.host![0]);
  });
});

describe("grown", () => {
  it("extends the value of a list it grew from, by one element or several; builds any other", () => {
    const cache = grownCache<{ n: number }, number[]>();
    let builds = 0;
    const build = (list: readonly { n: number }[]) => {
      builds++;
      return list.map((e) => e.n);
    };
    const extend = (before: number[], added: readonly { n: number }[]) => [...before, ...added.map((e) => e.n)];
    const a = [{ n: 1 }, { n: 2 }];
    expect(grown(cache, a, build, extend)).toEqual([1, 2]);
    const b = [...a, { n: 3 }];
    expect(grown(cache, b, build, extend)).toEqual([1, 2, 3]);
    // grown by two at once (two notes between patches)
    const c = [...b, { n: 4 }, { n: 5 }];
    expect(grown(cache, c, build, extend)).toEqual([1, 2, 3, 4, 5]);
    expect(builds).toBe(1);
    // a copy with new objects (a replayed game): built, not mistaken for c's growth
    const d = [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }, { n: 9 }];
    expect(grown(cache, d, build, extend)).toEqual([1, 2, 3, 4, 5, 9]);
    expect(builds).toBe(2);
  });
});
