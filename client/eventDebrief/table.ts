/**
 * Every neighbourhood's figures side by side: one column per street, one row per figure — its
 * rules (their words from shared/district/comparePrompts.ts `ruleRows`), who played, truth against record, appeals, scores, listings day by day, then the
 * simulator's experience measures for this one game. A row whose values differ is marked, so
 * the eye finds what the rules changed.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { StreetFigures } from "../../shared/district/compare.ts";
import { ruleRows } from "../../shared/district/comparePrompts.ts";
import type { MeasureRow } from "../../shared/sim/measures.ts";
import { isShare } from "../../shared/scenario/measureNames.ts";
import { param, percentText } from "./words.ts";

type Row = { label: string; values: string[] };

const none = () => t("eventDebrief.table.none");
const oneDecimal = (x: number) => String(Math.round(x * 10) / 10);

function figureRows(streets: readonly StreetFigures[]): Row[] {
  const f = (k: string, p: Record<string, unknown> = {}) => t(`eventDebrief.figure.${k}`, p);
  const row = (k: string, value: (s: StreetFigures) => string | number): Row => ({ label: f(k), values: streets.map((s) => String(value(s))) });
  const days = Math.max(0, ...streets.map((s) => s.listedByDay.length));
  return [
    row("players", (s) => t("eventDebrief.table.playersBots", { players: s.players, bots: s.bots })),
    row("days", (s) => t("eventDebrief.table.days", { played: s.daysPlayed, days: s.days })),
    row("deeds", (s) => `${s.truth.deeds} (${s.truth.recorded})`),
    row("entries", (s) => s.truth.entries),
    row("falseEntries", (s) => s.truth.falseEntries),
    row("cameraFalse", (s) => s.truth.cameraFalse),
    row("falsePublished", (s) => s.truth.falsePublished),
    row("listings", (s) => s.truth.listings),
    row("wrongful", (s) => s.truth.wrongful),
    row("lifted", (s) => s.truth.wrongfulLifted),
    row("stayed", (s) => s.truth.wrongfulStayed),
    row("appealsFiled", (s) => s.appeals.filed),
    row("reversed", (s) => s.appeals.reversed),
    row("upheld", (s) => s.appeals.upheld),
    row("byPolicy", (s) => s.appeals.byPolicy),
    row("pending", (s) => s.appeals.pending),
    row("averageWait", (s) => (s.appeals.averageWait === null ? none() : oneDecimal(s.appeals.averageWait))),
    row("longestWait", (s) => s.appeals.longestWait),
    row("averageScore", (s) => s.scores.average ?? none()),
    row("scoreRange", (s) => (s.scores.finals.length ? t("eventDebrief.table.range", { low: s.scores.finals[0], high: s.scores.finals.at(-1) }) : none())),
    ...Array.from({ length: days }, (_, i): Row => ({ label: f("listedOnDay", { day: i + 1 }), values: streets.map((s) => String(s.listedByDay[i] ?? none())) })),
  ];
}

function measureValue(r: MeasureRow | undefined): string {
  if (!r || r.value === null) return none();
  if (r.measure.startsWith("games_with_")) return t(r.value > 0 ? "eventDebrief.table.yes" : "eventDebrief.table.no");
  if (!isShare(r.measure)) return oneDecimal(r.value);
  return percentText(r.value);
}

function measureRows(streets: readonly StreetFigures[]): Row[] {
  const names = [...new Set(streets.flatMap((s) => s.measures.map((m) => m.name)))];
  return names.map((name) => {
    const first = streets.flatMap((s) => s.measures).find((m) => m.name === name)!;
    const card = /\[(.+)\]$/.exec(name)?.[1];
    const goal = card ? streets.map((s) => s.goalLabels[card]).find((x) => x !== undefined) : undefined;
    const label = card ? t("eventDebrief.figure.goalMet", { goal: goal ? local(goal) : card }) : t(`eventDebrief.figure.measure.${first.measure}`);
    return { label, values: streets.map((s) => measureValue(s.measures.find((m) => m.name === name))) };
  });
}

function rowNode(r: Row): HTMLElement {
  const differs = new Set(r.values).size > 1;
  return el("tr", { class: differs ? "differs" : undefined }, el("th", { scope: "row" }, r.label), ...r.values.map((v) => el("td", { class: "num" }, v)));
}

export function renderTable(root: HTMLElement, streets: readonly StreetFigures[]): void {
  const section = (label: string) => el("tr", { class: "table-section" }, el("th", { scope: "colgroup", colspan: String(streets.length + 1) }, label));
  root.replaceChildren(
    el("div", { class: "table-scroll side-by-side", tabindex: "0", role: "region", "aria-labelledby": "side-by-side-caption" },
      el("table", { id: "side-by-side" },
        el("caption", { id: "side-by-side-caption" }, t("eventDebrief.table.caption")),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("eventDebrief.table.figure")), ...streets.map((s) => el("th", { scope: "col", "data-code": s.code }, local(s.name))))),
        el("tbody", {},
          ...ruleRows(streets).map((r) => rowNode({ label: String(param(r.label)), values: r.values.map((v) => String(param(v))) })),
          ...figureRows(streets).map(rowNode),
          section(t("eventDebrief.table.measures")),
          ...measureRows(streets).map(rowNode),
        ),
      ),
    ),
  );
}
