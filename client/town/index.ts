/**
 * The town map (Phaser 4): a top-down neighbourhood drawn from the rulebook's locations, with
 * every player's avatar at their place. Phaser is big (~350 kB gzip), so pages load this module
 * lazily:
 *
 *   const { mountTown } = await import("../town/index.ts");
 *   const town = await mountTown(document.querySelector("#board-town")!, { seatId: null });
 *   link handlers: play: (view) => town.update(view)
 *
 * The canvas is not the accessible path (the play screen lists the places as DOM); its container
 * is an image whose label says how many places and people the map shows.
 */
import "./strings.ts";
import * as Phaser from "phaser";
import "../styles/town.css";
import type { PlayView } from "../net/gameView.ts";
import { onLangChange, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { TownScene } from "./scene.ts";

export type TownOptions = {
  /** Whose avatar to highlight and follow (null on the projector board). */
  seatId: string | null;
  /** Called when the player clicks or taps a location on the map. */
  onPick?: (locationId: string) => void;
  /** The name shown under each avatar (default: the nickname; the board passes pseudonyms in anonymous mode). */
  label?: (seatId: string, nickname: string) => string;
  /**
   * Texts (names, places, grades) drawn at this multiple of their base size on screen whatever
   * the map's zoom — the projector board asks for 1.5 so a name reads at 16 px or more from the
   * back of a room. Default: as big as on a phone, shrinking to 70 % on a small map.
   */
  textScale?: number;
};

export type Town = { update(view: PlayView): void; destroy(): void };

/**
 * A read-only window onto the town for browser tests (`window.__town.avatars()`): the canvas
 * cannot be asked where it drew someone, and "everyone is drawn on screen" is what a projector
 * must get right. It only reads the scene.
 */
declare global {
  interface Window {
    __town?: { avatars(): ReturnType<TownScene["drawn"]>; size(): { width: number; height: number; zoom: number } };
  }
}

/** Towns on the page, told when the language changes (onLangChange has no unsubscribe). */
const live = new Set<{ relabel(): void }>();
onLangChange(() => {
  for (const town of live) town.relabel();
});

/** How long to wait for the bundled fonts before drawing text anyway (they redraw once loaded). */
const FONT_WAIT_MS = 1500;

export async function mountTown(parent: HTMLElement, options: TownOptions): Promise<Town> {
  const box = el("div", { class: "town", role: "img" });
  parent.append(box);
  let counts = { places: 0, people: 0 };
  const describe = () => box.setAttribute("aria-label", t("town.map", counts));
  describe();

  await Promise.race([document.fonts.ready, new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))]);

  const scene = new TownScene({
    seatId: options.seatId,
    onPick: options.onPick,
    label: options.label,
    textScale: options.textScale,
    onCounts: (places, people) => {
      counts = { places, people };
      describe();
    },
  });
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: box,
    pixelArt: true,
    banner: false,
    autoFocus: false,
    backgroundColor: "#8cc56a",
    scale: { mode: Phaser.Scale.RESIZE, width: box.clientWidth || 390, height: box.clientHeight || 300 },
    input: { keyboard: false, gamepad: false },
    audio: { noAudio: true },
    scene,
  });
  await scene.ready;
  const rest = restWhenIdle(game, scene, box);

  // Phaser watches the window; the parent can also change size on its own (panels, rotation)
  const resize = new ResizeObserver(() => {
    rest.wake();
    // refresh() sizes the canvas from the parent size it measured last and only then measures
    // again: measure first, or a town mounted hidden (0×0) stays 0×0 once it is shown
    game.scale.getParentBounds();
    game.scale.refresh();
  });
  resize.observe(box);
  const fontsLoaded = () => scene.refreshTexts();
  document.fonts.addEventListener("loadingdone", fontsLoaded);
  const town = {
    relabel: () => {
      scene.relabel();
      describe();
    },
  };
  live.add(town);
  const probe = { avatars: () => scene.drawn(), size: () => ({ width: game.scale.width, height: game.scale.height, zoom: scene.cameras.main.zoom }) };
  window.__town = probe;

  let destroyed = false;
  return {
    update(view) {
      if (destroyed) return;
      rest.wake();
      scene.apply(view);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      rest.stop();
      live.delete(town);
      if (window.__town === probe) delete window.__town;
      resize.disconnect();
      document.fonts.removeEventListener("loadingdone", fontsLoaded);
      game.destroy(true);
      box.remove();
    },
  };
}

/** How long the town keeps drawing after the last change, touch or tween. */
const IDLE_MS = 1500;

/**
 * The town is still most of the time: its loop sleeps once nothing has changed for IDLE_MS and
 * no tween runs, and wakes on an update, a resize or a pointer on the map. A phone's battery, a
 * projector laptop and a classroom of devices on one machine all thank it.
 */
function restWhenIdle(game: Phaser.Game, scene: Phaser.Scene, box: HTMLElement): { wake(): void; stop(): void } {
  let last = performance.now();
  const wake = () => {
    last = performance.now();
    if (!game.loop.running) game.loop.wake();
  };
  const check = () => {
    if (performance.now() - last > IDLE_MS && scene.tweens.getTweens().length === 0) game.loop.sleep();
  };
  scene.events.on("postupdate", check);
  // the map may have moved on the page while the loop slept (a panel above it grew): Phaser maps
  // a pointer through the canvas's position, so measure it before Phaser reads this event
  const touched = () => {
    game.scale.updateBounds();
    wake();
  };
  const events = ["pointerdown", "pointermove", "wheel", "touchstart"] as const;
  for (const type of events) box.addEventListener(type, touched, { capture: true, passive: true });
  return {
    wake,
    stop() {
      scene.events.off("postupdate", check);
      for (const type of events) box.removeEventListener(type, touched, { capture: true });
    },
  };
}
