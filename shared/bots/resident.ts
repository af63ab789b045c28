/**
 * Residents' policies. A conformist chases their goal, does good deeds and appeals only what is
 * false; a rebel lives for wellbeing, speaks their mind online, borrows freely and appeals
 * everything. Both read their secret goal: a want that costs more than they have sends them to
 * the bank or the factory, a clean-record goal keeps them from bad deeds, an appeal to win makes
 * them contest everything, and the journalist keeps writing. They choose only from their own view.
 */
import type { Scenario } from "../scenario/index.ts";
import type { ResidentView, Rng } from "../rules/index.ts";
import type { Command } from "../commands/index.ts";
import { pick } from "../rules/index.ts";
import { chance, gradedOthers, lowScorer, type BotChoice, type BotInput, type Offer } from "./context.ts";

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

/** The check kinds of my goal cards. */
function goalKinds(sc: Scenario, v: ResidentView): Set<string> {
  const kinds = new Set<string>();
  for (const g of v.me.goals) {
    const card = sc.goals.find((x) => x.id === g);
    if (card) kinds.add(card.check.kind);
  }
  return kinds;
}

/** Whether I am the player another goal names as its target (the journalist). */
function isJournalist(sc: Scenario, v: ResidentView): boolean {
  return v.me.goals.some((g) => sc.goals.find((x) => x.id === g)?.forTargetOf !== undefined);
}

/** The loan service, if I could take a loan here and now or by walking to the bank today. */
function loanService(sc: Scenario, v: ResidentView) {
  const sv = sc.services.find((x) => x.opensLoan);
  if (!sv || v.board.day < sv.fromDay) return null;
  if (v.me.restrictions.some((r) => sc.restrictions.find((x) => x.id === r)?.blocks.includes(sv.id))) return null;
  const open = v.loans.some((l) => l.borrower === v.me.seat && (l.status === "active" || l.status === "seeking_cosigner"));
  return open || v.me.items.includes(sv.grants) ? null : sv;
}

function goalItem(sc: Scenario, v: ResidentView): string | null {
  for (const g of v.me.goals) {
    const card = sc.goals.find((x) => x.id === g);
    if (card?.check.kind === "acquire" && !v.me.items.includes(card.check.item)) return card.check.item;
  }
  return null;
}

function appealFor(sc: Scenario, v: ResidentView, rebel: boolean, rng: Rng, wantsWin: boolean): Command | null {
  if (!sc.appeals.enabled) return null;
  const open = v.myAppeals.filter((a) => a.status === "pending").length;
  if (open >= sc.appeals.maxOpen) return null;
  const appealed = new Set(v.myAppeals.map((a) => a.entry));
  for (const e of v.aboutMe) {
    if (appealed.has(e.id) || e.status !== "approved" || (e.points ?? 0) >= 0) continue;
    const didIt = v.myDeeds.some((d) => d.deed === e.deed);
    if (!didIt) return { kind: "appeal", entry: e.id, reason: "did_not_happen", evidence: "camera" };
    if (wantsWin || (rebel && chance(rng, 0.5))) return { kind: "appeal", entry: e.id, reason: "context", evidence: "camera" };
    // A listed resident fights the listing: every entry behind it is contested.
    if (v.me.blacklisted) return { kind: "appeal", entry: e.id, reason: "disproportionate", evidence: null };
    if (!rebel && (e.points ?? 0) <= -50 && chance(rng, 0.3)) {
      return { kind: "appeal", entry: e.id, reason: "disproportionate", evidence: null };
    }
  }
  return null;
}

/**
 * How likely a conformist is to report a neighbour at an evening's turn: a few do it from
 * conviction, and a reward brings more (2 % with none, 5 % at 5 points, 8 % at 10, at most 20 %
 * from 30 points). So a variant that pays more for reports shows more of them, and of the false
 * entries and wrongful listings they bring.
 */
export function reportChance(reward: number): number {
  return Math.min(200, 20 + 6 * Math.max(0, reward)) / 1000;
}

/** Neighbours a borrower turns to for a cosigner, whatever the size of the class. */
const ASKED = 12;

function cosignFor(v: ResidentView, rebel: boolean, rng: Rng): Command | null {
  const loan = v.loans.find((l) => l.status === "seeking_cosigner" && l.borrower !== v.me.seat && !l.cosigners.includes(v.me.seat));
  if (!loan) return null;
  // A borrower asks a dozen neighbours, not the whole town: in a big class each is asked less often.
  const neighbours = v.board.players.filter((p) => p.seat !== loan.borrower && p.grade !== null).length;
  const asked = Math.min(1, ASKED / Math.max(1, neighbours));
  return chance(rng, (rebel ? 0.35 : 0.15) * asked) ? { kind: "cosign", loan: loan.id } : null;
}

