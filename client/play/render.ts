/**
 * Re-rendering without losing the player's place. Views arrive after every event in the room
 * (often several a second), so a section is rebuilt only when what it shows has changed (its
 * signature), and a rebuild keeps focus and half-typed input: every control carries a
 * `data-key`, typed values live in `drafts`, and focus returns to the control with the same key.
 */
import { el } from "../ui/dom.ts";
import { t } from "../i18n.ts";
import { NOTE_MAX } from "../../shared/rules/actor.ts";

/** Values typed or chosen in forms, by control key; they survive rebuilds. */
export const drafts = new Map<string, string>();

export interface Section {
  /** Where the section draws. */
  root: HTMLElement;
  /** A string that changes whenever what the section shows changes. */
  signature(): string;
  build(): (Node | string)[];
}

const drawn = new WeakMap<HTMLElement, string>();

/** Rebuilds a section if its signature changed (or `force`), keeping focus and caret. */
export function draw(section: Section, force = false): void {
  const signature = section.signature();
  if (!force && drawn.get(section.root) === signature) return;
  drawn.set(section.root, signature);
  const active = document.activeElement as HTMLElement | null;
  const key = active && section.root.contains(active) ? active.dataset.key : undefined;
  const caret = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
  section.root.replaceChildren(...section.build());
  if (!key) return;
  // the control may be gone (a place once reached has no "go" button): fall back to its parent key
  let again: HTMLElement | null = null;
  for (let k = key; k && !again; k = k.includes(":") ? k.slice(0, k.lastIndexOf(":")) : "") {
    again = section.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(k)}"]`);
  }
  if (!again) return;
  again.focus({ preventScroll: true });
  if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again.type !== "number") {
    try {
      again.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
    } catch {
      // some input types have no caret
    }
  }
}

/** Binds a form control to its draft: starts from the draft (or `initial`) and records every change. */
export function bind<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(control: T, key: string, initial = ""): T {
  const draft = drafts.get(key);
  if (control instanceof HTMLInputElement && control.type === "radio") {
    control.dataset.key = `${key}=${control.value}`;
    control.checked = (draft ?? initial) === control.value;
    control.addEventListener("change", () => {
      if (control.checked) drafts.set(key, control.value);
    });
    return control;
  }
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
    control.dataset.key = key;
    control.checked = (draft ?? initial) === "1";
    control.addEventListener("change", () => drafts.set(key, control.checked ? "1" : ""));
    return control;
  }
  control.dataset.key = key;
  control.value = draft ?? initial;
  if (control instanceof HTMLSelectElement && control.value !== (draft ?? initial)) control.selectedIndex = 0;
  const record = () => drafts.set(key, control.value);
  control.addEventListener("input", record);
  control.addEventListener("change", record);
  return control;
}

/** The value a radio group holds in drafts (radios are bound under `key`). */
export function draftOf(key: string, fallback = ""): string {
  return drafts.get(key) ?? fallback;
}

let ids = 0;
/** A fresh id for label/control pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`;
}

/** A free-text note (≤ NOTE_MAX) kept as a draft under `key`, with its live character count. */
export function noteField(key: string, rows: number): { note: HTMLTextAreaElement; count: HTMLElement } {
  const note = bind(el("textarea", { id: uid("note"), maxlength: String(NOTE_MAX), rows: String(rows) }), key);
  const count = el("small", { id: uid("count") });
  const countText = () => (count.textContent = t("play.watch.noteCount", { count: note.value.length, max: NOTE_MAX }));
  countText();
  note.setAttribute("aria-describedby", count.id);
  note.addEventListener("input", countText);
  return { note, count };
}
