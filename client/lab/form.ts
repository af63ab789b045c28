/**
 * The lab's form over a draft scenario: one fieldset per group of `groupsFor`, each field with
 * its label, a short explanation and a place for the scenario check's problem with it. Edits go
 * straight into the draft (a plain JSON copy of the scenario); the page checks it in the worker
 * and hands the problems back with `showProblems`.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import i18next from "i18next";
import type { DraftProblem } from "./protocol.ts";
import type { LocalText } from "../../shared/lang.ts";
import { fitToDays, getAt, groupsFor, setAt, type Field, type Label } from "./fields.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

const isLocal = (v: unknown): v is LocalText => typeof v === "object" && v !== null && "en" in v && "zh" in v;

export function labelText(label: Label): string {
  if (label.text) return local(label.text);
  const values = Object.fromEntries(Object.entries(label.values ?? {}).map(([k, v]) => [k, isLocal(v) ? local(v) : v]));
  return t(label.key, values);
}

/** A problem as the reader reads it: worded by the lab when it knows it, else as the check said. */
export function problemText(p: DraftProblem): string {
  return p.code && i18next.exists(`lab.check.${p.code}`) ? t(`lab.check.${p.code}`, p.values ?? {}) : p.message;
}

export type Form = {
  element: HTMLElement;
  /** Shows each problem beside its field; returns those that name no field of the form. */
  showProblems(problems: DraftProblem[]): DraftProblem[];
};

let fieldCount = 0;

export function buildForm(draft: Record<string, unknown>, onChange: () => void): Form {
  const slots = new Map<string, { input: HTMLElement; problem: HTMLElement }>();
  const groups = groupsFor(draft as unknown as Scenario).filter((g) => g.fields.length > 0);
  const fieldsets = groups.map((group) =>
    el(
      "fieldset",
      { class: `lab-group lab-${group.id}`, "data-group": group.id },
      el("legend", {}, t(`lab.group.${group.id}.title`)),
      el("p", { class: "hint" }, t(`lab.group.${group.id}.intro`)),
      el("div", { class: "lab-fields" }, ...group.fields.map((field) => fieldRow(field))),
    ),
  );

  function fieldRow(field: Field): HTMLElement {
    const id = `lab-f${++fieldCount}`;
    const problem = el("span", { class: "problem", id: `${id}-problem` });
    const described = [field.help ? `${id}-help` : "", `${id}-problem`].filter(Boolean).join(" ");
    const input = control(field, id, described);
    if (!slots.has(field.path)) slots.set(field.path, { input, problem });
    const label = el("label", { for: id }, labelText(field.label));
    const help = field.help ? el("small", { id: `${id}-help`, class: "help" }, t(field.help)) : "";
    const row = field.kind === "check" || field.kind === "member" ? el("div", { class: "lab-field choice" }, input, label, help, problem) : el("div", { class: "lab-field" }, label, input, help, problem);
    row.dataset.path = field.path;
    return row;
  }

  function control(field: Field, id: string, described: string): HTMLElement {
    const current = getAt(draft, field.path);
    const changed = (value: unknown) => {
      setAt(draft, field.path, value);
      if (field.path === "phases.days") fitToDays(draft, value);
      onChange();
    };
    if (field.kind === "check") {
      const input = el("input", { type: "checkbox", id, "aria-describedby": described }) as HTMLInputElement;
      input.checked = current === true;
      input.addEventListener("change", () => changed(input.checked));
      return input;
    }
    if (field.kind === "member") {
      const input = el("input", { type: "checkbox", id, "aria-describedby": described }) as HTMLInputElement;
      input.checked = Array.isArray(current) && current.includes(field.item);
      input.addEventListener("change", () => {
        const list = (Array.isArray(getAt(draft, field.path)) ? (getAt(draft, field.path) as string[]) : []).filter((x) => x !== field.item);
        changed(input.checked ? [...list, field.item] : list);
      });
      return input;
    }
    if (field.kind === "choice") {
      const select = el("select", { id, "aria-describedby": described }, ...field.options.map((o) => el("option", { value: o }, t(`lab.choice.${o}`)))) as HTMLSelectElement;
      select.value = String(current);
      select.addEventListener("change", () => changed(select.value));
      return select;
    }
    const scale = field.percent ? 100 : 1;
    const input = el("input", {
      type: "number",
      id,
      inputmode: "decimal",
      min: String(field.min),
      max: String(field.max),
      step: String(field.step ?? (field.percent ? 0.1 : 1)),
      "aria-describedby": described,
    }) as HTMLInputElement;
    input.value = typeof current === "number" ? String(Math.round(current * scale * 1000) / 1000) : "";
    // an empty or unreadable box is sent as it is, so the check names the problem beside it
    input.addEventListener("input", () => changed(input.value.trim() === "" || !Number.isFinite(input.valueAsNumber) ? null : Math.round((input.valueAsNumber / scale) * 1e6) / 1e6));
    return input;
  }

  return {
    element: el("div", { class: "lab-form" }, ...fieldsets),
    showProblems(problems) {
      for (const { input, problem } of slots.values()) {
        problem.textContent = "";
        input.removeAttribute("aria-invalid");
      }
      const elsewhere: DraftProblem[] = [];
      for (const p of problems) {
        const slot = slots.get(p.path);
        if (!slot) {
          elsewhere.push(p);
          continue;
        }
        slot.problem.textContent = slot.problem.textContent ? `${slot.problem.textContent} ${problemText(p)}` : problemText(p);
        slot.input.setAttribute("aria-invalid", "true");
      }
      return elsewhere;
    },
  };
}
