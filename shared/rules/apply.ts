/**
 * apply(state, event): the only writer of GameState. Each event type has a small reducer that
 * returns new objects for what changed and shares everything else (the input is never
 * mutated). Reducers check nothing: decide() already did.
 */
import { ROLE_BOOK, isRole } from "./roleBook.ts";
import type { EventOf, EventType, GameEvent } from "./events.ts";
import { gradeFor, gradeIndex, standingFor } from "./grades.ts";
import type { GameState, Player, SeatId } from "./state.ts";
import { freshPlayer } from "./state.ts";

type Reducer<T extends EventType> = (s: GameState, e: EventOf<T>) => GameState;

function patchPlayer(s: GameState, seat: SeatId, patch: Partial<Player>): GameState {
  const p = s.players[seat];
  if (!p) return s;
  return { ...s, players: { ...s.players, [seat]: { ...p, ...patch } } };
}

function mapPlayers(s: GameState, f: (p: Player) => Player): GameState {
  const players: Record<SeatId, Player> = {};
  for (const seat of s.seats) {
    const p = s.players[seat];
    if (p) players[seat] = f(p);
  }
  return { ...s, players };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Officials are scored only when the scenario says so; observers never. */
function scoredFor(s: GameState, role: Player["role"]): boolean {
  if (!isRole(role)) return false;
  const scored = ROLE_BOOK[role].scored;
  return scored === "always" || (scored === "if_scenario" && role === "official" && s.scenario.roles.official.scored);
}

const reducers: { [T in EventType]: Reducer<T> } = {
  seat_added: (s, e) => ({
    ...s,
    seats: [...s.seats, e.seat],
    players: {
      ...s.players,
      [e.seat]: { ...freshPlayer(s.scenario, e.seat, e.nickname, e.bot), role: e.role, scored: scoredFor(s, e.role) },
    },
  }),
  seat_removed: (s, e) => {
    const players = { ...s.players };
    delete players[e.seat];
    return { ...s, seats: s.seats.filter((x) => x !== e.seat), players };
  },
  bot_seat_taken: (s, e) => {
    // the human's observer seat goes; the bot's seat (its role, record, goals) becomes theirs
    const players = { ...s.players };
    delete players[e.by];
    const bot = players[e.bot];
    if (bot) players[e.bot] = { ...bot, bot: null, nickname: e.nickname };
    return { ...s, seats: s.seats.filter((x) => x !== e.by), players };
  },
  seat_handed_to_bot: (s, e) => patchPlayer(s, e.seat, { bot: e.bot }),
  seat_handed_back: (s, e) => patchPlayer(s, e.seat, { bot: null }),
  role_assigned: (s, e) => patchPlayer(s, e.seat, { role: e.role, scored: scoredFor(s, e.role) }),
  roles_balanced: (s, e) =>
    mapPlayers(s, (p) => {
      const role = e.roles[p.seat];
      return role ? { ...p, role, scored: scoredFor(s, role) } : p;
    }),
  game_started: (s, e) =>
    mapPlayers(s, (p) => {
      const role = e.roles[p.seat] ?? p.role;
      return {
        ...p,
        role,
        scored: scoredFor(s, role),
        bot: e.bots[p.seat] ?? p.bot,
        goals: e.goals[p.seat] ?? [],
        ally: e.allies[p.seat] ?? null,
        target: e.targets[p.seat] ?? null,
      };
    }),
  phase_started: (s, e) => {
    const next: GameState = { ...s, phase: e.phase, day: e.day, phaseEndsAt: e.endsAt, paused: false, pausedLeft: null, extraTime: {} };
    if (e.phase !== "morning") return next;
    const ap = s.scenario.resident.actionPoints;
    return mapPlayers(next, (p) => ({ ...p, ap, offers: [], doneToday: [] }));
  },
  paused: (s, e) => ({ ...s, paused: true, pausedLeft: e.left, phaseEndsAt: null }),
  resumed: (s, e) => ({ ...s, paused: false, pausedLeft: null, phaseEndsAt: e.endsAt }),
  extended: (s, e) => ({ ...s, phaseEndsAt: e.endsAt, pausedLeft: e.left }),
  extended_for: (s, e) => ({ ...s, extraTime: { ...s.extraTime, [e.seat]: (s.extraTime[e.seat] ?? 0) + e.ms } }),
  card_drawn: (s, e) => {
    const card = s.scenario.eventCards.find((c) => c.id === e.card);
    let next: GameState = { ...s, cards: [...s.cards, { card: e.card, day: s.day }] };
    for (const fx of card?.effects ?? []) {
      if (fx.kind === "install_camera" && !next.cameras.includes(fx.location)) {
        next = { ...next, cameras: [...next.cameras, fx.location] };
      } else if (fx.kind === "set_points") {
        next = setDeedPoints(next, fx.deed, fx.points);
      } else if (fx.kind === "wellbeing") {
        const max = s.scenario.resident.wellbeingMax;
        next = mapPlayers(next, (p) => (p.scored ? { ...p, wellbeing: clamp(p.wellbeing + fx.delta, 0, max) } : p));
      } else if (fx.kind === "money") {
        next = mapPlayers(next, (p) => (p.scored ? { ...p, money: Math.max(0, p.money + fx.delta) } : p));
      }
    }
    for (const [seat, deed] of Object.entries(e.offers)) {
      const p = next.players[seat];
      if (p) next = patchPlayer(next, seat, { offers: [...p.offers, deed] });
    }
    return next;
  },
  moved: (s, e) => {
    const p = s.players[e.seat];
    return p ? patchPlayer(s, e.seat, { location: e.to, ap: p.ap - e.ap, money: p.money - e.money }) : s;
  },
  deed_done: (s, e) => {
    const o = e.occurrence;
    const p = s.players[o.actor];
    if (!p) return s;
    const max = s.scenario.resident.wellbeingMax;
    const next = patchPlayer(s, o.actor, {
      ap: p.ap + e.ap,
      money: p.money + e.money,
      wellbeing: clamp(p.wellbeing + e.wellbeing, 0, max),
      doneToday: [...p.doneToday, o.deed],
      offers: p.offers.filter((d) => d !== o.deed),
    });
    return { ...next, nextId: s.nextId + 1, occurrences: { ...s.occurrences, [o.id]: o } };
  },
  service_used: (s, e) => {
    const p = s.players[e.seat];
    if (!p) return s;
    const max = s.scenario.resident.wellbeingMax;
    return patchPlayer(s, e.seat, {
      ap: p.ap + e.ap,
      money: p.money + e.money,
      wellbeing: clamp(p.wellbeing + e.wellbeing, 0, max),
      doneToday: [...p.doneToday, e.service],
      items: p.items.includes(e.item) ? p.items : [...p.items, e.item],
      itemDays: e.item in p.itemDays ? p.itemDays : { ...p.itemDays, [e.item]: s.day },
    });
  },
  loan_opened: (s, e) => {
    let next: GameState = { ...s, nextId: s.nextId + 1, loans: { ...s.loans, [e.loan.id]: e.loan } };
    if (e.loan.status === "active") next = payLoan(next, e.loan.borrower, e.loan.amount);
    return next;
  },
  loan_cosigned: (s, e) => {
    const loan = s.loans[e.loan];
    if (!loan) return s;
    const updated = { ...loan, cosigners: [...loan.cosigners, e.seat], status: e.activated ? ("active" as const) : loan.status };
    const next = { ...s, loans: { ...s.loans, [loan.id]: updated } };
    return e.activated ? payLoan(next, loan.borrower, loan.amount) : next;
  },
  loan_settled: (s, e) => {
    const loan = s.loans[e.loan];
    if (!loan) return s;
    const next = { ...s, loans: { ...s.loans, [loan.id]: { ...loan, status: e.outcome } } };
    return e.outcome === "repaid" ? payLoan(next, loan.borrower, -loan.repay) : next;
  },
  entry_written: (s, e) => ({ ...s, nextId: s.nextId + 1, journal: { ...s.journal, [e.entry.id]: e.entry } }),
  entry_reviewed: (s, e) => {
    const entry = s.journal[e.entry];
    if (!entry) return s;
    const updated = { ...entry, status: e.status, points: e.points, reviewer: e.reviewer, footage: e.footage ?? entry.footage };
    return { ...s, journal: { ...s.journal, [entry.id]: updated } };
  },
  entry_published: (s, e) => {
    const entry = s.journal[e.entry];
    if (!entry) return s;
    return { ...s, journal: { ...s.journal, [entry.id]: { ...entry, published: true } } };
  },
  score_changed: (s, e) => {
    const p = s.players[e.seat];
    if (!p) return s;
    const score = p.score + e.delta;
    const grade = gradeFor(s.scenario, score);
    const standing = standingFor(s.scenario, grade.id, p.blacklisted);
    let next = patchPlayer(s, e.seat, {
      score,
      grade: grade.id,
      worstGradeIndex: Math.max(p.worstGradeIndex, gradeIndex(s.scenario, grade.id)),
      perks: standing.perks,
      restrictions: standing.restrictions,
    });
    // The entry remembers whether its points sit in the score, so a reversal undoes exactly them.
    if (e.cause.kind === "entry" || e.cause.kind === "reversal") {
      const entry = next.journal[e.cause.entry];
      const applied = e.cause.kind === "entry";
      if (entry) next = { ...next, journal: { ...next.journal, [entry.id]: { ...entry, applied } } };
    }
    return next;
  },
  money_paid: (s, e) => {
    const p = s.players[e.seat];
    return p ? patchPlayer(s, e.seat, { money: p.money + e.amount }) : s;
  },
  blacklisted: (s, e) => {
    const p = s.players[e.record.seat];
    if (!p) return s;
    const standing = standingFor(s.scenario, p.grade, true);
    const next = patchPlayer(s, p.seat, { blacklisted: true, everBlacklisted: true, ...standing });
    return { ...next, blacklist: [...s.blacklist, e.record] };
  },
  delisted: (s, e) => {
    const p = s.players[e.seat];
    if (!p) return s;
    const standing = standingFor(s.scenario, p.grade, false);
    const next = patchPlayer(s, p.seat, { blacklisted: false, ...standing });
    return {
      ...next,
      blacklist: s.blacklist.map((r) => (r.seat === e.seat && r.active ? { ...r, active: false, removedDay: s.day } : r)),
    };
  },
  appeal_filed: (s, e) => ({ ...s, nextId: s.nextId + 1, appeals: { ...s.appeals, [e.appeal.id]: e.appeal } }),
  appeals_aged: (s, e) => {
    const appeals = { ...s.appeals };
    for (const id of e.appeals) {
      const a = appeals[id];
      if (a) appeals[id] = { ...a, evenings: a.evenings + 1 };
    }
    return { ...s, appeals };
  },
  appeal_decided: (s, e) => {
    const a = s.appeals[e.appeal];
    if (!a) return s;
    let next: GameState = {
      ...s,
      appeals: { ...s.appeals, [a.id]: { ...a, status: e.outcome, decidedBy: e.by, decidedDay: s.day } },
    };
    const entry = next.journal[a.entry];
    if (e.outcome === "reversed" && entry) {
      next = { ...next, journal: { ...next.journal, [entry.id]: { ...entry, status: "reversed" } } };
    }
    return next;
  },
  rule_proposed: (s, e) => ({ ...s, nextId: s.nextId + 1, proposals: [...s.proposals, e.proposal] }),
  rule_changed: (s, e) => {
    const next = setDeedPoints(s, e.deed, e.points);
    if (e.proposal === null) return next;
    return { ...next, proposals: next.proposals.map((p) => (p.id === e.proposal ? { ...p, status: "applied" } : p)) };
  },
  note_written: (s, e) => ({ ...s, notes: [...s.notes, { seat: e.seat, day: s.day, text: e.text }] }),
  statement_asked: (s, e) => ({ ...s, nextId: s.nextId + 1, statements: { ...s.statements, [e.statement.id]: e.statement } }),
  statement_given: (s, e) => {
    const st = s.statements[e.statement];
    if (!st) return s;
    const given = { ...st, status: "answered" as const, answer: e.answer, happened: e.happened, seen: e.seen, truthful: e.truthful };
    return { ...s, statements: { ...s.statements, [st.id]: given } };
  },
  statements_expired: (s, e) => {
    const statements = { ...s.statements };
    for (const id of e.statements) {
      const st = statements[id];
      if (st) statements[id] = { ...st, status: "expired" };
    }
    return { ...s, statements };
  },
  footage_checked: (s, e) => ({ ...s, nextId: s.nextId + 1, footage: { ...s.footage, [e.check.id]: e.check } }),
  settings_chosen: (s, e) => ({ ...s, settings: { ...s.settings, showApprover: e.showApprover } }),
  game_ended: (s) => ({ ...s, phase: "ended", phaseEndsAt: null, paused: false, pausedLeft: null }),
};

function payLoan(s: GameState, seat: SeatId, amount: number): GameState {
  const p = s.players[seat];
  return p ? patchPlayer(s, seat, { money: p.money + amount }) : s;
}

/** A new catalogue value; a deed's explicit range widens so it still contains the value. */
function setDeedPoints(s: GameState, deedId: string, points: number): GameState {
  const deeds = s.scenario.deeds.map((d) => {
    if (d.id !== deedId) return d;
    const range = d.range ? { min: Math.min(d.range.min, points), max: Math.max(d.range.max, points) } : undefined;
    return range ? { ...d, points, range } : { ...d, points };
  });
  return { ...s, scenario: { ...s.scenario, deeds } };
}

/** Apply one event; returns a new state and never mutates the input. */
export function apply(state: GameState, event: GameEvent): GameState {
  const reducer = reducers[event.type] as Reducer<typeof event.type>;
  const next = reducer(state, event as never);
  return { ...next, seq: state.seq + 1 };
}

/** Apply events in order. */
export function applyAll(state: GameState, events: readonly GameEvent[]): GameState {
  let s = state;
  for (const e of events) s = apply(s, e);
  return s;
}
