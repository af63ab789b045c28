/**
 * Officials' policies. A fair official asks for evidence on hearsay, approves what stands at
 * catalogue value, and reverses appeals the footage contradicts — but only has time for a few
 * appeals an evening. A corrupt official approves nearly everything, harshly against its target
 * and anyone who criticises officials, protects its ally, and lets appeals wait (now and then
 * reversing a cheap one, to look fair). Entries are scored as they come in (morning to night);
 * appeals and rule changes in the evening; a court's listing whenever the claims are there.
 * Both read their secret goal: a backlog to clear makes them decide more appeals, a high average
 * makes them generous within the allowed range.
 */
import type { OfficialView, QueueEntry } from "../rules/index.ts";
import type { Command } from "../commands/index.ts";
import { chance, recordableDeeds, type BotChoice, type BotInput, type Offer } from "./context.ts";
import { evidenceOn } from "./evidence.ts";

const EVENING_REVIEWS = 6;

function points(input: BotInput<OfficialView>, e: QueueEntry, factor: number): number {
  const d = input.scenario.deeds.find((x) => x.id === e.deed);
  if (!d) return 0;
  const catalogue = input.view.board.deedPoints[d.id] ?? d.points;
  const f = input.scenario.roles.official.adjustFraction;
  const lo = d.range?.min ?? Math.min(Math.round(catalogue * (1 - f)), Math.round(catalogue * (1 + f)));
  const hi = d.range?.max ?? Math.max(Math.round(catalogue * (1 - f)), Math.round(catalogue * (1 + f)));
  return Math.max(lo, Math.min(hi, Math.round(catalogue * factor)));
}

