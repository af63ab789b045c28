/**
 * What the facilitator says and what happened today: broadcasts (the newest large, in a polite
 * live region that changes only when a new one arrives; a few earlier ones below) and the event
 * cards drawn today, with their text from the rulebook.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { PlayView } from "../net/gameView.ts";

const EARLIER = 3;

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(currentLang() === "zh" ? "zh-CN" : "en-GB", { hour: "2-digit", minute: "2-digit" });
}

export function renderAnnouncements(latest: HTMLElement, latestAt: HTMLElement, earlier: HTMLElement, view: PlayView): void {
  const all = view.announcements;
  const newest = all.at(-1);
  const text = newest ? newest.text : t("board.announcementsEmpty");
  // rewrite the live region only when its words change, so it is not read out again
  if (latest.textContent !== text) latest.textContent = text;
  latest.classList.toggle("empty", !newest);
  latestAt.textContent = newest ? clockTime(newest.at) : "";
  earlier.replaceChildren(
    ...all
      .slice(-1 - EARLIER, -1)
      .reverse()
      .map((a) => el("li", {}, el("span", { class: "meta" }, clockTime(a.at)), " ", a.text)),
  );
}

export function renderCards(list: HTMLElement, view: PlayView): void {
  const today = view.board.cards.filter((c) => c.day === view.board.day);
  const items = today.map((c) => {
    const card = view.rulebook?.eventCards.find((x) => x.id === c.card);
    return el("li", { class: "card" }, el("h3", {}, card ? local(card.label) : c.card), card ? el("p", {}, local(card.text)) : "");
  });
  list.replaceChildren(...(items.length ? items : [el("li", { class: "empty" }, t("board.cardsEmpty"))]));
}
