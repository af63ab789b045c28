/**
 * Prompts along the debrief sequence (what happened → why → what it means outside), with a
 * pinned list the facilitator fills and orders with buttons. Pins and order are kept in this
 * device's localStorage per session (prompt ids only, never texts or names).
 */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { STAGES, type Prompt } from "../../shared/debrief/index.ts";
import { promptText, type Model } from "./model.ts";

const key = (code: string) => `gs.debrief.pins.${code}`;

export function loadPins(code: string): string[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key(code)) ?? "[]") as unknown;
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function savePins(code: string, pins: string[]): void {
  localStorage.setItem(key(code), JSON.stringify(pins));
}

export function renderPrompts(root: HTMLElement, m: Model, focusId?: string): void {
  const byId = new Map(m.prompts.map((p) => [p.id, p]));
  const pins = loadPins(m.code).filter((id) => byId.has(id));
  const rerender = (next: string[], focus: string) => {
    savePins(m.code, next);
    renderPrompts(root, m, focus);
  };
  const button = (id: string, label: string, aria: string, onClick: () => void, disabled = false) => {
    const b = el("button", { type: "button", "data-focus": id, "aria-label": aria, disabled }, label);
    b.addEventListener("click", onClick);
    return b;
  };
  const pinned = pins.map((id, i) => {
    const p = byId.get(id)!;
    const text = promptText(p);
    return el("li", { "data-prompt": id },
      el("p", {}, text),
      el("div", { class: "prompt-actions no-print" },
        button(`up-${id}`, t("debrief.prompts.up"), t("debrief.prompts.upLabel", { text }), () => rerender(swap(pins, i, i - 1), `up-${id}`), i === 0),
        button(`down-${id}`, t("debrief.prompts.down"), t("debrief.prompts.downLabel", { text }), () => rerender(swap(pins, i, i + 1), `down-${id}`), i === pins.length - 1),
        button(`unpin-${id}`, t("debrief.prompts.unpin"), t("debrief.prompts.unpinLabel", { text }), () => rerender(pins.filter((x) => x !== id), `pin-${id}`)),
      ),
    );
  });
  const stage = (s: (typeof STAGES)[number]) => {
    const items = m.prompts.filter((p: Prompt) => p.stage === s);
    return el("section", { class: "prompt-stage", "aria-labelledby": `stage-${s}` },
      el("h3", { id: `stage-${s}` }, t(`debrief.prompts.stage.${s}`)),
      el("ul", {}, ...items.map((p) => {
        const text = promptText(p);
        const isPinned = pins.includes(p.id);
        return el("li", { "data-prompt": p.id, class: isPinned ? "is-pinned" : "" },
          el("p", {}, text),
          el("div", { class: "prompt-actions no-print" },
            isPinned
              ? button(`pin-${p.id}`, t("debrief.prompts.unpin"), t("debrief.prompts.unpinLabel", { text }), () => rerender(pins.filter((x) => x !== p.id), `pin-${p.id}`))
              : button(`pin-${p.id}`, t("debrief.prompts.pin"), t("debrief.prompts.pinLabel", { text }), () => rerender([...pins, p.id], `pin-${p.id}`)),
          ),
        );
      })),
    );
  };
  root.replaceChildren(
    el("p", { class: "no-print" }, t("debrief.prompts.intro")),
    el("section", { class: "pinned", "aria-labelledby": "pinned-h" },
      el("h3", { id: "pinned-h" }, t("debrief.prompts.pinned")),
      pinned.length ? el("ol", { id: "pinned-list" }, ...pinned) : el("p", { id: "pinned-list" }, t("debrief.prompts.pinnedNone")),
    ),
    ...STAGES.map(stage),
  );
  if (focusId) root.querySelector<HTMLElement>(`[data-focus="${focusId}"]`)?.focus();
}

function swap<T>(list: T[], i: number, j: number): T[] {
  if (j < 0 || j >= list.length) return list;
  const next = list.slice();
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
