/** Before the start: each neighbourhood with how many arrivals it was given and how many are in its room. */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Street } from "./figures.ts";
import type { Figures } from "../../shared/district/figures.ts";

export function renderArrivals(list: HTMLElement, streets: Street[], figures: ReadonlyMap<string, Figures | null>): void {
  list.replaceChildren(
    ...streets.map((street) => {
      const joined = figures.get(street.code)?.players;
      const counts = [t("eventBoard.placed", { count: street.placed })];
      if (joined !== undefined) counts.push(t("eventBoard.joined", { count: joined }));
      return el("li", {}, el("span", { class: "arrival-name" }, local(street.name)), el("span", { class: "arrival-counts" }, counts.join(" · ")));
    }),
  );
}
