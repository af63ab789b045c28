import { describe, expect, it } from "vitest";
import { apply, viewFor } from "../../../shared/rules/index.ts";
import { HOST, loadScenario, ok, pilot, to, town } from "./helpers.ts";
import { evening } from "./fixtures.ts";
import { assertFormsAgree, formProblems } from "./forms.ts";
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
    expect(god.kind === "facilitator" && god.journal[litter]!.reviewer).toBe(night.journal[litter]!.reviewer);
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

  it("the facilitator sees truth and record; an observer sees the board and their notes", () => {
    const h = viewFor(ev, { kind: "host" });
    if (h.kind !== "facilitator") throw new Error("facilitator view expected");
    expect(Object.keys(h.journal)).toEqual(Object.keys(ev.journal));
    expect(Object.keys(h.occurrences)).toEqual(Object.keys(ev.occurrences));
    expect(h.seats).toEqual(ev.seats);
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

/** Every key the facilitator's view holds, per part: an allow-list, so a new GameState field stays out until named. */
const FACILITATOR_KEYS = {
  view: "appeals,blacklist,cards,day,extraTime,hiddenTexts,journal,kind,notes,occurrences,paused,pausedLeft,phase,phaseEndsAt,players,roleTargets,seats,steppedOut",
  player: "blacklisted,bot,grade,location,nickname,role,score,scored,seat",
  entry: "applied,at,author,basis,day,deed,footage,id,note,occurrence,points,published,reviewer,source,status,subject,truthOf,truthful",
  occurrence: "actor,at,camera,day,deed,id,location,recordedIn,witnesses",
  appeal: "appellant,decidedBy,decidedDay,entry,evenings,evidence,filedDay,footage,id,reason,status",
  listing: "active,by,day,entries,removedDay,seat,wrongful",
  note: "day,id,seat,text",
};
const keys = (o: object) => Object.keys(o).sort().join(",");

describe("the facilitator's view", () => {
  const { s: ev, litter, rumour } = evening();
  let s = ok(ok(ev, "o1", { kind: "review", entry: litter, decision: "approve" }), "o1", { kind: "review", entry: rumour, decision: "approve" });
  s = ok(s, HOST, { kind: "advance" });
  s = ok(s, "r2", { kind: "appeal", entry: rumour, reason: "did_not_happen" });
  s = ok(ok(s, HOST, { kind: "add_seat", seat: "ob", nickname: "Ob" }), "ob", { kind: "write_note", text: "hm" });

  it("holds exactly the allow-listed fields, and never the rulebook", () => {
    const v = viewFor(s, { kind: "host" }, { hiddenTexts: ["note-0"], steppedOut: ["r3"] });
    if (v.kind !== "facilitator") throw new Error("facilitator view expected");
    expect(keys(v)).toBe(FACILITATOR_KEYS.view);
    for (const p of Object.values(v.players)) expect(keys(p)).toBe(FACILITATOR_KEYS.player);
    for (const e of Object.values(v.journal)) expect(keys(e)).toBe(FACILITATOR_KEYS.entry);
    for (const o of Object.values(v.occurrences)) expect(keys(o)).toBe(FACILITATOR_KEYS.occurrence);
    for (const a of Object.values(v.appeals)) expect(keys(a)).toBe(FACILITATOR_KEYS.appeal);
    for (const b of v.blacklist) expect(keys(b)).toBe(FACILITATOR_KEYS.listing);
    for (const n of v.notes) expect(keys(n)).toBe(FACILITATOR_KEYS.note);
    expect(Object.keys(v.appeals)).toHaveLength(1);
    expect(v.notes).toEqual([{ id: "note-0", seat: "ob", day: s.day, text: "hm" }]);
    expect(v).toMatchObject({ hiddenTexts: ["note-0"], steppedOut: ["r3"] });
    expect(JSON.stringify(v)).not.toContain(JSON.stringify(s.scenario.roles.resident.description));
  });

  it("carries each entry's truth as the rules fixed it: a deed done later does not make an old entry true", () => {
    // the rumour about r2 was false when written; r2 now spreads one for real
    const day2 = to(s, "day");
    const later = ok(ok(day2, "r2", { kind: "move", to: "park" }), "r2", { kind: "act", action: "spread_rumour" });
    const v = viewFor(later, { kind: "host" });
    if (v.kind !== "facilitator") throw new Error("facilitator view expected");
    expect(later.journal[rumour]!.truthful).toBe(false);
    expect(v.journal[rumour]).toMatchObject({ truthful: false, truthOf: null });
    const seen = later.journal[litter]!.occurrence!;
    expect(v.journal[litter]).toMatchObject({ truthful: true, truthOf: seen });
    expect(v.occurrences[seen]!.recordedIn).toEqual([litter]);
    const rumourDone = Object.values(later.occurrences).find((o) => o.deed === "spread_rumour")!;
    expect(v.occurrences[rumourDone.id]!.recordedIn).toEqual([]);
    // the record and the god view agree on every entry
    for (const e of Object.values(later.journal)) expect(v.journal[e.id]!.truthful).toBe(e.truthful);
  });

  it("blanks a hidden note for officials in one place, and shows it to the facilitator marked", () => {
    const noted = ok(to(s, "day"), "w1", { kind: "write_entry", subject: "r3", deed: "litter", basis: "hearsay", note: "saw Ann's cousin" });
    const entry = Object.values(noted.journal).find((e) => e.note !== "")!;
    const lobby = { hiddenTexts: [entry.id], steppedOut: [] };
    const o = viewFor(noted, { kind: "seat", seat: "o1" }, lobby);
    if (o.kind !== "official") throw new Error("official view expected");
    expect(o.journal.find((e) => e.id === entry.id)!.note).toBe("");
    expect(JSON.stringify(o)).not.toContain("cousin");
    const unhidden = viewFor(noted, { kind: "seat", seat: "o1" });
    if (unhidden.kind !== "official") throw new Error("official view expected");
    expect(unhidden.journal.find((e) => e.id === entry.id)!.note).toBe("saw Ann's cousin");
    const god = viewFor(noted, { kind: "host" }, lobby);
    expect(god.kind === "facilitator" && [god.journal[entry.id]!.note, god.hiddenTexts]).toEqual(["saw Ann's cousin", [entry.id]]);
  });
});

describe("what the views offer the forms", () => {
  it("the official's citable entries are exactly those a blacklist command accepts", () => {
    let s = to(town({ scenario: loadScenario("court-blacklist"), watchers: 1, officials: 2 }), "day");
    const write = (subject: string, deed: string) => {
      s = ok(s, "w1", { kind: "write_entry", subject, deed, basis: "hearsay" });
      return Object.keys(s.journal).at(-1)!;
    };
    const hidden = write("r1", "hide_assets");
    const dinner = write("r1", "luxury_dinner");
    const order = write("r2", "ignore_order");
    const pending = write("r2", "hide_assets");
    for (const e of [hidden, dinner, order]) s = ok(s, "o1", { kind: "review", entry: e, decision: "approve" });
    const v = viewFor(s, { kind: "seat", seat: "o1" });
    if (v.kind !== "official") throw new Error("official view expected");
    expect(v.citable).toEqual({ r1: [hidden], r2: [order], r3: [], r4: [], w1: [] });
    expect(JSON.stringify(v.citable)).not.toContain(pending);
    expect(JSON.stringify(v.citable)).not.toContain(dinner);
    assertFormsAgree(s);
    // once listed, r1 is no longer offered
    const listed = ok(s, "o1", { kind: "blacklist", subject: "r1", entries: [hidden] });
    const after = viewFor(listed, { kind: "seat", seat: "o2" });
    expect(after.kind === "official" && Object.keys(after.citable)).toEqual(["r2", "r3", "r4", "w1"]);
    assertFormsAgree(listed);
    // in grade mode nobody is listed by hand: nothing is offered
    const pilotView = viewFor(evening().s, { kind: "seat", seat: "o1" });
    expect(pilotView.kind === "official" && pilotView.citable).toEqual({});
  });

  it("the watcher's and resident's deeds, trips and scored neighbours are what decide accepts", () => {
    const { s } = evening();
    const w = viewFor(s, { kind: "seat", seat: "w1" });
    if (w.kind !== "watcher") throw new Error("watcher view expected");
    expect(w.recordable).not.toContain("work_shift");
    expect(w.recordable).not.toContain("default_loan");
    expect(w.recordable).toContain("litter");
    const r = viewFor(s, { kind: "seat", seat: "r1" });
    if (r.kind !== "resident") throw new Error("resident view expected");
    // r1 stands in the park (north): home walks free, the market (centre) costs a walk or the fare
    expect(r.trips.home).toEqual({ near: true, walkAp: 0, busFare: 0 });
    expect(r.trips.market).toMatchObject({ near: false, walkAp: s.scenario.travel.walkFarAp });
    expect(r.trips.park).toBeUndefined();
    expect(r.board.players.map((p) => [p.seat, p.scored])).toEqual(s.seats.map((seat) => [seat, seat.startsWith("o") ? false : true]));
    assertFormsAgree(s);
  });

  it("a scenario that scores officials: they are scored on the board, and entries may name them", () => {
    const sc = pilot();
    let s = to(town({ scenario: { ...sc, roles: { ...sc.roles, official: { ...sc.roles.official, scored: true } } }, officials: 2 }), "day");
    const board = viewFor(s, { kind: "board" });
    expect(board.kind === "board" && board.players.find((p) => p.seat === "o1")!.scored).toBe(true);
    s = ok(s, "w1", { kind: "write_entry", subject: "o1", deed: "litter", basis: "hearsay" });
    assertFormsAgree(s);
  });

  it("the check itself catches views that offer what the rules refuse", () => {
    const { s, litter } = evening();
    const approved = ok(s, "o1", { kind: "review", entry: litter, decision: "approve" });
    const lying: typeof viewFor = (state, viewer, lobby) => {
      const v = viewFor(state, viewer, lobby);
      if (v.kind === "resident") return { ...v, trips: { ...v.trips, home: { near: false, walkAp: 3, busFare: 0 } } };
      if (v.kind === "watcher") return { ...v, recordable: [...v.recordable, "work_shift"] };
      if (v.kind === "official") return { ...v, citable: { ...v.citable, r2: [litter] } };
      if (v.kind === "facilitator") return { ...v, journal: { ...v.journal, [litter]: { ...v.journal[litter]!, truthful: false } } };
      return v;
    };
    const found = formProblems(approved, lying).join("\n");
    expect(found).toContain("to home by walk");
    expect(found).toContain("recording work_shift");
    expect(found).toContain(`citing ${litter} against r2`);
    expect(found).toContain(`truth of ${litter}`);
    expect(formProblems(approved)).toEqual([]);
  });

  it("secret watchers: the board shows them as residents to everyone; they, the facilitator and the ending know", () => {
    const scenario = pilot();
    const secret = town({ scenario: { ...scenario, roles: { ...scenario.roles, watcher: { ...scenario.roles.watcher, secret: true } } } });
    const known = town({ scenario });
    const roleOnBoard = (state: typeof secret, viewer: string) => {
      const v = viewFor(state, { kind: "seat", seat: viewer });
      if (!("board" in v)) throw new Error("a seat's view has the board");
      return v.board.players.find((p) => p.seat === "w1")?.role;
    };
    expect(roleOnBoard(known, "r1")).toBe("watcher");
    expect(roleOnBoard(secret, "r1")).toBe("resident");
    expect(roleOnBoard(secret, "o1")).toBe("resident");
    const own = viewFor(secret, { kind: "seat", seat: "w1" });
    expect(own.kind).toBe("watcher");
    if (own.kind === "watcher") expect(own.me.role).toBe("watcher");
    const god = viewFor(secret, { kind: "host" });
    if (god.kind !== "facilitator") throw new Error("facilitator view expected");
    expect(god.players.w1?.role).toBe("watcher");
  });
});
