/**
 * The live god view: every player's standing, then the truth (what residents really did) beside
 * the record (the journal as written, each entry marked true or false), the free-text notes with
 * "hide this text", appeals and the blacklist — all filterable by player, role and day.
 */
import { ROLES } from "../../shared/rules/roleBook.ts";
import { currentLang, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { FacilitatorAppeal, FacilitatorEntry, FacilitatorListing, FacilitatorOccurrence, FacilitatorPlayer } from "../../shared/rules/views.ts";
import type { Commander } from "./commander.ts";
import { renderKeyed, setOptions } from "./keyed.ts";
import { clock, deedName, gradeName, nameOf, placeName, roleName } from "./names.ts";
import { botLabel } from "./roster.ts";
import { newestFirst, NO_FILTER, passes, type Filter } from "./truth.ts";
import type { ConsoleData } from "./types.ts";

let filter: Filter = { ...NO_FILTER };

export function godViewControls(rerender: () => void): void {
  for (const [id, field] of [["filter-player", "player"], ["filter-role", "role"], ["filter-day", "day"]] as const) {
    byId<HTMLSelectElement>(id).addEventListener("change", (event) => {
      filter = { ...filter, [field]: (event.target as HTMLSelectElement).value };
      rerender();
    });
  }
  byId<HTMLFormElement>("god-filters").addEventListener("submit", (event) => event.preventDefault());
}

export function renderGodView(data: ConsoleData, cmd: Commander): void {
  const game = data.game;
  const started = Boolean(game && game.phase !== "lobby");
  show(byId("god-view"), started);
  if (!game || !started) return;
  const state = game;
  const rulebook = data.view?.rulebook ?? null;
  renderFilters(data, rulebook);
  const f = filter;
  const lang = currentLang();

  // players
  const players = state.seats.map((seat) => state.players[seat]).filter((p): p is FacilitatorPlayer => p !== undefined && passes(state, { ...f, day: "" }, [p.seat], null));
  const connected = new Map(data.lobby.players.map((p) => [p.seatId, p.connected]));
  const stepped = new Set(game.steppedOut);
  fillTable(
    "standings",
    t("host.god.standingsCaption", { count: players.length }),
    [t("host.god.player"), t("host.role"), t("host.god.score"), t("host.god.grade"), t("host.god.location"), t("host.god.blacklisted"), t("host.god.connection"), t("host.god.extra")],
    players,
    (p) => p.seat,
    (p) => JSON.stringify([p.nickname, nameOf(data, p.seat), p.role, p.bot, p.scored, p.score, p.grade, p.location, p.blacklisted, connected.get(p.seat), state.extraTime[p.seat], stepped.has(p.seat), lang]),
    (p) => {
      const name = el("td", { class: "name" }, nameOf(data, p.seat));
      if (p.bot) name.append(" ", el("span", { class: "tag bot" }, botLabel(p.bot)));
      if (stepped.has(p.seat)) name.append(" ", el("span", { class: "tag alert" }, t("host.steppedOutBadge")));
      const online = connected.get(p.seat);
      return el(
        "tr",
        {},
        name,
        el("td", {}, roleName(rulebook, p.role)),
        el("td", { class: "num" }, p.scored && p.role !== "observer" ? String(p.score) : t("host.god.noScore")),
        el("td", {}, p.scored && p.role !== "observer" ? el("span", { class: `grade grade-${p.grade}` }, gradeName(rulebook, p.grade)) : t("host.god.noScore")),
        el("td", {}, p.role === "observer" ? t("host.god.noScore") : placeName(rulebook, p.location)),
        el("td", {}, p.blacklisted ? el("span", { class: "flag bad" }, `⚑ ${t("host.god.yes")}`) : t("host.god.no")),
        el("td", {}, online === undefined ? t("host.god.gone") : el("span", { class: online ? "dot online" : "dot away" }, t(online ? "status.online" : "status.away"))),
        el("td", { class: "num" }, state.extraTime[p.seat] ? `+${clock(state.extraTime[p.seat]!)}` : "—"),
      );
    },
    t("host.god.emptyFiltered"),
  );

  // truth: what really happened
  const occurrences = newestFirst(Object.values(state.occurrences)).filter((o) => passes(state, f, [o.actor, ...o.witnesses], o.day));
  fillTable(
    "truth",
    t("host.god.truthCaption", { count: occurrences.length }),
    [t("host.god.id"), t("host.god.day"), t("host.god.who"), t("host.god.deed"), t("host.god.place"), t("host.god.seenBy"), t("host.god.inRecord")],
    occurrences,
    (o) => o.id,
    (o) => JSON.stringify([o, o.recordedIn.map((id) => [id, state.journal[id]?.status]), lang]),
    (o) => occurrenceRow(data, rulebook, o),
    t(Object.keys(state.occurrences).length ? "host.god.emptyFiltered" : "host.god.empty"),
  );

  // record: the journal as written
  const entries = newestFirst(Object.values(state.journal)).filter((e) => passes(state, f, [e.author, e.subject], e.day));
  fillTable(
    "record",
    t("host.god.recordCaption", { count: entries.length }),
    [t("host.god.id"), t("host.god.day"), t("host.god.writtenBy"), t("host.god.about"), t("host.god.deed"), t("host.god.basis"), t("host.god.status"), t("host.god.points"), t("host.god.matches")],
    entries,
    (e) => e.id,
    (e) => JSON.stringify([e.status, e.points, e.author && nameOf(data, e.author), nameOf(data, e.subject), e.truthful, e.truthOf, lang]),
    (e) => entryRow(data, rulebook, e),
    t(Object.keys(state.journal).length ? "host.god.emptyFiltered" : "host.god.empty"),
  );

  renderNotes(data, cmd, f);

  // appeals
  const appeals = newestFirst(Object.values(state.appeals)).filter((a) => passes(state, f, [a.appellant], a.filedDay));
  fillTable(
    "appeals",
    t("host.god.appealsCaption", { count: appeals.length }),
    [t("host.god.id"), t("host.god.entry"), t("host.god.appellant"), t("host.god.reason"), t("host.god.evidence"), t("host.god.filed"), t("host.god.waited"), t("host.god.status"), t("host.god.decidedBy")],
    appeals,
    (a) => a.id,
    (a) => JSON.stringify([a, lang]),
    (a) => appealRow(data, a),
    t(Object.keys(state.appeals).length ? "host.god.emptyFiltered" : "host.god.empty"),
  );

  // blacklist
  const listings = state.blacklist.map((b, i) => ({ ...b, id: `b${i}` })).filter((b) => passes(state, f, [b.seat, b.by === "grade" ? null : b.by], b.day));
  fillTable(
    "blacklist",
    t("host.god.blacklistCaption", { count: listings.length }),
    [t("host.god.who"), t("host.god.day"), t("host.god.listedBy"), t("host.god.restsOn"), t("host.god.matches"), t("host.god.state")],
    listings,
    (b) => b.id,
    (b) => JSON.stringify([b, lang]),
    (b) => blacklistRow(data, b),
    t(state.blacklist.length ? "host.god.emptyFiltered" : "host.god.empty"),
  );
}

function renderFilters(data: ConsoleData, rulebook: Scenario | null): void {
  const state = data.game!;
  setOptions(byId<HTMLSelectElement>("filter-player"), [
    { value: "", label: t("host.god.everyone") },
    ...state.seats.map((seat) => ({ value: seat, label: nameOf(data, seat) })),
  ]);
  setOptions(byId<HTMLSelectElement>("filter-role"), [
    { value: "", label: t("host.god.allRoles") },
    ...ROLES.map((role) => ({ value: role, label: roleName(rulebook, role) })),
  ]);
  const days = rulebook?.phases.days ?? state.day;
  setOptions(byId<HTMLSelectElement>("filter-day"), [
    { value: "", label: t("host.god.allDays") },
    ...Array.from({ length: days }, (_, i) => ({ value: String(i + 1), label: t("host.god.dayN", { day: i + 1 }) })),
  ]);
  for (const [id, field] of [["filter-player", "player"], ["filter-role", "role"], ["filter-day", "day"]] as const) {
    filter[field] = byId<HTMLSelectElement>(id).value;
  }
}

function fillTable<T>(
  id: string,
  caption: string,
  headers: string[],
  rows: T[],
  key: (row: T) => string,
  signature: (row: T) => string,
  build: (row: T) => HTMLTableRowElement,
  empty: string,
): void {
  const table = byId<HTMLTableElement>(id);
  const cap = table.caption ?? table.createCaption();
  cap.className = "visually-hidden";
  cap.textContent = caption;
  const head = table.tHead ?? table.createTHead();
  const headSig = headers.join("|");
  if (head.dataset.sig !== headSig) {
    head.replaceChildren(el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h))));
    head.dataset.sig = headSig;
  }
  const body = table.tBodies[0] ?? table.createTBody();
  if (rows.length === 0) {
    body.replaceChildren(el("tr", { class: "empty" }, el("td", { colspan: String(headers.length) }, empty)));
    return;
  }
  for (const row of Array.from(body.querySelectorAll("tr.empty"))) row.remove();
  renderKeyed(body, rows, key, signature, build);
}

