import { describe, expect, it } from "vitest";
import type { GameState } from "../../../shared/rules/index.ts";
import { HOST, ok, rejected, to, town, withPlayer } from "./helpers.ts";

/** The bank lends from day 2 (once the first grades are published). */
function loanOpened(): { s: GameState; loan: string } {
  let s = to(to(to(town(), "day"), "night"), "day");
  expect(s.day).toBe(2);
  s = ok(s, "r1", { kind: "move", to: "bank", by: "bus" });
  s = ok(s, "r1", { kind: "act", action: "shop_loan" });
  return { s, loan: Object.keys(s.loans)[0]! };
}

describe("cosigned loans", () => {
  it("a loan waits for a cosigner, then pays out", () => {
    const { s, loan } = loanOpened();
    expect(s.loans[loan]).toMatchObject({ borrower: "r1", status: "seeking_cosigner", dueDay: 4 });
    expect(s.players.r1!.money).toBe(96);
    const c = ok(s, "r2", { kind: "cosign", loan });
    expect(c.loans[loan]).toMatchObject({ status: "active", cosigners: ["r2"] });
    expect(c.players.r1!.money).toBe(246);
    rejected(c, "r3", { kind: "cosign", loan }, "loan_not_open");
    rejected(s, "r1", { kind: "act", action: "shop_loan" }, "done_today");
  });

  it("cosign is refused with a reason otherwise", () => {
    const { s, loan } = loanOpened();
    rejected(s, "r1", { kind: "cosign", loan }, "own_loan");
    rejected(s, "r2", { kind: "cosign", loan: "l999" }, "unknown_loan");
    rejected(s, "o1", { kind: "cosign", loan }, "wrong_role");
    rejected(ok(s, HOST, { kind: "end" }), "r2", { kind: "cosign", loan }, "game_over");
    // a neighbour can still cosign in the evening (the town is awake in every phase)
    expect(ok(ok(s, HOST, { kind: "advance" }), "r2", { kind: "cosign", loan }).loans[loan]!.status).toBe("active");
  });

  it("the bank does not lend on day 1: grades are not published yet", () => {
    const s = withPlayer(to(town(), "day"), "r1", { location: "bank" });
    rejected(s, "r1", { kind: "act", action: "shop_loan" }, "not_open_yet");
  });

  it("a loan for a C grade is blocked by its restriction", () => {
    let s = to(to(to(town(), "day"), "night"), "day");
    s = withPlayer(s, "r1", { grade: "c", restrictions: ["no_fast_travel", "no_credit"], location: "bank" });
    rejected(s, "r1", { kind: "act", action: "shop_loan" }, "blocked_by_restriction");
  });

  it("repaid on time when the borrower has the money", () => {
    const { s, loan } = loanOpened();
    let n = withPlayer(ok(s, "r2", { kind: "cosign", loan }), "r2", { score: 990 });
    for (let i = 0; i < 3; i++) n = to(ok(n, HOST, { kind: "advance" }), "night");
    expect(n.day).toBe(4);
    expect(n.loans[loan]!.status).toBe("repaid");
    expect(n.players.r1!.money).toBe(246 - 180);
  });

  it("a default costs the borrower 100 points and each cosigner 30, enough to drop a grade from the lower half of A — guilt by association", () => {
    const { s, loan } = loanOpened();
    let n = withPlayer(ok(s, "r2", { kind: "cosign", loan }), "r2", { score: 990 });
    n = withPlayer(n, "r1", { money: 10 });
    for (let i = 0; i < 3; i++) n = to(ok(n, HOST, { kind: "advance" }), "night");
    expect(n.loans[loan]!.status).toBe("defaulted");
    expect(n.players.r1!.score).toBe(900);
    expect(n.players.r2).toMatchObject({ score: 960, grade: "b" });
    const entry = Object.values(n.journal).find((e) => e.deed === "default_loan")!;
    expect(entry).toMatchObject({ source: "system", subject: "r1", truthful: true, status: "approved", published: true });
  });
});
