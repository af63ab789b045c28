/**
 * The questions drawn from how the streets differed, most striking first; any one can be shown
 * large for the projector (one at a time, back to the list with one click). Nothing is stored:
 * the list is the same each time the page opens.
 */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { ComparePrompt } from "../../shared/district/comparePrompts.ts";
import { promptText } from "./words.ts";

export function renderPrompts(root: HTMLElement, prompts: readonly ComparePrompt[], large: number | null = null): void {
  if (prompts.length === 0) {
    root.replaceChildren(el("p", {}, t("eventDebrief.prompt.none")));
    return;
  }
  const shown = large === null ? null : prompts[large];
  const stage = el("div", { class: "prompt-large", role: "region", "aria-label": t("eventDebrief.prompt.large"), hidden: !shown, tabindex: "-1" });
  if (shown) {
    const back = el("button", { type: "button", class: "prompt-back" }, t("eventDebrief.prompt.unpin"));
    back.addEventListener("click", () => {
      renderPrompts(root, prompts, null);
      root.querySelector<HTMLButtonElement>(`[data-prompt="${large}"] button`)?.focus();
    });
    stage.append(el("p", {}, promptText(shown)), back);
  }
  root.replaceChildren(
    stage,
    el("ol", { id: "compare-prompts", class: "compare-prompts" },
      ...prompts.map((p, i) => {
        const pin = el("button", { type: "button", "aria-describedby": `compare-prompt-${i}` }, t("eventDebrief.prompt.pin"));
        pin.addEventListener("click", () => {
          renderPrompts(root, prompts, i);
          root.querySelector<HTMLElement>(".prompt-large")?.focus();
        });
        return el("li", { "data-prompt": String(i), "data-kind": p.kind, "data-streets": p.streets.join(" "), class: i === large ? "is-large" : undefined },
          el("p", { id: `compare-prompt-${i}` }, promptText(p)), pin);
      }),
    ),
  );
}
