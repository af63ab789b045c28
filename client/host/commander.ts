/**
 * Sends the console's commands. Each command has a key (e.g. "pause", "role:<seat>"); while it
 * is on its way the key is busy and every control bound to it renders disabled, so nothing is
 * submitted twice. The outcome is said in the console's live status line, refusals translated.
 */
import { t } from "../i18n.ts";
import type { Link } from "../net/link.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";

export type CommandBody = Parameters<Link["send"]>[0];
export type Reply = CommandReply | { ok: false; reason: "network" };

export class Commander {
  private readonly busy = new Set<string>();
  /** Keys whose command was accepted but whose effect has not reached this client's state yet, by the seq to wait for. */
  private readonly landing = new Map<string, number>();
  private seenSeq = 0;

  constructor(
    private readonly link: () => Link | undefined,
    private readonly status: HTMLElement,
    /** Called when a key becomes busy or free, so controls can re-render. */
    private readonly changed: () => void,
  ) {}

  /**
   * The state this client holds has reached `seq`: commands accepted up to it are now visible,
   * so their controls may be used again (the reply comes before the state patch; without this a
   * control would briefly show the old state and invite a second click).
   */
  caughtUp(seq: number): void {
    this.seenSeq = Math.max(this.seenSeq, seq);
    for (const [key, wanted] of this.landing) if (wanted <= this.seenSeq) this.landing.delete(key);
  }

  isBusy(key: string): boolean {
    return this.busy.has(key) || this.landing.has(key);
  }

  /** Sends `body` unless `key` is already busy; says the outcome (or `doneKey` on success). */
  async send(key: string, body: CommandBody, doneKey = "host.done", doneParams: Record<string, unknown> = {}): Promise<Reply> {
    const link = this.link();
    if (!link) return this.finish({ ok: false, reason: "network" }, doneKey, doneParams);
    if (this.isBusy(key)) return { ok: false, reason: "network" };
    this.busy.add(key);
    this.changed();
    try {
      const reply = await link.send(body);
      if (reply.ok && reply.seq > this.seenSeq) {
        this.landing.set(key, reply.seq);
        // never hold a control for long if the state is slow to come
        setTimeout(() => {
          if (this.landing.delete(key)) this.changed();
        }, 3000);
      }
      return this.finish(reply, doneKey, doneParams);
    } finally {
      this.busy.delete(key);
      this.changed();
    }
  }

  /** Says a string in the live status line (and keeps its key so a language switch re-says it). */
  say(key: string, params: Record<string, unknown> = {}): void {
    this.status.dataset.i18n = key;
    this.status.dataset.params = JSON.stringify(params);
    this.status.textContent = t(key, params);
  }

  /** Re-says the last status in the current language. */
  retranslate(): void {
    const key = this.status.dataset.i18n;
    if (key) this.status.textContent = t(key, JSON.parse(this.status.dataset.params ?? "{}") as Record<string, unknown>);
  }

  private finish(reply: Reply, doneKey: string, doneParams: Record<string, unknown>): Reply {
    if (reply.ok) this.say(doneKey, doneParams);
    else this.say(`reason.${reply.reason}`);
    this.status.classList.toggle("refused", !reply.ok);
    return reply;
  }
}