/** Where to go next: the goal's service, or a place with deeds this personality likes. */
function destination(sc: Scenario, v: ResidentView, rebel: boolean, rng: Rng): string | null {
  // A loan falls due: a conformist goes to work for the repayment (a rebel now and then).
  const owing = v.loans.some((l) => l.borrower === v.me.seat && l.status === "active" && v.me.money < l.repay);
  const work = sc.deeds.find((d) => d.category === "neutral" && d.benefit.money > 0 && d.locations.length > 0);
  if (owing && work && chance(rng, rebel ? 0.3 : 0.9)) return work.locations[0] ?? null;
  const item = goalItem(sc, v);
  if (item && !(rebel && chance(rng, 0.5))) {
    const sv = sc.services.find((s) => s.grants === item);
    const blocked = sv && v.me.restrictions.some((r) => sc.restrictions.find((x) => x.id === r)?.blocks.includes(sv.id));
    if (sv && !blocked) {
      const price = sv.cost.money;
      if (v.me.money < price) {
        // Short of money: borrow (needs a cosigner, and a repayment later) or work shifts.
        const loan = loanService(sc, v);
        if (loan && chance(rng, rebel ? 0.6 : 0.35)) return loan.locations[0] ?? null;
        return sc.deeds.find((d) => d.category === "neutral" && d.benefit.money > 0)?.locations[0] ?? null;
      }
      if (v.board.day >= sv.fromDay) return sv.locations[0] ?? null;
    }
  }
  const liked = sc.deeds.filter((d) => d.source === "action" && d.locations.length > 0 && (rebel ? d.category === "bad" : d.category === "good"));
  // Rebels speak their mind: the harshest deeds (criticism, rumours) pull them most.
  if (rebel && chance(rng, 0.7)) {
    const d = liked.slice().sort((a, b) => a.points - b.points)[0];
    return d ? (pick(rng, d.locations) ?? null) : null;
  }
  // A conformist does good where it is seen: a place with a camera counts more often.
  const seen = liked.flatMap((d) => d.locations.filter((l) => v.board.cameras.includes(l)));
  if (!rebel && seen.length > 0 && chance(rng, 0.7)) return pick(rng, seen) ?? null;
  const d = pick(rng, liked);
  return d ? (pick(rng, d.locations) ?? null) : null;
}

/**
 * Pacing: the day's action points last from morning to night. A little is kept back for the
 * evening and the night (a student looks in again after the verdicts), the rest goes by day.
 */
function paced(sc: Scenario, v: ResidentView): ResidentView {
  const reserve = v.board.phase === "evening" ? 1 : v.board.phase === "night" ? 0 : Math.min(2, sc.resident.actionPoints - 2);
  const ap = Math.max(0, v.me.ap - Math.max(0, reserve));
  const cost = (id: string) => sc.deeds.find((d) => d.id === id)?.cost.ap ?? sc.services.find((x) => x.id === id)?.cost.ap ?? 0;
  const actions = v.actions.map((a) => (a.blocked === null && cost(a.id) > ap ? { ...a, blocked: "no_action_points" as const } : a));
  return { ...v, me: { ...v.me, ap }, actions };
}

