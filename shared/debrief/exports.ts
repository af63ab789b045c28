/**
 * Exports: the whole log as versioned JSON (re-importable with `importJson` in ./import.ts,
 * which validates it; the replay rebuilds the same game), and two CSV files — one row per
 * player, one row per journal entry — with RFC 4180 quoting and formula-injection guarding.
 * Each scenario id in a CSV (grade, goal, deed) has its label in the reader's language in the
 * column after it, so a teacher reads "Train ticket to visit mother" where the game says `visit_mother`.
 */
import type { GameState } from "../rules/index.ts";
import type { Lang, LocalText } from "../lang.ts";
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

/** Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can make a cell read differently from what it holds. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * Starts a spreadsheet may read as a formula: = + - @, tab, CR, LF, a leading space (some
 * programs trim it and then see the formula), and their fullwidth forms ＝＋－＠ and the
 * ideographic space, which East Asian spreadsheet settings may fold into the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\n \u3000\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV cell: bidi controls stripped, a formula-like start neutralised with a quote, quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string") {
    s = s.replace(BIDI, "");
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const PLAYER_COLUMNS = [
  "player", "seat", "role", "bot", "score", "grade", "grade_label", "blacklisted", "ever_blacklisted", "wrongfully_blacklisted",
  "deeds_done", "entries_about", "false_entries_about", "entries_written", "false_entries_written", "appeals_filed", "appeals_reversed",
  "goals", "goals_labels", "goals_met", "goals_met_labels",
] as const;

/** A scenario list's label for an id in `lang` (the id itself if the rulebook lacks it). */
function labeller(list: readonly { id: string; label: LocalText }[], lang: Lang): (id: string | null | undefined) => string {
  return (id) => (id ? (list.find((x) => x.id === id)?.label[lang] ?? id) : "");
}

/** Several labels in one cell (ids are space-separated; a label may hold spaces). */
const labels = (ids: readonly string[], label: (id: string) => string) => ids.map(label).join("; ");

export function playersCsv(game: GameState, who: Map<string, Person>, anonymised: boolean, lang: Lang = "en"): string {
  const grade = labeller(game.scenario.grades, lang);
  const goal = labeller(game.scenario.goals, lang);
  const name = (seat: string | null) => (seat ? (anonymised ? who.get(seat)?.pseudonym[lang] : who.get(seat)?.nickname) ?? seat : "");
  const entries = Object.values(game.journal);
  const occurrences = Object.values(game.occurrences);
  const appeals = Object.values(game.appeals);
  const rows = game.seats.map((seat) => {
    const p = game.players[seat]!;
    const about = entries.filter((e) => e.subject === seat);
    const written = entries.filter((e) => e.author === seat);
    const mine = appeals.filter((a) => a.appellant === seat);
    const met = p.goals.filter((g) => goalMet(game, seat, g));
    return [
      name(seat), seat, p.role ?? "", p.bot ? "yes" : "no", p.scored ? p.score : null, p.scored ? p.grade : null, p.scored ? grade(p.grade) : null,
      p.blacklisted, p.everBlacklisted, game.blacklist.some((r) => r.seat === seat && r.wrongful),
      occurrences.filter((o) => o.actor === seat).length, about.length, about.filter((e) => !e.truthful).length,
      written.length, written.filter((e) => !e.truthful).length, mine.length, mine.filter((a) => a.status === "reversed").length,
      p.goals.join(" "), labels(p.goals, goal), met.join(" "), labels(met, goal),
    ];
  });
  return toCsv(PLAYER_COLUMNS, rows);
}

export const ENTRY_COLUMNS = [
  "entry", "day", "source", "author", "subject", "deed", "deed_label", "basis", "truthful", "status", "points", "reviewer", "published", "applied", "appeal", "appeal_status", "note",
] as const;

export function entriesCsv(game: GameState, who: Map<string, Person>, anonymised: boolean, lang: Lang = "en"): string {
  const deed = labeller(game.scenario.deeds, lang);
  const name = (seat: string | null) => (seat ? (anonymised ? who.get(seat)?.pseudonym[lang] : who.get(seat)?.nickname) ?? seat : "");
  const appealOf = new Map(Object.values(game.appeals).map((a) => [a.entry, a]));
  const rows = Object.values(game.journal).map((e) => {
    const a = appealOf.get(e.id);
    return [
      e.id, e.day, e.source, name(e.author), name(e.subject), e.deed, deed(e.deed), e.basis, e.truthful, e.status, e.points, name(e.reviewer), e.published, e.applied,
      a?.id ?? "", a?.status ?? "", e.note,
    ];
  });
  return toCsv(ENTRY_COLUMNS, rows);
}
