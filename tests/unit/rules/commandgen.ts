/**
 * Turns a list of random integers into commands from random actors, reading the current state
 * so that most commands are plausible (an action available here, a pending entry to review…)
 * and some are nonsense (wrong role, wrong phase, unknown ids). Used by the property tests.
 */
import { HOST, CLOCK, actionsAt, seatActor, type Actor, type GameState } from "../../../shared/rules/index.ts";
import { HANDLERS, type Command, type CommandKind } from "../../../shared/commands/index.ts";

export type Choice = [number, number, number, number];

/** The kinds the rules decide on the game alone (the session's own need a lobby). */
const KINDS = (Object.keys(HANDLERS) as CommandKind[]).filter((k) => HANDLERS[k].game);

function at<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

export function actorFor(s: GameState, c: Choice): Actor {
  const r = c[0] % 20;
  if (r < 4) return HOST;
  if (r === 4) return CLOCK;
  if (r === 5) return seatActor("ghost");
  // Evenings belong to the officials: give them most of the turns then.
  const officials = s.seats.filter((x) => s.players[x]?.role === "official");
  if (s.phase === "evening" && officials.length > 0 && c[2] % 3 !== 0) return seatActor(at(officials, c[0])!);
  return seatActor(at(s.seats, Math.floor(c[0] / 20)) ?? "ghost");
}

/** A command for `actor`: plausible three times in four. */
export function commandFor(s: GameState, actor: Actor, c: Choice): Command {
  const [, a, b, d] = c;
  const seats = s.seats;
  const entries = Object.values(s.journal);
  const plausible = d % 4 !== 0;
  if (actor.kind !== "seat" || !plausible) {
    if (actor.kind === "host" && plausible) {
      const pick = a % 20;
      if (s.phase === "lobby") return pick < 3 ? { kind: "auto_balance" } : { kind: "start" };
      if (s.paused && pick < 16) return { kind: "resume" };
      // Linger in the day and the evening, where players act; hurry through morning and night.
      const busy = s.phase === "day" || s.phase === "evening";
      if (busy ? pick < 2 : pick < 17) return { kind: "advance" };
      if (pick < 12) return { kind: "inject_card", card: at(s.scenario.eventCards, b)?.id ?? "x" };
      if (pick < 14) return { kind: "pause" };
      if (pick < 16) return { kind: "resume" };
      if (pick < 17) return { kind: "extend", seconds: 1 + (b % 120) };
      if (pick < 19) return { kind: "inject_card", card: at(s.scenario.eventCards, b)?.id ?? "x" };
      return b % 10 === 0 ? { kind: "end" } : { kind: "advance" };
    }
    return garbage(s, a, b);
  }
  const p = s.players[actor.seat];
  if (!p) return garbage(s, a, b);
  const pick = a % 10;
  if (p.role === "official") {
    const pending = entries.filter((e) => e.status === "pending" || e.status === "evidence_requested");
    const e = at(pending, b);
    const appeals = Object.values(s.appeals).filter((x) => x.status === "pending");
    if (pick < 5 && e) {
      const deed = s.scenario.deeds.find((x) => x.id === e.deed);
      const decision = (["approve", "approve", "reject", "ask_evidence"] as const)[d % 4]!;
      return { kind: "review", entry: e.id, decision, points: decision === "approve" ? Math.round((deed?.points ?? 0) * (1 + ((b % 5) - 2) / 5)) : undefined } as Command;
    }
    if (pick < 8 && appeals.length > 0) return { kind: "decide_appeal", appeal: at(appeals, b)!.id, decision: d % 2 ? "reverse" : "uphold" };
    if (pick < 9) {
      const approved = entries.filter((x) => x.status === "approved" && (s.scenario.deeds.find((d) => d.id === x.deed)?.points ?? 0) < 0);
      const x = at(approved, b);
      if (x) return { kind: "blacklist", subject: x.subject, entries: [x.id] };
    }
    // evidence: a statement from someone in town, or the footage, about an open entry or appeal
    const appeal = at(appeals, d);
    if (d % 3 === 0 && (e || appeal)) {
      const about = e && (b % 2 === 0 || !appeal) ? { entry: e.id } : { appeal: appeal!.id };
      return b % 3 === 0 ? { kind: "check_footage", ...about } : { kind: "ask_statement", witness: at(seats, a + b) ?? "x", ...about };
    }
    const deed = at(s.scenario.deeds, b)!;
    return { kind: "propose_rule", deed: deed.id, points: deed.points + ((d % 5) - 2) };
  }
  if (p.role === "observer") return { kind: "write_note", text: "note" };
  const asked = Object.values(s.statements).filter((x) => x.witness === p.seat && (x.status === "open" || b % 7 === 0));
  const request = at(asked, b);
  if (request && pick < 5) return { kind: "answer_statement", statement: request.id, answer: (["saw_it", "did_not", "did_not_see"] as const)[d % 3]! };
  if (pick < 3) {
    const actions = actionsAt(s, p.seat).filter((x) => x.blocked === null || b % 5 === 0);
    const x = at(actions, b);
    if (x) return { kind: "act", action: x.id };
  }
  if (pick < 6) return { kind: "move", to: at(s.scenario.locations, b)!.id, by: d % 3 === 0 ? "bus" : "walk" };
  if (pick < 7) {
    const mine = entries.filter((e) => e.subject === p.seat && e.published);
    const e = at(mine, b);
    if (e) return { kind: "appeal", entry: e.id, reason: "did_not_happen", evidence: d % 2 ? "camera" : null };
  }
  if (pick < 8) {
    const loan = at(Object.values(s.loans), b);
    if (loan) return { kind: "cosign", loan: loan.id };
  }
  if (p.role === "watcher") {
    const seen = Object.values(s.occurrences).filter((o) => o.witnesses.includes(p.seat));
    const o = at(seen, b);
    if (o && d % 3 !== 0) return { kind: "write_entry", subject: d % 5 === 0 ? (at(seats, d) ?? o.actor) : o.actor, deed: o.deed, basis: "witnessed", occurrence: o.id };
    const deed = at(s.scenario.deeds, d)!;
    return { kind: "write_entry", subject: at(seats, b) ?? "x", deed: deed.id, basis: "hearsay" };
  }
  const deed = at(s.scenario.deeds, d)!;
  return { kind: "report", subject: at(seats, b) ?? "x", deed: deed.id };
}

