/**
 * The event's charts, every neighbourhood on one axis so their sizes compare at a glance: final
 * scores in bands shared by all (shared/district/compare.ts `scoreBins`), the blacklist at the
 * end of each day, final grades, and what went wrong in each record. Drawn like the ordinary
 * debrief's (client/debrief: a canvas by chart.js, loaded lazily, with a table of the same
 * numbers beside it).
 */
import { local, t } from "../i18n.ts";
import { drawCharts, type ChartFigure } from "../debrief/charts.ts";
import type { ScoreBins, StreetFigures } from "../../shared/district/compare.ts";

function charts(streets: readonly StreetFigures[], bins: ScoreBins): ChartFigure[] {
  const names = streets.map((s) => local(s.name));
  const c = (k: string, p: Record<string, unknown> = {}) => t(`eventDebrief.chart.${k}`, p);
  const out: ChartFigure[] = [];
  if (bins.edges.length > 1) {
    const bands = bins.edges.slice(0, -1).map((low, i) => c("scoreBand", { low, high: bins.edges[i + 1]! - 1 }));
    out.push({
      id: "ed-chart-scores", titleKey: "eventDebrief.chart.scores",
      table: { head: [c("street"), ...bands], rows: names.map((name, i) => [name, ...bins.counts[i]!.counts]) },
      spec: { type: "bar", labels: bands, series: names.map((name, i) => ({ label: name, data: bins.counts[i]!.counts })) },
    });
  }
  const days = Math.max(0, ...streets.map((s) => s.listedByDay.length));
  const dayLabels = Array.from({ length: days }, (_, i) => c("day", { day: i + 1 }));
  out.push({
    id: "ed-chart-listed", titleKey: "eventDebrief.chart.listed",
    table: { head: [c("street"), ...dayLabels], rows: streets.map((s, i) => [names[i]!, ...dayLabels.map((_, d) => s.listedByDay[d] ?? "—")]) },
    // a day a street never reached is a gap in its line, not a zero
    spec: { type: "line", labels: dayLabels, series: streets.map((s, i) => ({ label: names[i]!, data: dayLabels.map((_, d) => s.listedByDay[d] ?? Number.NaN) })) },
  });
  const grades = [...new Map(streets.flatMap((s) => s.grades.map((g) => [g.id, g.label] as const))).entries()];
  const gradeCount = (s: StreetFigures, id: string) => s.grades.find((g) => g.id === id)?.count ?? 0;
  out.push({
    id: "ed-chart-grades", titleKey: "eventDebrief.chart.grades",
    table: { head: [c("street"), ...grades.map(([, label]) => local(label))], rows: streets.map((s, i) => [names[i]!, ...grades.map(([id]) => gradeCount(s, id))]) },
    spec: { type: "bar", stacked: true, labels: names, series: grades.map(([id, label]) => ({ label: local(label), data: streets.map((s) => gradeCount(s, id)) })) },
  });
  const record: [string, (s: StreetFigures) => number][] = [
    ["falseEntries", (s) => s.truth.falseEntries],
    ["wrongful", (s) => s.truth.wrongful],
    ["stayed", (s) => s.truth.wrongfulStayed],
    ["undecided", (s) => s.appeals.byPolicy + s.appeals.pending],
  ];
  out.push({
    id: "ed-chart-record", titleKey: "eventDebrief.chart.record",
    table: { head: [c("street"), ...record.map(([k]) => c(k))], rows: streets.map((s, i) => [names[i]!, ...record.map(([, v]) => v(s))]) },
    spec: { type: "bar", labels: names, series: record.map(([k, v]) => ({ label: c(k), data: streets.map(v) })) },
  });
  return out;
}

export function renderCharts(root: HTMLElement, streets: readonly StreetFigures[], bins: ScoreBins): void {
  drawCharts(root, charts(streets, bins));
}
