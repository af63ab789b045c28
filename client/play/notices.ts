/**
 * What comes from outside the player's own doings: the facilitator's broadcasts (a notice each
 * player can dismiss, in a live region) and today's event cards from the rulebook.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Section } from "./render.ts";
import type { PanelContext } from "./context.ts";

const dismissed = new Set<number>();

export function announcementsSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => JSON.stringify([currentLang(), ctx.view().announcements.filter((a) => !dismissed.has(a.at))]),
    build: () => {
      const shown = ctx.view().announcements.filter((a) => !dismissed.has(a.at)).slice(-3).reverse();
      return shown.map((a) =>
        el(
          "div",
          { class: "announcement" },
          el("strong", {}, t("play.notice.heading")),
          el("span", { class: "text" }, a.text),
          ctx.commands.button(`dismiss:${a.at}`, t("play.notice.dismiss"), () => {
            dismissed.add(a.at);
            ctx.refresh();
          }, { attrs: { class: "secondary small" } }),
        ),
      );
    },
  };
}

export function newsSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const { board } = ctx.view();
      return JSON.stringify([currentLang(), board.day, board.phase, board.cards]);
    },
    build: () => {
      const { board } = ctx.view();
      const book = ctx.rulebook();
      const cards = board.cards
        .filter((c) => c.day === board.day)
        .map((c) => book.eventCards.find((card) => card.id === c.card))
        .filter((card) => card !== undefined);
      if (!cards.length || board.phase === "ended") return [];
      return [
        el(
          "details",
          { class: "news", open: board.phase === "morning" },
          el("summary", {}, t("play.notice.news", { count: cards.length })),
          el("ul", { class: "items" }, ...cards.map((card) => el("li", { "data-card": card.id }, el("strong", {}, local(card.label)), " ", local(card.text)))),
        ),
      ];
    },
  };
}
