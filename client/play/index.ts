/**
 * The play screen: loaded by the join page once the game has started and this seat has a
 * role. A status bar, the facilitator's notices and today's news, the town map (Phaser, loaded
 * last and optional: the panels work without it) and the role's panels in tabs. It draws only
 * from the views the Link hands it and sends commands through the Link.
 */
import { isPlaying, isRole, isTown, type Role } from "../../shared/rules/roleBook.ts";
import "./strings.ts";
import "../styles/play.css";
import { local, onLangChange, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { PlayView } from "../net/gameView.ts";
import type { LinkStatus } from "../net/link.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import { Commands, type Sender } from "./commands.ts";
import { draw, type Section } from "./render.ts";
import type { PanelContext, ResidentMine } from "./context.ts";
import { Tabs, type TabSpec } from "./tabs.ts";
import { StatusBar } from "./statusBar.ts";
import type { EndingData } from "../ending/ending.ts";
import { announcementsSection, newsSection } from "./notices.ts";
import { meSection, recordSection, standingSection, townSection } from "./resident.ts";
import { journalSection } from "./watcher.ts";
import { requestsSection } from "./requests.ts";
import { appealsSection, camerasSection, powersSection, reviewSection } from "./official.ts";
import { boardSection, notesSection } from "./observer.ts";
import { appealDialog, stepOutDialog } from "./dialogs.ts";
import { mountMap, type TownHandle } from "./map.ts";
import { gradeName } from "./format.ts";
import { goalCardSection } from "./goals.ts";

export type PlayKind = Role;

/** Whether a view belongs on the play screen: the game is on and this seat has a role. */
export function playKind(view: PlayView): PlayKind | null {
  const kind = (view.mine as { kind?: string } | null)?.kind;
  if (view.board.phase === "lobby" || !view.rulebook) return null;
  return isRole(kind) ? kind : null;
}

export interface PlayScreen {
  update(view: PlayView): void;
  status(status: LinkStatus): void;
  destroy(): void;
}

const TABS: Record<PlayKind, [string, string][]> = {
  resident: [["town", "play.tabs.town"], ["record", "play.tabs.record"], ["me", "play.tabs.me"]],
  watcher: [["town", "play.tabs.town"], ["journal", "play.tabs.journal"], ["record", "play.tabs.record"], ["me", "play.tabs.me"]],
  official: [["review", "play.tabs.review"], ["appeals", "play.tabs.appeals"], ["cameras", "play.tabs.cameras"], ["powers", "play.tabs.powers"]],
  observer: [["board", "play.tabs.board"], ["notes", "play.tabs.notes"]],
};

const SECTIONS: Record<string, (root: HTMLElement, ctx: PanelContext) => Section> = {
  town: townSection,
  record: recordSection,
  me: meSection,
  journal: journalSection,
  review: reviewSection,
  appeals: appealsSection,
  cameras: camerasSection,
  powers: powersSection,
  board: boardSection,
  notes: notesSection,
};

export function mountPlay(root: HTMLElement, options: { send: Sender; seatId: string }): PlayScreen {
  let view: PlayView | undefined;
  let kind: PlayKind | null = null;
  let picked: string | null = null;
  let tabs: Tabs | undefined;
  let sections: Section[] = [];
  let town: TownHandle | null = null;
  let townStarted = false;
  let destroyed = false;
  let seen = -1;

  const commands = new Commands(options.send, () => refresh());
  const live = el("p", { class: "visually-hidden", "aria-live": "polite" });
  const title = el("h1", { class: "visually-hidden" });
  const announce = (text: string) => {
    live.textContent = "";
    setTimeout(() => (live.textContent = text), 50);
  };

  const ctx: PanelContext = {
    seatId: options.seatId,
    commands,
    view: () => view!,
    rulebook: () => view!.rulebook as Scenario,
    openAppeal: (id) => appeal.open(id),
    refresh: () => refresh(true),
    picked: () => picked,
    reveal(tab, key) {
      tabs?.show(tab, false);
      refresh();
      const panel = document.getElementById(`panel-${tab}`);
      const target = key ? panel?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : panel;
      target?.scrollIntoView({ block: "nearest" });
      target?.focus();
    },
  };

  const statusBar = new StatusBar(options.seatId);
  const appeal = appealDialog(ctx, (entryId) => {
    announce(t("play.appeal.filed"));
    ctx.reveal("record", `record:${entryId}`);
  });
  const steppedOut = el("p", { class: "stepped-out", role: "status", hidden: true });
  /** Shown once the facilitator handed this character to a bot: the student watches from then on. */
  const botPlays = el("p", { class: "stepped-out", role: "status", hidden: true });
  const stepOut = stepOutDialog(ctx, () => {
    steppedOut.textContent = t("play.stepOut.done");
    steppedOut.hidden = false;
    steppedOut.tabIndex = -1;
    steppedOut.focus();
  });
  statusBar.stepOut.addEventListener("click", () => stepOut.open());

  const notices = el("div", { class: "play-notices" });
  const announcements = el("div", { class: "announcements", "aria-live": "polite" });
  const news = el("div", { class: "news-wrap" });
  // an official's question to this player waits with the notices, above the map, where a phone shows it at once
  const requests = el("div", { class: "requests-wrap" });
  const requestArrived = el("p", { class: "visually-hidden", "aria-live": "polite" });
  notices.append(announcements, requestArrived, requests, news);
  const fixed: Section[] = [announcementsSection(announcements, ctx), requestsSection(requests, requestArrived, ctx), newsSection(news, ctx)];

  const map = el("section", { class: "play-map", hidden: true, "aria-label": t("play.map.label") });
  const standing = el("div", { class: "standing" });
  /** The secret goal, on the main screen (not only in a tab): a player's motive comes first. */
  const goalCard = el("section", { class: "goal-card" });
  const panel = el("section", { class: "play-panel" });
  // the role's work comes before the map in the page (a phone shows it first); wide screens put the map on the left
  const body = el("div", { class: "play-body" }, panel, map);
  const over = el("section", { class: "play-over", hidden: true });

  root.replaceChildren(statusBar.element, statusBar.hint, steppedOut, botPlays, notices, body, over, live, appeal.element, stepOut.element);
  root.hidden = false;

  function build(next: PlayKind): void {
    kind = next;
    const specs: TabSpec[] = TABS[next].map(([id, label]) => ({ id, label, panel: el("div", { class: `tab-panel panel-${id}` }) }));
    sections = specs.map((spec) => SECTIONS[spec.id]!(spec.panel, ctx));
    const top: HTMLElement[] = [];
    if (isTown(next)) {
      sections.unshift(standingSection(standing, ctx));
      top.push(standing);
    }
    if (isPlaying(next)) {
      sections.unshift(goalCardSection(goalCard, ctx));
      top.push(goalCard);
    }
    tabs = new Tabs(specs, () => refresh());
    title.textContent = t("play.title");
    panel.replaceChildren(title, ...top, tabs.list, ...specs.map((s) => s.panel));
  }

  function refresh(force = false): void {
    if (!view || destroyed) return;
    for (const section of fixed) draw(section, force);
    const handed = Boolean((view.mine as Partial<ResidentMine> | null)?.me?.bot);
    botPlays.hidden = !handed;
    if (handed && botPlays.textContent !== t("reason.played_by_bot")) botPlays.textContent = t("reason.played_by_bot");
    if (kind === "official") {
      // an official's queues, counted on their tabs: on a phone the appeals wait one tap away
      const mine = view.mine as { journal?: { status: string }[]; appeals?: { status: string }[] } | null;
      tabs?.setWaiting("review", (mine?.journal ?? []).filter((e) => e.status === "pending" || e.status === "evidence_requested").length);
      tabs?.setWaiting("appeals", (mine?.appeals ?? []).filter((a) => a.status === "pending").length);
    }
    const ended = view.board.phase === "ended";
    body.hidden = ended;
    over.hidden = !ended;
    // nothing left to step out of once the game is over
    statusBar.stepOut.hidden = ended;
    if (ended) return drawOver();
    for (const section of sections) {
      // hidden tabs wait until they are shown
      if (!section.root.closest("[hidden]") || section.root === standing || section.root === goalCard) draw(section, force);
    }
  }

  /** After the end: the de-roling moment, the reveal and the player's own record (client/ending), loaded when needed. */
  let ending: ((next?: EndingData) => void) | undefined;
  let endingShown = "";
  let endingLoading = false;

  function drawOver(): void {
    const data = (view!.mine as { ending?: EndingData } | null)?.ending;
    if (!data) return drawFinalScore();
    const json = JSON.stringify(data);
    if (json === endingShown) return;
    endingShown = json;
    if (ending) return ending(data);
    if (endingLoading) return;
    endingLoading = true;
    import("../ending/ending.ts")
      .then(({ showEnding }) => {
        if (destroyed) return;
        const latest = (view!.mine as { ending?: EndingData } | null)?.ending ?? data;
        ending = showEnding(over, latest, { rulebook: view?.rulebook ?? null });
      })
      .catch(() => drawFinalScore());
  }

  function drawFinalScore(): void {
    const book = view!.rulebook!;
    const me = (view!.mine as Partial<ResidentMine> | null)?.me;
    over.replaceChildren(
      el("h1", {}, t("play.over.heading")),
      el("p", {}, t("play.over.text")),
      ...(me?.scored && kind !== "official" ? [el("p", { class: "big" }, t("play.over.final", { score: me.score, grade: gradeName(book, me.grade) }))] : []),
    );
  }

  function watchNews(next: PlayView): void {
    // a watcher hears what happens where they stand as it happens
    const observations = (next.mine as Partial<ResidentMine> | null)?.observations;
    if (!observations) return;
    if (seen >= 0 && observations.length > seen) {
      const last = observations.at(-1);
      const book = next.rulebook;
      if (last && book) {
        const name = next.board.players.find((p) => p.seat === last.actor)?.nickname ?? t("play.someone");
        const deed = book.deeds.find((d) => d.id === last.deed);
        const place = book.locations.find((l) => l.id === last.location);
        announce(t("play.watch.seenLine", { day: last.day, place: place ? local(place.label) : "", name, deed: deed ? local(deed.label) : last.deed }));
      }
    }
    seen = observations.length;
  }

  function startTown(): void {
    if (townStarted) return;
    townStarted = true;
    void mountMap(map, {
      seatId: options.seatId,
      onPick: (placeId) => {
        if (!isTown(kind)) return;
        picked = placeId;
        ctx.reveal("town", `move:${placeId}`);
      },
    }).then((handle) => {
      if (destroyed) return handle?.destroy();
      town = handle;
      if (town && view) town.update(view);
    });
  }

  onLangChange(() => {
    if (destroyed) return;
    tabs?.translate();
    map.setAttribute("aria-label", t("play.map.label"));
    statusBar.render();
    commands.retranslate();
    title.textContent = t("play.title");
    // a passing announcement is not worth repeating in the new language: it goes
    live.textContent = "";
    if (!steppedOut.hidden) steppedOut.textContent = t("play.stepOut.done");
    refresh(true);
  });

  return {
    update(next) {
      if (destroyed) return;
      const nextKind = playKind(next);
      if (view && (view.board.phase !== next.board.phase || view.board.day !== next.board.day)) commands.clearAnswers();
      view = next;
      commands.rulebook = next.rulebook;
      if (nextKind && nextKind !== kind) build(nextKind);
      watchNews(next);
      statusBar.update(next);
      refresh();
      town?.update(next);
      // the map comes last, once the panels are up
      if (!townStarted) setTimeout(startTown, 0);
    },
    status(status) {
      commands.online = status === "connected";
      statusBar.setLink(status);
    },
    destroy() {
      destroyed = true;
      statusBar.destroy();
      town?.destroy();
      root.replaceChildren();
    },
  };
}
