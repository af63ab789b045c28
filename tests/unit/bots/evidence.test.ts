import { describe, expect, it } from "vitest";
import { botCommand } from "../../../shared/bots/index.ts";
import { createRng, type GameState, type Personality } from "../../../shared/rules/index.ts";
import { evening } from "../rules/fixtures.ts";
import { HOST, ok, pilot, to } from "../rules/helpers.ts";

/** Evening of day 1: o1 asked `witness` about the true litter entry or the false rumour one. */
function asked(witness: string, which: "litter" | "rumour"): { s: GameState; id: string } {
  const f = evening();
  const s = ok(f.s, "o1", { kind: "ask_statement", witness, entry: f[which] });
  return { s, id: Object.keys(s.statements)[0]! };
}

/** Answers `personality` gives over many draws. */
function answers(s: GameState, seat: string, personality: Personality): Set<string> {
  const out = new Set<string>();
  for (let seed = 1; seed <= 40; seed++) {
    const cmd = botCommand(pilot(), s, seat, personality, createRng(seed));
    expect(cmd?.kind).toBe("answer_statement");
    if (cmd?.kind === "answer_statement") out.add(cmd.answer);
  }
  return out;
}

describe("bots and witness statements", () => {
  it("an honest watcher answers first, from what it saw", () => {
    expect(answers(asked("w1", "litter").s, "w1", "honest_watcher")).toEqual(new Set(["saw_it"]));
    expect(answers(asked("w1", "rumour").s, "w1", "honest_watcher")).toEqual(new Set(["did_not_see"]));
  });

  it("a zealous watcher sometimes backs up an accusation it never saw, and the lie is recorded as one", () => {
    const { s, id } = asked("w1", "rumour");
    expect(answers(s, "w1", "zealous_watcher")).toEqual(new Set(["saw_it", "did_not_see"]));
    const lie = ok(s, "w1", { kind: "answer_statement", statement: id, answer: "saw_it" });
    expect(lie.statements[id]).toMatchObject({ answer: "saw_it", happened: false, truthful: false });
  });

  it("a rebel sometimes covers for a neighbour", () => {
    expect(answers(asked("r3", "litter").s, "r3", "rebel")).toEqual(new Set(["did_not", "did_not_see"]));
  });

  it("a fair official weighs the answer: a witness who says it did not happen gets the entry rejected", () => {
    const { s, id } = asked("r3", "rumour");
    const rumour = Object.values(s.journal).find((e) => e.deed === "spread_rumour")!.id;
    const said = ok(s, "r3", { kind: "answer_statement", statement: id, answer: "did_not" });
    const moves: unknown[] = [];
    let t = said;
    for (let i = 0; i < 6; i++) {
      const cmd = botCommand(pilot(), t, "o1", "fair_official", createRng(i + 1));
      if (!cmd) break;
      moves.push(cmd);
      t = ok(t, "o1", cmd);
    }
    expect(moves).toContainEqual({ kind: "review", entry: rumour, decision: "reject" });
  });

  it("a fair official asks a witness about an appeal that asks for one, and checks footage on some hearsay", () => {
    let { s, litter } = evening();
    s = ok(s, "o1", { kind: "review", entry: litter, decision: "approve" });
    s = to(ok(s, HOST, { kind: "advance" }), "day");
    s = ok(s, "r1", { kind: "appeal", entry: litter, reason: "did_not_happen", evidence: "witness" });
    s = to(s, "evening");
    const appeal = Object.keys(s.appeals)[0]!;
    const cmd = botCommand(pilot(), s, "o1", "fair_official", createRng(3));
    expect(cmd).toMatchObject({ kind: "ask_statement", appeal });
    expect(cmd?.kind === "ask_statement" && ["r1", "w1"].includes(cmd.witness)).toBe(false);
    // a corrupt official does not bother
    expect(botCommand(pilot(), s, "o1", "corrupt_official", createRng(3))?.kind).not.toBe("ask_statement");
  });
});
