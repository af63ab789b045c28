/**
 * The town scene: draws the map once per rulebook and then only diffs what each state patch
 * changes — avatars appear, walk along the streets, change grade or get blacklisted; published
 * deeds float over their subject. A thin scene: no rules here, only drawing the view it is given.
 */
import * as Phaser from "phaser";
import type { PlayView } from "../net/gameView.ts";
import type { PublicPlayer } from "../../shared/rules/views.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import { local } from "../i18n.ts";
import { avatarUri } from "../ui/avatar.ts";
import { TILE, crowdSpacing, layoutTown, standingSpot, tileCentre, walk, type Place, type Spacing, type TownLayout } from "./layout.ts";
import { hasCjk, needGlyphs } from "./glyphs.ts";
import { FONT, blacklistBadge, cameraIcon, drawMap, ringCanvas, tokenCanvas } from "./art.ts";
import { AvatarSprite, gradeColour, smooth } from "./avatarSprite.ts";

export type SceneOptions = {
  seatId: string | null;
  onPick?: (locationId: string) => void;
  label?: (seatId: string, nickname: string) => string;
  /** Texts on screen at this multiple of their base size, whatever the zoom (see TownOptions). */
  textScale?: number;
  /** Told the number of places and people shown whenever either changes. */
  onCounts: (places: number, people: number) => void;
};

type PlaceView = { place: Place; zone: Phaser.GameObjects.Zone; label: Phaser.GameObjects.Text; camera: Phaser.GameObjects.Image; text: Scenario["locations"][number]["label"] };

/** At most this many names are written under the avatars at one place (the own name always). */
const NAMES_PER_PLACE = 6;
/** A player's own device shows tiles at least this big (CSS px); the rest of the map scrolls. */
const MIN_PLAYER_ZOOM = 1;
const DRAG_THRESHOLD = 8;
/** Screen width (CSS px) given to each name under an avatar; longer names are shortened. */
const NAME_WIDTH = 64;
const NAME_CHARS = 9;
/** Screen width (CSS px) for a grade tag under an avatar in a crowd ("AAA"). */
const GRADE_WIDTH = 22;

/** A grade's tag: its label when short ("AAA", "良好"), else its first letter (the panel names it in full). */
function gradeTag(label: string): string {
  const chars = Array.from(label.trim());
  if (chars.length <= (hasCjk(label) ? 2 : 3)) return label.trim();
  return (chars[0] ?? "").toUpperCase();
}

function shorten(name: string): string {
  const chars = Array.from(name);
  // Chinese characters are about twice as wide
  const limit = hasCjk(name) ? Math.ceil(NAME_CHARS / 2) + 1 : NAME_CHARS;
  return chars.length > limit ? `${chars.slice(0, limit - 1).join("")}…` : name;
}

