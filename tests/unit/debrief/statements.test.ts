/** The debrief and witness statements: their events are a timeline kind, and truth vs record says which answers were true. */
import { describe, expect, it } from "vitest";
import { buildReplay, filterTimeline, kindOf, truthVsRecord } from "../../../shared/debrief/index.ts";
import { pilot } from "../rules/helpers.ts";
import { simLog } from "./fixture.ts";

describe("witness statements in the debrief", () => {
  const log = simLog(pilot(), 30, 2);
  const replay = buildReplay(log);
  const g = replay.final.game;

  it("bot games ask for statements and footage, and witnesses answer within the phase", () => {
    const all = Object.values(g.statements);
    expect(all.length).toBeGreaterThan(0);
    expect(Object.keys(g.footage).length).toBeGreaterThan(0);
    expect(all.some((x) => x.status === "answered")).toBe(true);
    expect(all.every((x) => x.status !== "open")).toBe(true);
  });

  it("truth vs record lists every statement with whether it was true, as the game fixed it", () => {
    const truth = truthVsRecord(g);
    expect(truth.statements.map((x) => x.id).sort()).toEqual(Object.keys(g.statements).sort());
    // the game has answers whose truth the loop below checks, not only unanswered requests
    expect(truth.statements.filter((x) => x.answer === "saw_it" || x.answer === "did_not").length).toBeGreaterThan(0);
    for (const x of truth.statements) {
      const e = g.journal[x.entry]!;
      expect(x).toMatchObject({ subject: e.subject, deed: e.deed, day: e.day });
      if (x.status !== "answered") expect(x.truthful).toBeNull();
      // "it happened" is true exactly when the subject did the deed that day
      const happened = Object.values(g.occurrences).some((o) => o.actor === e.subject && o.deed === e.deed && o.day === e.day);
      if (x.answer === "saw_it") expect(x.truthful).toBe(happened);
      if (x.answer === "did_not") expect(x.truthful).toBe(!happened);
    }
  });

  it("their events are the timeline's evidence kind, concerning the official and the witness", () => {
    for (const type of ["statement_asked", "statement_given", "statements_expired", "footage_checked"]) expect(kindOf(type)).toBe("evidence");
    const given = filterTimeline(replay.marks, { kind: "evidence" }, () => null).filter((m) => m.type === "statement_given");
    expect(given.length).toBeGreaterThan(0);
    const witnesses = new Set(Object.values(g.statements).map((x) => x.witness));
    for (const m of given) expect(m.seats.some((s) => witnesses.has(s))).toBe(true);
  });
});
