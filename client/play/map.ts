/**
 * The town map, loaded lazily: Phaser is heavy, so the map module is fetched only after the
 * panels are up, and the play screen works without it (the list of places is the map's
 * alternative). If the module is missing or fails, the map area simply stays hidden.
 */
import type { PlayView } from "../net/gameView.ts";

export interface TownHandle {
  update(view: PlayView): void;
  destroy(): void;
}

/** The town module's options (client/town/index.ts). */
export interface TownOptions {
  seatId: string | null;
  onPick?: (locationId: string) => void;
  label?: (seatId: string, nickname: string) => string;
}

type TownModule = { mountTown(parent: HTMLElement, options: TownOptions): Promise<TownHandle> };

// A glob rather than a plain import(): the build still works while the town module does not exist.
const loaders = import.meta.glob<TownModule>("../town/index.ts");

export async function mountMap(area: HTMLElement, options: TownOptions): Promise<TownHandle | null> {
  const load = loaders["../town/index.ts"];
  if (!load) return null;
  try {
    area.hidden = false;
    const { mountTown } = await load();
    return await mountTown(area, options);
  } catch (error) {
    console.warn("the town map could not be shown", error);
    area.hidden = true;
    area.replaceChildren();
    return null;
  }
}
