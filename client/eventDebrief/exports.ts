/**
 * Exports: the whole event in one file, and each neighbourhood's own files (the ordinary
 * debrief's routes, with that neighbourhood's host token, which load.ts kept on this device), and
 * a link to each neighbourhood's own full debrief. Names or pseudonyms as the page shows them.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { download } from "../debrief/api.ts";
import type { Refusal } from "../debrief/api.ts";
import type { NeighbourhoodInfo } from "../../shared/protocol/http.ts";
import { saveEventExport } from "./load.ts";

export function renderExports(root: HTMLElement, eventCode: string, neighbourhoods: readonly NeighbourhoodInfo[], names: boolean): void {
  const result = el("p", { id: "export-status", role: "status", "aria-live": "polite" });
  const said = (file: string | Refusal) => {
    result.textContent = typeof file === "string" ? t("eventDebrief.export.done", { file }) : t("eventDebrief.export.failed", { reason: t(`reason.${file.reason}`) });
  };
  const whole = el("button", { type: "button", id: "export-event" }, t("eventDebrief.export.event"));
  whole.addEventListener("click", () => void saveEventExport(eventCode, names).then(said));
  const own = (code: string, what: "export.json" | "players.csv" | "entries.csv", key: string, name: string) => {
    const b = el("button", { type: "button", "data-export": `${code}-${what}`, "aria-label": `${name}: ${t(key)}` }, t(key));
    b.addEventListener("click", () => void download(code, what, names).then(said));
    return b;
  };
  root.replaceChildren(
    el("p", {}, t("eventDebrief.export.intro")),
    whole,
    el("div", { class: "export-streets" },
      ...neighbourhoods.map((n) => {
        const name = local(n.name);
        return el("section", { class: "export-street", "aria-labelledby": `export-${n.code}-h` },
          el("h3", { id: `export-${n.code}-h` }, name, " ", el("span", { class: "code" }, n.code)),
          el("div", { class: "export-buttons" },
            own(n.code, "export.json", "eventDebrief.export.json", name),
            own(n.code, "players.csv", "eventDebrief.export.players", name),
            own(n.code, "entries.csv", "eventDebrief.export.entries", name),
          ),
          el("a", { href: `/debrief/${encodeURIComponent(n.code)}`, "data-debrief": n.code }, t("eventDebrief.export.open", { name })),
        );
      }),
    ),
    result,
  );
}
