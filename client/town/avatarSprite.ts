/**
 * One person on the map: the avatar token, the own-avatar ring, the blacklist outline and badge,
 * the grade tag and the name. Knows how to walk a route, settle into its spot and show the small
 * effects (points floating up, a grade flash); the scene decides when.
 */
import * as Phaser from "phaser";
import { FONT } from "./art.ts";

/** Token size on the map in world pixels (a tile is 16). */
const TOKEN = 14;
/** The name's font size before scaling (world px). */
const NAME_PX = 11;

/** Grade colours from best to worst (Okabe–Ito, colour-blind safe); the tag also names the grade. */
const GRADE_COLOURS = ["#0072b2", "#56b4e9", "#009e73", "#e69f00", "#d55e00", "#6b1d1d"];

/** The colour of the grade at `index` among `count` grades (best first). */
export function gradeColour(index: number, count: number): string {
  if (index < 0 || count <= 0) return "#59636e";
  if (count === 1) return GRADE_COLOURS[0]!;
  const at = Math.round((index / (count - 1)) * (GRADE_COLOURS.length - 1));
  return GRADE_COLOURS[Math.min(at, GRADE_COLOURS.length - 1)]!;
}

/** Texts may be drawn smaller than their canvas (small maps): filter them smoothly, unlike the pixel art. */
export function smooth(text: Phaser.GameObjects.Text): Phaser.GameObjects.Text {
  text.texture.setFilter(Phaser.Textures.FilterMode.LINEAR);
  return text;
}

function textOn(background: string): string {
  const n = Number.parseInt(background.slice(1), 16);
  const luminance = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return luminance > 0.6 ? "#1b1f24" : "#ffffff";
}

export type AvatarLook = {
  name: string;
  nameVisible: boolean;
  /** In a crowd the grade tag sits under the avatar (where the name would be), not beside it. */
  crowded: boolean;
  grade: string;
  gradeColour: string;
  blacklisted: boolean;
  zoom: number;
};

type Point = { x: number; y: number };

