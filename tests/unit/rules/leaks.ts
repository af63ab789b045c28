/**
 * What "no view leaks" means, as code: checks that a seat's view holds nothing its seat may not
 * see. Used by the view tests and the property tests (plain checks, one assertion at the end, so
 * it is cheap enough to run after every step).
 */
import { expect } from "vitest";
import type { GameState, View } from "../../../shared/rules/index.ts";

const PUBLIC_PLAYER_KEYS = "blacklisted,grade,location,nickname,role,score,scored,seat";
/** Keys that only the facilitator's god view may hold. */
const TRUTH_KEYS = new Set(["truthful", "wrongful", "witnesses", "happened"]);

function walk(value: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value && typeof value === "object") {
    visit(value as Record<string, unknown>);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** Every way `view` over-shares for `viewer`; empty when it is clean. */
export function leaks(state: GameState, viewer: string, view: View): string[] {
  const out: string[] = [];
  if (view.kind === "facilitator") return ["a seat got the god view"];
  const board = view.kind === "board" ? view : view.board;
  for (const p of board.players) {
    if (Object.keys(p).sort().join(",") !== PUBLIC_PLAYER_KEYS) out.push(`public player ${p.seat} has ${Object.keys(p)}`);
  }
  for (const e of board.feed) if (!state.journal[e.id]?.published) out.push(`unpublished ${e.id} on the board`);
  let goalHolders = 0;
  walk(view, (obj) => {
    for (const k of Object.keys(obj)) if (TRUTH_KEYS.has(k)) out.push(`truth key ${k}`);
    if ("goals" in obj) {
      goalHolders++;
      if (obj.seat !== viewer) out.push(`goals of ${String(obj.seat)}`);
    }
    if (("money" in obj || "wellbeing" in obj || "items" in obj) && obj.seat !== viewer) out.push(`private stats of ${String(obj.seat)}`);
  });
  if (goalHolders > 1) out.push("several goal holders");
  // goal progress names only the viewer's own ally or target
  if ("goalProgress" in view) {
    const me = state.players[viewer];
    for (const g of view.goalProgress) {
      const person = "person" in g ? g.person : null;
      if (person !== null && person !== me?.ally && person !== me?.target) out.push(`goal ${g.goal} names ${person}`);
    }
  }
  if (view.kind === "resident" || view.kind === "watcher") {
    if (view.me.seat !== viewer) out.push("me is someone else");
    for (const e of view.aboutMe) {
      const x = state.journal[e.id];
      if (!x || x.subject !== viewer || !x.published) out.push(`aboutMe ${e.id}`);
    }
    for (const e of view.myEntries) if (state.journal[e.id]?.author !== viewer) out.push(`myEntries ${e.id}`);
    for (const o of view.myDeeds) if (state.occurrences[o.id]?.actor !== viewer) out.push(`myDeeds ${o.id}`);
    for (const o of view.observations) if (!state.occurrences[o.id]?.witnesses.includes(viewer)) out.push(`observation ${o.id}`);
    for (const r of view.requests) if (state.statements[r.id]?.witness !== viewer) out.push(`request ${r.id}`);
    // Entry ids anywhere in the view: only published ones, or the viewer's own.
    walk(view, (obj) => {
      for (const v of Object.values(obj)) {
        const e = typeof v === "string" ? state.journal[v] : undefined;
        if (e && e.id === v && !e.published && e.author !== viewer) out.push(`unpublished entry ${v}`);
      }
    });
  }
  return out;
}

export function assertNoLeak(state: GameState, viewer: string, view: View): void {
  const found = leaks(state, viewer, view);
  if (found.length > 0) expect(found, `${viewer}'s view leaks`).toEqual([]);
}
