import { describe, expect, it } from "vitest";
import { apply, viewFor } from "../../../shared/rules/index.ts";
import { HOST, ok } from "./helpers.ts";
import { evening } from "./fixtures.ts";
import { assertNoLeak, leaks } from "./leaks.ts";

describe("views", () => {
  const { s: ev, litter, rumour } = evening();
  const reviewed = ok(ok(ev, "o1", { kind: "review", entry: litter, decision: "approve" }), "o1", { kind: "review", entry: rumour, decision: "reject" });
  const night = ok(reviewed, HOST, { kind: "advance" });

  it("a resident sees their own stats and goals, never another's, nor unpublished entries", () => {
    const v = viewFor(reviewed, { kind: "seat", seat: "r1" });
    expect(v.kind).toBe("resident");
    if (v.kind !== "resident") return;
    expect(v.me.goals).toEqual(reviewed.players.r1!.goals);
    expect(v.aboutMe).toEqual([]);
    expect(JSON.stringify(v)).not.toContain(litter);
    assertNoLeak(reviewed, "r1", v);
    const later = viewFor(night, { kind: "seat", seat: "r1" });
    if (later.kind !== "resident") throw new Error("resident view expected");
    expect(later.aboutMe.map((e) => e.id)).toEqual([litter]);
    // one's own record says who approved each entry (the board never does)
    expect(later.aboutMe[0]).toMatchObject({ reviewer: night.journal[litter]!.reviewer, source: night.journal[litter]!.source });
    expect(later.aboutMe[0]!.reviewer).toBeTruthy();
    expect(later.board.feed.map((e) => e.id)).toEqual([litter]);
    assertNoLeak(night, "r1", later);
  });

  it("a session that does not name approvers: the record says an official approved it, not which", () => {
    const unnamed = apply(night, { type: "settings_chosen", showApprover: false });
    const v = viewFor(unnamed, { kind: "seat", seat: "r1" });
    if (v.kind !== "resident") throw new Error("resident view expected");
    expect(v.aboutMe.map((e) => [e.id, e.reviewer, e.byOfficial])).toEqual([[litter, null, true]]);
    const named = viewFor(night, { kind: "seat", seat: "r1" });
    if (named.kind !== "resident") throw new Error("resident view expected");
    expect(named.aboutMe.map((e) => [e.reviewer, e.byOfficial])).toEqual([[night.journal[litter]!.reviewer, true]]);
    // the facilitator still sees who approved it
    const god = viewFor(unnamed, { kind: "host" });
    expect(god.kind === "facilitator" && god.state.journal[litter]!.reviewer).toBe(night.journal[litter]!.reviewer);
  });

  it("the board shows only what is published, and never who approved it", () => {
    const b = viewFor(night, { kind: "board" });
    if (b.kind !== "board") throw new Error("board view expected");
    expect(b.feed).toEqual([{ id: litter, subject: "r1", deed: "litter", points: -5, day: 1, status: "approved" }]);
    expect(JSON.stringify(b)).not.toContain(rumour);
    expect(JSON.stringify(b)).not.toContain("o1\",\"deed");
    assertNoLeak(night, "board", b);
  });

  it("a watcher sees their observations and their own entries, not the truth of them", () => {
    const v = viewFor(reviewed, { kind: "seat", seat: "w1" });
    if (v.kind !== "watcher") throw new Error("watcher view expected");
    expect(v.observations.map((o) => o.deed)).toEqual(["litter"]);
    expect(v.myEntries.map((e) => e.status)).toEqual(["approved", "rejected"]);
    assertNoLeak(reviewed, "w1", v);
  });

  it("an official sees the whole journal as written but not whether it is true", () => {
    const v = viewFor(ev, { kind: "seat", seat: "o1" });
    if (v.kind !== "official") throw new Error("official view expected");
    expect(v.journal.map((e) => e.id)).toEqual([litter, rumour]);
    expect(JSON.stringify(v)).not.toContain("truthful");
    assertNoLeak(ev, "o1", v);
  });

  it("the facilitator sees everything; an observer sees the board and their notes", () => {
    const h = viewFor(ev, { kind: "host" });
    expect(h).toEqual({ kind: "facilitator", state: ev });
    const withObs = ok(ok(ev, HOST, { kind: "add_seat", seat: "ob", nickname: "Ob" }), "ob", { kind: "write_note", text: "hm" });
    const o = viewFor(withObs, { kind: "seat", seat: "ob" });
    expect(o).toMatchObject({ kind: "observer", myNotes: [{ day: 1, text: "hm" }] });
    assertNoLeak(withObs, "ob", o);
  });

  it("the leak checker itself catches an over-sharing view", () => {
    const v = viewFor(reviewed, { kind: "seat", seat: "r1" });
    if (v.kind !== "resident") throw new Error("resident view expected");
    const bad = { ...v, board: { ...v.board, players: v.board.players.map((p) => ({ ...p, money: 5 })) } };
    expect(leaks(reviewed, "r1", bad).length).toBeGreaterThan(0);
    const bad2 = { ...v, myDeeds: [{ id: litter, actor: "r2", deed: "x", location: "park", day: 1 }] };
    expect(leaks(reviewed, "r1", bad2)).toContain(`unpublished entry ${litter}`);
  });
});
