/**
 * Property tests: random command sequences from random actors, with the rules' invariants
 * checked after every step. Failing seeds found along the way are kept in REGRESSIONS
 * (regressions.ts) and replayed first.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOST, apply, createRng, gradeFor, newGame, replay, standingFor, viewFor, type Actor, type GameEvent, type GameState } from "../../../shared/rules/index.ts";
import { CONTRACT, decide, type Command, type Sender, type Spec } from "../../../shared/commands/index.ts";
import type { Scenario } from "../../../shared/scenario/index.ts";
import { actorFor, commandFor, type Choice } from "./commandgen.ts";
import { loadScenario } from "./helpers.ts";
import { assertFormsAgree } from "./forms.ts";
import { assertNoLeak } from "./leaks.ts";
import { REGRESSIONS, type Regression } from "./regressions.ts";

function allowedByGate(s: GameState, actor: Actor, spec: Spec): boolean {
  if (!spec.phases.includes(s.phase)) return false;
  if (actor.kind !== "seat") return spec.who.includes(actor.kind as Sender);
  const role = s.players[actor.seat]?.role;
  return !!role && spec.who.includes(role);
}

function checkInvariants(s: GameState, log: readonly GameEvent[]): void {
  const start = s.scenario.scoring.startScore;
  const deltas: Record<string, number> = {};
  const entryDelta: Record<string, number> = {};
  for (const e of log) {
    if (e.type !== "score_changed") continue;
    deltas[e.seat] = (deltas[e.seat] ?? 0) + e.delta;
    if (e.cause.kind === "entry") entryDelta[e.cause.entry] = e.delta;
    // Reversing a deed restores exactly its delta.
    if (e.cause.kind === "reversal") expect(e.delta).toBe(-(entryDelta[e.cause.entry] ?? Number.NaN));
  }
  for (const seat of s.seats) {
    const p = s.players[seat]!;
    expect(p.score).toBe(start + (deltas[seat] ?? 0));
    expect(p.grade).toBe(gradeFor(s.scenario, p.score).id);
    const standing = standingFor(s.scenario, p.grade, p.blacklisted);
    expect(p.perks).toEqual(standing.perks);
    expect(p.restrictions).toEqual(standing.restrictions);
    expect(p.ap).toBeGreaterThanOrEqual(0);
    expect(p.money).toBeGreaterThanOrEqual(0);
  }
}

/**
 * Fails, with a diff, unless `actual` still serialises to the copy taken before the step. The
 * state is plain JSON data (state.ts), so its JSON text is a deep copy, and the quickest one to
 * take and compare at every step of every run; vitest's matcher only runs to show the diff.
 */
function expectUnchanged(actual: GameState, copy: string, message: string): void {
  const now = snapshot(actual);
  if (now !== copy) expect(JSON.parse(now), message).toStrictEqual(JSON.parse(copy));
}

/**
 * The state's JSON text without its rulebook: the scenario is most of the text and only a rule
 * change replaces it, so each run checks the rulebook it was given once, at its end.
 */
function snapshot(s: GameState): string {
  const { scenario: _rulebook, ...rest } = s;
  return JSON.stringify(rest);
}

interface Sequence {
  log: GameEvent[];
  /** every command the run sent, in order, with its sender */
  sent: { actor: Actor; command: Command }[];
}

