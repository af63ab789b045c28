/**
 * The lab's figures: the experience measures beside their bands (the same rows as
 * `simulate --check`), and three small charts — grades at the end, people blacklisted per game,
 * appeals by outcome. With a baseline kept, each figure shows the baseline's beside it and the
 * change. Every number is text as well as a bar, and each row carries its exact value in
 * `data-value` (tests compare it with the command-line simulator).
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { MeasureRow } from "../../shared/sim/measures.ts";
import type { Figures } from "./protocol.ts";

/** A run as shown: its figures and the draft it was played with. */
export type Run = { figures: Figures; scenario: Scenario };

const percent = (v: number) => `${Math.round(v * 1000) / 10} %`;
const plain = (v: number) => String(Math.round(v * 100) / 100);

function formatValue(row: Pick<MeasureRow, "measure">, v: number, shares: readonly string[]): string {
  return shares.includes(row.measure) ? percent(v) : plain(v);
}

function bandText(row: MeasureRow, shares: readonly string[]): string {
  const b = row.band;
  if (!b) return t("lab.results.noBand");
  const f = (v: number) => formatValue(row, v, shares);
  if (b.min !== undefined && b.max !== undefined) return t("lab.results.between", { min: f(b.min), max: f(b.max) });
  if (b.min !== undefined) return t("lab.results.atLeast", { min: f(b.min) });
  return t("lab.results.atMost", { max: f(b.max!) });
}

/** "goal_met_rate[visit_mother]" → the measure's name and the card's or role's own label. */
function rowLabel(row: MeasureRow, scenario: Scenario): string {
  const name = t(`lab.measure.${row.measure}`);
  const detail = /\[(.+)\]$/.exec(row.name)?.[1];
  if (!detail) return name;
  const goal = scenario.goals?.find((g) => g.id === detail);
  const role = (scenario.roles as Record<string, { label: { en: string; zh: string } } | undefined>)[detail];
  const what = goal ? local(goal.label) : role ? local(role.label) : detail;
  return `${name}: ${what}`;
}

function change(now: number, before: number, row: MeasureRow, shares: readonly string[]): string {
  const d = now - before;
  if (Math.abs(d) < 1e-9) return t("lab.results.same");
  const size = Math.abs(d);
  const shown = shares.includes(row.measure) ? t("lab.results.percentPoints", { n: Math.round(size * 1000) / 10 }) : plain(size);
  return `${d > 0 ? "+" : "−"}${shown}`;
}

export function renderMeasures(run: Run, baseline: Run | null): HTMLElement {
  const { measures } = run.figures.measured;
  const shares = run.figures.shares;
  const before = new Map((baseline?.figures.measured.measures ?? []).map((r) => [r.name, r]));
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, t("lab.results.measure")),
    el("th", { scope: "col" }, t("lab.results.value")),
    el("th", { scope: "col" }, t("lab.results.band")),
    ...(baseline ? [el("th", { scope: "col" }, t("lab.results.baseline")), el("th", { scope: "col" }, t("lab.results.change"))] : []),
  );
  const rows = measures.map((row) => {
    const old = before.get(row.name);
    const verdict = row.met === null ? "" : row.met ? t("lab.results.inBand") : t("lab.results.outOfBand");
    const tr = el(
      "tr",
      { class: row.met === false ? "out" : row.met ? "in" : "", "data-measure": row.name, "data-value": row.value === null ? "" : String(row.value) },
      el("th", { scope: "row" }, rowLabel(row, run.scenario)),
      el("td", { class: "value" }, row.value === null ? t("lab.results.noData") : formatValue(row, row.value, shares), verdict ? el("span", { class: "verdict" }, ` ${verdict}`) : ""),
      el("td", { class: "band" }, bandText(row, shares)),
      ...(baseline
        ? [
            el("td", { class: "baseline" }, old?.value === undefined || old.value === null ? t("lab.results.noData") : formatValue(row, old.value, shares)),
            el("td", { class: "change" }, old?.value === undefined || old.value === null || row.value === null ? "" : change(row.value, old.value, row, shares)),
          ]
        : []),
    );
    return tr;
  });
  const table = el("table", { class: "lab-measures" }, el("caption", {}, t("lab.results.caption", { games: run.figures.done, players: run.figures.players })), el("thead", {}, head), el("tbody", {}, ...rows));
  // a narrow screen scrolls the table, not the page
  return el("div", { class: "lab-table", role: "region", "aria-label": t("lab.results.caption", { games: run.figures.done, players: run.figures.players }), tabindex: "0" }, table);
}

