/**
 * The tiles layout: one tile per neighbourhood with its name, the game's moment (paused marked),
 * its players and its key figures, in a grid that keeps even twelve tiles on one projector screen
 * (the page sets how many columns and rows; the type shrinks a step only for the largest grids).
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { KEY_FIGURES, momentOf, type Street } from "./figures.ts";
import type { Figures } from "../../shared/district/figures.ts";

/** Columns for n tiles on a wide screen: 2 → 2×1, 4 → 2×2, 6 → 3×2, 9 → 3×3, 12 → 4×3. */
function columnsFor(n: number): number {
  if (n <= 4) return 2;
  if (n <= 9) return 3;
  return 4;
}

export function renderTiles(list: HTMLElement, streets: Street[], figures: ReadonlyMap<string, Figures | null>): void {
  const columns = columnsFor(streets.length);
  const rows = Math.ceil(streets.length / columns);
  list.style.setProperty("--columns", String(columns));
  list.style.setProperty("--rows", String(rows));
  list.dataset.rows = String(rows);
  list.replaceChildren(...streets.map((street) => tile(street, figures.get(street.code) ?? null)));
}

function tile(street: Street, f: Figures | null): HTMLElement {
  const name = el("h3", { class: "tile-name" }, local(street.name));
  if (!f) return el("li", { class: "tile away" }, name, el("p", { class: "tile-when" }, t("eventBoard.unreachable")));
  const when = el("p", { class: "tile-when" }, momentOf(f));
  if (f.paused) when.append(" ", el("span", { class: "paused-badge" }, t("eventBoard.paused")));
  const players = el("p", { class: "tile-players" }, t("eventBoard.players", { count: f.players }));
  const figures = el(
    "dl",
    { class: "tile-figures" },
    ...KEY_FIGURES.map(({ key, value }) => el("div", {}, el("dt", {}, t(`eventBoard.figure.${key}`)), el("dd", {}, value(f)))),
  );
  return el("li", { class: f.paused ? "tile paused" : "tile" }, name, when, players, figures);
}
