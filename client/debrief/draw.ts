/**
 * Drawing with chart.js, imported only by the debrief's charts (a lazily loaded chunk): just
 * the controllers and scales used, a colour-blind-safe palette, no animation.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export type ChartSpec = {
  type: "line" | "bar";
  labels: string[];
  series: { label: string; data: number[] }[];
  stacked?: boolean;
  percent?: boolean;
};

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];

export function draw(canvas: HTMLCanvasElement, spec: ChartSpec): () => void {
  const many = spec.series.length > 12;
  const chart = new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => {
        const colour = PALETTE[i % PALETTE.length]!;
        return spec.type === "line"
          ? { label: s.label, data: s.data, borderColor: colour, backgroundColor: colour, borderWidth: many ? 1 : 2, pointRadius: many ? 0 : 2, borderDash: DASHES[Math.floor(i / PALETTE.length) % DASHES.length] }
          : { label: s.label, data: s.data, backgroundColor: colour, borderColor: "#222", borderWidth: 1 };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: !many, position: "bottom" } },
      scales: {
        x: { stacked: spec.stacked ?? false },
        y: { stacked: spec.stacked ?? false, beginAtZero: spec.type === "bar", ...(spec.percent ? { max: 100 } : {}) },
      },
    },
  });
  return () => chart.destroy();
}