function occurrenceRow(data: ConsoleData, rulebook: Scenario | null, o: FacilitatorOccurrence): HTMLTableRowElement {
  const state = data.game!;
  const seen = [...o.witnesses.map((w) => nameOf(data, w)), ...(o.camera ? [t("host.god.camera")] : [])];
  const recorded = o.recordedIn.map((id) => state.journal[id]).filter((e) => e !== undefined);
  return el(
    "tr",
    { "data-occurrence": o.id },
    el("td", { class: "mono" }, o.id),
    el("td", { class: "num" }, String(o.day)),
    el("td", {}, nameOf(data, o.actor)),
    el("td", {}, deedWithPoints(data, rulebook, o.deed)),
    el("td", {}, placeName(rulebook, o.location)),
    el("td", {}, seen.length ? seen.join(", ") : t("host.god.nobody")),
    el(
      "td",
      {},
      recorded.length
        ? recorded.map((e) => `${e.id} ${t(`host.god.statuses.${e.status}`)}`).join(", ")
        : el("span", { class: "flag gap" }, `○ ${t("host.god.notRecorded")}`),
    ),
  );
}

function deedWithPoints(data: ConsoleData, rulebook: Scenario | null, deed: string): string {
  const points = data.view?.board.deedPoints[deed];
  return points === undefined ? deedName(rulebook, deed) : `${deedName(rulebook, deed)} (${points > 0 ? "+" : ""}${points})`;
}

