/**
 * The process's patch round (server/rooms/patchRound.ts): every room patches in turn, the sockets
 * get a turn between slices of a few milliseconds, a room that left is not patched, and rounds
 * longer than the patch interval run one after another, never interleaved. Real timers; rooms
 * stand in by their `patchTurn` (what the round asks of a room), each busy for a set time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { patchRound, type Patching } from "../../server/rooms/patchRound.ts";

/** Keeps the CPU busy for `ms`, as a room's patch does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

type Log = string[];

function room(name: string, log: Log, ms: number, during?: () => void): Patching {
  return {
    patchTurn() {
      log.push(name);
      during?.();
      busy(ms);
    },
  };
}

/** Resolves once `check` holds (polled between turns of the event loop). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const joined: Patching[] = [];
function join(...rooms: Patching[]): void {
  for (const r of rooms) {
    patchRound.join(r);
    joined.push(r);
  }
}

afterEach(() => {
  for (const r of joined.splice(0)) patchRound.leave(r);
});

describe("the patch round", () => {
  it("patches every room, again and again", async () => {
    const log: Log = [];
    join(room("a", log, 0), room("b", log, 0), room("c", log, 0));
    await until(() => log.filter((n) => n === "c").length >= 3);
    for (const name of ["a", "b", "c"]) expect(log.filter((n) => n === name).length).toBeGreaterThanOrEqual(3);
  });

  it("lets the sockets in between slices: a socket read queued by the first room runs before the third room's patch", async () => {
    const log: Log = [];
    // 3 ms each: a slice (4 ms) ends after the first or the second room, so the loop turns before the third
    const first = room("first", log, 3, () => setImmediate(() => log.push("io")));
    join(first, room("second", log, 3), room("third", log, 3));
    await until(() => log.includes("third"));
    expect(log.indexOf("io")).toBeGreaterThan(log.indexOf("first"));
    expect(log.indexOf("io")).toBeLessThan(log.indexOf("third"));
  });

  it("stops patching a room that left", async () => {
    const log: Log = [];
    const leaving = room("leaving", log, 0);
    join(leaving, room("staying", log, 0));
    await until(() => log.includes("leaving"));
    patchRound.leave(leaving);
    const at = log.length;
    await until(() => log.slice(at).filter((n) => n === "staying").length >= 3);
    expect(log.slice(at)).not.toContain("leaving");
  });

  it("runs a round longer than the patch interval to its end before the next begins", async () => {
    const log: Log = [];
    // 12 rooms × 6 ms = 72 ms a round, more than the 50 ms interval
    const names = Array.from({ length: 12 }, (_, i) => `r${i}`);
    join(...names.map((name) => room(name, log, 6)));
    await until(() => log.filter((n) => n === "r11").length >= 3);
    const rounds = log.slice(0, names.length * 3);
    expect(rounds).toEqual([...names, ...names, ...names]);
  });
});
