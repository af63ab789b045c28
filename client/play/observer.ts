/**
 * The observer's panel: the public board on their own device (standings, honour roll,
 * blacklist and the feed of published deeds — pseudonyms when the facilitator anonymised the
 * board) and a notes box whose notes go to the facilitator for the debrief.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { avatarUri } from "../ui/avatar.ts";
import type { PlayView } from "../net/gameView.ts";
import { draftOf, drafts, noteField, type Section } from "./render.ts";
import { commandForm, listOr, observer, type PanelContext } from "./context.ts";
import { deedName, gradeBadge, points } from "./format.ts";
import { labelled } from "./resident.ts";

/** A seat's name as the public board shows it. */
function shownName(view: PlayView, seat: string): string {
  if (view.anonymousBoard) {
    const pseudonym = view.pseudonyms[seat];
    if (pseudonym) return local(pseudonym);
  }
  return view.board.players.find((p) => p.seat === seat)?.nickname ?? t("play.someone");
}

function person(view: PlayView, seat: string, ...extra: (Node | string)[]): HTMLElement {
  return el("li", { class: "person", "data-seat": seat }, el("img", { src: avatarUri(seat), alt: "", width: "28", height: "28" }), el("span", { class: "name" }, shownName(view, seat)), ...extra);
}

export function boardSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const view = ctx.view();
      const { board } = view;
      return JSON.stringify([currentLang(), view.anonymousBoard, board.players, board.honourRoll, board.blacklist, board.feed.length, board.feed.at(-1)]);
    },
    build: () => {
      const view = ctx.view();
      const book = ctx.rulebook();
      const { board } = view;
      const scored = board.players.filter((p) => p.scored);
      const ranked = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
      const standings = ranked.map((p) => person(view, p.seat, ...(p.score !== null ? [el("span", { class: "score" }, String(p.score))] : []), gradeBadge(book, p.grade, p.blacklisted)));
      const feed = [...board.feed]
        .reverse()
        .slice(0, 15)
        .map((e) => el("li", { class: `feed-line ${e.status}` }, t("play.board.feedLine", { day: e.day, name: shownName(view, e.subject), deed: deedName(book, e.deed), points: points(e.points) })));
      return [
        el("h2", {}, t("play.board.standings")),
        listOr(standings, t("play.board.nobody"), { class: "items people standings" }),
        el("h2", {}, t("play.board.honour")),
        listOr(board.honourRoll.map((seat) => person(view, seat)), t("play.board.nobody"), { class: "items people honour" }),
        el("h2", {}, t("play.board.blacklist")),
        listOr(board.blacklist.map((b) => person(view, b.seat)), t("play.board.nobody"), { class: "items people blacklist" }),
        el("h2", {}, t("play.board.feed")),
        listOr(feed, t("play.board.noFeed"), { class: "items feed" }),
      ];
    },
  };
}

export function notesSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => JSON.stringify([currentLang(), ctx.commands.version, observer(ctx).myNotes]),
    build: () => {
      const { note, count } = noteField("notes:text", 3);
      const form = commandForm(
        ctx,
        "notes",
        t("play.notes.submit"),
        [...labelled(t("play.notes.label"), note), count],
        () => {
          const text = draftOf("notes:text").trim();
          return text ? { kind: "write_note", text } : { missing: t("reason.empty_text") };
        },
        () => t("play.notes.saved"),
        (ok) => {
          if (!ok) return;
          drafts.delete("notes:text");
          ctx.refresh();
        },
      );
      const notes = [...observer(ctx).myNotes].reverse().map((n) => el("li", { class: "note-line" }, t("play.notes.line", { day: n.day, text: n.text })));
      return [el("h2", {}, t("play.notes.heading")), el("p", { class: "intro" }, t("play.notes.intro")), form, listOr(notes, t("play.notes.none"), { class: "items notes" })];
    },
  };
}