/** The entry's truth as the rules fixed it when it was written (never judged again here). */
function entryRow(data: ConsoleData, rulebook: Scenario | null, e: FacilitatorEntry): HTMLTableRowElement {
  const truth = e.truthful
    ? el("span", { class: "flag good" }, `✓ ${t("host.god.matchesOccurrence", { id: e.truthOf ?? "" })}`)
    : el("span", { class: "flag bad" }, `✗ ${t("host.god.false")}`);
  return el(
    "tr",
    { "data-entry": e.id, class: e.truthful ? "" : "false-entry" },
    el("td", { class: "mono" }, e.id),
    el("td", { class: "num" }, String(e.day)),
    el("td", {}, writtenBy(data, e)),
    el("td", {}, nameOf(data, e.subject)),
    el("td", {}, deedWithPoints(data, rulebook, e.deed)),
    el("td", {}, t(`host.god.bases.${e.basis}`)),
    el("td", {}, t(`host.god.statuses.${e.status}`)),
    el("td", { class: "num" }, e.points === null ? "—" : `${e.points > 0 ? "+" : ""}${e.points}`),
    el("td", {}, truth),
  );
}

function writtenBy(data: ConsoleData, e: FacilitatorEntry): string {
  if (e.source === "camera") return t("host.god.sources.camera");
  if (e.source === "system") return t("host.god.sources.system");
  if (e.source === "report") return t("host.god.sources.report", { name: nameOf(data, e.author) });
  return nameOf(data, e.author);
}

