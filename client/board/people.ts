/**
 * The board's people: the honour roll, the blacklist and how many residents hold each grade.
 * Avatars are generated shapes from the seat id (never faces, never from the nickname).
 */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { avatarUri } from "../ui/avatar.ts";
import type { PlayView } from "../net/gameView.ts";
import { gradeBadge, gradeColour, gradeLabel } from "./grades.ts";
import type { Namer } from "./names.ts";

export function avatar(seat: string, size: "small" | "large" = "small"): HTMLImageElement {
  return el("img", { class: `avatar ${size}`, src: avatarUri(seat), alt: "", width: "48", height: "48" });
}

function emptyNote(text: string): HTMLElement {
  return el("li", { class: "empty" }, text);
}

/** A projector cannot scroll: a long list shows its first entries and says how many more there are. */
const SHOWN = 12;

function capped(items: HTMLElement[]): HTMLElement[] {
  if (items.length <= SHOWN + 1) return items;
  return [...items.slice(0, SHOWN), el("li", { class: "more" }, t("board.andMore", { count: items.length - SHOWN }))];
}

export function renderHonour(list: HTMLElement, view: PlayView, name: Namer): void {
  const grades = new Map(view.board.players.map((p) => [p.seat, p.grade]));
  const items = view.board.honourRoll.map((seat) => {
    const grade = grades.get(seat);
    return el("li", { class: "person" }, avatar(seat), el("span", { class: "name" }, name(seat)), grade ? gradeBadge(view.rulebook, grade) : "");
  });
  list.replaceChildren(...(items.length ? capped(items) : [emptyNote(t("board.honourEmpty"))]));
}

export function renderBlacklist(list: HTMLElement, view: PlayView, name: Namer): void {
  const items = view.board.blacklist.map((r) =>
    el("li", { class: "person listed" }, avatar(r.seat), el("span", { class: "name" }, name(r.seat)), el("span", { class: "since" }, t("board.since", { day: r.day }))),
  );
  list.replaceChildren(...(items.length ? capped(items) : [emptyNote(t("board.blacklistEmpty"))]));
}

/** Counts per grade as a small labelled column chart; hidden when nobody is graded (a list-only scenario). */
export function renderGrades(section: HTMLElement, list: HTMLElement, view: PlayView): void {
  const grades = view.rulebook?.grades ?? [];
  const counts = new Map<string, number>();
  for (const p of view.board.players) if (p.grade) counts.set(p.grade, (counts.get(p.grade) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  section.hidden = total === 0 || grades.length === 0;
  if (section.hidden) return list.replaceChildren();
  const max = Math.max(...counts.values());
  list.replaceChildren(
    ...grades.map((g, i) => {
      const count = counts.get(g.id) ?? 0;
      const bar = el("span", { class: "grade-bar" });
      bar.style.setProperty("--grade", gradeColour(i, grades.length));
      bar.style.height = `${max ? (count / max) * 100 : 0}%`;
      return el(
        "li",
        {},
        el("span", { class: "grade-name" }, gradeLabel(view.rulebook, g.id)),
        el("span", { class: "track", "aria-hidden": "true" }, bar),
        el("span", { class: "count" }, String(count)),
      );
    }),
  );
}