export function residentBot({ scenario: sc, view, personality, rng }: BotInput<ResidentView>): BotChoice {
  let v = view;
  const rebel = personality === "rebel";
  const kinds = goalKinds(sc, v);
  const journalist = isJournalist(sc, v);
  // A clean-record goal (or the journalist's) keeps a conformist off bad deeds — almost always.
  const careful = !rebel && (kinds.has("keep_grade") || kinds.has("never_blacklisted"));
  const appeal = appealFor(sc, v, rebel, rng, kinds.has("win_appeal"));
  if (appeal) return appeal;
  if (v.kind === "resident" && v.board.phase === "evening" && sc.reporting.enabled && !rebel && chance(rng, reportChance(sc.reporting.reward))) {
    // Snitching on hearsay: a low-scored neighbour, for some bad deed.
    const bad = sc.deeds.filter((d) => d.category === "bad" && d.source === "action" && d.points < 0);
    const target = lowScorer(rng, v.board.players.filter((p) => p.seat !== v.me.seat && p.grade !== null && p.role !== "official"));
    const deed = pick(rng, bad);
    if (target && deed) return { kind: "report", subject: target.seat, deed: deed.id };
  }
  // The night is short (the board refreshes): most people just read it; a few still do something.
  if (v.board.phase === "night" && !chance(rng, 0.25)) return null;
  v = paced(sc, v);
  const cosign = cosignFor(v, rebel, rng);
  if (cosign) return cosign;
  const can = v.actions.filter((a) => a.blocked === null);
  const item = goalItem(sc, v);
  const goalService = can.find((a) => a.kind === "service" && sc.services.find((s) => s.id === a.id)?.grants === item);
  if (goalService) return { kind: "act", action: goalService.id };
  // The want is on sale and affordable: go and get it before anything else (a rebel, half the time).
  const wanted = item ? sc.services.find((x) => x.grants === item) : undefined;
  const wantedBlocked = wanted && v.me.restrictions.some((r) => sc.restrictions.find((x) => x.id === r)?.blocks.includes(wanted.id));
  if (wanted && !wantedBlocked && v.board.day >= wanted.fromDay && v.me.money >= wanted.cost.money && v.me.ap >= wanted.cost.ap && !(rebel && chance(rng, 0.5))) {
    const go = moveTo(sc, v, wanted.locations[0] ?? v.me.location);
    if (go) return go;
  }
  const goalPrice = item ? (sc.services.find((x) => x.grants === item)?.cost.money ?? 0) : 0;
  const loanHere = can.find((a) => a.kind === "service" && sc.services.find((s) => s.id === a.id)?.opensLoan);
  if (loanHere && chance(rng, v.me.money < goalPrice ? 0.9 : rebel ? 0.5 : 0.1)) return { kind: "act", action: loanHere.id };
  const deedOfId = (id: string) => sc.deeds.find((d) => d.id === id);
  // The journalist writes: criticism of officials online, now and then, whatever it costs them.
  const story = journalist ? can.find((a) => a.kind === "deed" && deedOfId(a.id)?.category === "bad" && (deedOfId(a.id)?.points ?? 0) <= -20) : undefined;
  if (story && chance(rng, 0.35)) return { kind: "act", action: story.id };
  const deedOf = (id: string) => sc.deeds.find((d) => d.id === id);
  const goods = can.filter((a) => a.kind === "deed" && deedOf(a.id)?.category === "good");
  const bads = can.filter((a) => a.kind === "deed" && deedOf(a.id)?.category === "bad");
  const work = can.filter((a) => a.kind === "deed" && deedOf(a.id)?.category === "neutral");
  const needMoney =
    v.me.money < 60 ||
    (item !== null && v.me.money < goalPrice) ||
    v.loans.some((l) => l.borrower === v.me.seat && l.status === "active" && v.me.money < l.repay);
  if (needMoney && work.length > 0 && chance(rng, rebel ? 0.3 : 0.8)) return { kind: "act", action: work[0]!.id };
  const unhappy = v.me.wellbeing < 4;
  // careful is not perfect: a bad mood now and then costs even a clean-record player
  const badChance = rebel ? 0.75 : careful ? (unhappy ? 0.1 : 0.02) : unhappy ? 0.3 : 0.1;
  const harshest = bads.slice().sort((a, b) => (deedOf(a.id)?.points ?? 0) - (deedOf(b.id)?.points ?? 0))[0];
  const bad = rebel && chance(rng, 0.8) ? harshest : pick(rng, bads);
  const choice = chance(rng, badChance) ? (bad ?? pick(rng, goods)) : (pick(rng, goods) ?? (chance(rng, 0.3) ? pick(rng, bads) : undefined));
  if (choice) return { kind: "act", action: choice.id };
  if (v.me.ap <= 0 && !can.some((a) => (sc.deeds.find((d) => d.id === a.id)?.cost.ap ?? 1) === 0)) return null;
  const storyDeed = sc.deeds.filter((d) => d.source === "action" && d.locations.length > 0).sort((a, b) => a.points - b.points)[0];
  const to = journalist && storyDeed && chance(rng, 0.3) ? (storyDeed.locations[0] ?? null) : destination(sc, v, rebel, rng);
  return to ? moveTo(sc, v, to) : null;
}

const APPEAL_REASONS = ["did_not_happen", "not_me", "context", "disproportionate"] as const;

/** What every resident's screen offers (watchers' too): walking, the deeds where they stand, loans to cosign, entries to appeal. */
export const TOWN_OFFERS: readonly Offer<ResidentView>[] = [
  {
    kind: "move",
    *list(sc, v) {
      for (const l of sc.locations) {
        if (l.id === v.me.location) continue;
        yield { kind: "move", to: l.id, by: "walk" };
        yield { kind: "move", to: l.id, by: "bus" };
      }
    },
  },
  {
    kind: "act",
    prompted: true,
    handy: true,
    *list(_sc, v) {
      for (const a of v.actions) yield { kind: "act", action: a.id };
    },
  },
  {
    kind: "cosign",
    prompted: true,
    *list(_sc, v) {
      for (const l of v.loans) if (l.status === "seeking_cosigner") yield { kind: "cosign", loan: l.id };
    },
  },
  {
    kind: "appeal",
    prompted: true,
    *list(_sc, v) {
      for (const e of v.aboutMe) for (const reason of APPEAL_REASONS) yield { kind: "appeal", entry: e.id, reason, evidence: reason === "did_not_happen" ? "camera" : null };
    },
  },
];

/** A resident's tip line: a bad deed by anyone on the board. */
export const REPORT_OFFERS: readonly Offer<ResidentView>[] = [
  {
    kind: "report",
    *list(sc, v) {
      const bad = sc.deeds.filter((d) => d.category === "bad" && d.source !== "system");
      for (const p of gradedOthers(v)) for (const d of bad) yield { kind: "report", subject: p.seat, deed: d.id };
    },
  },
];
