/**
 * One neighbourhood of the event on the console: its own host connection (a Link, as the full
 * console opens), what it is doing now — phase, day, pause, time left — its players and who asked
 * to step out, and the controls that act on it alone: in the lobby how many play against the
 * scenario's range and bots to make up the minimum, then start, pause or resume, a minute more,
 * skip, end, a broadcast, pinning arrivals here, and links to its full console, board and debrief.
 */
import { local, t } from "../i18n.ts";
import { el, show } from "../ui/dom.ts";
import { showConnection } from "../ui/connectionBanner.ts";
import { Link, type Lobby } from "../net/link.ts";
import type { PlayView } from "../net/gameView.ts";
import { call } from "../net/http.ts";
import { Commander, type CommandBody } from "../host/commander.ts";
import { clock, nameOf, phaseLeft } from "../host/names.ts";
import { renderKeyed } from "../host/keyed.ts";
import { facilitatorView, isRunning, type ConsoleData } from "../host/types.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { ANNOUNCEMENT_MAX } from "../../shared/lobby/lobby.ts";
import type { NeighbourhoodInfo } from "../../shared/protocol/http.ts";
import { DONE, reasonKey, type DoneKind, type Outcome, type Said } from "./outcome.ts";
import type { Pending } from "./pending.ts";
import { renderPlayers } from "./cardPlayers.ts";
import { botsShort, lobbySeats, type Seats } from "./seats.ts";

/** The event as every card sees it: its code and token, its neighbourhoods, and where arrivals are pinned. */
export type District = { code: string; hostToken: string; neighbourhoods: NeighbourhoodInfo[]; pinned: string | null };

type Controls = Record<"start" | "pause" | "extend" | "skip" | "end", HTMLButtonElement>;

export class NeighbourhoodCard {
  readonly element: HTMLElement;
  readonly cmd: Commander;
  private link: Link | undefined;
  private lobby: Lobby | undefined;
  private view: PlayView | null = null;
  private scheduled = false;
  /** What the event-wide bar last heard of this card's shortfall (it offers bots where any is short). */
  private toldShort: number | null | undefined;
  /** The state's sequence number as this card last saw it, and who waits for a later one (see `landed`). */
  private seq = 0;
  private readonly waiting = new Set<{ seq: number; done: () => void }>();
  private readonly status = el("p", { class: "host-status", role: "status", "aria-live": "polite" });
  private readonly banner = el("p", { class: "banner", role: "status", hidden: true });
  private readonly heading: HTMLElement;
  private readonly phase = { name: el("strong", { class: "phase-name" }), day: el("span"), clock: el("span", { class: "clock", role: "timer" }), paused: el("span", { class: "badge paused", hidden: true }) };
  private readonly pinnedBadge = el("span", { class: "badge pinned", hidden: true });
  private readonly seatsLine: HTMLElement;
  private readonly addBots: HTMLButtonElement;
  private readonly playersHeading = el("h3");
  private readonly players = el("ul", { class: "card-players" });
  private readonly alerts = el("div", { class: "alerts" });
  private readonly controls: Controls;
  private readonly broadcast: { form: HTMLFormElement; label: HTMLLabelElement; text: HTMLInputElement; send: HTMLButtonElement };
  private readonly pin = el("button", { type: "button", class: "secondary" });
  private readonly links: { console: HTMLAnchorElement; board: HTMLAnchorElement; debrief: HTMLAnchorElement };

  constructor(
    readonly info: NeighbourhoodInfo,
    private readonly district: District,
    private readonly errands: Pending,
    private readonly changed: () => void,
  ) {
    const code = info.code;
    const id = (part: string) => `n-${code}-${part}`;
    this.cmd = new Commander(() => this.link, this.status, () => this.rerender());
    this.heading = el("h2", { id: id("name") });
    const button = (kind: keyof Controls, cls?: string) => el("button", { type: "button", class: cls, "data-kind": kind });
    this.seatsLine = el("p", { id: id("seats"), class: "card-seats", hidden: true });
    this.addBots = el("button", { type: "button", class: "secondary", "aria-describedby": id("seats"), hidden: true });
    this.controls = { start: button("start"), pause: button("pause", "secondary"), extend: button("extend", "secondary"), skip: button("skip", "secondary"), end: button("end", "danger") };
    this.broadcast = {
      form: el("form", { class: "inline-form card-broadcast" }),
      label: el("label", { for: id("broadcast") }),
      text: el("input", { id: id("broadcast"), type: "text", autocomplete: "off", maxlength: String(ANNOUNCEMENT_MAX) }),
      send: el("button", { type: "submit" }),
    };
    this.broadcast.form.append(this.broadcast.label, this.broadcast.text, this.broadcast.send);
    const link = (href: string) => el("a", { href, target: "_blank", rel: "noopener" });
    this.links = { console: link(`/host?session=${code}`), board: link(`/board/${code}`), debrief: link(`/debrief/${code}`) };
    this.element = el(
      "article",
      { class: "card", "data-code": code, "aria-labelledby": id("name") },
      el("header", { class: "card-head" }, this.heading, el("span", { class: "code" }, code), this.pinnedBadge),
      this.banner,
      el("p", { class: "phase-now" }, this.phase.name, this.phase.day, this.phase.clock, this.phase.paused),
      this.seatsLine,
      this.alerts,
      this.playersHeading,
      this.players,
      el("div", { class: "card-controls", role: "group", "aria-labelledby": id("name") }, this.addBots, ...Object.values(this.controls)),
      this.broadcast.form,
      el("p", { class: "card-links" }, this.pin, this.links.console, this.links.board, this.links.debrief),
      this.status,
    );
    this.wire();
  }

