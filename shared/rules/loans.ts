/**
 * Cosigned loans: a borrower takes a loan at the bank, neighbours cosign it, and the money
 * arrives once enough have. On the night it falls due the borrower repays or defaults; a
 * default is recorded against the borrower and costs every cosigner points too — guilt by
 * association.
 */
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Decision } from "./context.ts";
import { push, type Chain } from "./chain.ts";
import { Reasons } from "../reasons.ts";
import type { GameState, Loan, SeatId } from "./state.ts";

export function hasOpenLoan(s: GameState, seat: SeatId): boolean {
  return Object.values(s.loans).some((l) => l.borrower === seat && (l.status === "active" || l.status === "seeking_cosigner"));
}

export function newLoan(s: GameState, borrower: SeatId): Loan | null {
  const policy = s.scenario.loans;
  if (!policy) return null;
  return {
    id: `l${s.nextId}`,
    borrower,
    cosigners: [],
    amount: policy.amount,
    repay: policy.repay,
    status: policy.cosignersRequired > 0 ? "seeking_cosigner" : "active",
    openedDay: s.day,
    dueDay: s.day + policy.termDays,
  };
}

export function cosign(s: GameState, seat: SeatId, c: CommandOf<"cosign">): Decision {
  const loan = s.loans[c.loan];
  if (!loan) return reject(Reasons.unknown_loan);
  if (loan.status !== "seeking_cosigner" || loan.dueDay <= s.day) return reject(Reasons.loan_not_open);
  if (loan.borrower === seat) return reject(Reasons.own_loan);
  if (loan.cosigners.includes(seat)) return reject(Reasons.already_cosigned);
  const required = s.scenario.loans?.cosignersRequired ?? 0;
  return accept([{ type: "loan_cosigned", loan: loan.id, seat, activated: loan.cosigners.length + 1 >= required }]);
}

export function settleLoans(c: Chain): void {
  const policy = c.state.scenario.loans;
  if (!policy) return;
  for (const loan of Object.values(c.state.loans)) {
    if (loan.status !== "active" || loan.dueDay > c.state.day) continue;
    const borrower = c.state.players[loan.borrower];
    if (!borrower) continue;
    if (borrower.money >= loan.repay) {
      push(c, { type: "loan_settled", loan: loan.id, outcome: "repaid" });
      continue;
    }
    push(c, { type: "loan_settled", loan: loan.id, outcome: "defaulted" });
    const occurrence = `o${c.state.nextId}`;
    push(c, {
      type: "deed_done",
      occurrence: {
        id: occurrence,
        actor: loan.borrower,
        deed: policy.defaultDeed,
        location: borrower.location,
        day: c.state.day,
        at: 0,
        witnesses: [],
        camera: false,
      },
      ap: 0,
      money: 0,
      wellbeing: 0,
    });
    const deed = c.state.scenario.deeds.find((d) => d.id === policy.defaultDeed);
    push(c, {
      type: "entry_written",
      entry: {
        id: `e${c.state.nextId}`,
        source: "system",
        author: null,
        subject: loan.borrower,
        deed: policy.defaultDeed,
        basis: "witnessed",
        occurrence,
        truthful: true,
        note: "",
        day: c.state.day,
        at: 0,
        status: policy.autoApprove ? "approved" : "pending",
        points: policy.autoApprove ? (deed?.points ?? 0) : null,
        reviewer: null,
        footage: null,
        applied: false,
        published: false,
      },
    });
    if (c.state.scenario.scoring.mode !== "points" || policy.cosignerPoints === 0) continue;
    for (const seat of loan.cosigners) {
      if (c.state.players[seat]?.scored) {
        push(c, { type: "score_changed", seat, delta: policy.cosignerPoints, cause: { kind: "cosigner", loan: loan.id } });
      }
    }
  }
}
