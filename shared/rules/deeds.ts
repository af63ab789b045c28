/**
 * Moving about and acting at a location. Every action trades score against wellbeing, money and
 * time; grades and the blacklist block some of them, and a blocked action carries the
 * restriction that blocks it so the map can grey it out with the reason.
 */
import { observes } from "./roleBook.ts";
import type { Deed, Location, Service } from "../scenario/index.ts";
import type { CommandOf } from "../commands/contract.ts";
import { accept, reject, type Ctx, type Decision } from "./context.ts";
import { chain, push } from "./chain.ts";
import { blockingRestriction, busFare, serviceMoney } from "./grades.ts";
import { cameraFlag } from "./journal.ts";
import { hasOpenLoan, newLoan } from "./loans.ts";
import { Reasons, type Reason } from "../reasons.ts";
import type { GameState, Player, SeatId } from "./state.ts";

/** What a trip costs: within a zone one walks free (and needs no bus); further, action points on foot or the fare. */
export interface TripCost {
  near: boolean;
  walkAp: number;
  busFare: number;
}

const NEAR: TripCost = { near: true, walkAp: 0, busFare: 0 };

/** What `p` would pay to go from where they stand to `to`. */
export function tripCost(s: GameState, p: Player, to: Location): TripCost {
  const from = s.scenario.locations.find((l) => l.id === p.location);
  if (from?.zone === to.zone) return NEAR;
  return { near: false, walkAp: s.scenario.travel.walkFarAp, busFare: busFare(s.scenario, p.perks, p.restrictions) };
}

/** The cost of a trip to every other place, keyed by location (the resident's list of places shows these). */
export function tripsFrom(s: GameState, p: Player): Record<string, TripCost> {
  const out: Record<string, TripCost> = {};
  for (const l of s.scenario.locations) if (l.id !== p.location) out[l.id] = tripCost(s, p, l);
  return out;
}

export function move(s: GameState, seat: SeatId, c: CommandOf<"move">): Decision {
  const p = s.players[seat] as Player;
  const to = s.scenario.locations.find((l) => l.id === c.to);
  if (!to) return reject(Reasons.unknown_location);
  if (to.id === p.location) return reject(Reasons.already_there);
  const cost = tripCost(s, p, to);
  if (cost.near) return accept([{ type: "moved", seat, to: to.id, ap: 0, money: 0 }]);
  if (c.by === "bus") {
    if (p.money < cost.busFare) return reject(Reasons.not_enough_money);
    return accept([{ type: "moved", seat, to: to.id, ap: 0, money: cost.busFare }]);
  }
  if (p.ap < cost.walkAp) return reject(Reasons.no_action_points);
  return accept([{ type: "moved", seat, to: to.id, ap: cost.walkAp, money: 0 }]);
}

export interface ActionOption {
  id: string;
  kind: "deed" | "service";
  /** null when the resident can do it now. */
  blocked: Reason | null;
  /** The restriction behind `blocked_by_restriction`. */
  restriction: string | null;
  /** What it costs me in money now (a service's price after my perks). */
  price: number;
}

function deedCheck(s: GameState, p: Player, d: Deed): { reason: Reason; detail?: string } | null {
  if (d.source === "system") return { reason: Reasons.unknown_action };
  if (d.source === "event" && !p.offers.includes(d.id)) return { reason: Reasons.not_offered };
  if (d.locations.length > 0 && !d.locations.includes(p.location)) return { reason: Reasons.not_here };
  if (p.doneToday.includes(d.id)) return { reason: Reasons.done_today };
  const r = blockingRestriction(s.scenario, p.restrictions, d.id);
  if (r) return { reason: Reasons.blocked_by_restriction, detail: r };
  if (p.ap < d.cost.ap) return { reason: Reasons.no_action_points };
  if (p.money < d.cost.money) return { reason: Reasons.not_enough_money };
  return null;
}