type Bar = { label: string; value: number; shown: string };

function chart(id: string, title: string, bars: Bar[], baseline: Bar[] | null): HTMLElement {
  const max = Math.max(1e-9, ...bars.map((b) => b.value), ...(baseline ?? []).map((b) => b.value));
  const bar = (b: Bar, cls: string) => {
    const fill = el("span", { class: `fill ${cls}` });
    fill.style.width = `${(b.value / max) * 100}%`;
    return el("span", { class: "track", "aria-hidden": "true" }, fill);
  };
  return el(
    "figure",
    { class: "lab-chart", "data-chart": id },
    el("figcaption", {}, title),
    el(
      "ul",
      {},
      ...bars.map((b, i) => {
        const old = baseline?.[i];
        return el(
          "li",
          {},
          el("span", { class: "label" }, b.label),
          el("span", { class: "bars" }, bar(b, "now"), old ? bar(old, "before") : ""),
          el("span", { class: "count" }, old ? t("lab.results.nowBefore", { now: b.shown, before: old.shown }) : b.shown),
        );
      }),
    ),
  );
}

function gradeBars(run: Run): Bar[] {
  const total = Math.max(1, Object.values(run.figures.endings.grades).reduce((a, b) => a + b, 0));
  return run.scenario.grades.map((g) => {
    const share = (run.figures.endings.grades[g.id] ?? 0) / total;
    return { label: local(g.label), value: share, shown: percent(share) };
  });
}

function blacklistBars(run: Run): Bar[] {
  const per = run.figures.endings.blacklistedPerGame;
  const games = Math.max(1, per.length);
  return [0, 1, 2, 3].map((n) => {
    const count = per.filter((x) => (n === 3 ? x >= 3 : x === n)).length;
    return { label: n === 3 ? t("lab.chart.threeOrMore") : String(n), value: count / games, shown: percent(count / games) };
  });
}

function appealBars(run: Run): Bar[] {
  const games = Math.max(1, run.figures.done);
  const { reversed, upheld, pending } = run.figures.endings.appeals;
  return [
    ["reversed", reversed],
    ["upheld", upheld],
    ["pending", pending],
  ].map(([outcome, n]) => ({ label: t(`lab.chart.appeal.${outcome}`), value: Number(n) / games, shown: plain(Number(n) / games) }));
}

export function renderCharts(run: Run, baseline: Run | null): HTMLElement {
  return el(
    "div",
    { class: "lab-charts" },
    chart("grades", t("lab.chart.grades"), gradeBars(run), baseline && sameGrades(run, baseline) ? gradeBars(baseline) : null),
    chart("blacklisted", t("lab.chart.blacklisted"), blacklistBars(run), baseline ? blacklistBars(baseline) : null),
    chart("appeals", t("lab.chart.appeals"), appealBars(run), baseline ? appealBars(baseline) : null),
  );
}

const sameGrades = (a: Run, b: Run) => a.scenario.grades.map((g) => g.id).join() === b.scenario.grades.map((g) => g.id).join();

/** What differs between the baseline's scenario and this run's: the changed paths, as a teacher reads them. */
export function changedSettings(run: Run, baseline: Run, label: (path: string) => string): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) === !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
      return;
    }
    out.push(`${label(path)}: ${JSON.stringify(b)} → ${JSON.stringify(a)}`);
  };
  walk(run.scenario, baseline.scenario, "");
  return out;
}
