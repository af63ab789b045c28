/**
 * The map overview: the Phaser town (client/town, loaded lazily — Phaser is large and the lobby
 * never needs it) drawn in `#board-town`, plus a short list of how many people are at each place,
 * which is the map's text alternative and what the board shows if the town cannot load.
 * The town asks for each avatar's label on every update, so its names follow the anonymous
 * switch and the language without mounting it again.
 */
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { PlayView } from "../net/gameView.ts";
import type { Namer } from "./names.ts";

/** The town module's contract (client/town/index.ts). */
type Town = { update(view: PlayView): void; destroy(): void };
type TownModule = {
  mountTown(
    parent: HTMLElement,
    options: { seatId: string | null; onPick?: (id: string) => void; label?: (seat: string, nickname: string) => string; textScale?: number },
  ): Promise<Town>;
};

/** Names on the board's map at 1.5 × their phone size: 16.5 px, legible from the back of a room. */
const PROJECTOR_TEXT = 1.5;

// a glob, not a plain import(): the board builds and runs whether or not the town module exists yet
const loaders = import.meta.glob<TownModule>("../town/index.ts");

export class TownPanel {
  private town: Town | null = null;
  private mounting = false;
  private failed = false;
  private latest: PlayView | null = null;
  /** The latest namer: the town asks for labels whenever it draws a figure. */
  private name: Namer = (seat) => seat;

  constructor(
    private readonly host: HTMLElement,
    private readonly note: HTMLElement,
    private readonly places: HTMLElement,
  ) {}

  update(view: PlayView, name: Namer): void {
    this.latest = view;
    this.name = name;
    this.renderPlaces(view);
    if (this.town) this.tryUpdate(view);
    else if (!this.mounting && !this.failed) void this.mount();
  }

  private async mount(): Promise<void> {
    this.mounting = true;
    const load = loaders["../town/index.ts"];
    if (!load) return this.fail();
    try {
      const { mountTown } = await load();
      this.host.replaceChildren();
      const town = await mountTown(this.host, { seatId: null, label: (seat) => this.name(seat), textScale: PROJECTOR_TEXT });
      this.town = town;
      this.failed = false;
      this.host.hidden = false;
      this.note.hidden = true;
      if (this.latest) this.tryUpdate(this.latest);
    } catch (error) {
      console.warn("the town could not be shown", error);
      this.fail();
    } finally {
      this.mounting = false;
    }
  }

  private tryUpdate(view: PlayView): void {
    try {
      this.town?.update(view);
    } catch (error) {
      console.warn("the town could not be updated", error);
      this.town = null;
      this.fail();
    }
  }

  private fail(): void {
    this.failed = true;
    this.mounting = false;
    this.host.hidden = true;
    this.note.hidden = false;
    this.note.textContent = t("board.townFailed");
  }

  /** Places with people, in the rulebook's order: "Market: 3". */
  private renderPlaces(view: PlayView): void {
    if (this.failed) this.note.textContent = t("board.townFailed");
    const counts = new Map<string, number>();
    for (const p of view.board.players) if (p.location && p.role !== "observer") counts.set(p.location, (counts.get(p.location) ?? 0) + 1);
    const locations = view.rulebook?.locations ?? [];
    this.places.replaceChildren(
      ...locations
        .filter((l) => counts.has(l.id))
        .map((l) => el("li", {}, t("board.placeCount", { place: local(l.label), count: counts.get(l.id) }))),
    );
  }
}
