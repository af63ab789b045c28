/**
 * The board's two layouts: everything (clock, people, town, cards, feed) or the big town (the
 * clock, the latest announcement and the map across the whole screen, names large enough for
 * the back of the room). The facilitator switches at the projector with one button; the choice
 * lives in the address (`?view=town`), so a reload or a bookmark keeps it without storing anything.
 */
import { t } from "../i18n.ts";

const PARAM = "view";
const TOWN = "town";

export class BoardLayout {
  private big: boolean;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly onChange: () => void,
  ) {
    this.big = new URLSearchParams(location.search).get(PARAM) === TOWN;
    button.addEventListener("click", () => this.set(!this.big));
    this.render();
  }

  private set(big: boolean): void {
    this.big = big;
    const url = new URL(location.href);
    if (big) url.searchParams.set(PARAM, TOWN);
    else url.searchParams.delete(PARAM);
    history.replaceState(history.state, "", url);
    this.render();
    this.onChange();
  }

  /** A toggle button: its name stays "Big town", pressed while the big town is shown. */
  render(): void {
    document.body.classList.toggle("big-town", this.big);
    this.button.setAttribute("aria-pressed", String(this.big));
    this.button.textContent = t("board.bigTown");
  }
}
