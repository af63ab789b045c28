/**
 * The big board's two layouts during play: the tiles (default) or the cycle through each
 * neighbourhood's own board. The host switches at the projector with one toggle button; the
 * choice is remembered on this device (the projector laptop), for the next event too.
 */
import { t } from "../i18n.ts";

const KEY = "gs.eventBoard.cycle";

export class EventLayout {
  cycling: boolean;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly onChange: () => void,
  ) {
    this.cycling = localStorage.getItem(KEY) === "1";
    button.addEventListener("click", () => this.set(!this.cycling));
    this.render();
  }

  private set(cycling: boolean): void {
    this.cycling = cycling;
    if (cycling) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
    this.render();
    this.onChange();
  }

  /** A toggle: its name stays "Cycle through boards", pressed while the cycle runs. */
  render(): void {
    this.button.setAttribute("aria-pressed", String(this.cycling));
    this.button.textContent = t("eventBoard.cycle");
  }
}