export class AvatarSprite {
  readonly container: Phaser.GameObjects.Container;
  private readonly token: Phaser.GameObjects.Image;
  private readonly outline: Phaser.GameObjects.Image;
  private readonly badge: Phaser.GameObjects.Image;
  private readonly gradeTag: Phaser.GameObjects.Text;
  private readonly nameTag: Phaser.GameObjects.Text;
  private readonly ring: Phaser.GameObjects.Image | undefined;
  private look: AvatarLook | undefined;
  private motion: Phaser.Tweens.Tween | undefined;
  private target: Point;
  location: string;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly seat: string,
    readonly own: boolean,
    spot: Point,
    location: string,
  ) {
    this.location = location;
    this.target = spot;
    this.outline = scene.add.image(0, 0, "ring-dark").setDisplaySize(TOKEN + 6, TOKEN + 6).setVisible(false);
    this.token = scene.add.image(0, 0, "token-blank").setDisplaySize(TOKEN, TOKEN);
    this.badge = scene.add.image(-TOKEN / 2, -TOKEN / 2, "badge-blacklist").setDisplaySize(8, 8).setVisible(false);
    this.gradeTag = scene.add.text(TOKEN / 2 - 1, -TOKEN / 2 + 1, "", { fontFamily: FONT, fontSize: "10px", fontStyle: "bold", padding: { x: 2, y: 0 } }).setOrigin(0, 0.5);
    this.nameTag = scene.add
      .text(0, TOKEN / 2 + 1, "", { fontFamily: FONT, fontSize: `${NAME_PX}px`, color: "#1b1f24", backgroundColor: "rgba(251, 250, 247, 0.85)", padding: { x: 2, y: 0 } })
      .setOrigin(0.5, 0);
    smooth(this.gradeTag);
    smooth(this.nameTag);
    const parts: Phaser.GameObjects.GameObject[] = [];
    if (own) {
      this.ring = scene.add.image(0, 0, "ring-own").setDisplaySize(TOKEN + 9, TOKEN + 9);
      parts.push(this.ring);
    }
    parts.push(this.outline, this.token, this.badge, this.gradeTag, this.nameTag);
    this.container = scene.add.container(spot.x, spot.y, parts);
    this.updateDepth();
  }

  setTexture(key: string): void {
    this.token.setTexture(key).setDisplaySize(TOKEN, TOKEN);
  }

  /** Applies the look; says what changed (the grade, for the flash). */
  show(look: AvatarLook): { grade: boolean } {
    const before = this.look;
    this.look = look;
    if (before?.name !== look.name) this.nameTag.setText(look.name);
    if (before?.nameVisible !== look.nameVisible) this.nameTag.setVisible(look.nameVisible);
    if (before?.grade !== look.grade || before?.gradeColour !== look.gradeColour) {
      this.gradeTag.setText(look.grade).setVisible(look.grade !== "");
      this.gradeTag.setBackgroundColor(look.gradeColour).setColor(textOn(look.gradeColour));
    }
    if (before?.crowded !== look.crowded) {
      if (look.crowded) this.gradeTag.setPosition(0, TOKEN / 2).setOrigin(0.5, 0);
      else this.gradeTag.setPosition(TOKEN / 2 - 1, -TOKEN / 2 + 1).setOrigin(0, 0.5);
      this.placeName(look.zoom);
    }
    if (before?.blacklisted !== look.blacklisted) {
      this.outline.setVisible(look.blacklisted);
      this.badge.setVisible(look.blacklisted);
    }
    if (before?.zoom !== look.zoom) this.setZoom(look.zoom);
    return { grade: before !== undefined && before.grade !== look.grade };
  }

  /** Texts keep a constant size on screen: they are scaled against the camera's zoom. */
  setZoom(zoom: number): void {
    if (this.look) this.look.zoom = zoom;
    this.gradeTag.setScale(1 / zoom);
    this.nameTag.setScale(1 / zoom);
    this.placeName(zoom);
  }

  /** The name sits under the avatar, or under its grade tag when that is there too (a crowd). */
  private placeName(zoom: number): void {
    const underTag = this.look?.crowded && this.gradeTag.visible;
    this.nameTag.setY(TOKEN / 2 + 1 + (underTag ? 12 / zoom : 0));
  }

  /** The name's font size on screen at this camera zoom (CSS px), and whether it is shown. */
  nameOnScreen(cameraZoom: number): { namePx: number; nameVisible: boolean } {
    return { namePx: NAME_PX * this.nameTag.scaleY * cameraZoom, nameVisible: this.nameTag.visible && this.nameTag.text !== "" };
  }

  refreshTexts(): void {
    this.gradeTag.updateText();
    this.nameTag.updateText();
  }

  /** Walks along the route's points to a new place (or jumps there with reduced motion). */
  walkTo(route: Point[], location: string, jump: boolean): void {
    this.location = location;
    this.target = route[route.length - 1] ?? this.target;
    this.motion?.stop();
    this.motion = undefined;
    if (jump || route.length === 0) return this.place(this.target);
    const points = [{ x: this.container.x, y: this.container.y }, ...route];
    const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
    const total = lengths.reduce((a, b) => a + b, 0);
    if (total < 1) return this.place(this.target);
    const duration = Math.round(300 + Math.min(300, total * 0.8));
    this.motion = this.scene.tweens.addCounter({
      from: 0,
      to: total,
      duration,
      ease: "Sine.easeInOut",
      onUpdate: (tween) => {
        let left = tween.getValue() ?? 0;
        for (let i = 0; i < lengths.length; i++) {
          const length = lengths[i]!;
          if (left <= length || i === lengths.length - 1) {
            const f = length > 0 ? Math.min(1, left / length) : 1;
            const a = points[i]!;
            const b = points[i + 1]!;
            this.container.setPosition(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
            break;
          }
          left -= length;
        }
        this.updateDepth();
      },
      onComplete: () => {
        this.motion = undefined;
        this.settle(this.target, false);
      },
    });
  }

  /** Moves to its spot at the same place (others came or went): a short step, or a jump. */
  settle(spot: Point, jump: boolean): void {
    this.target = spot;
    if (this.motion) return; // the walk ends at the newest target
    if (this.container.x === spot.x && this.container.y === spot.y) return;
    if (jump) return this.place(spot);
    this.motion = this.scene.tweens.add({
      targets: this.container,
      x: spot.x,
      y: spot.y,
      duration: 200,
      ease: "Sine.easeOut",
      onUpdate: () => this.updateDepth(),
      onComplete: () => {
        this.motion = undefined;
        if (this.container.x !== this.target.x || this.container.y !== this.target.y) this.settle(this.target, false);
      },
    });
  }

  /** A published deed's points float up over the avatar. */
  floatPoints(points: number, zoom: number): void {
    const text = points > 0 ? `+${points}` : `\u2212${Math.abs(points)}`;
    const float = this.scene.add
      .text(this.container.x, this.container.y - TOKEN / 2 - 2, text, {
        fontFamily: FONT,
        fontSize: "14px",
        fontStyle: "bold",
        color: points > 0 ? "#0f5132" : "#8a1116",
        backgroundColor: points > 0 ? "#d1f2dc" : "#fbdcdc",
        padding: { x: 3, y: 1 },
      })
      .setOrigin(0.5, 1)
      .setScale(1 / zoom)
      .setDepth(2000);
    smooth(float);
    this.scene.tweens.add({ targets: float, y: float.y - 22, alpha: 0, delay: 500, duration: 1200, ease: "Sine.easeIn", onComplete: () => float.destroy() });
  }

  /** A ring in the new grade's colour widens and fades, with the grade's name. */
  flashGrade(): void {
    if (!this.look) return;
    const colour = Phaser.Display.Color.HexStringToColor(this.look.gradeColour).color;
    const ring = this.scene.add.image(this.container.x, this.container.y, "ring-flash").setDisplaySize(TOKEN + 4, TOKEN + 4).setTint(colour).setDepth(1900);
    this.scene.tweens.add({ targets: ring, scale: ring.scale * 2.4, alpha: 0, duration: 900, ease: "Cubic.easeOut", onComplete: () => ring.destroy() });
  }

  destroy(): void {
    this.motion?.stop();
    this.container.destroy();
  }

  private place(p: Point): void {
    this.container.setPosition(p.x, p.y);
    this.updateDepth();
  }

  /** Lower on the map is in front; one's own avatar is always on top. */
  private updateDepth(): void {
    this.container.setDepth(this.own ? 900 : 100 + this.container.y / 10);
  }
}
