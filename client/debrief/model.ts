/**
 * The debrief page's model: the session log from the server, replayed once in the browser
 * (shared/debrief), and how the page names things — players by pseudonym or nickname, deeds,
 * places and cards by their scenario labels, events as sentences from the string tables.
 */
import { local, t } from "../i18n.ts";
import type { LocalText } from "../../shared/lang.ts";
import {
  buildReplay, chartsData, people, prompts, storiesOf, truthVsRecord, type ChartsData, type LogEvent, type Person, type Prompt, type Replay, type Stories,
  type TruthVsRecord,
} from "../../shared/debrief/index.ts";
import type { Role } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenario/index.ts";

export type Loaded = { code: string; anonymised: boolean; createdAt: number; endedAt: number | null; log: LogEvent[] };

export type Model = {
  code: string;
  anonymised: boolean;
  log: LogEvent[];
  replay: Replay;
  scenario: Scenario;
  who: Map<string, Person>;
  truth: TruthVsRecord;
  /** Cosigners, cameras, restrictions and goals, officials' goals, rules, reports (shared/debrief/stories.ts). */
  stories: Stories;
  charts: ChartsData;
  prompts: Prompt[];
  name(seat: string | null | undefined): string;
  roleOf(seat: string): Role | null;
  deed(id: string | null | undefined): string;
  place(id: string | null | undefined): string;
  grade(id: string | null | undefined): string;
};

export function buildModel(data: Loaded): Model {
  const replay = buildReplay(data.log);
  const game = replay.final.game;
  const scenario = game.scenario;
  const who = people(replay.final, data.log);
  const nameText = (seat: string): LocalText => {
    const p = who.get(seat);
    if (!p) return { en: "?", zh: "?" };
    return data.anonymised ? p.pseudonym : { en: p.nickname, zh: p.nickname };
  };
  const label = (list: { id: string; label: LocalText }[], id: string | null | undefined) => {
    const found = list.find((x) => x.id === id);
    return found ? local(found.label) : (id ?? "");
  };
  const truth = truthVsRecord(game);
  const stories = storiesOf(replay);
  return {
    code: data.code,
    anonymised: data.anonymised,
    log: data.log,
    replay,
    scenario,
    who,
    truth,
    stories,
    charts: chartsData(replay),
    prompts: prompts(game, truth, nameText, stories),
    name: (seat) => (seat ? local(nameText(seat)) : ""),
    roleOf: (seat) => game.players[seat]?.role ?? null,
    deed: (id) => label(scenario.deeds, id),
    place: (id) => label(scenario.locations, id),
    grade: (id) => label(scenario.grades, id),
  };
}

