/**
 * The timeline: filters (day, player, role, kind), the list of events as sentences, and a
 * scrubber (an <input type=range> over every event) that replays the public board as it stood
 * just after the chosen event — scores, grades, blacklist, honour roll and feed — with the
 * observers' notes written in that day's phase beside it, so a note is read next to the moment
 * it was written about.
 */
import { ROLES } from "../../shared/rules/roleBook.ts";
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { boardAt, filterTimeline, KINDS, kindOf, type Kind } from "../../shared/debrief/index.ts";
import type { BoardView, Role } from "../../shared/rules/index.ts";
import { describe, type Model } from "./model.ts";

const LIST_LIMIT = 400;

type Filters = { day: number | null; seat: string | null; role: Role | null; kind: Kind | null };

export function renderTimeline(root: HTMLElement, m: Model, state: { index: number; filters: Filters }): void {
  const marks = m.replay.marks;
  const last = marks.length - 1;
  const days = [...new Set(marks.map((x) => x.day))].sort((a, b) => a - b);

  const select = (id: string, labelKey: string, options: [string, string][], value: string, onChange: (v: string) => void) => {
    const s = el("select", { id }, el("option", { value: "" }, t("debrief.timeline.any")), ...options.map(([v, text]) => el("option", { value: v, selected: v === value }, text)));
    s.addEventListener("change", () => onChange(s.value));
    return el("div", { class: "field" }, el("label", { for: id }, t(labelKey)), s);
  };
  const rerender = () => renderTimeline(root, m, state);
  const filters = el(
    "fieldset",
    { class: "filters" },
    el("legend", {}, t("debrief.timeline.filters")),
    select("f-day", "debrief.timeline.day", days.map((d) => [String(d), d === 0 ? t("debrief.timeline.lobbyDay") : t("debrief.timeline.dayN", { day: d })]), state.filters.day === null ? "" : String(state.filters.day), (v) => {
      state.filters.day = v === "" ? null : Number(v);
      rerender();
    }),
    select("f-seat", "debrief.timeline.player", [...m.who.values()].map((p) => [p.seat, m.name(p.seat)]), state.filters.seat ?? "", (v) => {
      state.filters.seat = v || null;
      rerender();
    }),
    select("f-role", "debrief.timeline.role", ROLES.map((r) => [r, t(`role.${r}.name`)]), state.filters.role ?? "", (v) => {
      state.filters.role = (v || null) as Role | null;
      rerender();
    }),
    select("f-kind", "debrief.timeline.kind", KINDS.map((k) => [k, t(`debrief.kind.${k}`)]), state.filters.kind ?? "", (v) => {
      state.filters.kind = (v || null) as Kind | null;
      rerender();
    }),
  );

  // the scrubber and the board at that moment
  const range = el("input", { type: "range", id: "scrubber", min: "0", max: String(last), step: "1", value: String(state.index) });
  const position = el("p", { id: "scrub-position", class: "position", "aria-live": "polite" });
  const boardBox = el("div", { id: "board-at", class: "board-at" });
  const notesBox = el("section", { id: "notes-at", class: "notes-at", "aria-labelledby": "notes-at-h" });
  const notes = marks.flatMap((mark, index) => {
    const e = m.log[index]!.event;
    return e.type === "note_written" ? [{ index, mark, seat: e.seat, text: e.text }] : [];
  });
  const show = (index: number) => {
    state.index = Math.max(0, Math.min(last, index));
    range.value = String(state.index);
    const mark = marks[state.index]!;
    const text = t("debrief.timeline.position", { seq: mark.seq, last: marks[last]!.seq, day: mark.day, phase: t(`debrief.phase.${mark.phase}`) });
    position.textContent = text;
    range.setAttribute("aria-valuetext", text);
    renderBoard(boardBox, m, boardAt(m.replay, mark.seq));
    renderNotes(notesBox, m, notes.filter((n) => n.mark.day === mark.day && n.mark.phase === mark.phase), show);
    for (const b of list.querySelectorAll<HTMLElement>("[data-index]")) b.toggleAttribute("aria-current", Number(b.dataset.index) === state.index);
  };
  let frame = 0;
  range.addEventListener("input", () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => show(Number(range.value)));
  });
  const dayStart = (dir: 1 | -1) => {
    const day = marks[state.index]!.day + dir;
    const i = marks.findIndex((x) => x.type === "phase_started" && x.day === day);
    if (i >= 0) show(i);
    else show(dir > 0 ? last : 0);
  };
  const button = (key: string, onClick: () => void) => {
    const b = el("button", { type: "button" }, t(key));
    b.addEventListener("click", onClick);
    return b;
  };
  const controls = el(
    "div",
    { class: "scrub-controls" },
    button("debrief.timeline.start", () => show(0)),
    button("debrief.timeline.prevDay", () => dayStart(-1)),
    button("debrief.timeline.prev", () => show(state.index - 1)),
    button("debrief.timeline.next", () => show(state.index + 1)),
    button("debrief.timeline.nextDay", () => dayStart(1)),
    button("debrief.timeline.end", () => show(last)),
  );

  // the events that pass the filters
  const shown = filterTimeline(marks, state.filters, m.roleOf);
  const indexOf = new Map(marks.map((x, i) => [x.seq, i]));
  const list = el("ol", { class: "events", id: "events" });
  for (const mark of shown.slice(0, LIST_LIMIT)) {
    const index = indexOf.get(mark.seq)!;
    const item = m.log[index]!;
    const e = item.event;
    // an observer's note is the observer's own words: shown as a quotation, never as the interface's text
    const words = e.type === "note_written" ? [el("span", { class: "note-by" }, `📝 ${m.name(e.seat)}: `), el("q", { class: "free-text" }, e.text)] : [describe(m, item)];
    const b = el("button", { type: "button", class: `event kind-${kindOf(mark.type)}`, "data-index": String(index), "data-type": mark.type },
      el("span", { class: "when" }, `${mark.day}·${t(`debrief.phase.${mark.phase}`)}`), " ", ...words, el("span", { class: "visually-hidden" }, ` (${t("debrief.timeline.show")})`));
    b.addEventListener("click", () => {
      show(index);
      range.focus();
    });
    list.append(el("li", {}, b));
  }
  root.replaceChildren(
    filters,
    el("div", { class: "timeline-grid" },
      el("section", { class: "timeline-events", "aria-labelledby": "events-heading" },
        el("h3", { id: "events-heading" }, t("debrief.timeline.events")),
        el("p", { id: "events-count" }, t("debrief.timeline.shown", { shown: shown.length, count: marks.length })),
        ...(shown.length > LIST_LIMIT ? [el("p", {}, t("debrief.timeline.more", { count: LIST_LIMIT }))] : []),
        list,
      ),
      el("section", { class: "timeline-board", "aria-labelledby": "board-at-heading" },
        el("h3", { id: "board-at-heading" }, t("debrief.timeline.boardAt")),
        el("label", { for: "scrubber" }, t("debrief.timeline.scrubber")),
        range,
        position,
        controls,
        notesBox,
        boardBox,
      ),
    ),
  );
  show(state.index);
}

