/**
 * The cycle layout: each neighbourhood's own board (`/board/<code>`, same origin, in a frame) for
 * twenty seconds, in turn. The next board loads behind the one on screen and fades in once drawn
 * (no fade under prefers-reduced-motion: base.css drops every transition), so the hall never sees
 * a blank page. A server whose headers forbid framing its pages leaves an error page in the
 * frame instead: the cycle notices, stops and says so (`refused`), and the page shows the tiles.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Street } from "./figures.ts";

const TURN_MS = 20_000;
/** How long the board going away stays under the one fading in (the fade's length in eventBoard.css). */
const FADE_MS = 800;

export class Cycle {
  /** The server would not let its board be framed: the cycle cannot run on this server. */
  refused = false;
  private streets: Street[] = [];
  private index = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly frames: HTMLElement,
    private readonly heading: HTMLElement,
    /** After each turn (and a refusal): the page redraws what depends on the board on screen. */
    private readonly onTurn: () => void,
  ) {}

  /** The neighbourhood whose board is on screen, while the cycle runs. */
  current(): Street | undefined {
    return this.timer === undefined ? undefined : this.streets[this.index];
  }

  /** Starts the cycle (a running cycle goes on where it is). */
  run(streets: Street[]): void {
    this.streets = streets;
    if (this.timer !== undefined || this.refused || streets.length === 0) return;
    this.index %= streets.length;
    this.timer = setInterval(() => this.next(), TURN_MS);
    this.show();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.frames.replaceChildren();
  }

  /** The board on screen again (after a change of language, which a framed page reads on load). */
  redraw(): void {
    if (this.timer !== undefined) this.show();
  }

  private next(): void {
    if (document.hidden) return; // nobody is watching: the turn waits
    this.index = (this.index + 1) % this.streets.length;
    this.show();
    this.onTurn();
  }

  private show(): void {
    const street = this.streets[this.index];
    if (!street) return;
    const name = local(street.name);
    this.heading.textContent = t("eventBoard.showing", { name });
    const frame = el("iframe", { class: "frame", src: `/board/${encodeURIComponent(street.code)}`, title: t("eventBoard.boardOf", { name }), inert: true });
    frame.addEventListener("load", () => this.shown(frame), { once: true });
    this.frames.append(frame);
  }

  private shown(frame: HTMLIFrameElement): void {
    if (!frame.isConnected) return;
    // a refused frame holds the browser's error page, which is not ours to read
    if (!frame.contentDocument?.body?.classList.contains("board")) {
      this.refused = true;
      this.stop();
      this.onTurn();
      return;
    }
    frame.inert = false;
    frame.classList.add("shown");
    // the boards before it go (a later one still loading stays and takes its turn when drawn)
    for (const old of this.frames.children) {
      if (old === frame) break;
      setTimeout(() => old.remove(), FADE_MS);
    }
  }
}