  get name(): string {
    return local(this.info.name);
  }

  /** The neighbourhood's game as its facilitator sees it (null before the first state). */
  private get game() {
    return facilitatorView(this.view);
  }

  /** Joins the neighbourhood as its host, as the full console does (a session admits a few host connections). */
  async connect(): Promise<void> {
    const result = await Link.open(location.origin, this.info.code, { as: "host", v: PROTOCOL_VERSION, hostToken: this.info.hostToken }, {
      lobby: (next) => {
        this.lobby = next;
        this.cmd.caughtUp(next.seq);
        this.seq = next.seq;
        for (const waiter of this.waiting) if (waiter.seq <= next.seq) waiter.done();
        this.rerender();
      },
      play: (next) => {
        this.view = next;
        this.rerender();
      },
      status: (status, reason) => {
        showConnection(this.banner, status);
        if (status === "closed" && reason) this.cmd.say(reasonKey(reason));
      },
    });
    if (result instanceof Link) this.link = result;
    else this.cmd.say(reasonKey(result.reason));
    this.render();
  }

  /** The running phase this neighbourhood is in, as a skip names it (null when none could be skipped). */
  runningPhase(): { day: number; phase: "morning" | "day" | "evening" | "night" } | null {
    const game = this.game;
    return game && isRunning(game.phase) ? { day: game.day, phase: game.phase } : null;
  }

  /** In the lobby, how many seats play against the scenario's range (null elsewhere, or before the first state). */
  seats(): Seats | null {
    return lobbySeats({ view: this.view, game: this.game });
  }

  /** The bots this neighbourhood lacks for its minimum (0 outside the lobby, or while its own bots are on their way). */
  shortBy(): number {
    return this.cmd.isBusy("add-bot") ? 0 : botsShort(this.seats());
  }

