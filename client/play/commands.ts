/**
 * Sending the player's commands: one command per control at a time (its button stays disabled
 * while it is pending, so nothing is sent twice), "sending…" while it travels, a word when the
 * device is offline (the Link sends it once the connection is back), and every refusal next to
 * the control that caused it, translated, in a live region that survives rebuilds.
 */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Link } from "../net/link.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import { local } from "../i18n.ts";

export type CommandBody = Parameters<Link["send"]>[0];
export type Sender = (body: CommandBody) => ReturnType<Link["send"]>;

/** `say` words it again in the current language (a language switch re-translates what is shown). */
type Feedback = { kind: "sending" | "offline" | "ok" | "error"; text: string; say?: () => string };

export class Commands {
  private readonly pending = new Set<string>();
  private readonly feedback = new Map<string, Feedback>();
  private readonly notes = new Map<string, HTMLElement>();
  /** Bumped on every change, so sections that show commands' state redraw. */
  version = 0;
  online = true;
  rulebook: Scenario | null = null;

  constructor(
    private readonly send: Sender,
    private readonly changed: () => void,
  ) {}

  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /**
   * Sends `body` on behalf of the control `key`. Resolves true when the server accepted it.
   * `done` says what to say on success (nothing when the screen itself shows the result); it is
   * asked again after a language switch, so it must build its words with t() each time.
   */
  async run(key: string, body: CommandBody, done?: () => string): Promise<boolean> {
    if (this.pending.has(key)) return false;
    this.pending.add(key);
    this.set(key, this.online ? { kind: "sending", text: t("play.send.sending") } : { kind: "offline", text: t("play.send.offline") });
    let ok = false;
    try {
      const reply = await this.send(body);
      ok = reply.ok;
      if (reply.ok) this.set(key, done ? { kind: "ok", text: done(), say: done } : undefined);
      else {
        const detail = "detail" in reply ? reply.detail : undefined;
        const say = () => this.refusal(reply.reason, detail);
        this.set(key, { kind: "error", text: say(), say });
      }
    } catch {
      const say = () => t("reason.network");
      this.set(key, { kind: "error", text: say(), say });
    } finally {
      this.pending.delete(key);
      this.version++;
      this.changed();
    }
    return ok;
  }

  /** A refusal in words: the reason, and the restriction behind it when there is one. */
  refusal(reason: string, detail?: string): string {
    const text = t(`reason.${reason}`);
    const restriction = detail ? this.rulebook?.restrictions.find((r) => r.id === detail) : undefined;
    return restriction ? `${text} (${local(restriction.label)})` : text;
  }

  /** Shows a refusal-like message next to a control without sending anything. */
  say(key: string, text: string): void {
    this.set(key, { kind: "error", text });
  }

  /** Forgets every answer shown (a new phase makes yesterday's refusals stale); pending ones stay. */
  clearAnswers(): void {
    for (const [key, feedback] of this.feedback) {
      if (feedback.kind === "ok" || feedback.kind === "error") this.set(key, undefined);
    }
  }

  /** Forgets what was said about a control (e.g. when its form is opened again). */
  clear(key: string): void {
    this.set(key, undefined);
  }

  /**
   * The live message element of a control. The same element is returned on every rebuild, so
   * a screen reader hears the change when the reply arrives.
   */
  note(key: string): HTMLElement {
    let node = this.notes.get(key);
    if (!node) {
      node = el("p", { class: "feedback", "aria-live": "polite", "data-note": key });
      this.notes.set(key, node);
      this.paint(key);
    }
    return node;
  }

  /**
   * A command button. While its command is pending, or when `blocked`, it is marked
   * aria-disabled rather than disabled: it keeps keyboard focus and still reads its reason.
   */
  button(key: string, label: string, run: () => void, options: { blocked?: boolean; attrs?: Record<string, string | undefined> } = {}): HTMLButtonElement {
    const off = this.pending.has(key) || Boolean(options.blocked);
    const button = el("button", { type: "button", "data-key": key, ...options.attrs, "aria-disabled": off ? "true" : undefined }, label);
    if (this.pending.has(key)) button.setAttribute("aria-busy", "true");
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-disabled") !== "true") run();
    });
    return button;
  }

  private set(key: string, feedback: Feedback | undefined): void {
    if (feedback) this.feedback.set(key, feedback);
    else this.feedback.delete(key);
    this.version++;
    this.paint(key);
    this.changed();
  }

  private paint(key: string): void {
    const node = this.notes.get(key);
    if (!node) return;
    const feedback = this.feedback.get(key);
    node.textContent = feedback?.text ?? "";
    node.className = `feedback${feedback ? ` ${feedback.kind}` : ""}`;
  }

  /** Re-translates what is shown (language switch): pending messages, answers and refusals. */
  retranslate(): void {
    for (const [key, feedback] of this.feedback) {
      if (feedback.kind === "sending") feedback.text = t("play.send.sending");
      if (feedback.kind === "offline") feedback.text = t("play.send.offline");
      if (feedback.say) feedback.text = feedback.say();
      this.paint(key);
    }
  }
}
