/**
 * The strip of key figures side by side, in both layouts: a compact table, a row per
 * neighbourhood, so the hall compares them at a glance. In the cycle the row of the board on
 * screen is marked.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { KEY_FIGURES, type Street } from "./figures.ts";
import type { Figures } from "../../shared/district/figures.ts";

export function renderStrip(table: HTMLTableElement, streets: Street[], figures: ReadonlyMap<string, Figures | null>, current: string | undefined): void {
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, t("eventBoard.neighbourhood")),
    ...KEY_FIGURES.map(({ key }) => el("th", { scope: "col", class: "num" }, t(`eventBoard.figure.${key}`))),
  );
  const rows = streets.map((street) => {
    const f = figures.get(street.code) ?? null;
    const cells = f
      ? KEY_FIGURES.map(({ value }) => el("td", { class: "num" }, value(f)))
      : [el("td", { colspan: String(KEY_FIGURES.length), class: "away" }, t("eventBoard.unreachable"))];
    const here = street.code === current;
    return el("tr", { class: here ? "current" : undefined, "aria-current": here ? "true" : undefined }, el("th", { scope: "row" }, local(street.name)), ...cells);
  });
  table.replaceChildren(el("caption", { id: "eb-strip-caption" }, t("eventBoard.strip")), el("thead", {}, head), el("tbody", {}, ...rows));
}