function serviceCheck(s: GameState, p: Player, sv: Service): { reason: Reason; detail?: string } | null {
  if (!sv.locations.includes(p.location)) return { reason: Reasons.not_here };
  if (s.day < sv.fromDay) return { reason: Reasons.not_open_yet };
  if (p.doneToday.includes(sv.id)) return { reason: Reasons.done_today };
  const r = blockingRestriction(s.scenario, p.restrictions, sv.id);
  if (r) return { reason: Reasons.blocked_by_restriction, detail: r };
  if (sv.opensLoan && hasOpenLoan(s, p.seat)) return { reason: Reasons.already_have };
  if (p.ap < sv.cost.ap) return { reason: Reasons.no_action_points };
  if (p.money < serviceMoney(s.scenario, p.perks, sv.id, sv.cost.money)) return { reason: Reasons.not_enough_money };
  return null;
}

/** Everything a resident could do where they stand, with the reason when they cannot. */
export function actionsAt(s: GameState, seat: SeatId): ActionOption[] {
  const p = s.players[seat];
  if (!p) return [];
  const out: ActionOption[] = [];
  for (const d of s.scenario.deeds) {
    if (d.source === "system" || (d.locations.length > 0 && !d.locations.includes(p.location))) continue;
    if (d.source === "event" && !p.offers.includes(d.id)) continue;
    const bad = deedCheck(s, p, d);
    out.push({ id: d.id, kind: "deed", blocked: bad?.reason ?? null, restriction: bad?.detail ?? null, price: d.cost.money });
  }
  for (const sv of s.scenario.services) {
    if (!sv.locations.includes(p.location)) continue;
    const bad = serviceCheck(s, p, sv);
    out.push({ id: sv.id, kind: "service", blocked: bad?.reason ?? null, restriction: bad?.detail ?? null, price: serviceMoney(s.scenario, p.perks, sv.id, sv.cost.money) });
  }
  return out;
}

export function act(s: GameState, seat: SeatId, c: CommandOf<"act">, ctx: Ctx): Decision {
  const p = s.players[seat] as Player;
  const deed = s.scenario.deeds.find((d) => d.id === c.action);
  if (deed) {
    const bad = deedCheck(s, p, deed);
    if (bad) return reject(bad.reason, bad.detail);
    const witnesses = deed.visibleToWatchers
      ? s.seats.filter((x) => x !== seat && observes(s.players[x]?.role) && s.players[x]?.location === p.location)
      : [];
    const camera = deed.visibleToCameras && deed.points !== 0 && s.cameras.includes(p.location);
    const ch = chain(s);
    const occurrence = { id: `o${s.nextId}`, actor: seat, deed: deed.id, location: p.location, day: s.day, at: ctx.now, witnesses, camera };
    push(ch, {
      type: "deed_done",
      occurrence,
      ap: deed.benefit.ap - deed.cost.ap,
      money: deed.benefit.money - deed.cost.money,
      wellbeing: deed.benefit.wellbeing - deed.cost.wellbeing,
    });
    if (camera) push(ch, cameraFlag(ch.state, occurrence, ctx));
    return accept(ch.events);
  }
  const sv = s.scenario.services.find((x) => x.id === c.action);
  if (!sv) return reject(Reasons.unknown_action);
  const bad = serviceCheck(s, p, sv);
  if (bad) return reject(bad.reason, bad.detail);
  const ch = chain(s);
  push(ch, {
    type: "service_used",
    seat,
    service: sv.id,
    item: sv.grants,
    ap: sv.benefit.ap - sv.cost.ap,
    money: sv.benefit.money - serviceMoney(s.scenario, p.perks, sv.id, sv.cost.money),
    wellbeing: sv.benefit.wellbeing - sv.cost.wellbeing,
  });
  const loan = sv.opensLoan ? newLoan(ch.state, seat) : null;
  if (loan) push(ch, { type: "loan_opened", loan });
  return accept(ch.events);
}
