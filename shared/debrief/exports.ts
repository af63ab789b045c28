/**
 * Exports: the whole log as versioned JSON (re-importable with `importJson` in ./import.ts,
 * which validates it; the replay rebuilds the same game), and two CSV files — one row per
 * player, one row per journal entry — with RFC 4180 quoting and formula-injection guarding.
 */
import type { GameState } from "../rules/index.ts";
import type { Log } from "./log.ts";
import type { Person } from "./names.ts";
import { goalMet } from "../rules/index.ts";

export const EXPORT_FORMAT = "good-standing-log";
export const EXPORT_VERSION = 1;

export type ExportMeta = { code: string; anonymised: boolean; exportedAt: number; endedAt: number | null };

export function exportJson(log: Log, meta: ExportMeta): string {
  const opened = log[0]?.event as { scenario?: unknown } | undefined;
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, ...meta, scenario: opened?.scenario ?? null, events: log });
}

/** One CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) neutralised with a quote. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const PLAYER_COLUMNS = [
  "player", "seat", "role", "bot", "score", "grade", "blacklisted", "ever_blacklisted", "wrongfully_blacklisted",
  "deeds_done", "entries_about", "false_entries_about", "entries_written", "false_entries_written", "appeals_filed", "appeals_reversed", "goals", "goals_met",
] as const;

export function playersCsv(game: GameState, who: Map<string, Person>, anonymised: boolean): string {
  const name = (seat: string | null) => (seat ? (anonymised ? who.get(seat)?.pseudonym.en : who.get(seat)?.nickname) ?? seat : "");
  const entries = Object.values(game.journal);
  const occurrences = Object.values(game.occurrences);
  const appeals = Object.values(game.appeals);
  const rows = game.seats.map((seat) => {
    const p = game.players[seat]!;
    const about = entries.filter((e) => e.subject === seat);
    const written = entries.filter((e) => e.author === seat);
    const mine = appeals.filter((a) => a.appellant === seat);
    return [
      name(seat), seat, p.role ?? "", p.bot ? "yes" : "no", p.scored ? p.score : null, p.scored ? p.grade : null, p.blacklisted, p.everBlacklisted,
      game.blacklist.some((r) => r.seat === seat && r.wrongful),
      occurrences.filter((o) => o.actor === seat).length, about.length, about.filter((e) => !e.truthful).length,
      written.length, written.filter((e) => !e.truthful).length, mine.length, mine.filter((a) => a.status === "reversed").length,
      p.goals.join(" "), p.goals.filter((g) => goalMet(game, seat, g)).join(" "),
    ];
  });
  return toCsv(PLAYER_COLUMNS, rows);
}

export const ENTRY_COLUMNS = [
  "entry", "day", "source", "author", "subject", "deed", "basis", "truthful", "status", "points", "reviewer", "published", "applied", "appeal", "appeal_status", "note",
] as const;

export function entriesCsv(game: GameState, who: Map<string, Person>, anonymised: boolean): string {
  const name = (seat: string | null) => (seat ? (anonymised ? who.get(seat)?.pseudonym.en : who.get(seat)?.nickname) ?? seat : "");
  const appealOf = new Map(Object.values(game.appeals).map((a) => [a.entry, a]));
  const rows = Object.values(game.journal).map((e) => {
    const a = appealOf.get(e.id);
    return [
      e.id, e.day, e.source, name(e.author), name(e.subject), e.deed, e.basis, e.truthful, e.status, e.points, name(e.reviewer), e.published, e.applied,
      a?.id ?? "", a?.status ?? "", e.note,
    ];
  });
  return toCsv(ENTRY_COLUMNS, rows);
}
