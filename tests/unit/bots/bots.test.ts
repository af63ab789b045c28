import { describe, expect, it } from "vitest";
import { botCommand } from "../../../shared/bots/index.ts";
import { applyAll, createRng, seatActor, viewFor, type GameState } from "../../../shared/rules/index.ts";
import { decide } from "../../../shared/commands/index.ts";
import { HOST, ok, pilot, to, town, withPlayer } from "../rules/helpers.ts";

describe("bots", () => {
  it("choose only commands their role may send, in the phases they act", () => {
    let s: GameState = to(town({ residents: 4, watchers: 2, officials: 2 }), "day");
    const rng = createRng(9);
    const personalities = { r1: "conformist", r2: "rebel", r3: "conformist", r4: "rebel", w1: "honest_watcher", w2: "zealous_watcher", o1: "fair_official", o2: "corrupt_official" } as const;
    let accepted = 0;
    for (let phase = 0; phase < 8; phase++) {
      for (let round = 0; round < 10; round++) {
        for (const [seat, personality] of Object.entries(personalities)) {
          const cmd = botCommand(pilot(), s, seat, personality, rng);
          if (!cmd) continue;
          const d = decide(s, seatActor(seat), cmd, { now: 0, rng });
          if (d.ok) {
            accepted++;
            s = applyAll(s, d.events);
            continue;
          }
          expect(["wrong_role", "wrong_phase", "not_facilitator"], `${seat} ${cmd.kind}`).not.toContain(d.reason);
        }
      }
      s = ok(s, HOST, { kind: "advance" });
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it("a conformist with a train-ticket goal heads for the station and buys one (tickets are sold from day 2)", () => {
    let s = to(to(to(town(), "day"), "night"), "day");
    s = withPlayer(s, "r1", { goals: ["visit_mother"], money: 200 });
    const rng = createRng(1);
    for (let i = 0; i < 6 && !s.players.r1!.items.includes("train_ticket"); i++) {
      const cmd = botCommand(pilot(), s, "r1", "conformist", rng);
      if (cmd) s = ok(s, "r1", cmd);
    }
    expect(s.players.r1!.items).toContain("train_ticket");
  });

  it("an honest watcher journals exactly what it saw", () => {
    let s = to(town(), "day");
    s = ok(s, "w1", { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "act", action: "litter" });
    const cmd = botCommand(pilot(), s, "w1", "honest_watcher", createRng(2));
    expect(cmd).toMatchObject({ kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed" });
  });

  it("a fair official asks for evidence on hearsay; a corrupt one never asks, and waves some through", () => {
    let s = to(town(), "day");
    s = ok(s, "w1", { kind: "write_entry", subject: "r2", deed: "spread_rumour", basis: "hearsay" });
    s = ok(s, HOST, { kind: "advance" });
    // a fair official first seeks evidence: the footage, a witness, or the review's own "ask for evidence"
    const fair = botCommand(pilot(), s, "o1", "fair_official", createRng(1));
    expect(["check_footage", "ask_statement", "review:ask_evidence"]).toContain(fair?.kind === "review" ? `review:${fair.decision}` : fair?.kind);
    const corrupt = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => botCommand(pilot(), s, "o1", "corrupt_official", createRng(seed)));
    expect(corrupt.every((c) => c?.kind === "review" && c.decision !== "ask_evidence")).toBe(true);
    expect(corrupt.some((c) => c?.kind === "review" && c.decision === "approve")).toBe(true);
  });

  it("read nothing but their own view (the view is all botCommand is given to decide from)", () => {
    const s = to(town(), "day");
    const v = viewFor(s, { kind: "seat", seat: "r1" });
    expect(v.kind).toBe("resident");
    expect(JSON.stringify(v)).not.toContain("truthful");
  });
});
