/**
 * The charts: each one a canvas (drawn by chart.js, loaded only on this page and only when the
 * charts are first shown) with a table of the same numbers beside it, for screen readers, for
 * print and for anyone who prefers numbers.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Model } from "./model.ts";
import type { ChartSpec } from "./draw.ts";

export type Table = { head: string[]; rows: (string | number)[][] };

/** A chart's canvas beside a table of its numbers (the event debrief draws its charts with it too). */
function figure(id: string, titleKey: string, table: Table): { node: HTMLElement; canvas: HTMLCanvasElement } {
  const title = t(titleKey);
  const canvas = el("canvas", { id: `${id}-canvas`, role: "img", "aria-label": t("debrief.charts.chartOf", { title }) });
  const node = el("section", { class: "chart", "aria-labelledby": `${id}-h` },
    el("h3", { id: `${id}-h` }, title),
    el("div", { class: "chart-box" }, canvas),
    el("details", { class: "chart-table" },
      el("summary", {}, t("debrief.charts.table")),
      table.rows.length === 0 ? el("p", {}, t("debrief.charts.none")) :
      // a long table scrolls inside its box: focusable, so a keyboard can scroll it too
      el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": title }, el("table", { id: `${id}-table` },
        el("caption", { class: "visually-hidden" }, title),
        el("thead", {}, el("tr", {}, ...table.head.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...table.rows.map((r) => el("tr", {}, ...r.map((c, i) => (i === 0 ? el("th", { scope: "row" }, String(c)) : el("td", { class: "num" }, String(c))))))),
      )),
    ),
  );
  return { node, canvas };
}

export function chartSpecs(m: Model): ChartFigure[] {
  const c = m.charts;
  const dayLabel = (d: number) => t("debrief.timeline.dayN", { day: d });
  const columns = c.scores.columns.map((col) => t("debrief.charts.column", { day: col.day, phase: t(`debrief.phase.${col.phase}`) }));
  const distribution = (d: typeof c.grades, label: (k: string) => string): ChartSpec => ({
    type: "bar", stacked: true, labels: d.days.map(dayLabel), series: d.keys.map((k, i) => ({ label: label(k), data: d.counts.map((row) => row[i]!) })),
  });
  const distTable = (d: typeof c.grades, label: (k: string) => string): Table => ({
    head: [t("debrief.charts.day"), ...d.keys.map(label)], rows: d.days.map((day, r) => [dayLabel(day), ...d.counts[r]!]),
  });
  const perk = (id: string) => m.scenario.perks.find((p) => p.id === id)?.label;
  const restriction = (id: string) => m.scenario.restrictions.find((p) => p.id === id)?.label;
  const lt = (x: { en: string; zh: string } | undefined, id: string) => (x ? local(x) : id);
  const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)} %`);
  return [
    {
      id: "chart-scores", titleKey: "debrief.charts.scores",
      table: { head: [t("debrief.charts.player"), ...columns], rows: c.scores.series.map((s) => [m.name(s.seat), ...s.scores]) },
      spec: { type: "line", labels: columns, series: c.scores.series.map((s) => ({ label: m.name(s.seat), data: s.scores })) },
    },
    { id: "chart-grades", titleKey: "debrief.charts.grades", table: distTable(c.grades, m.grade), spec: distribution(c.grades, m.grade) },
    {
      id: "chart-watchers", titleKey: "debrief.charts.watchers",
      table: {
        head: [t("debrief.charts.player"), ...["approved", "rejected", "pending", "reversed", "false"].map((k) => t(`debrief.charts.${k}`))],
        rows: c.watchers.map((w) => [m.name(w.seat), w.approved, w.rejected, w.pending, w.reversed, w.falseEntries]),
      },
      spec: {
        type: "bar", stacked: true, labels: c.watchers.map((w) => m.name(w.seat)),
        series: (["approved", "rejected", "pending", "reversed"] as const).map((k) => ({ label: t(`debrief.charts.${k}`), data: c.watchers.map((w) => w[k]) })),
      },
    },
    {
      id: "chart-officials", titleKey: "debrief.charts.officials",
      table: {
        head: [t("debrief.charts.player"), t("debrief.charts.approved"), t("debrief.charts.rejected"), t("debrief.charts.asked"), t("debrief.charts.rate")],
        rows: c.officials.map((o) => [m.name(o.seat), o.approved, o.rejected, o.asked, pct(o.rate)]),
      },
      spec: { type: "bar", percent: true, labels: c.officials.map((o) => m.name(o.seat)), series: [{ label: t("debrief.charts.rate"), data: c.officials.map((o) => Math.round((o.rate ?? 0) * 100)) }] },
    },
    {
      // the "it keeps order" side of the argument: deeds that happened, recorded or not
      id: "chart-bad-deeds", titleKey: "debrief.charts.badDeeds",
      table: {
        head: [t("debrief.charts.day"), t("debrief.charts.recordedDeeds"), t("debrief.charts.unrecordedDeeds")],
        rows: c.badDeeds.days.map((day, i) => [dayLabel(day), c.badDeeds.recorded[i]!, c.badDeeds.unrecorded[i]!]),
      },
      spec: {
        type: "bar", stacked: true, labels: c.badDeeds.days.map(dayLabel),
        series: [{ label: t("debrief.charts.recordedDeeds"), data: c.badDeeds.recorded }, { label: t("debrief.charts.unrecordedDeeds"), data: c.badDeeds.unrecorded }],
      },
    },
    { id: "chart-perks", titleKey: "debrief.charts.perks", table: distTable(c.perks, (k) => lt(perk(k), k)), spec: distribution(c.perks, (k) => lt(perk(k), k)) },
    { id: "chart-restrictions", titleKey: "debrief.charts.restrictions", table: distTable(c.restrictions, (k) => lt(restriction(k), k)), spec: distribution(c.restrictions, (k) => lt(restriction(k), k)) },
  ];
}

/** A chart ready to lay out: its figure's id and title, the table of its numbers, and what to draw. */
export type ChartFigure = { id: string; titleKey: string; table: Table; spec: ChartSpec };

/**
 * Lays out `charts` in `root` (each a figure with its table), then draws their canvases once the
 * chart code has loaded (lazily: chart.js never reaches a page that shows no chart). Drawing again
 * takes down what the last drawing in the same root put up; `root.dataset.drawn` says when done.
 */
export function drawCharts(root: HTMLElement, charts: readonly ChartFigure[]): void {
  destroyers.get(root)?.forEach((d) => d());
  destroyers.delete(root);
  const status = el("p", { role: "status" }, t("debrief.charts.loading"));
  const figures = charts.map((c) => ({ ...figure(c.id, c.titleKey, c.table), spec: c.spec }));
  root.replaceChildren(status, el("div", { class: "charts-grid" }, ...figures.map((f) => f.node)));
  delete root.dataset.drawn;
  import("./draw.ts")
    .then(({ draw }) => {
      destroyers.set(root, figures.map((f) => draw(f.canvas, f.spec)));
      status.textContent = "";
      root.dataset.drawn = "true";
    })
    .catch(() => {
      status.textContent = t("debrief.charts.failed");
    });
}

const destroyers = new Map<HTMLElement, (() => void)[]>();

export function renderCharts(root: HTMLElement, m: Model): void {
  drawCharts(root, chartSpecs(m));
}