function runSequence(scenario: Scenario, seed: number, choices: Choice[]): Sequence {
  const rulebook = JSON.stringify(scenario);
  const ctx = { now: 0, rng: createRng(seed) };
  let s = newGame(scenario);
  const log: GameEvent[] = [];
  const sent: Sequence["sent"] = [];
  const step = (actor: Actor, command: Command) => {
    sent.push({ actor, command });
    ctx.now += 1000 + (seed % 7) * 10_000;
    // A deep copy taken before the command: comparing with `s` itself could never fail.
    const copy = snapshot(s);
    const d = decide(s, actor, command, ctx);
    // No command outside role or phase is accepted (so none changes state).
    if (!allowedByGate(s, actor, CONTRACT[command.kind])) expect(d.ok, `${actor.kind} ${command.kind} in ${s.phase}`).toBe(false);
    expectUnchanged(s, copy, `decide(${command.kind}) wrote into the state it was given`);
    const prev = s;
    if (d.ok) {
      for (const e of d.events) {
        s = apply(s, e);
        log.push(e);
      }
      expectUnchanged(prev, copy, `applying the events of ${command.kind} wrote into the state they were applied to`);
    } else {
      // A rejected command changes nothing.
      expect(d, `refused ${command.kind} carries events`).not.toHaveProperty("events");
      expectUnchanged(s, copy, `refused ${command.kind} changed the state`);
    }
  };
  for (let i = 0; i < 8; i++) step(HOST, { kind: "add_seat", seat: `s${i}`, nickname: `P${i}`, bot: null });
  choices.forEach((c, i) => {
    const actor = actorFor(s, c);
    step(actor, commandFor(s, actor, c));
    if (i === 4 && s.phase === "lobby") step(HOST, { kind: "start" });
    checkInvariants(s, log);
    if (i % 10 === 0 || i === choices.length - 1) {
      for (const seat of s.seats) assertNoLeak(s, seat, viewFor(s, { kind: "seat", seat }));
      assertNoLeak(s, "board", viewFor(s, { kind: "board" }));
      // what the views offer the forms is what decide accepts; the god view's truth is the record's
      assertFormsAgree(s);
    }
  });
  // Replaying the log from the start rebuilds an identical state.
  expect(replay(scenario, log)).toEqual(s);
  expect(JSON.stringify(scenario), "the rulebook a game was given changed during the run").toBe(rulebook);
  return { log, sent };
}

function countEvents(log: readonly GameEvent[], into: Record<string, number>): void {
  for (const e of log) {
    const key = e.type === "score_changed" ? `score_changed:${e.cause.kind}` : e.type;
    into[key] = (into[key] ?? 0) + 1;
  }
}

const SEED = Number(process.env.FC_SEED ?? 20261122);
const choice = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()) as fc.Arbitrary<Choice>;
const sequence = fc.tuple(fc.nat(), fc.array(choice, { minLength: 150, maxLength: 400 }));

/** The pilot with grades a few points apart, so random runs reach every grade and the blacklist. */
function tightPilot(): Scenario {
  const s = loadScenario("rongcheng-pilot");
  const mins = [1010, 1005, 1000, 995, 990, null];
  return { ...s, id: "tight-pilot", grades: s.grades.map((g, i) => ({ ...g, min: mins[i] ?? null })) };
}

const SCENARIOS = ["rongcheng-pilot", "tight-pilot", "court-blacklist", "commercial-credit", "quick-demo"];

/** Throws fast-check's report, led by the REGRESSIONS entry that replays the failure. */
function report<Ts>(id: string, details: fc.RunDetails<Ts>, replaying?: Regression): void {
  if (!details.failed) return;
  const entry = `{ scenario: "${id}", seed: ${details.seed}, path: "${details.counterexamplePath}", note: "<what went wrong>" },`;
  const lead = replaying
    ? `REGRESSIONS entry ${JSON.stringify(replaying)} fails again`
    : `add to REGRESSIONS in tests/unit/rules/regressions.ts:\n  ${entry}`;
  const cause = details.errorInstance;
  const why = cause instanceof Error ? cause.message : String(cause);
  // fast-check's report gives the counterexample, not what failed on it: the cause does.
  throw new Error(`${lead}\n${why}\n${fc.defaultReportMessage(details) ?? ""}`, { cause });
}

/** Replays `id`'s entries of `list`, each at its seed and path: one run, the counterexample. */
function replayRegressions<Ts>(property: fc.IProperty<Ts>, id: string, list: readonly Regression[]): void {
  for (const r of list.filter((x) => x.scenario === id)) {
    report(id, fc.check(property, { seed: r.seed, path: r.path, numRuns: 1, endOnFailure: true }), r);
  }
}

/** The regressions of `id`, then `numRuns` random runs from `seed`; a failure names its entry. */
function holds<Ts>(property: fc.IProperty<Ts>, id: string, params: { seed: number; numRuns: number }, list = REGRESSIONS): void {
  replayRegressions(property, id, list);
  report(id, fc.check(property, params));
}