export function reducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export class TownScene extends Phaser.Scene {
  private layout: TownLayout | undefined;
  private mapKey = "";
  private mapImage: Phaser.GameObjects.Image | undefined;
  private places = new Map<string, PlaceView>();
  private avatars = new Map<string, AvatarSprite>();
  private seenFeed = new Set<string>();
  private firstView = true;
  private view: PlayView | undefined;
  private following = false;
  private zoomLevel = 1;
  /** The zoom texts are drawn against: the camera's, except that a small map also gets smaller text. */
  private textZoom = 1;
  private drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | undefined;
  private counts = "";
  private mapVersion = 0;
  private hover: Phaser.GameObjects.Graphics | undefined;
  private readyResolve: (() => void) | undefined;
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(private readonly options: SceneOptions) {
    super({ key: "town" });
  }

  create(): void {
    this.textures.addCanvas("ring-own", ownRing());
    this.textures.addCanvas("ring-dark", ringCanvas("#1b1f24", 40, 6));
    this.textures.addCanvas("ring-flash", ringCanvas("#ffffff", 40, 4));
    this.textures.addCanvas("badge-blacklist", blacklistBadge(28));
    this.textures.addCanvas("camera", cameraIcon());
    this.textures.addCanvas("token-blank", tokenCanvas(null, 48));
    for (const key of ["ring-own", "ring-dark", "ring-flash", "badge-blacklist", "token-blank"]) this.textures.get(key).setFilter(Phaser.Textures.FilterMode.LINEAR);
    this.hover = this.add.graphics().setDepth(5).setVisible(false);
    this.cameras.main.setBackgroundColor("#8cc56a");
    this.scale.on(Phaser.Scale.Events.RESIZE, this.fitCamera, this);
    this.input.on(Phaser.Input.Events.POINTER_DOWN, this.onPointerDown, this);
    this.input.on(Phaser.Input.Events.POINTER_MOVE, this.onPointerMove, this);
    this.input.on(Phaser.Input.Events.POINTER_UP, () => (this.drag = undefined));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.fitCamera, this));
    this.readyResolve?.();
  }

  /** Brings the scene up to date with a view: called on every state patch, changes only what differs. */
  apply(view: PlayView): void {
    this.view = view;
    if (view.rulebook) this.ensureMap(view.rulebook);
    if (!this.layout) return;
    const cameras = new Set(view.board.cameras);
    for (const [id, p] of this.places) p.camera.setVisible(cameras.has(id));
    this.applyPlayers(view);
    this.applyFeed(view);
    const people = this.avatars.size;
    const counts = `${this.places.size}/${people}`;
    if (counts !== this.counts) {
      this.counts = counts;
      this.options.onCounts(this.places.size, people);
    }
    this.firstView = false;
  }

  /** The language changed: rewrite every label. */
  relabel(): void {
    for (const p of this.places.values()) {
      p.label.setText(local(p.text));
      needGlyphs(p.label.text, this.redrawTexts);
    }
    if (this.view) this.applyPlayers(this.view);
  }

  /** Fonts finished loading (the Chinese font arrives on demand): redraw every text with them. */
  readonly redrawTexts = (): void => {
    if (this.sys.isActive()) this.refreshTexts();
  };

  refreshTexts(): void {
    for (const p of this.places.values()) p.label.updateText();
    for (const a of this.avatars.values()) a.refreshTexts();
  }

  /**
   * Where each avatar is drawn, in CSS pixels from the canvas's top-left, and how tall its name
   * reads on screen: what a projector shows, for the browser tests (read-only, see index.ts).
   */
  drawn(): { seat: string; x: number; y: number; namePx: number; nameVisible: boolean }[] {
    const camera = this.cameras.main;
    const view = camera.worldView;
    return [...this.avatars.values()].map((a) => ({
      seat: a.seat,
      x: (a.container.x - view.x) * camera.zoom,
      y: (a.container.y - view.y) * camera.zoom,
      ...a.nameOnScreen(camera.zoom),
    }));
  }

  /* ---------- the map ---------- */

  private ensureMap(rulebook: Scenario): void {
    const key = JSON.stringify(rulebook.locations.map((l) => [l.id, l.x, l.y]));
    if (key === this.mapKey) {
      for (const l of rulebook.locations) {
        const p = this.places.get(l.id);
        if (p && JSON.stringify(p.text) !== JSON.stringify(l.label)) {
          p.text = l.label;
          p.label.setText(local(l.label));
          needGlyphs(p.label.text, this.redrawTexts);
        }
      }
      return;
    }
    this.mapKey = key;
    for (const p of this.places.values()) {
      p.zone.destroy();
      p.label.destroy();
      p.camera.destroy();
    }
    this.places.clear();
    this.mapImage?.destroy();
    const oldTexture = `map-${this.mapVersion}`;
    if (this.textures.exists(oldTexture)) this.textures.remove(oldTexture);
    this.mapVersion++;

    const layout = layoutTown(rulebook.locations);
    this.layout = layout;
    const textureKey = `map-${this.mapVersion}`;
    this.textures.addCanvas(textureKey, drawMap(layout));
    this.mapImage = this.add.image(0, 0, textureKey).setOrigin(0, 0).setDepth(0);

    for (const l of rulebook.locations) {
      const place = layout.places.find((p) => p.id === l.id)!;
      const { x, y, w, h } = place.rect;
      const zone = this.add.zone(x * TILE, y * TILE, w * TILE, h * TILE).setOrigin(0, 0);
      zone.setInteractive({ useHandCursor: true });
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.showHover(place));
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => this.hover?.setVisible(false));
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => {
        if (!this.dragged()) this.options.onPick?.(place.id);
      });
      const label = this.add
        .text((x + w / 2) * TILE, y * TILE - 2, local(l.label), {
          fontFamily: FONT,
          fontSize: "12px",
          fontStyle: "bold",
          color: "#1b1f24",
          backgroundColor: "rgba(251, 250, 247, 0.9)",
          padding: { x: 3, y: 1 },
        })
        .setOrigin(0.5, 1)
        .setDepth(1000);
      smooth(label).setScale(1 / this.textZoom);
      const camera = this.add.image((x + w) * TILE - 2, y * TILE + 3, "camera").setOrigin(1, 0).setDepth(6).setVisible(false);
      this.places.set(l.id, { place, zone, label, camera, text: l.label });
      needGlyphs(label.text, this.redrawTexts);
    }
    // people at a place that no longer exists go home with the next patch
    for (const a of this.avatars.values()) a.destroy();
    this.avatars.clear();
    this.fitCamera();
  }

  private showHover(place: Place): void {
    if (!this.hover) return;
    const { x, y, w, h } = place.rect;
    this.hover.clear().lineStyle(2, 0xffd166, 1).strokeRoundedRect(x * TILE - 2, y * TILE - 2, w * TILE + 4, h * TILE + 4, 4).setVisible(true);
  }

  /* ---------- the people ---------- */

  private applyPlayers(view: PlayView): void {
    const layout = this.layout!;
    const onMap = view.board.players.filter((p) => p.role && this.places.has(p.location));
    const grades = view.rulebook?.grades ?? [];
    const seen = new Set<string>();
    // who stands where, in a stable order, so the groups do not reshuffle on every patch
    const groups = new Map<string, PublicPlayer[]>();
    for (const p of onMap) {
      const group = groups.get(p.location) ?? [];
      group.push(p);
      groups.set(p.location, group);
    }
    for (const [locationId, group] of groups) {
      const place = this.places.get(locationId)!.place;
      const named = group.length <= NAMES_PER_PLACE;
      const spacing = named ? this.namedSpacing() : this.crowdSpacing(group.length);
      group.forEach((p, index) => {
        seen.add(p.seat);
        const spot = standingSpot(place, index, group.length, spacing);
        let avatar = this.avatars.get(p.seat);
        if (!avatar) {
          avatar = new AvatarSprite(this, p.seat, p.seat === this.options.seatId, spot, locationId);
          this.avatars.set(p.seat, avatar);
          void this.loadAvatar(avatar);
          if (avatar.own && this.following) this.cameras.main.startFollow(avatar.container, false, 0.2, 0.2);
        } else if (avatar.location !== locationId) {
          const from = this.places.get(avatar.location)?.place;
          const route = from ? walk(layout, from, place).map(tileCentre) : [];
          avatar.walkTo([...route, spot], locationId, reducedMotion());
          if (avatar.own) this.followOwn();
        } else {
          avatar.settle(spot, reducedMotion());
        }
        const gradeIndex = grades.findIndex((g) => g.id === p.grade);
        const grade = gradeIndex >= 0 ? grades[gradeIndex]! : undefined;
        const name = this.options.label ? this.options.label(p.seat, p.nickname) : p.nickname;
        needGlyphs(name, this.redrawTexts);
        const changed = avatar.show({
          name: shorten(name),
          nameVisible: avatar.own || named,
          crowded: !named,
          grade: grades.length > 1 && grade ? gradeTag(local(grade.label)) : "",
          gradeColour: gradeColour(gradeIndex, grades.length),
          blacklisted: p.blacklisted,
          zoom: this.textZoom,
        });
        if (changed.grade && !this.firstView && !reducedMotion()) avatar.flashGrade();
      });
    }
    for (const [seat, avatar] of this.avatars) {
      if (!seen.has(seat)) {
        avatar.destroy();
        this.avatars.delete(seat);
      }
    }
  }

  private applyFeed(view: PlayView): void {
    const calm = this.firstView || reducedMotion();
    for (const entry of view.board.feed) {
      if (this.seenFeed.has(entry.id)) continue;
      this.seenFeed.add(entry.id);
      if (calm || entry.points === null || entry.points === 0) continue;
      this.avatars.get(entry.subject)?.floatPoints(entry.points, this.textZoom);
    }
  }

  private async loadAvatar(avatar: AvatarSprite): Promise<void> {
    const key = `avatar-${avatar.seat}`;
    if (!this.textures.exists(key)) {
      const image = new Image();
      image.src = avatarUri(avatar.seat);
      try {
        await image.decode();
      } catch {
        return; // keeps the blank token
      }
      if (!this.sys.isActive() || this.textures.exists(key)) return;
      this.textures.addCanvas(key, tokenCanvas(image, 48));
      this.textures.get(key).setFilter(Phaser.Textures.FilterMode.LINEAR);
    }
    if (this.avatars.get(avatar.seat) === avatar) avatar.setTexture(key);
  }

  /** Few enough people to name them all: spaced so names (constant size on screen) do not touch. */
  private namedSpacing(): Spacing {
    return { x: Math.max(16, NAME_WIDTH / this.textZoom), y: 15 + 14 / this.textZoom, perRow: 3 };
  }

  /** A crowd: names hidden, each grade tag under its avatar, as tight as the tags allow. */
  private crowdSpacing(count: number): Spacing {
    const base = crowdSpacing(count);
    return { x: Math.max(base.x, GRADE_WIDTH / this.textZoom), y: base.y + 11 / this.textZoom, perRow: base.perRow };
  }

  /* ---------- camera and input ---------- */

  private fitCamera(): void {
    if (!this.layout || !this.cameras?.main) return;
    const camera = this.cameras.main;
    const width = this.scale.width;
    const height = this.scale.height;
    // no size yet (mounted in a hidden panel): a zoom of 0 would space people infinitely far
    // apart and leave them at NaN for good; the resize that comes when it is shown fits it
    if (!(width > 0 && height > 0)) return;
    const mapWidth = this.layout.cols * TILE;
    const mapHeight = this.layout.rows * TILE;
    const fit = Math.min(width / mapWidth, height / mapHeight);
    const minimum = this.options.seatId ? MIN_PLAYER_ZOOM : 0;
    this.following = fit < minimum;
    this.zoomLevel = Math.max(fit, minimum);
    camera.setZoom(this.zoomLevel);
    // on a small map texts shrink too, down to 70 %, so labels overlap less — unless the page
    // asked for a fixed size (a projector must stay legible)
    this.textZoom = this.zoomLevel / (this.options.textScale ?? Math.min(1, Math.max(0.7, this.zoomLevel)));
    if (this.following) {
      camera.setBounds(0, 0, mapWidth, mapHeight);
      const own = this.options.seatId ? this.avatars.get(this.options.seatId) : undefined;
      if (own) camera.startFollow(own.container, false, 0.2, 0.2);
      else camera.centerOn(mapWidth / 2, mapHeight / 2);
    } else {
      camera.stopFollow();
      camera.removeBounds();
      camera.centerOn(mapWidth / 2, mapHeight / 2);
    }
    // texts keep their size on screen whatever the zoom
    for (const p of this.places.values()) p.label.setScale(1 / this.textZoom);
    for (const a of this.avatars.values()) a.setZoom(this.textZoom);
    // spacing between named people depends on the zoom
    if (this.view) this.applyPlayers(this.view);
  }

  private onPointerDown(pointer: Phaser.Input.Pointer): void {
    const camera = this.cameras.main;
    this.drag = { x: pointer.x, y: pointer.y, scrollX: camera.scrollX, scrollY: camera.scrollY, moved: false };
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    if (!this.drag || !pointer.isDown || !this.following) return;
    const dx = pointer.x - this.drag.x;
    const dy = pointer.y - this.drag.y;
    if (!this.drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    this.drag.moved = true;
    // the player looks around: stop following until their avatar next moves
    const camera = this.cameras.main;
    camera.stopFollow();
    camera.setScroll(this.drag.scrollX - dx / this.zoomLevel, this.drag.scrollY - dy / this.zoomLevel);
  }

  private dragged(): boolean {
    return Boolean(this.drag?.moved);
  }

  /** Follows the own avatar again (after it walked somewhere), when the map does not fit. */
  followOwn(): void {
    const own = this.options.seatId ? this.avatars.get(this.options.seatId) : undefined;
    if (this.following && own) this.cameras.main.startFollow(own.container, false, 0.2, 0.2);
  }
}

/** The own avatar's ring: bright yellow with a dark edge, visible on grass, road and plaza. */
function ownRing(): HTMLCanvasElement {
  const canvas = ringCanvas("#1b1f24", 48, 9);
  const inner = ringCanvas("#ffd166", 48, 5);
  canvas.getContext("2d")!.drawImage(inner, 0, 0);
  return canvas;
}
