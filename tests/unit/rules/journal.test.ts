import { describe, expect, it } from "vitest";
import { HOST, ok, pilot, rejected, run, to, town } from "./helpers.ts";
import type { GameState } from "../../../shared/rules/index.ts";

/** r1 litters in the park in front of watcher w1. */
function littered(): { s: GameState; occurrence: string } {
  let s = to(town(), "day");
  s = ok(s, "w1", { kind: "move", to: "park" });
  s = ok(s, "r1", { kind: "move", to: "park" });
  s = ok(s, "r1", { kind: "act", action: "litter" });
  return { s, occurrence: Object.keys(s.occurrences)[0]! };
}

describe("write_entry", () => {
  it("a witnessed entry about what was seen is true", () => {
    const { s, occurrence } = littered();
    const next = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence, note: "saw it" });
    const entry = Object.values(next.journal)[0];
    expect(entry).toMatchObject({ author: "w1", subject: "r1", deed: "litter", truthful: true, status: "pending", note: "saw it" });
    rejected(next, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence }, "already_recorded");
  });

  it("a watcher can lie: a witnessed entry naming the wrong person or deed is false", () => {
    const { s, occurrence } = littered();
    const next = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "litter", basis: "witnessed", occurrence });
    expect(Object.values(next.journal)[0]!.truthful).toBe(false);
    const worse = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "spread_rumour", basis: "witnessed", occurrence });
    expect(Object.values(worse.journal)[0]!.truthful).toBe(false);
  });

  it("hearsay needs no observation and is true only if it happened", () => {
    const { s } = littered();
    const t = ok(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" });
    expect(Object.values(t.journal)[0]).toMatchObject({ basis: "hearsay", truthful: true, occurrence: null });
    const f = ok(s, "w1", { kind: "write_entry", subject: "r3", deed: "criticise_official", basis: "hearsay" });
    expect(Object.values(f.journal)[0]!.truthful).toBe(false);
    rejected(f, "w1", { kind: "write_entry", subject: "r3", deed: "criticise_official", basis: "hearsay" }, "already_recorded");
  });

  it("is refused with a reason otherwise", () => {
    const { s, occurrence } = littered();
    rejected(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence: "o999" }, "not_witnessed");
    rejected(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed" }, "not_witnessed");
    rejected(s, "w1", { kind: "write_entry", subject: "w1", deed: "litter", basis: "hearsay" }, "self_subject");
    rejected(s, "w1", { kind: "write_entry", subject: "o1", deed: "litter", basis: "hearsay" }, "unknown_subject");
    rejected(s, "w1", { kind: "write_entry", subject: "r1", deed: "work_shift", basis: "hearsay" }, "deed_not_recordable");
    rejected(s, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay", note: "x".repeat(281) }, "note_too_long");
    rejected(s, "r2", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence }, "wrong_role");
    rejected(s, "o1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" }, "wrong_role");
    rejected(to(ok(s, HOST, { kind: "end" }), "ended"), "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" }, "game_over");
  });

  it("the journal stays open after the day: a watcher writes up what they heard in the evening", () => {
    const { s } = littered();
    const evening = ok(s, HOST, { kind: "advance" });
    const next = ok(evening, "w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "hearsay" });
    expect(Object.values(next.journal)[0]).toMatchObject({ source: "watcher", author: "w1", basis: "hearsay", day: 1 });
  });
});

describe("report", () => {
  it("a resident reports a neighbour: a hearsay entry from a report", () => {
    const { s } = littered();
    const next = ok(s, "r2", { kind: "report", subject: "r1", deed: "litter" });
    expect(Object.values(next.journal)[0]).toMatchObject({ source: "report", author: "r2", basis: "hearsay", truthful: true });
    const evening = ok(next, HOST, { kind: "advance" });
    expect(ok(evening, "r3", { kind: "report", subject: "r1", deed: "jaywalk" }).journal).not.toEqual(evening.journal);
  });

  it("is refused with a reason otherwise", () => {
    const { s } = littered();
    rejected(s, "w1", { kind: "report", subject: "r1", deed: "litter" }, "wrong_role");
    rejected(s, "r1", { kind: "report", subject: "r1", deed: "litter" }, "self_subject");
    rejected(s, "r2", { kind: "report", subject: "r1", deed: "nope" }, "deed_not_recordable");
    // the tip line is open in the morning too
    expect(Object.keys(ok(to(town(), "morning"), "r2", { kind: "report", subject: "r1", deed: "litter" }).journal)).toHaveLength(1);
    const sc = pilot();
    const off = to(town({ scenario: { ...sc, reporting: { enabled: false, reward: 0 } } }), "day");
    rejected(off, "r2", { kind: "report", subject: "r1", deed: "litter" }, "reporting_disabled");
    const dup = ok(s, "r2", { kind: "report", subject: "r1", deed: "litter" });
    expect(run(dup, "r2", { kind: "report", subject: "r1", deed: "litter" }).decision).toMatchObject({ ok: false, reason: "already_recorded" });
    // one report a day: a second neighbour the same day waits for tomorrow
    rejected(dup, "r2", { kind: "report", subject: "r3", deed: "litter" }, "reported_today");
    const tomorrow = to(to(dup, "night"), "morning");
    expect(Object.keys(ok(tomorrow, "r2", { kind: "report", subject: "r3", deed: "litter" }).journal)).toHaveLength(2);
  });
});