/** A prompt's words in the current language. */
export function promptText(p: Prompt): string {
  if ("text" in p) return local(p.text);
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params)) params[k] = typeof v === "object" ? local(v) : v;
  return t(p.key, params);
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One event as a sentence. Ids it names (entries, appeals, loans) are looked up in `final`: they never change once made. */
export function describe(m: Model, x: LogEvent): string {
  const e = x.event;
  const g = m.replay.final.game;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`debrief.event.${key}`, params);
  const by = (seat: string | "policy" | "grade" | null) =>
    seat === "policy" ? k("byPolicy") : seat === "grade" ? k("byGrade") : seat ? k("byName", { name: m.name(seat) }) : "";
  const entryOf = (id: string) => g.journal[id];
  switch (e.type) {
    case "seat_joined":
    case "seat_renamed":
    case "seat_kicked":
    case "seat_released":
    case "seat_stepped_out":
      return k(e.type, { name: m.name(e.seatId) });
    case "seat_added":
    case "seat_removed":
    case "seat_handed_to_bot":
    case "seat_handed_back":
    case "extended_for":
      return k(e.type, { name: m.name(e.seat) });
    case "bot_seat_taken":
      return k(e.type, { name: m.name(e.bot) });
    case "role_assigned":
      return k(e.type, { name: m.name(e.seat), role: t(`role.${e.role}.name`) });
    case "announcement_made":
      return k(e.type, { text: e.text });
    case "phase_started":
      return k(e.type, { day: e.day, phase: t(`debrief.phase.${e.phase}`) });
    case "card_drawn":
      return k(e.type, { card: local(m.scenario.eventCards.find((c) => c.id === e.card)?.label ?? { en: e.card, zh: e.card }) });
    case "moved":
      return k(e.type, { name: m.name(e.seat), place: m.place(e.to) });
    case "deed_done": {
      const o = e.occurrence;
      const seen = o.witnesses.length > 0 ? k("seenBy", { count: o.witnesses.length }) : "";
      return k(e.type, { name: m.name(o.actor), deed: m.deed(o.deed), place: m.place(o.location), seen });
    }
    case "service_used":
      return k(e.type, { name: m.name(e.seat), service: local(m.scenario.services.find((s) => s.id === e.service)?.label ?? { en: e.service, zh: e.service }) });
    case "loan_opened":
      return k(e.type, { name: m.name(e.loan.borrower) });
    case "loan_cosigned":
      return k(e.type, { name: m.name(e.seat) });
    case "loan_settled":
      return k(e.type, { name: m.name(g.loans[e.loan]?.borrower), outcome: k(e.outcome) });
    case "entry_written": {
      const en = e.entry;
      const author = en.author ? m.name(en.author) : k(en.source === "camera" ? "camera" : "system");
      return k(e.type, { author, name: m.name(en.subject), deed: m.deed(en.deed), basis: k(en.basis), falseMark: en.truthful ? "" : k("falseMark") });
    }
    case "entry_reviewed": {
      const en = entryOf(e.entry);
      return k(e.type, { reviewer: m.name(e.reviewer), status: k(e.status), name: m.name(en?.subject), deed: m.deed(en?.deed) });
    }
    case "entry_published": {
      const en = entryOf(e.entry);
      return k(e.type, { name: m.name(en?.subject), deed: m.deed(en?.deed) });
    }
    case "score_changed":
      return k(e.type, { name: m.name(e.seat), delta: signed(e.delta), cause: k(e.cause.kind === "entry" ? "causeEntry" : e.cause.kind === "reversal" ? "causeReversal" : "causeCosigner") });
    case "money_paid":
      return k(e.type, { name: m.name(e.seat), amount: e.amount });
    case "blacklisted":
      return k(e.type, { name: m.name(e.record.seat), byWhom: by(e.record.by), falseMark: e.record.wrongful ? k("falseMark") : "" });
    case "delisted":
      return k(e.type, { name: m.name(e.seat) });
    case "appeal_filed":
      return k(e.type, { name: m.name(e.appeal.appellant), deed: m.deed(entryOf(e.appeal.entry)?.deed) });
    case "appeals_aged":
      return k(e.type, { count: e.appeals.length });
    case "appeal_decided":
      return k(e.type, { name: m.name(g.appeals[e.appeal]?.appellant), outcome: k(e.outcome), byWhom: by(e.by) });
    case "rule_proposed":
      return k(e.type, { name: m.name(e.proposal.official), deed: m.deed(e.proposal.deed) });
    case "rule_changed":
      return k(e.type, { deed: m.deed(e.deed), points: e.points });
    case "note_written":
      return k(e.type, { name: m.name(e.seat), text: e.text });
    case "statement_asked": {
      const en = entryOf(e.statement.entry);
      return k(e.type, { official: m.name(e.statement.official), witness: m.name(e.statement.witness), name: m.name(en?.subject), deed: m.deed(en?.deed) });
    }
    case "statement_given":
      return k(e.type, { witness: m.name(g.statements[e.statement]?.witness), answer: k(`answer_${e.answer}`), falseMark: e.truthful ? "" : k("falseMark") });
    case "statements_expired":
      return k(e.type, { count: e.statements.length });
    case "footage_checked": {
      const en = entryOf(e.check.entry);
      return k(e.type, { official: m.name(e.check.official), name: m.name(en?.subject), deed: m.deed(en?.deed), result: k(`footage_${e.check.result}`) });
    }
    default:
      return k(e.type);
  }
}