export function officialBot(input: BotInput<OfficialView>): BotChoice {
  const { scenario: sc, view: v, personality, rng } = input;
  const evening = v.board.phase === "evening";
  const corrupt = personality === "corrupt_official";
  const me = v.me;
  const kinds = new Set(me.goals.map((g) => sc.goals.find((x) => x.id === g)?.check.kind));
  // An evening has room for only so many appeals (counted per evening, not per game).
  const decidedToday = v.appeals.filter((a) => a.decidedBy === me.seat && a.decidedDay === v.board.day).length;
  // Without a deadline (undecided appeals just wait) nothing hurries an official: one an evening.
  const unhurried = sc.appeals.undecided === "pending";
  const base = unhurried ? 1 : corrupt ? 2 : 5;
  // The evening's room the queue does not need goes to appeals (an appeal takes two reviews' time).
  const scoredToday = v.journal.filter((e) => e.reviewer === me.seat && e.day === v.board.day).length;
  const queued = v.journal.filter((e) => (e.status === "pending" || e.status === "evidence_requested") && e.subject !== me.seat).length;
  const spare = corrupt || unhurried ? 0 : Math.floor(Math.max(0, EVENING_REVIEWS - scoredToday - queued) / 2);
  const appealBudget = base + spare + (kinds.has("clear_appeals") || kinds.has("appeals_decided") ? 3 : 0);
  const generous = kinds.has("average_score");
  for (const a of evening ? v.appeals : []) {
    if (a.status !== "pending" || decidedToday >= appealBudget || a.appellant === me.seat) continue;
    if (corrupt) {
      if (a.appellant === me.ally) return { kind: "decide_appeal", appeal: a.id, decision: "reverse" };
      if (chance(rng, 0.5)) continue;
      // where appeals fall due, now and then a cheap reversal, to look fair — never for its target
      const show = !unhurried && a.appellant !== me.target && chance(rng, 0.25);
      return { kind: "decide_appeal", appeal: a.id, decision: show ? "reverse" : "uphold" };
    }
    // a witness asked about it: wait for the answer, then let it weigh
    const says = evidenceOn(v, a.entry, a.id);
    if (says === "waiting") continue;
    if (says === "against") return { kind: "decide_appeal", appeal: a.id, decision: "reverse" };
    if (says === "for") return { kind: "decide_appeal", appeal: a.id, decision: "uphold" };
    if (a.footage === "shows_nothing") return { kind: "decide_appeal", appeal: a.id, decision: "reverse" };
    if (a.footage === "shows_deed") return { kind: "decide_appeal", appeal: a.id, decision: "uphold" };
    // Without footage: an entry that rests on hearsay alone gets the benefit of the doubt more often.
    const entry = v.journal.find((x) => x.id === a.entry);
    // A court's judge rarely undoes a listing on the appellant's word alone.
    const cautious = sc.blacklist.mode === "official" ? 0.4 : 1;
    // …and a resident in good standing is believed more readily (the record vouches for them).
    const standing = v.board.players.find((p) => p.seat === a.appellant)?.grade;
    const graded = sc.scoring.mode === "points" && standing !== undefined && standing !== null;
    const believed = graded && sc.grades.findIndex((g) => g.id === standing) <= 2 ? 0.35 : 0;
    const doubt = ((entry?.basis === "hearsay" ? 0.6 : 0.3) + believed) * cautious;
    return { kind: "decide_appeal", appeal: a.id, decision: chance(rng, doubt) ? "reverse" : "uphold" };
  }
  // The evening belongs to appeals and verdicts: only so many entries get scored then, the rest
  // wait in the queue for the night and the morning.
  const queueOpen = !evening || scoredToday < EVENING_REVIEWS;
  // Entries waiting for a witness's answer come last: decided without it only when nothing else is left.
  const open = queueOpen ? v.journal.filter((e) => (e.status === "pending" || e.status === "evidence_requested") && e.subject !== me.seat) : [];
  const waiting = corrupt ? [] : open.filter((e) => evidenceOn(v, e.id, null) === "waiting");
  for (const e of waiting.length > 0 ? [...open.filter((e) => !waiting.includes(e)), ...waiting] : open) {
    const says = corrupt ? null : evidenceOn(v, e.id, null);
    const deed = sc.deeds.find((d) => d.id === e.deed);
    const bad = (deed?.points ?? 0) < 0;
    let cmd: Command;
    const duplicate = e.occurrence !== null && v.journal.some(
      (x) => x.id !== e.id && x.status === "approved" && x.occurrence === e.occurrence && x.subject === e.subject && x.deed === e.deed,
    );
    if (!corrupt && duplicate) {
      cmd = { kind: "review", entry: e.id, decision: "reject" };
    } else if (corrupt) {
      if (e.subject === me.ally) cmd = bad ? { kind: "review", entry: e.id, decision: "reject" } : { kind: "review", entry: e.id, decision: "approve", points: points(input, e, 1.5) };
      else if (e.subject === me.target && !bad) cmd = { kind: "review", entry: e.id, decision: "reject" };
      else if (bad && (e.subject === me.target || e.deed === "criticise_official")) cmd = { kind: "review", entry: e.id, decision: "approve", points: points(input, e, 1.5) };
      // Hearsay about anyone else: waved through a third of the time (it costs the official nothing).
      else if (bad && e.basis === "hearsay" && chance(rng, 0.65)) cmd = { kind: "review", entry: e.id, decision: "reject" };
      else cmd = { kind: "review", entry: e.id, decision: "approve", points: points(input, e, bad ? 1.2 : 1) };
    } else if (says === "against") {
      cmd = { kind: "review", entry: e.id, decision: "reject" };
    } else if (says === "for") {
      cmd = { kind: "review", entry: e.id, decision: "approve", points: points(input, e, 1) };
    } else if (e.status === "pending" && e.basis === "hearsay") {
      cmd = { kind: "review", entry: e.id, decision: "ask_evidence" };
    } else if (e.footage === "shows_nothing") {
      cmd = { kind: "review", entry: e.id, decision: "reject" };
    } else if (e.basis === "hearsay" && e.footage !== "shows_deed") {
      cmd = chance(rng, 0.3) ? { kind: "review", entry: e.id, decision: "approve", points: points(input, e, 1) } : { kind: "review", entry: e.id, decision: "reject" };
    } else {
      // Within the allowed range: generous to everyone for a high average, or quietly to one's ally.
      const kind = generous || (e.subject === me.ally && kinds.has("ally_ends_grade"));
      cmd = { kind: "review", entry: e.id, decision: "approve", points: points(input, e, kind ? (bad ? 0.5 : 1.5) : 1) };
    }
    return cmd;
  }
  if (sc.blacklist.mode === "official") {
    const listed = new Set(v.blacklist.filter((r) => r.active).map((r) => r.seat));
    const bySubject = new Map<string, string[]>();
    for (const e of v.journal) {
      const citable = sc.blacklist.citable.length > 0 ? sc.blacklist.citable.includes(e.deed) : sc.deeds.find((d) => d.id === e.deed)?.category === "bad";
      if (e.status === "approved" && citable && !listed.has(e.subject) && e.subject !== me.seat) {
        bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e.id]);
      }
    }
    for (const [subject, entries] of bySubject) {
      // A corrupt judge never lists its ally; a fair one judges the ally like anyone else.
      if (subject === me.ally && corrupt) continue;
      // Judges list on a default alone or on two claims; a corrupt one lists its target on anything.
      const owed = entries.some((id) => v.journal.find((x) => x.id === id)?.source === "system");
      const need = (corrupt && subject === me.target) || owed ? 1 : 2;
      if (entries.length >= need) return { kind: "blacklist", subject, entries };
    }
  }
  if (!evening) return null;
  if (sc.ruleChanges.enabled && corrupt && !v.proposals.some((p) => p.official === me.seat && p.day === v.board.day)) {
    const harsh = sc.deeds.find((d) => d.id === "criticise_official") ?? sc.deeds.find((d) => d.category === "bad" && d.source === "action");
    const current = harsh ? (v.board.deedPoints[harsh.id] ?? harsh.points) : 0;
    if (harsh && current < 0) {
      const shift = Math.max(1, Math.round(Math.abs(current) * sc.ruleChanges.maxShift));
      return { kind: "propose_rule", deed: harsh.id, points: current - Math.floor(shift / 2) };
    }
  }
  return null;
}

