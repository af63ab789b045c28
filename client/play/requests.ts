/**
 * The witness's side of a statement: a card with the notices above the map (not in a tab, so a
 * phone shows it at once) for every request an official sent me — "did you see <name> <deed> on
 * day N?" — with three answers. The buttons stay busy until the server has the answer; a request
 * I answered, or let expire, stays as one line for the rest of the day.
 */
import { currentLang, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { StatementAnswer } from "../../shared/rules/state.ts";
import type { StatementRequest } from "../../shared/rules/views.ts";
import type { Section } from "./render.ts";
import type { PanelContext } from "./context.ts";
import { deedName, nameOf } from "./format.ts";

const ANSWERS: readonly StatementAnswer[] = ["saw_it", "did_not", "did_not_see"];

/** Requests sent to this player; none for roles nobody asks (officials, observers). */
function requestsOf(ctx: PanelContext): StatementRequest[] {
  return (ctx.view().mine as { requests?: StatementRequest[] } | null)?.requests ?? [];
}

/**
 * `live` is a polite live region that outlives the section's rebuilds: it says so once when a new
 * request arrives (the card itself is redrawn on every change and must not be read out each time).
 */
export function requestsSection(root: HTMLElement, live: HTMLElement, ctx: PanelContext): Section {
  let lastOpen = 0;
  return {
    root,
    signature: () => {
      const { board } = ctx.view();
      return JSON.stringify([currentLang(), ctx.commands.version, requestsOf(ctx), board.day, board.players.map((p) => [p.seat, p.nickname])]);
    },
    build: () => {
      const { board } = ctx.view();
      const requests = requestsOf(ctx);
      const open = requests.filter((r) => r.status === "open");
      if (open.length > lastOpen) live.textContent = t("play.request.arrived");
      lastOpen = open.length;
      const today = requests.filter((r) => r.status !== "open" && r.askedDay === board.day);
      if (open.length === 0 && today.length === 0) return [];
      return [
        el(
          "section",
          { class: "requests", "aria-labelledby": "requests-heading" },
          el("h2", { id: "requests-heading" }, t("play.request.heading")),
          ...open.map((r) => card(ctx, r)),
          ...today.map((r) => el("p", { class: `request-done ${r.status}`, "data-request": r.id }, closed(ctx, r))),
        ),
      ];
    },
  };
}

function words(ctx: PanelContext, r: StatementRequest): { name: string; deed: string; day: number } {
  return { name: nameOf(ctx.view(), r.subject), deed: deedName(ctx.rulebook(), r.deed), day: r.day };
}

function closed(ctx: PanelContext, r: StatementRequest): string {
  if (r.status === "expired" || !r.answer) return t("play.request.expired", words(ctx, r));
  return t("play.request.answered", { ...words(ctx, r), answer: t(`play.request.${r.answer}`) });
}

function card(ctx: PanelContext, r: StatementRequest): HTMLElement {
  const key = `answer:${r.id}`;
  const w = words(ctx, r);
  const question = el("p", { class: "question", id: `q-${r.id}` }, t("play.request.question", w));
  return el(
    "div",
    { class: "request-card", role: "group", "aria-labelledby": question.id, "data-request": r.id },
    question,
    el("p", { class: "detail" }, t("play.request.until")),
    el(
      "div",
      { class: "buttons" },
      ...ANSWERS.map((answer) =>
        ctx.commands.button(key, t(`play.request.${answer}`), () => void ctx.commands.run(key, { kind: "answer_statement", statement: r.id, answer }, () => t("play.request.sent")), {
          attrs: { "data-key": `${key}:${answer}`, "aria-label": t("play.request.answerLabel", { ...w, answer: t(`play.request.${answer}`) }), class: answer === "did_not_see" ? "secondary" : undefined },
        }),
      ),
    ),
    ctx.commands.note(key),
  );
}
