/**
 * The play screen's status bar: who I am, the day, the phase (announced when it changes), the
 * time left (paused, and my own extra time), my connection, and the "step out" button; below it
 * one line saying what my role does in this phase.
 */
import { OBSERVER, isPlaying, type Role } from "../../shared/rules/roleBook.ts";
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { avatarUri } from "../ui/avatar.ts";
import type { PlayView } from "../net/gameView.ts";
import type { LinkStatus } from "../net/link.ts";
import { clock, roleName } from "./format.ts";

type Timed = "morning" | "day" | "evening" | "night";

export class StatusBar {
  readonly element: HTMLElement;
  readonly hint = el("p", { class: "play-hint" });
  private readonly who = el("span", { class: "who-text" });
  private readonly day = el("span", { class: "day" });
  private readonly phase = el("span", { class: "phase", "aria-live": "polite" });
  private readonly timer = el("span", { class: "clock", role: "timer" });
  private readonly connection = el("span", { class: "connection" });
  readonly stepOut = el("button", { type: "button", class: "secondary step-out", "aria-haspopup": "dialog" });
  private view: PlayView | undefined;
  private link: LinkStatus = "connected";
  /** Estimated server clock minus ours, learnt when a phase starts while we watch. */
  private offset = 0;
  private seenEndsAt: number | null = null;
  private seenPhase = "";
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly seatId: string) {
    this.element = el(
      "header",
      { class: "play-status" },
      el("span", { class: "who" }, el("img", { src: avatarUri(seatId), alt: "", width: "32", height: "32" }), this.who),
      el("span", { class: "when" }, this.day, this.phase, this.timer),
      this.connection,
      this.stepOut,
    );
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  destroy(): void {
    clearInterval(this.ticker);
  }

  update(view: PlayView): void {
    const { board } = view;
    if (board.phaseEndsAt !== this.seenEndsAt) {
      // a phase that starts while we watch tells us the server's clock: it ends a full phase from now
      const seconds = view.rulebook && board.phase in view.rulebook.phases ? view.rulebook.phases[board.phase as Timed] : 0;
      if (board.phaseEndsAt !== null && seconds && this.seenPhase && this.seenPhase !== board.phase) {
        this.offset = board.phaseEndsAt - seconds * 1000 - Date.now();
      }
      this.seenEndsAt = board.phaseEndsAt;
    }
    this.seenPhase = board.phase;
    this.view = view;
    this.render();
  }

  setLink(status: LinkStatus): void {
    this.link = status;
    this.render();
  }

  render(): void {
    const view = this.view;
    this.stepOut.textContent = t("play.stepOut.button");
    const dotClass = this.link === "connected" ? "online" : "away";
    this.connection.replaceChildren(
      el("span", { class: `dot ${dotClass}`, "aria-hidden": "true" }),
      t("play.status.connection", { state: t(this.link === "connected" ? "status.online" : "status.reconnecting") }),
    );
    this.connection.className = `connection ${this.link}`;
    if (!view) return;
    const book = view.rulebook;
    const mine = view.mine as { kind?: string } | null;
    const me = view.board.players.find((p) => p.seat === this.seatId);
    const kind = isPlaying(mine?.kind as Role) ? (mine!.kind as Role) : OBSERVER;
    const role = book ? roleName(book, kind) : "";
    this.who.textContent = me ? `${me.nickname} · ${t("play.status.you", { role })}` : t("play.status.you", { role });
    const board = view.board;
    this.day.textContent = board.phase === "ended" || !book ? "" : t("play.status.day", { day: board.day, days: book.phases.days });
    const phaseText = t(`play.phase.${board.phase}`);
    if (this.phase.textContent !== phaseText) this.phase.textContent = phaseText;
    this.hint.textContent = board.phase in (book?.phases ?? {}) ? t(`role.${kind}.hint.${board.phase}`) : "";
    this.hint.hidden = !this.hint.textContent;
    this.tick();
  }

  private tick(): void {
    const view = this.view;
    if (!view) return;
    const { board } = view;
    const extra = Number((view.mine as { myExtraTime?: number } | null)?.myExtraTime ?? 0);
    let text = "";
    if (board.paused && board.pausedLeft !== null) text = t("play.status.paused", { time: clock(board.pausedLeft + extra) });
    else if (board.phaseEndsAt !== null && board.phase !== "ended") {
      const left = board.phaseEndsAt + extra - (Date.now() + this.offset);
      text = t("play.status.left", { time: clock(left) });
    }
    if (text && extra > 0) text += ` (${t("play.status.extra", { time: clock(extra) })})`;
    this.timer.textContent = text;
    this.timer.hidden = !text;
  }
}