  /**
   * Resolves once this card's state shows a command the bar sent here (its reply's `seq`), or
   * after 3 s, as the Commander waits for a card's own: until then the card still shows the old state.
   */
  landed(seq: number): Promise<void> {
    if (seq <= this.seq) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        seq,
        done: () => {
          this.waiting.delete(waiter);
          resolve();
        },
      };
      this.waiting.add(waiter);
      setTimeout(waiter.done, 3000);
    });
  }

  /** Says a reply this neighbourhood gave to the event console (or to its own controls). */
  tell(reply: Outcome, done: Said): void {
    this.cmd.say(reply.ok ? done.key : reasonKey(reply.reason), done.params);
    this.status.classList.toggle("refused", !reply.ok);
  }

  /** Re-renders soon; many state patches in a burst cost one render. */
  rerender(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.render();
    }, 30);
  }

  retranslate(): void {
    this.cmd.retranslate();
    this.render();
  }

  private wire(): void {
    const send = (key: DoneKind, body: CommandBody) => void this.cmd.send(key, body, DONE[key].key);
    this.controls.start.addEventListener("click", () => send("start", { kind: "start" }));
    this.addBots.addEventListener("click", () => {
      const count = this.shortBy();
      if (count > 0) void this.cmd.send("add-bot", { kind: "add_bot", count }, "event.card.botsAdded");
    });
    this.controls.pause.addEventListener("click", () => (this.game?.paused ? send("resume", { kind: "resume" }) : send("pause", { kind: "pause" })));
    this.controls.extend.addEventListener("click", () => send("extend", { kind: "extend", seconds: 60 }));
    // the skip names the phase it ends, so a press that crosses the clock's own change ends nothing
    this.controls.skip.addEventListener("click", () => {
      const from = this.runningPhase();
      if (from) send("skip", { kind: "advance", from });
    });
    this.controls.end.addEventListener("click", () => {
      if (confirm(t("event.card.endConfirm", { name: this.name }))) send("end", { kind: "end" });
    });
    this.broadcast.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = this.broadcast.text.value.trim();
      if (!text) return this.cmd.say("reason.empty_text");
      void this.cmd.send("broadcast", { kind: "broadcast", text }, DONE.broadcast.key).then((reply) => {
        if (reply.ok) this.broadcast.text.value = "";
      });
    });
    this.pin.addEventListener("click", () => void this.togglePin());
  }

  private async togglePin(): Promise<void> {
    const pinned = this.district.pinned === this.info.code ? null : this.info.code;
    const answer = await this.errands.run("pin", () => call("pinEvent", { params: { code: this.district.code }, body: { pinned }, hostToken: this.district.hostToken }));
    if (!answer) return;
    if (!answer.ok) {
      this.cmd.say(reasonKey(answer.reason));
      return;
    }
    this.district.pinned = answer.reply.pinned;
    this.cmd.say(pinned ? "event.card.pinnedDone" : "event.card.unpinnedDone", { name: this.name });
    this.status.classList.remove("refused");
    this.changed();
  }

  render(): void {
    const lobby = this.lobby;
    const game = this.game;
    const phase = game?.phase ?? lobby?.phase ?? "lobby";
    const pinned = this.district.pinned === this.info.code;
    this.heading.textContent = this.name;
    show(this.pinnedBadge, pinned);
    this.pinnedBadge.textContent = t("event.card.pinned");
    this.phase.name.textContent = t(`host.phases.${phase}`);
    const days = this.view?.rulebook?.phases.days ?? game?.day ?? 0;
    this.phase.day.textContent = game && phase !== "lobby" ? t("host.clock.dayOf", { day: game.day, days }) : "";
    this.tick();
    const running = isRunning(phase);
    const busy = (key: string) => this.cmd.isBusy(key) || !this.link;
    show(this.controls.start, phase === "lobby");
    for (const control of [this.controls.pause, this.controls.extend, this.controls.skip, this.controls.end]) show(control, running);
    this.controls.start.textContent = t("host.setup.start");
    this.controls.pause.textContent = t(game?.paused ? "host.clock.resume" : "host.clock.pause");
    this.controls.pause.setAttribute("aria-pressed", String(Boolean(game?.paused)));
    this.controls.extend.textContent = t("event.card.extend");
    this.controls.skip.textContent = t("event.card.skip");
    this.controls.end.textContent = t("host.clock.end");
    this.controls.start.disabled = busy("start");
    this.controls.pause.disabled = busy("pause") || busy("resume");
    this.controls.extend.disabled = busy("extend");
    this.controls.skip.disabled = busy("skip");
    this.controls.end.disabled = busy("end");
    this.renderSeats(busy("add-bot") || this.errands.has("all:bots"));
    this.broadcast.label.textContent = t("event.card.broadcast", { name: this.name });
    this.broadcast.send.textContent = t("host.tools.send");
    this.broadcast.send.disabled = busy("broadcast");
    this.pin.textContent = t(pinned ? "event.card.unpin" : "event.card.pin");
    this.pin.disabled = this.errands.has("pin");
    this.pin.setAttribute("aria-pressed", String(pinned));
    this.links.console.textContent = t("event.card.fullConsole");
    this.links.board.textContent = t("event.card.board");
    this.links.debrief.textContent = t("event.card.debrief");
    if (!lobby) return;
    // a live update may rebuild the row holding the focus: put it back on the control with the same id
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : "";
    const data: ConsoleData = { code: this.info.code, lobby, view: this.view, game };
    this.playersHeading.textContent = t("event.card.players", { count: lobby.players.length, max: lobby.maxPlayers });
    renderPlayers(this.players, data, this.district, this.errands, (reply, name, to) => this.moved(reply, name, to));
    this.renderStepOuts(data);
    if (focusedId && document.activeElement === document.body) document.getElementById(focusedId)?.focus();
  }

  /** The lobby's count against the scenario's range, and bots to reach its minimum while too few play. */
  private renderSeats(busy: boolean): void {
    const seats = this.seats();
    const short = botsShort(seats);
    show(this.seatsLine, seats !== null);
    if (seats) this.seatsLine.textContent = t(short > 0 ? "event.card.short" : "event.card.enough", { count: seats.playing, min: seats.min, max: seats.max });
    this.seatsLine.classList.toggle("short", short > 0);
    show(this.addBots, short > 0);
    this.addBots.textContent = t("event.card.addBots", { min: seats?.min ?? 0 });
    this.addBots.disabled = busy;
    // the bar's "add bots where too few" depends on every card's shortfall: tell it when this one's changes
    const now = seats ? this.shortBy() : null;
    if (now !== this.toldShort) {
      this.toldShort = now;
      this.changed();
    }
  }

  /** The countdown, which moves between updates (called every half second). */
  tick(): void {
    const game = this.game;
    const running = Boolean(game && isRunning(game.phase));
    show(this.phase.paused, running && Boolean(game?.paused));
    this.phase.paused.textContent = t("host.clock.paused");
    if (!game || !running) {
      this.phase.clock.textContent = "";
      return;
    }
    this.phase.clock.textContent = t("host.clock.left", { time: clock(phaseLeft(game)) });
  }

  private moved(reply: Outcome, name: string, to: string): void {
    if (reply.ok) this.cmd.say("event.card.moved", { name, to });
    else this.cmd.say(reasonKey(reply.reason));
    this.status.classList.toggle("refused", !reply.ok);
  }

  /** Players who asked to step out (the full console offers what to do about it). */
  private renderStepOuts(data: ConsoleData): void {
    renderKeyed(
      this.alerts,
      data.game?.steppedOut ?? [],
      (seat) => seat,
      (seat) => `${nameOf(data, seat)}:${t("event.card.stepOut")}`,
      (seat) => el("p", { class: "alert", role: "alert" }, t("event.card.stepOut", { name: nameOf(data, seat) })),
    );
  }
}