type NoteItem = { id: string; who: string; text: string; day: number };

function renderNotes(data: ConsoleData, cmd: Commander, f: Filter): void {
  const state = data.game!;
  const hidden = new Set(data.game!.hiddenTexts);
  const items: NoteItem[] = [
    ...newestFirst(Object.values(state.journal))
      .filter((e) => e.note.trim() !== "" && passes(state, f, [e.author, e.subject], e.day))
      .map((e) => ({ id: e.id, text: e.note, day: e.day, who: t("host.god.noteOnEntry", { name: writtenBy(data, e), subject: nameOf(data, e.subject), entry: e.id, day: e.day }) })),
    ...state.notes
      .filter((n) => passes(state, f, [n.seat], n.day))
      .reverse()
      .map((n) => ({ id: n.id, text: n.text, day: n.day, who: t("host.god.observerNote", { name: nameOf(data, n.seat), day: n.day }) })),
  ];
  const list = byId("notes");
  if (items.length === 0) {
    list.replaceChildren(el("li", { class: "empty" }, t("host.god.noNotes")));
    return;
  }
  list.querySelector("li.empty")?.remove();
  renderKeyed(
    list,
    items,
    (n) => n.id,
    (n) => JSON.stringify([n, hidden.has(n.id), cmd.isBusy(`hide:${n.id}`), currentLang()]),
    (n) => {
      const isHidden = hidden.has(n.id);
      const item = el("li", { class: isHidden ? "note hidden-text" : "note", "data-text": n.id }, el("p", { class: "note-who" }, n.who), el("blockquote", {}, n.text));
      if (isHidden) {
        item.append(el("p", { class: "tag hidden-tag" }, t("host.god.hidden")));
      } else {
        const hide = el("button", { type: "button", class: "secondary small", "aria-label": t("host.god.hideLabel", { what: n.who }), disabled: cmd.isBusy(`hide:${n.id}`) }, t("host.god.hide"));
        hide.addEventListener("click", () => void cmd.send(`hide:${n.id}`, { kind: "hide_text", target: n.id }, "host.god.hiddenDone"));
        item.append(hide);
      }
      return item;
    },
  );
}

function appealRow(data: ConsoleData, a: FacilitatorAppeal): HTMLTableRowElement {
  const decided = a.decidedBy === null ? "—" : a.decidedBy === "policy" ? t("host.god.policy") : nameOf(data, a.decidedBy);
  return el(
    "tr",
    {},
    el("td", { class: "mono" }, a.id),
    el("td", { class: "mono" }, a.entry),
    el("td", {}, nameOf(data, a.appellant)),
    el("td", {}, t(`host.god.reasons.${a.reason}`)),
    el("td", {}, t(`host.god.evidenceKinds.${a.evidence ?? "none"}`)),
    el("td", { class: "num" }, t("host.god.dayN", { day: a.filedDay })),
    el("td", { class: "num" }, String(a.evenings)),
    el("td", {}, t(`host.god.appealStatuses.${a.status}`)),
    el("td", {}, decided),
  );
}

function blacklistRow(data: ConsoleData, b: FacilitatorListing): HTMLTableRowElement {
  return el(
    "tr",
    {},
    el("td", {}, nameOf(data, b.seat)),
    el("td", { class: "num" }, String(b.day)),
    el("td", {}, b.by === "grade" ? t("host.god.byGrade") : nameOf(data, b.by)),
    el("td", { class: "mono" }, b.entries.join(", ") || "—"),
    el("td", {}, b.wrongful ? el("span", { class: "flag bad" }, `✗ ${t("host.god.wrongfulYes")}`) : el("span", { class: "flag good" }, `✓ ${t("host.god.wrongfulNo")}`)),
    el("td", {}, b.active ? t("host.god.active") : t("host.god.removed", { day: b.removedDay ?? "?" })),
  );
}