/** An official's desk: the review queue, appeals, listings, and rule proposals (always open). */
export const DESK_OFFERS: readonly Offer<OfficialView>[] = [
  {
    kind: "review",
    prompted: true,
    handy: true,
    *list(sc, v) {
      for (const e of v.journal) {
        if (e.status !== "pending" && e.status !== "evidence_requested") continue;
        yield { kind: "review", entry: e.id, decision: "approve", points: v.board.deedPoints[e.deed] ?? sc.deeds.find((d) => d.id === e.deed)?.points ?? 0 };
        yield { kind: "review", entry: e.id, decision: "reject" };
        yield { kind: "review", entry: e.id, decision: "ask_evidence" };
      }
    },
  },
  {
    kind: "decide_appeal",
    prompted: true,
    handy: true,
    *list(_sc, v) {
      for (const a of v.appeals) {
        if (a.status !== "pending") continue;
        yield { kind: "decide_appeal", appeal: a.id, decision: "uphold" };
        yield { kind: "decide_appeal", appeal: a.id, decision: "reverse" };
      }
    },
  },
  {
    kind: "blacklist",
    prompted: true,
    *list(_sc, v) {
      const bySubject = new Map<string, string[]>();
      for (const e of v.journal) if (e.status === "approved") bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e.id]);
      for (const [subject, entries] of bySubject) {
        // one cited claim, or all of them: the two shapes a student's form produces most
        for (const id of entries) yield { kind: "blacklist", subject, entries: [id] };
        if (entries.length > 1) yield { kind: "blacklist", subject, entries: entries.slice(0, 10) };
      }
    },
  },
  {
    kind: "delist",
    prompted: true,
    *list(_sc, v) {
      for (const r of v.blacklist) if (r.active) yield { kind: "delist", subject: r.seat };
    },
  },
  {
    kind: "propose_rule",
    *list(sc, v) {
      for (const d of recordableDeeds(sc)) {
        const now = v.board.deedPoints[d.id] ?? d.points;
        yield { kind: "propose_rule", deed: d.id, points: now < 0 ? now - 1 : now + 1 };
      }
    },
  },
];