type Note = { index: number; mark: { day: number; phase: string }; seat: string; text: string };

/** The notes observers wrote during the phase of the scrubbed moment; each one moves the scrubber to where it was written. */
function renderNotes(root: HTMLElement, m: Model, notes: Note[], show: (index: number) => void): void {
  const items = notes.map((n) => {
    const b = el("button", { type: "button", class: "note-jump", "data-index": String(n.index) },
      el("span", { class: "note-by" }, `${m.name(n.seat)}: `), el("q", { class: "free-text" }, n.text));
    b.addEventListener("click", () => show(n.index));
    return el("li", {}, b);
  });
  root.replaceChildren(
    el("h4", { id: "notes-at-h" }, t("debrief.timeline.notesHere")),
    items.length ? el("ul", { class: "notes-at-list" }, ...items) : el("p", {}, t("debrief.timeline.notesHereNone")),
  );
}

function renderBoard(root: HTMLElement, m: Model, board: BoardView): void {
  const rows = board.players.filter((p) => p.role !== "observer").map((p) =>
    el("tr", { class: p.blacklisted ? "listed" : "", "data-seat": p.seat },
      el("th", { scope: "row" }, m.name(p.seat)),
      el("td", {}, p.role ? t(`role.${p.role}.name`) : t("debrief.role.none")),
      el("td", { class: "num", "data-col": "score" }, p.score === null ? t("debrief.board.clear") : String(p.score)),
      el("td", { "data-col": "grade" }, p.grade ? m.grade(p.grade) : t("debrief.board.clear")),
      el("td", { "data-col": "status" }, p.blacklisted ? t("debrief.board.listed") : t("debrief.board.clear")),
    ),
  );
  const feed = board.feed.slice(-12).reverse().map((f) =>
    el("li", {}, t("debrief.board.feedItem", { name: m.name(f.subject), deed: m.deed(f.deed), points: f.points === null ? "—" : f.points > 0 ? `+${f.points}` : f.points, day: f.day })),
  );
  const listed = board.blacklist.map((b) => el("li", {}, t("debrief.board.blacklistItem", { name: m.name(b.seat), day: b.day })));
  const honour = board.honourRoll.map((s) => el("li", {}, m.name(s)));
  root.replaceChildren(
    el("table", { class: "board-table" },
      el("thead", {}, el("tr", {}, ...["player", "role", "score", "grade", "status"].map((k) => el("th", { scope: "col" }, t(`debrief.board.${k}`))))),
      el("tbody", {}, ...rows),
    ),
    el("div", { class: "board-lists" },
      el("section", {}, el("h4", {}, t("debrief.board.blacklist")), listed.length ? el("ul", { id: "board-blacklist" }, ...listed) : el("p", { id: "board-blacklist" }, t("debrief.board.blacklistEmpty"))),
      el("section", {}, el("h4", {}, t("debrief.board.honour")), honour.length ? el("ul", {}, ...honour) : el("p", {}, t("debrief.board.honourEmpty"))),
      el("section", {}, el("h4", {}, t("debrief.board.feed")), feed.length ? el("ul", { id: "board-feed" }, ...feed) : el("p", { id: "board-feed" }, t("debrief.board.feedEmpty"))),
    ),
  );
}