/**
 * Runs the property tests of one scenario and counts the event types they produced. Memoised,
 * so that the test of what the runs reach reuses the runs of the tests above it when they have
 * run, and runs them itself when it runs alone: it asserts the same either way.
 */
const counted = new Map<string, Record<string, number>>();
function randomRuns(id: string): Record<string, number> {
  const known = counted.get(id);
  if (known) return known;
  const scenario = id === "tight-pilot" ? tightPilot() : loadScenario(id);
  const seen: Record<string, number> = {};
  const property = fc.property(sequence, ([seed, choices]) => countEvents(runSequence(scenario, seed, choices).log, seen));
  // A fixed seed keeps CI reproducible; FC_SEED=<n> explores other sequences locally.
  holds(property, id, { numRuns: id === "rongcheng-pilot" ? 50 : 20, seed: SEED });
  counted.set(id, seen); // only once every run passed
  return seen;
}

describe.each(SCENARIOS)("rules invariants: %s", (id) => {
  // a fixed amount of pure work (50 or 20 runs): alone 20–60 s, but up to 140 s with two suites on two cores
  it("hold over random command sequences from random roles", { timeout: 360_000 }, () => {
    expect(Object.keys(randomRuns(id)).length, "the runs produced no events").toBeGreaterThan(0);
  });
});

describe("the random runs", () => {
  it("reach publication, grades, reversals, appeals, loans, blacklists and the end", { timeout: 360_000 }, () => {
    const seen: Record<string, number> = {};
    for (const id of SCENARIOS) for (const [type, n] of Object.entries(randomRuns(id))) seen[type] = (seen[type] ?? 0) + n;
    for (const type of ["entry_published", "score_changed:entry", "score_changed:reversal", "appeal_filed", "appeal_decided", "loan_opened", "blacklisted", "card_drawn", "paused", "game_ended", "rule_changed"]) {
      expect(seen[type] ?? 0, `${type} in ${JSON.stringify(seen)}`).toBeGreaterThan(0);
    }
  });
});

describe("REGRESSIONS replay", () => {
  /** The commands one run sends, the run picked by fast-check's seed and path. */
  function commandsAt(seed: number, path: string): Sequence["sent"] {
    const scenario = loadScenario("quick-demo");
    let sent: Sequence["sent"] = [];
    const property = fc.property(sequence, ([s, choices]) => {
      sent = runSequence(scenario, s, choices).sent;
    });
    report("quick-demo", fc.check(property, { seed, path, numRuns: 1, endOnFailure: true }));
    return sent;
  }

  it("a seed and path give the same command sequence every time", () => {
    const once = commandsAt(SEED, "3");
    expect(once.length).toBeGreaterThanOrEqual(150);
    expect(commandsAt(SEED, "3")).toEqual(once);
    expect(commandsAt(SEED, "4")).not.toEqual(once);
  });

  it("a failure prints the entry to add, and that entry replays the same counterexample first", () => {
    // A property that fails for one sequence in three, so the random runs find a failure.
    const failsOnThirds = ([seed]: [number, Choice[]]) => seed % 3 !== 0;
    let message = "";
    try {
      holds(fc.property(sequence, failsOnThirds), "demo", { seed: SEED, numRuns: 50 }, []);
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    const printed = /\{ scenario: "demo", seed: (-?\d+), path: "([\d:]+)", note: /.exec(message);
    expect(printed, message).not.toBeNull();
    const entry: Regression = { scenario: "demo", seed: Number(printed![1]), path: printed![2]!, note: "demo" };
    expect(entry.seed).toBe(SEED);

    const tried: [number, Choice[]][] = [];
    const recording = fc.property(sequence, (v) => {
      tried.push(v);
      return failsOnThirds(v);
    });
    // Entries of other scenarios are not replayed; this one is, and fails again at once.
    replayRegressions(recording, "other", [entry]);
    expect(tried).toEqual([]);
    expect(() => replayRegressions(recording, "demo", [entry])).toThrow(/REGRESSIONS entry .* fails again/);
    expect(tried).toHaveLength(1);
    expect(tried[0]![0] % 3).toBe(0);
    // The same counterexample every time.
    const first = tried[0];
    expect(() => replayRegressions(recording, "demo", [entry])).toThrow(/fails again/);
    expect(tried[1]).toEqual(first);
  });
});
