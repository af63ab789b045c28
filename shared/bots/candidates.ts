/**
 * Every command a player could try from their own screen, grouped by kind: the buttons, forms
 * and queues a student sees. decide() is the judge of which of them are legal right now; the
 * random bot picks among the legal ones, and the simulator's "meaningful action available"
 * measure asks whether any prompted one is.
 *
 * Candidates are produced lazily (generators) so a caller that needs only the first legal one
 * stops early. A new command kind a player can send belongs here too.
 */
import type { Scenario } from "../scenario/index.ts";
import { STATEMENT_ANSWERS, type Command, type CommandKind, type OfficialView, type ResidentView, type View } from "../rules/index.ts";

export type Candidates = Partial<Record<CommandKind, () => Iterable<Command>>>;

/** Commands that change nothing anyone records or scores: walking about, an observer's note. */
export const TRIVIAL_KINDS: ReadonlySet<CommandKind> = new Set(["move", "write_note"]);

/**
 * Commands open to a player whatever happens in the game — a report or a hearsay entry about
 * anyone, a rule proposal — besides the trivial ones. They are real moves, but their being
 * possible says nothing about whether the phase gave the player something to respond to, so
 * the "meaningful action available" measure does not count them (see `prompted`).
 */
export const UNPROMPTED_KINDS: ReadonlySet<CommandKind> = new Set([...TRIVIAL_KINDS, "report", "propose_rule"]);

/** A command that answers something in the game: a deed or service where one stands, a loan, an entry, an appeal, an observation. */
export function prompted(c: Command): boolean {
  if (UNPROMPTED_KINDS.has(c.kind)) return false;
  return c.kind !== "write_entry" || c.basis === "witnessed";
}

const REASONS = ["did_not_happen", "not_me", "context", "disproportionate"] as const;

function recordableDeeds(sc: Scenario) {
  return sc.deeds.filter((d) => d.source !== "system" && d.points !== 0);
}

function townCandidates(sc: Scenario, v: ResidentView): Candidates {
  const others = v.board.players.filter((p) => p.seat !== v.me.seat && p.grade !== null);
  const bad = sc.deeds.filter((d) => d.category === "bad" && d.source !== "system");
  const out: Candidates = {
    *move() {
      for (const l of sc.locations) {
        if (l.id === v.me.location) continue;
        yield { kind: "move", to: l.id, by: "walk" };
        yield { kind: "move", to: l.id, by: "bus" };
      }
    },
    *act() {
      for (const a of v.actions) yield { kind: "act", action: a.id };
    },
    *cosign() {
      for (const l of v.loans) if (l.status === "seeking_cosigner") yield { kind: "cosign", loan: l.id };
    },
    *appeal() {
      for (const e of v.aboutMe) for (const reason of REASONS) yield { kind: "appeal", entry: e.id, reason, evidence: reason === "did_not_happen" ? "camera" : null };
    },
    *answer_statement() {
      for (const r of v.requests) if (r.status === "open") for (const answer of STATEMENT_ANSWERS) yield { kind: "answer_statement", statement: r.id, answer };
    },
  };
  if (v.kind === "resident") {
    out.report = function* () {
      for (const p of others) for (const d of bad) yield { kind: "report", subject: p.seat, deed: d.id };
    };
  } else {
    out.write_entry = function* () {
      for (const o of v.observations) if (o.actor !== v.me.seat) yield { kind: "write_entry", subject: o.actor, deed: o.deed, basis: "witnessed", occurrence: o.id, note: "" };
      for (const p of others) for (const d of recordableDeeds(sc)) yield { kind: "write_entry", subject: p.seat, deed: d.id, basis: "hearsay", note: "" };
    };
  }
  return out;
}

function officialCandidates(sc: Scenario, v: OfficialView): Candidates {
  const deedOf = (id: string) => sc.deeds.find((d) => d.id === id);
  // the view keys where evidence may be sought by entry id or appeal id
  const appeals = new Set(v.appeals.map((a) => a.id));
  const about = (target: string) => (appeals.has(target) ? { appeal: target } : { entry: target });
  return {
    *ask_statement() {
      for (const [target, witnesses] of Object.entries(v.askable)) for (const witness of witnesses) yield { kind: "ask_statement", witness, ...about(target) };
    },
    *check_footage() {
      for (const target of Object.keys(v.askable)) yield { kind: "check_footage", ...about(target) };
    },
    *review() {
      for (const e of v.journal) {
        if (e.status !== "pending" && e.status !== "evidence_requested") continue;
        yield { kind: "review", entry: e.id, decision: "approve", points: v.board.deedPoints[e.deed] ?? deedOf(e.deed)?.points ?? 0 };
        yield { kind: "review", entry: e.id, decision: "reject" };
        yield { kind: "review", entry: e.id, decision: "ask_evidence" };
      }
    },
    *decide_appeal() {
      for (const a of v.appeals) {
        if (a.status !== "pending") continue;
        yield { kind: "decide_appeal", appeal: a.id, decision: "uphold" };
        yield { kind: "decide_appeal", appeal: a.id, decision: "reverse" };
      }
    },
    *blacklist() {
      const bySubject = new Map<string, string[]>();
      for (const e of v.journal) if (e.status === "approved") bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e.id]);
      for (const [subject, entries] of bySubject) {
        // one cited claim, or all of them: the two shapes a student's form produces most
        for (const id of entries) yield { kind: "blacklist", subject, entries: [id] };
        if (entries.length > 1) yield { kind: "blacklist", subject, entries: entries.slice(0, 10) };
      }
    },
    *delist() {
      for (const r of v.blacklist) if (r.active) yield { kind: "delist", subject: r.seat };
    },
    *propose_rule() {
      for (const d of recordableDeeds(sc)) {
        const now = v.board.deedPoints[d.id] ?? d.points;
        yield { kind: "propose_rule", deed: d.id, points: now < 0 ? now - 1 : now + 1 };
      }
    },
  };
}

/** The candidate commands for the player who sees `view` (none for boards and observers). */
export function candidatesFor(sc: Scenario, view: View): Candidates {
  switch (view.kind) {
    case "resident":
    case "watcher":
      return townCandidates(sc, view);
    case "official":
      return officialCandidates(sc, view);
    default:
      return {};
  }
}
