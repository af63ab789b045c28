/**
 * Evidence in bot play. Any bot asked for a witness statement answers it first thing: honestly
 * from what it saw, or as its personality bends it — a zealous watcher backs up accusations it
 * never saw, a rebel covers for a neighbour, a conformist sometimes tells the official what it
 * seems to want. A fair official sometimes asks for a statement or checks the footage on a
 * hearsay entry and on an appeal, and lets what comes back weigh on its decision. All of it reads
 * only the bot's own view, and stays cheap for the simulator (no scans beyond the view's lists).
 */
import { STATEMENT_ANSWERS, type OfficialView, type QueueEntry, type ResidentView, type StatementAnswer } from "../rules/index.ts";
import type { Command } from "../commands/index.ts";
import { chance, type BotInput, type Offer } from "./context.ts";

/** The answer to the oldest open request, or null when nobody is waiting for one. */
export function answerRequest({ scenario: sc, view: v, personality, rng }: BotInput<ResidentView>): Command | null {
  const r = v.requests.find((x) => x.status === "open");
  if (!r) return null;
  const saw = v.observations.some((o) => o.actor === r.subject && o.deed === r.deed && o.day === r.day);
  const bad = (v.board.deedPoints[r.deed] ?? sc.deeds.find((d) => d.id === r.deed)?.points ?? 0) < 0;
  let answer: StatementAnswer = saw ? "saw_it" : "did_not_see";
  if (personality === "zealous_watcher" && !saw && bad && chance(rng, 0.5)) answer = "saw_it";
  else if (personality === "rebel" && bad && chance(rng, 0.5)) answer = "did_not";
  else if (personality === "conformist" && !saw && chance(rng, 0.2)) answer = "saw_it";
  return { kind: "answer_statement", statement: r.id, answer };
}

/** A cheap, stable "sometimes": the same entry always gets the same answer from one official. */
function sometimes(id: string, seat: string, percent: number): boolean {
  let h = 7;
  for (const ch of id + seat) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 100 < percent;
}

/** Someone to ask about `e` (or the appeal `target`): a watcher if there is one (they watch), else a resident; never its author. */
function witnessFor(input: BotInput<OfficialView>, e: QueueEntry, target: string): string | null {
  const { view: v, rng } = input;
  const role = new Map(v.board.players.map((p) => [p.seat, p.role]));
  const can = (v.askable[target] ?? []).filter((x) => x !== e.author);
  const watchers = can.filter((x) => role.get(x) === "watcher");
  const pool = watchers.length > 0 ? watchers : can;
  return pool.length > 0 ? pool[Math.floor(rng.next() * pool.length)]! : null;
}

/** Whether evidence about this entry (or appeal) was already sought, by anyone. */
function sought(v: OfficialView, entry: string, appeal: string | null): boolean {
  return v.statements.some((x) => x.entry === entry && x.appeal === appeal) || v.footage.some((f) => f.entry === entry && f.appeal === appeal);
}

/**
 * A fair official's next step in gathering evidence (day or evening), or null. A corrupt one
 * has made up its mind already.
 */
export function gatherEvidence(input: BotInput<OfficialView>): Command | null {
  const { view: v, personality } = input;
  if (personality === "corrupt_official") return null;
  const me = v.me.seat;
  // the view lists what evidence may be sought on now (nothing outside the day and the evening)
  if (v.board.phase === "evening") {
    for (const a of v.appeals) {
      if (!(a.id in v.askable) || a.appellant === me || sought(v, a.entry, a.id)) continue;
      const e = v.journal.find((x) => x.id === a.entry);
      if (!e) continue;
      if (a.evidence === "witness") {
        const w = witnessFor(input, e, a.id);
        if (w) return { kind: "ask_statement", witness: w, appeal: a.id };
      } else if (a.evidence === null && sometimes(a.id, me, 40)) {
        return { kind: "check_footage", appeal: a.id };
      }
    }
  }
  for (const e of v.journal) {
    if (!(e.id in v.askable) || e.status !== "pending" || e.basis !== "hearsay" || sought(v, e.id, null)) continue;
    if (!sometimes(e.id, me, 50)) continue;
    if (sometimes(e.id, me, 25)) return { kind: "check_footage", entry: e.id };
    const w = witnessFor(input, e, e.id);
    if (w) return { kind: "ask_statement", witness: w, entry: e.id };
  }
  return null;
}

/**
 * What the evidence gathered says about an entry's claim: "for" (the footage confirms it or a
 * witness says it happened), "against" (contradicted, or a witness says it did not), "waiting"
 * (a witness has not answered yet), or null when there is none.
 */
export function evidenceOn(v: OfficialView, entry: string, appeal: string | null): "for" | "against" | "waiting" | null {
  const f = v.footage.find((x) => x.entry === entry && x.appeal === appeal);
  if (f?.result === "confirms") return "for";
  if (f?.result === "contradicts") return "against";
  let said: "for" | "against" | "waiting" | null = null;
  for (const x of v.statements) {
    if (x.entry !== entry || x.appeal !== appeal) continue;
    if (x.answer === "saw_it") return "for";
    if (x.answer === "did_not") said = "against";
    else if (x.status === "open" && said === null) said = "waiting";
  }
  return said;
}

/** A witness's open requests for a statement. */
export const WITNESS_OFFERS: readonly Offer<ResidentView>[] = [
  {
    kind: "answer_statement",
    prompted: true,
    *list(_sc, v) {
      for (const r of v.requests) if (r.status === "open") for (const answer of STATEMENT_ANSWERS) yield { kind: "answer_statement", statement: r.id, answer };
    },
  },
];

/** An official's evidence: statements from the witnesses the view names, and the footage. */
export const EVIDENCE_OFFERS: readonly Offer<OfficialView>[] = [
  {
    kind: "ask_statement",
    prompted: true,
    *list(_sc, v) {
      for (const [target, witnesses] of Object.entries(v.askable)) for (const witness of witnesses) yield { kind: "ask_statement", witness, ...about(v, target) };
    },
  },
  {
    kind: "check_footage",
    prompted: true,
    *list(_sc, v) {
      for (const target of Object.keys(v.askable)) yield { kind: "check_footage", ...about(v, target) };
    },
  },
];

/** The view keys where evidence may be sought by entry id or by appeal id. */
function about(v: OfficialView, target: string): { appeal: string } | { entry: string } {
  return v.appeals.some((a) => a.id === target) ? { appeal: target } : { entry: target };
}
