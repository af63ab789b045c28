/**
 * The feed of published deeds, newest first: who, which deed, the points (sign and colour), the
 * day, and what became of it (an entry reversed on appeal is struck through and says so).
 * Entries the board has not shown before get a gentle highlight and a "New" tag (no animation
 * with reduced motion); a polite live region says how many arrived, never the whole list.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { PlayView } from "../net/gameView.ts";
import type { PublishedEntry } from "../../shared/rules/views.ts";
import { avatar } from "./people.ts";
import type { Namer } from "./names.ts";

/** The projector shows the latest entries; the debrief has the full record. */
const SHOWN = 60;

/** "+5", "−20" (a real minus sign), "0". */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${Math.abs(points)}`;
  return "0";
}

export class Feed {
  /** Ids already shown; null until the first render (nothing is "new" on a fresh page). */
  private seen: Set<string> | null = null;
  /** The latest arrivals keep their tag until the next batch. */
  private fresh = new Set<string>();

  constructor(
    private readonly list: HTMLElement,
    private readonly news: HTMLElement,
  ) {}

  render(view: PlayView, name: Namer): void {
    const feed = view.board.feed;
    // once the game is over nothing is news any more: no "New" tags, no highlight
    const over = view.board.phase === "ended";
    const arrived = this.seen && !over ? feed.filter((e) => !this.seen!.has(e.id)).map((e) => e.id) : [];
    if (arrived.length) this.fresh = new Set(arrived);
    if (over) this.fresh.clear();
    // said once when entries arrive; emptied on any other redraw so it is never read out again
    this.news.textContent = arrived.length ? t("board.feedNew", { count: arrived.length }) : "";
    this.seen = new Set(feed.map((e) => e.id));
    const newest = feed.slice(-SHOWN).reverse();
    this.list.replaceChildren(
      ...(newest.length ? newest.map((e) => this.item(e, view, name, arrived.includes(e.id))) : [el("li", { class: "empty" }, t("board.feedEmpty"))]),
    );
  }

  private item(e: PublishedEntry, view: PlayView, name: Namer, justArrived: boolean): HTMLElement {
    const deed = view.rulebook?.deeds.find((d) => d.id === e.deed);
    const struck = e.status === "reversed" || e.status === "rejected";
    const what = el("span", { class: "deed" }, deed ? local(deed.label) : e.deed);
    const points =
      e.points === null
        ? el("span", { class: "points none" }, t("board.recorded"))
        : el("span", { class: `points ${e.points > 0 ? "up" : e.points < 0 ? "down" : "zero"}` }, signedPoints(e.points));
    const classes = ["entry", struck ? "struck" : "", justArrived ? "arrived" : ""].filter(Boolean).join(" ");
    const fresh = this.fresh.has(e.id);
    return el(
      "li",
      { class: classes },
      avatar(e.subject),
      el(
        "div",
        { class: "body" },
        el("span", { class: "who" }, name(e.subject)),
        el(
          "span",
          { class: "line" },
          struck ? el("s", {}, what) : what,
          el("span", { class: "meta" }, t("board.day", { day: e.day })),
          e.status === "approved" ? "" : el("span", { class: "status" }, t(`board.status.${e.status}`)),
          fresh ? el("span", { class: "tag" }, t("board.new")) : "",
        ),
      ),
      struck ? el("s", {}, points) : points,
    );
  }
}
