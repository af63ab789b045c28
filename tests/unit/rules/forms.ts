/**
 * What the views offer the forms, held against what `decide` accepts: the entries a listing may
 * cite, the deeds the journal takes, what a trip costs, who carries a score, and (for the
 * facilitator) each entry's truth as the rules fixed it. A client renders these and never works
 * them out again, so they must be exactly the rules' answers. Returns every disagreement.
 */
import { expect } from "vitest";
import { createRng, seatActor, viewFor, type Decision, type GameState, type SeatId } from "../../../shared/rules/index.ts";
import { decide, type Command } from "../../../shared/commands/index.ts";

const CTX = { now: 1, rng: createRng(1) };
const running = (s: GameState) => s.phase !== "lobby" && s.phase !== "ended";
const tried = (s: GameState, seat: SeatId, c: Command): Decision => decide(s, seatActor(seat), c, CTX);

export function formProblems(state: GameState, views: typeof viewFor = viewFor): string[] {
  // a paused game refuses every command at the gate; what the forms offer is the same either way
  const s = state.paused ? { ...state, paused: false } : state;
  const out: string[] = [];
  const board = views(s, { kind: "board" });
  if (board.kind !== "board") return ["no board view"];
  for (const p of board.players) if (p.scored !== s.players[p.seat]!.scored) out.push(`scored of ${p.seat}`);

  for (const seat of s.seats) {
    const v = views(s, { kind: "seat", seat });
    if (v.kind === "official" && running(s)) {
      for (const subject of s.seats) {
        const offered = new Set(v.citable[subject] ?? []);
        for (const e of Object.values(s.journal)) {
          const d = tried(s, seat, { kind: "blacklist", subject, entries: [e.id] });
          if (d.ok !== offered.has(e.id)) out.push(`${seat} citing ${e.id} against ${subject}: offered ${offered.has(e.id)}, decided ${d.ok}`);
        }
      }
    }
    if ((v.kind === "resident" || v.kind === "watcher") && running(s)) {
      const subject = s.seats.find((x) => x !== seat && s.players[x]?.scored);
      if (subject) {
        for (const d of s.scenario.deeds) {
          const c: Command = v.kind === "watcher" ? { kind: "write_entry", subject, deed: d.id, basis: "hearsay" } : { kind: "report", subject, deed: d.id };
          const r = tried(s, seat, c);
          const refusedDeed = !r.ok && r.reason === "deed_not_recordable";
          if (refusedDeed === v.recordable.includes(d.id)) out.push(`${seat} recording ${d.id}: offered ${v.recordable.includes(d.id)}`);
        }
      }
      for (const [to, trip] of Object.entries(v.trips)) {
        for (const by of ["walk", "bus"] as const) {
          const r = tried(s, seat, { kind: "move", to, by });
          const moved = r.ok ? r.events.find((e) => e.type === "moved") : undefined;
          const cost = trip.near ? { ap: 0, money: 0 } : by === "walk" ? { ap: trip.walkAp, money: 0 } : { ap: 0, money: trip.busFare };
          if (moved && moved.type === "moved" && (moved.ap !== cost.ap || moved.money !== cost.money)) out.push(`${seat} to ${to} by ${by}: costs ${JSON.stringify(cost)}, moved ${moved.ap}/${moved.money}`);
          const me = s.players[seat]!;
          if (!r.ok && (me.ap >= cost.ap && me.money >= cost.money)) out.push(`${seat} to ${to} by ${by} refused (${r.reason}) though affordable`);
        }
      }
    }
  }

  const god = views(s, { kind: "host" });
  if (god.kind !== "facilitator") return [...out, "no facilitator view"];
  for (const e of Object.values(s.journal)) {
    const seen = god.journal[e.id];
    if (!seen || seen.truthful !== e.truthful) out.push(`truth of ${e.id}`);
    else if ((seen.truthOf === null) === e.truthful) out.push(`truthOf ${e.id}`);
    else if (seen.truthOf && !god.occurrences[seen.truthOf]?.recordedIn.includes(e.id)) out.push(`${seen.truthOf} does not list ${e.id}`);
  }
  return out;
}

export function assertFormsAgree(s: GameState): void {
  const found = formProblems(s);
  if (found.length > 0) expect(found, "what the views offer against decide").toEqual([]);
}
