/**
 * The two dialogs of the play screen (native modal <dialog>: focus stays inside, Escape
 * closes): filing an appeal against a published entry, and stepping out of one's role.
 */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { uid } from "./render.ts";
import { resident, type PanelContext } from "./context.ts";
import { deedName, points } from "./format.ts";

const REASONS = ["did_not_happen", "not_me", "context", "disproportionate"] as const;
const EVIDENCE = ["none", "camera", "witness"] as const;

export interface AppealDialog {
  element: HTMLDialogElement;
  open(entryId: string): void;
}

export function appealDialog(ctx: PanelContext, filed: (entryId: string) => void): AppealDialog {
  const dialog = el("dialog", { class: "play-dialog", "aria-labelledby": "appeal-title" });
  let entryId = "";

  function build(): void {
    const book = ctx.rulebook();
    const entry = resident(ctx).aboutMe.find((e) => e.id === entryId);
    const radios = (name: string, values: readonly string[], labelKey: string, checked?: string) =>
      values.map((value) => {
        const input = el("input", { type: "radio", name, value, id: uid(name), "data-key": `${name}=${value}` });
        input.checked = value === checked;
        return el("div", { class: "choice" }, input, el("label", { for: input.id }, t(`${labelKey}.${value}`)));
      });
    const reasonName = uid("reason");
    const evidenceName = uid("evidence");
    const submit = el("button", { type: "submit" }, t("play.appeal.submit"));
    const cancel = el("button", { type: "button", class: "secondary" }, t("play.appeal.cancel"));
    cancel.addEventListener("click", () => dialog.close());
    const note = ctx.commands.note("appeal");
    const form = el(
      "form",
      { class: "command-form", novalidate: true },
      el("fieldset", {}, el("legend", {}, t("play.appeal.reasonLegend")), ...radios(reasonName, REASONS, "play.appeal.reason")),
      el("fieldset", {}, el("legend", {}, t("play.appeal.evidenceLegend")), ...radios(evidenceName, EVIDENCE, "play.appeal.evidence", "none")),
      el("p", { class: "detail" }, t("play.appeal.deadline", { count: book.appeals.deadlineEvenings, outcome: t(`play.appeal.undecided.${book.appeals.undecided}`) })),
      note,
      el("div", { class: "buttons" }, submit, cancel),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (ctx.commands.isPending("appeal")) return;
      const reason = form.querySelector<HTMLInputElement>(`input[name="${reasonName}"]:checked`)?.value as (typeof REASONS)[number] | undefined;
      const evidence = form.querySelector<HTMLInputElement>(`input[name="${evidenceName}"]:checked`)?.value;
      if (!reason) {
        ctx.commands.say("appeal", t("play.missing"));
        form.querySelector<HTMLInputElement>(`input[name="${reasonName}"]`)?.focus();
        return;
      }
      submit.setAttribute("aria-busy", "true");
      submit.setAttribute("aria-disabled", "true");
      const id = entryId;
      void ctx.commands
        .run("appeal", { kind: "appeal", entry: id, reason, evidence: evidence === "camera" || evidence === "witness" ? evidence : null }, () => t("play.appeal.filed"))
        .then((ok) => {
          submit.removeAttribute("aria-busy");
          submit.removeAttribute("aria-disabled");
          if (!ok) return;
          dialog.close();
          filed(id);
        });
    });
    dialog.replaceChildren(
      el("h2", { id: "appeal-title" }, t("play.appeal.title")),
      el("p", { class: "about" }, entry ? t("play.appeal.about", { deed: deedName(book, entry.deed), day: entry.day, points: points(entry.points) }) : ""),
      form,
    );
  }

  return {
    element: dialog,
    open(id: string) {
      entryId = id;
      ctx.commands.clear("appeal");
      build();
      dialog.showModal();
      dialog.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
    },
  };
}

export interface StepOutDialog {
  element: HTMLDialogElement;
  open(): void;
}

/** "Step out": asks once, tells the facilitator quietly, then says so calmly. */
export function stepOutDialog(ctx: PanelContext, done: () => void): StepOutDialog {
  const dialog = el("dialog", { class: "play-dialog", "aria-labelledby": "step-out-title" });
  function build(): void {
    const confirm = el("button", { type: "button" }, t("play.stepOut.confirm"));
    const cancel = el("button", { type: "button", class: "secondary" }, t("play.stepOut.cancel"));
    cancel.addEventListener("click", () => dialog.close());
    confirm.addEventListener("click", () => {
      if (ctx.commands.isPending("step-out")) return;
      confirm.setAttribute("aria-busy", "true");
      void ctx.commands.run("step-out", { kind: "step_out" }).then((ok) => {
        confirm.removeAttribute("aria-busy");
        if (!ok) return;
        dialog.close();
        done();
      });
    });
    dialog.replaceChildren(
      el("h2", { id: "step-out-title" }, t("play.stepOut.title")),
      el("p", {}, t("play.stepOut.text")),
      ctx.commands.note("step-out"),
      el("div", { class: "buttons" }, confirm, cancel),
    );
  }
  return {
    element: dialog,
    open() {
      ctx.commands.clear("step-out");
      build();
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>("button.secondary")?.focus();
    },
  };
}