function garbage(s: GameState, a: number, b: number): Command {
  const kind = at(KINDS, a)!;
  const seat = at(s.seats, b) ?? "nobody";
  const id = `e${b % 50}`;
  const samples: Partial<Record<CommandKind, Command>> = {
    add_seat: { kind: "add_seat", seat: `n${b % 7}`, nickname: "New" },
    remove_seat: { kind: "remove_seat", seat },
    take_bot_seat: { kind: "take_bot_seat", seat, bot: at(s.seats, a) ?? "nobody" },
    hand_to_bot: { kind: "hand_to_bot", seatId: seat, personality: "conformist" },
    hand_back: { kind: "hand_back", seatId: seat },
    assign_role: { kind: "assign_role", seatId: seat, role: (["resident", "watcher", "official", "observer"] as const)[b % 4]! },
    auto_balance: { kind: "auto_balance" },
    start: { kind: "start" },
    advance: { kind: "advance" },
    pause: { kind: "pause" },
    resume: { kind: "resume" },
    extend: { kind: "extend", seconds: (b % 5) - 1 },
    inject_card: { kind: "inject_card", card: b % 2 ? "bonus" : "nope" },
    end: { kind: "end" },
    move: { kind: "move", to: b % 2 ? "market" : "nowhere" },
    act: { kind: "act", action: at(s.scenario.deeds, b)!.id },
    cosign: { kind: "cosign", loan: `l${b % 30}` },
    report: { kind: "report", subject: seat, deed: "litter" },
    appeal: { kind: "appeal", entry: id, reason: "context" },
    write_entry: { kind: "write_entry", subject: seat, deed: "litter", basis: b % 2 ? "hearsay" : "witnessed", occurrence: `o${b % 30}` },
    review: { kind: "review", entry: id, decision: "approve", points: (b % 200) - 100 },
    blacklist: { kind: "blacklist", subject: seat, entries: [id] },
    delist: { kind: "delist", subject: seat },
    decide_appeal: { kind: "decide_appeal", appeal: `a${b % 30}`, decision: "reverse" },
    propose_rule: { kind: "propose_rule", deed: "jaywalk", points: -(b % 12) },
    write_note: { kind: "write_note", text: "x".repeat(b % 300) },
    ask_statement: { kind: "ask_statement", witness: seat, entry: id },
    answer_statement: { kind: "answer_statement", statement: `w${b % 30}`, answer: (["saw_it", "did_not", "did_not_see"] as const)[b % 3]! },
    check_footage: { kind: "check_footage", entry: id },
  };
  return samples[kind]!;
}
