/**
 * Residents' policies. A conformist chases their goal, does good deeds and appeals only what is
 * false; a rebel lives for wellbeing, speaks their mind online, borrows freely and appeals
 * everything. Both choose only from what their own view shows.
 */
import type { Scenario } from "../scenario/index.ts";
import type { Command, ResidentView, Rng } from "../rules/index.ts";
import { pick } from "../rules/index.ts";
import { chance, type BotChoice, type BotInput } from "./context.ts";

function zoneOf(sc: Scenario, loc: string): string | undefined {
  return sc.locations.find((l) => l.id === loc)?.zone;
}

/** A move towards `to`: on foot if near or AP allow, by bus otherwise. */
export function moveTo(sc: Scenario, v: ResidentView, to: string): Command | null {
  if (v.me.location === to) return null;
  const far = zoneOf(sc, to) !== zoneOf(sc, v.me.location);
  if (!far) return { kind: "move", to };
  if (v.me.ap > sc.travel.walkFarAp + 1) return { kind: "move", to, by: "walk" };
  if (v.me.money >= sc.travel.busFare) return { kind: "move", to, by: "bus" };
  if (v.me.ap >= sc.travel.walkFarAp) return { kind: "move", to, by: "walk" };
  return null;
}

function goalItem(sc: Scenario, v: ResidentView): string | null {
  for (const g of v.me.goals) {
    const card = sc.goals.find((x) => x.id === g);
    if (card?.check.kind === "acquire" && !v.me.items.includes(card.check.item)) return card.check.item;
  }
  return null;
}

function appealFor(sc: Scenario, v: ResidentView, rebel: boolean, rng: Rng): Command | null {
  if (!sc.appeals.enabled) return null;
  const open = v.myAppeals.filter((a) => a.status === "pending").length;
  if (open >= sc.appeals.maxOpen) return null;
  const appealed = new Set(v.myAppeals.map((a) => a.entry));
  for (const e of v.aboutMe) {
    if (appealed.has(e.id) || e.status !== "approved" || (e.points ?? 0) >= 0) continue;
    const didIt = v.myDeeds.some((d) => d.deed === e.deed);
    if (!didIt) return { kind: "appeal", entry: e.id, reason: "did_not_happen", evidence: "camera" };
    if (rebel && chance(rng, 0.5)) return { kind: "appeal", entry: e.id, reason: "context", evidence: null };
    if (!rebel && (e.points ?? 0) <= -50 && chance(rng, 0.3)) {
      return { kind: "appeal", entry: e.id, reason: "disproportionate", evidence: null };
    }
  }
  return null;
}

function cosignFor(v: ResidentView, rebel: boolean, rng: Rng): Command | null {
  const loan = v.loans.find((l) => l.status === "seeking_cosigner" && l.borrower !== v.me.seat && !l.cosigners.includes(v.me.seat));
  if (!loan) return null;
  return chance(rng, rebel ? 0.35 : 0.15) ? { kind: "cosign", loan: loan.id } : null;
}

/** Where to go next: the goal's service, or a place with deeds this personality likes. */
function destination(sc: Scenario, v: ResidentView, rebel: boolean, rng: Rng): string | null {
  const item = goalItem(sc, v);
  if (item && !(rebel && chance(rng, 0.5))) {
    const sv = sc.services.find((s) => s.grants === item);
    const blocked = sv && v.me.restrictions.some((r) => sc.restrictions.find((x) => x.id === r)?.blocks.includes(sv.id));
    if (sv && !blocked) {
      const price = sv.cost.money;
      if (v.me.money < price) return sc.deeds.find((d) => d.category === "neutral" && d.benefit.money > 0)?.locations[0] ?? null;
      return sv.locations[0] ?? null;
    }
  }
  const liked = sc.deeds.filter((d) => d.source === "action" && d.locations.length > 0 && (rebel ? d.category === "bad" : d.category === "good"));
  // Rebels speak their mind: the harshest deeds (criticism, rumours) pull them most.
  const d = rebel && chance(rng, 0.7) ? liked.slice().sort((a, b) => a.points - b.points)[0] : pick(rng, liked);
  return d ? (pick(rng, d.locations) ?? null) : null;
}

export function residentBot({ scenario: sc, view: v, personality, rng }: BotInput<ResidentView>): BotChoice {
  const rebel = personality === "rebel";
  const appeal = appealFor(sc, v, rebel, rng);
  if (appeal) return appeal;
  if (v.kind === "resident" && v.board.phase === "evening" && sc.reporting.enabled && !rebel && chance(rng, 0.08)) {
    // Snitching on hearsay: the lowest-scored neighbour, for some bad deed.
    const others = v.board.players.filter((p) => p.seat !== v.me.seat && p.grade !== null && p.role !== "official");
    others.sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
    const bad = sc.deeds.filter((d) => d.category === "bad" && d.source === "action" && d.points < 0);
    const target = others[0];
    const deed = pick(rng, bad);
    if (target && deed) return { kind: "report", subject: target.seat, deed: deed.id };
  }
  if (v.board.phase !== "day") return null;
  const cosign = cosignFor(v, rebel, rng);
  if (cosign) return cosign;
  const can = v.actions.filter((a) => a.blocked === null);
  const item = goalItem(sc, v);
  const goalService = can.find((a) => a.kind === "service" && sc.services.find((s) => s.id === a.id)?.grants === item);
  if (goalService) return { kind: "act", action: goalService.id };
  const loanService = can.find((a) => a.kind === "service" && sc.services.find((s) => s.id === a.id)?.opensLoan);
  if (loanService && chance(rng, rebel ? 0.5 : 0.1)) return { kind: "act", action: loanService.id };
  const deedOf = (id: string) => sc.deeds.find((d) => d.id === id);
  const goods = can.filter((a) => a.kind === "deed" && deedOf(a.id)?.category === "good");
  const bads = can.filter((a) => a.kind === "deed" && deedOf(a.id)?.category === "bad");
  const work = can.filter((a) => a.kind === "deed" && deedOf(a.id)?.category === "neutral");
  const needMoney = v.me.money < 60 || v.loans.some((l) => l.borrower === v.me.seat && l.status === "active" && v.me.money < l.repay);
  if (needMoney && work.length > 0 && chance(rng, rebel ? 0.3 : 0.8)) return { kind: "act", action: work[0]!.id };
  const unhappy = v.me.wellbeing < 4;
  const badChance = rebel ? 0.75 : unhappy ? 0.3 : 0.1;
  const harshest = bads.slice().sort((a, b) => (deedOf(a.id)?.points ?? 0) - (deedOf(b.id)?.points ?? 0))[0];
  const bad = rebel && chance(rng, 0.8) ? harshest : pick(rng, bads);
  const choice = chance(rng, badChance) ? (bad ?? pick(rng, goods)) : (pick(rng, goods) ?? (chance(rng, 0.3) ? pick(rng, bads) : undefined));
  if (choice) return { kind: "act", action: choice.id };
  if (v.me.ap <= 0 && !can.some((a) => (sc.deeds.find((d) => d.id === a.id)?.cost.ap ?? 1) === 0)) return null;
  const to = destination(sc, v, rebel, rng);
  return to ? moveTo(sc, v, to) : null;
}
