/** Truth against record, street by street: the totals in sentences, and each wrongful listing by name (or pseudonym) and what became of it. */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { sentenceGap } from "../debrief/truth.ts";
import type { StreetFigures } from "../../shared/district/compare.ts";

export function renderTruth(root: HTMLElement, streets: readonly StreetFigures[], anonymised: boolean): void {
  const k = (key: string, p: Record<string, unknown> = {}) => t(`eventDebrief.truth.${key}`, p);
  root.replaceChildren(
    el("div", { class: "truth-streets" },
      ...streets.map((s) => {
        const tr = s.truth;
        const a = s.appeals;
        return el("section", { class: "truth-street", "aria-labelledby": `truth-${s.code}-h`, "data-code": s.code },
          el("h3", { id: `truth-${s.code}-h` }, local(s.name)),
          ...(s.ended ? [] : [el("p", { class: "not-ended" }, k("notEnded"))]),
          el("p", {}, [
            k("deeds", { count: tr.deeds, recorded: tr.recorded }),
            k("entries", { count: tr.entries, falseEntries: tr.falseEntries, cameraFalse: tr.cameraFalse, falsePublished: tr.falsePublished }),
            k("listings", { count: tr.listings, wrongful: tr.wrongful, lifted: tr.wrongfulLifted, stayed: tr.wrongfulStayed }),
            k("appeals", { count: a.filed, reversed: a.reversed, upheld: a.upheld, byPolicy: a.byPolicy, pending: a.pending }),
          ].join(sentenceGap())),
          ...(s.wrongfulListings.length === 0 ? [] : [el("ul", { class: "wrongful-list" },
            ...s.wrongfulListings.map((l) => el("li", {}, k("wrongfulItem", {
              name: anonymised ? local(l.pseudonym) : l.nickname, day: l.day, state: l.active ? k("stillListed") : k("liftedOn", { day: l.removedDay ?? "?" }),
            }))),
          )]),
        );
      }),
    ),
  );
}
