/**
 * The town's art, drawn in code at load time (nothing is downloaded): the ground, streets, pond,
 * trees, the plaza with the public screen and one small building per kind of place, all in one
 * friendly pixel-art palette on a 2D canvas that becomes a single Phaser texture. Also the small
 * sprites: avatar tokens, the own-avatar ring, the blacklist badge and the camera icon.
 */
import { TILE, type BuildingKind, type Place, type TownLayout, seeded } from "./layout.ts";

/** Every text on the map: the bundled fonts (Chinese loads on demand). */
export const FONT = '"Atkinson Hyperlegible", "Noto Sans SC", sans-serif';

export const PALETTE = {
  grass: "#8cc56a",
  grassDark: "#7fb85e",
  grassLight: "#9bd178",
  road: "#a39d92",
  roadEdge: "#bdb7aa",
  roadLine: "#ece6d6",
  kerb: "#7f796f",
  water: "#5aa9d6",
  waterLight: "#9ad7f2",
  waterEdge: "#3f86b5",
  trunk: "#7a5230",
  leaf: "#3f8f4a",
  leafLight: "#5fb05f",
  leafDark: "#2e6c3a",
  plaza: "#e3d5b8",
  plazaDark: "#d2c2a0",
  ink: "#1b1f24",
  shadow: "rgba(30, 40, 30, 0.28)",
  window: "#cfeaf7",
  windowDark: "#6d93a8",
  white: "#fbfaf7",
} as const;

type Ctx = CanvasRenderingContext2D;

function px(ctx: Ctx, color: string, x: number, y: number, w = 1, h = 1): void {
  ctx.fillStyle = color;
  ctx.fillRect(x, y, w, h);
}

/** The whole static map: one canvas of cols × rows tiles. */
export function drawMap(layout: TownLayout): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = layout.cols * TILE;
  canvas.height = layout.rows * TILE;
  const ctx = canvas.getContext("2d")!;
  const random = seeded(layout.cols * 1000 + layout.rows);
  drawGround(ctx, layout, random);
  drawRoads(ctx, layout);
  drawWater(ctx, layout);
  drawPlaza(ctx, layout);
  for (const f of layout.flowers) drawFlowers(ctx, f.x * TILE, f.y * TILE, random);
  for (const p of layout.places) drawBuilding(ctx, p);
  // trees last, front to back, so a canopy may overlap the tile above it
  for (const t of [...layout.trees].sort((a, b) => a.y - b.y)) drawTree(ctx, t.x * TILE, t.y * TILE, random);
  return canvas;
}

function drawGround(ctx: Ctx, layout: TownLayout, random: () => number): void {
  px(ctx, PALETTE.grass, 0, 0, layout.cols * TILE, layout.rows * TILE);
  for (let y = 0; y < layout.rows; y++) {
    for (let x = 0; x < layout.cols; x++) {
      if ((x + y) % 2 === 0) px(ctx, PALETTE.grassDark, x * TILE, y * TILE, TILE, TILE);
      // a few blades of grass
      for (let i = 0; i < 3; i++) {
        const bx = x * TILE + Math.floor(random() * 14) + 1;
        const by = y * TILE + Math.floor(random() * 14) + 1;
        px(ctx, PALETTE.grassLight, bx, by, 1, 2);
      }
    }
  }
}

function drawRoads(ctx: Ctx, layout: TownLayout): void {
  const { cols, rows, road } = layout;
  const at = (x: number, y: number) => x >= 0 && y >= 0 && x < cols && y < rows && road[y * cols + x] === 1;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (!at(x, y)) continue;
      const ox = x * TILE;
      const oy = y * TILE;
      px(ctx, PALETTE.road, ox, oy, TILE, TILE);
      // kerbs where the street meets grass
      if (!at(x, y - 1)) {
        px(ctx, PALETTE.kerb, ox, oy, TILE, 1);
        px(ctx, PALETTE.roadEdge, ox, oy + 1, TILE, 1);
      }
      if (!at(x, y + 1)) {
        px(ctx, PALETTE.kerb, ox, oy + TILE - 1, TILE, 1);
        px(ctx, PALETTE.roadEdge, ox, oy + TILE - 2, TILE, 1);
      }
      if (!at(x - 1, y)) {
        px(ctx, PALETTE.kerb, ox, oy, 1, TILE);
        px(ctx, PALETTE.roadEdge, ox + 1, oy, 1, TILE);
      }
      if (!at(x + 1, y)) {
        px(ctx, PALETTE.kerb, ox + TILE - 1, oy, 1, TILE);
        px(ctx, PALETTE.roadEdge, ox + TILE - 2, oy, 1, TILE);
      }
      const horizontal = at(x - 1, y) && at(x + 1, y) && !at(x, y - 1) && !at(x, y + 1);
      const vertical = at(x, y - 1) && at(x, y + 1) && !at(x - 1, y) && !at(x + 1, y);
      if (horizontal) px(ctx, PALETTE.roadLine, ox + 4, oy + 7, 8, 2);
      if (vertical) px(ctx, PALETTE.roadLine, ox + 7, oy + 4, 2, 8);
    }
  }
}

function drawWater(ctx: Ctx, layout: TownLayout): void {
  const { cols, rows, water } = layout;
  const at = (x: number, y: number) => x >= 0 && y >= 0 && x < cols && y < rows && water[y * cols + x] === 1;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (!at(x, y)) continue;
      const ox = x * TILE;
      const oy = y * TILE;
      px(ctx, PALETTE.water, ox, oy, TILE, TILE);
      if (!at(x, y - 1)) px(ctx, PALETTE.waterEdge, ox, oy, TILE, 2);
      if (!at(x, y + 1)) px(ctx, PALETTE.waterEdge, ox, oy + TILE - 2, TILE, 2);
      if (!at(x - 1, y)) px(ctx, PALETTE.waterEdge, ox, oy, 2, TILE);
      if (!at(x + 1, y)) px(ctx, PALETTE.waterEdge, ox + TILE - 2, oy, 2, TILE);
      if ((x + y) % 2 === 0) {
        px(ctx, PALETTE.waterLight, ox + 4, oy + 6, 5, 1);
        px(ctx, PALETTE.waterLight, ox + 8, oy + 10, 4, 1);
      }
    }
  }
}

function drawPlaza(ctx: Ctx, layout: TownLayout): void {
  const { x, y, w, h } = layout.plaza;
  for (let ty = y; ty < y + h; ty++) {
    for (let tx = x; tx < x + w; tx++) {
      px(ctx, PALETTE.plaza, tx * TILE, ty * TILE, TILE, TILE);
      px(ctx, PALETTE.plazaDark, tx * TILE, ty * TILE, TILE, 1);
      px(ctx, PALETTE.plazaDark, tx * TILE, ty * TILE, 1, TILE);
      px(ctx, PALETTE.plazaDark, tx * TILE + 8, ty * TILE + 8, 1, 8);
    }
  }
  // the public screen: a wide board on two posts, the day's names glowing on it
  const sx = x * TILE + 8;
  const sy = y * TILE + 6;
  const sw = w * TILE - 16;
  px(ctx, PALETTE.shadow, sx + 3, sy + 4, sw, 26);
  px(ctx, "#4a4f57", sx + 6, sy + 20, 3, 16);
  px(ctx, "#4a4f57", sx + sw - 9, sy + 20, 3, 16);
  px(ctx, "#2b313a", sx, sy, sw, 24);
  px(ctx, "#1d2a3a", sx + 2, sy + 2, sw - 4, 20);
  for (let row = 0; row < 4; row++) {
    const colors = ["#7fd1ff", "#ffd166", "#7fd1ff", "#ef8a8a"];
    px(ctx, colors[row]!, sx + 5, sy + 5 + row * 4, 3, 2);
    px(ctx, "#cfe8f7", sx + 10, sy + 5 + row * 4, sw - 18 - (row % 2) * 8, 2);
  }
  // benches and planters at the corners
  for (const [cx, cy] of [
    [x * TILE + 3, (y + h) * TILE - 12],
    [(x + w) * TILE - 13, (y + h) * TILE - 12],
  ] as const) {
    px(ctx, "#8a5a36", cx, cy, 10, 3);
    px(ctx, "#6b4428", cx + 1, cy + 3, 1, 3);
    px(ctx, "#6b4428", cx + 8, cy + 3, 1, 3);
  }
  px(ctx, PALETTE.leafDark, x * TILE + 2, y * TILE + 2, 5, 5);
  px(ctx, PALETTE.leafLight, x * TILE + 3, y * TILE + 2, 3, 2);
  px(ctx, PALETTE.leafDark, (x + w) * TILE - 7, y * TILE + 2, 5, 5);
  px(ctx, PALETTE.leafLight, (x + w) * TILE - 6, y * TILE + 2, 3, 2);
}

function drawTree(ctx: Ctx, ox: number, oy: number, random: () => number): void {
  const dx = Math.floor(random() * 3) - 1;
  px(ctx, PALETTE.shadow, ox + 4 + dx, oy + 12, 10, 3);
  px(ctx, PALETTE.trunk, ox + 7 + dx, oy + 9, 2, 5);
  px(ctx, PALETTE.leafDark, ox + 3 + dx, oy + 2, 10, 9);
  px(ctx, PALETTE.leafDark, ox + 5 + dx, oy, 6, 12);
  px(ctx, PALETTE.leaf, ox + 4 + dx, oy + 2, 8, 7);
  px(ctx, PALETTE.leafLight, ox + 5 + dx, oy + 2, 3, 3);
}

function drawFlowers(ctx: Ctx, ox: number, oy: number, random: () => number): void {
  const colors = ["#f4d35e", "#f49ac1", PALETTE.white, "#f08a5d"];
  for (let i = 0; i < 4; i++) {
    const x = ox + 2 + Math.floor(random() * 11);
    const y = oy + 2 + Math.floor(random() * 11);
    px(ctx, colors[Math.floor(random() * colors.length)]!, x, y, 2, 2);
    px(ctx, PALETTE.leafDark, x, y + 2, 1, 1);
  }
}

/* ---------- buildings (each 48 × 48 pixels: a 3 × 3 tile footprint) ---------- */

type Look = { wall: string; wallShade: string; roof: string; roofShade: string };

function drawBuilding(ctx: Ctx, place: Place): void {
  const ox = place.rect.x * TILE;
  const oy = place.rect.y * TILE;
  const draw = BUILDINGS[place.kind] ?? BUILDINGS.generic;
  draw(ctx, ox, oy);
}

/** A box building: shadow, wall, roof band, door at the bottom middle (the street is below). */
function box(ctx: Ctx, ox: number, oy: number, look: Look, top = 14, left = 3, width = 42): void {
  px(ctx, PALETTE.shadow, ox + left + 3, oy + top - 8 + 3, width, 48 - top + 8 - 3);
  px(ctx, look.wall, ox + left, oy + top, width, 46 - top);
  px(ctx, look.wallShade, ox + left, oy + 44, width, 2);
  px(ctx, look.wallShade, ox + left + width - 2, oy + top, 2, 46 - top);
  px(ctx, look.roof, ox + left - 1, oy + top - 8, width + 2, 9);
  px(ctx, look.roofShade, ox + left - 1, oy + top, width + 2, 2);
}

function door(ctx: Ctx, ox: number, oy: number, color = "#6b4428", width = 8): void {
  px(ctx, color, ox + 24 - width / 2, oy + 35, width, 11);
  px(ctx, "#00000033", ox + 24 - width / 2, oy + 35, width, 1);
  px(ctx, "#e8c170", ox + 24 + width / 2 - 3, oy + 41, 1, 1);
}

function windows(ctx: Ctx, ox: number, oy: number, rows: number[], cols: number[], w = 5, h = 5, lit: string = PALETTE.window): void {
  for (const y of rows) {
    for (const x of cols) {
      px(ctx, PALETTE.windowDark, ox + x - 1, oy + y - 1, w + 2, h + 2);
      px(ctx, lit, ox + x, oy + y, w, h);
      px(ctx, PALETTE.white, ox + x, oy + y, 2, 1);
    }
  }
}

/** A pitched roof: stepped rows narrowing to a ridge. */
function pitched(ctx: Ctx, ox: number, oy: number, top: number, color: string, shade: string, left = 1, width = 46): void {
  const steps = 6;
  for (let i = 0; i < steps; i++) {
    px(ctx, i % 2 ? shade : color, ox + left + i * 2, oy + top + i * 2 - steps * 2, width - i * 4, 2);
  }
}

const BUILDINGS: Record<BuildingKind, (ctx: Ctx, ox: number, oy: number) => void> = {
  home(ctx, ox, oy) {
    // a residential block: two storeys, a grid of windows, balconies
    box(ctx, ox, oy, { wall: "#f2e3c6", wallShade: "#d9c6a3", roof: "#c8553d", roofShade: "#9e3f2d" }, 8);
    windows(ctx, ox, oy, [12, 23], [7, 15, 29, 37]);
    for (const x of [6, 28]) px(ctx, "#9e8a6a", ox + x, oy + 19, 14, 1);
    windows(ctx, ox, oy, [34], [8, 35]);
    door(ctx, ox, oy, "#5b7fa6");
  },
  market(ctx, ox, oy) {
    // open stalls under striped awnings, crates of produce
    px(ctx, PALETTE.shadow, ox + 5, oy + 18, 42, 28);
    px(ctx, "#e9d7b0", ox + 3, oy + 16, 42, 30);
    for (let i = 0; i < 7; i++) px(ctx, i % 2 ? PALETTE.white : "#d64545", ox + 2 + i * 6, oy + 8, 6, 10);
    px(ctx, "#a83232", ox + 2, oy + 18, 44, 2);
    for (const [x, c] of [
      [6, "#f08a24"],
      [16, "#7ac74f"],
      [32, "#e84a5f"],
      [38, "#f4d35e"],
    ] as const) {
      px(ctx, "#8a5a36", ox + x, oy + 26, 7, 6);
      px(ctx, c, ox + x + 1, oy + 24, 5, 3);
    }
    px(ctx, "#8a5a36", ox + 5, oy + 20, 1, 26);
    px(ctx, "#8a5a36", ox + 42, oy + 20, 1, 26);
    px(ctx, "#c9b48a", ox + 20, oy + 36, 8, 10);
  },
  mall(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#e8e8f0", wallShade: "#c4c4d4", roof: "#7a7f9a", roofShade: "#5c6078" }, 10, 1, 46);
    px(ctx, "#9fd3e6", ox + 4, oy + 20, 40, 14);
    for (let x = 4; x < 44; x += 8) px(ctx, "#6fa9bf", ox + x, oy + 20, 1, 14);
    px(ctx, PALETTE.white, ox + 6, oy + 21, 10, 1);
    px(ctx, "#e85d75", ox + 14, oy + 12, 20, 5);
    px(ctx, PALETTE.white, ox + 16, oy + 14, 16, 1);
    door(ctx, ox, oy, "#6fa9bf", 12);
  },
  park(ctx, ox, oy) {
    // a lawn with a fountain, trees and a bench
    px(ctx, "#a6d884", ox + 1, oy + 4, 46, 42);
    px(ctx, "#6aa84f", ox + 1, oy + 4, 46, 1);
    px(ctx, "#d8cba8", ox + 21, oy + 30, 6, 16);
    px(ctx, "#b9b3a6", ox + 16, oy + 17, 16, 12);
    px(ctx, PALETTE.water, ox + 18, oy + 19, 12, 8);
    px(ctx, PALETTE.waterLight, ox + 23, oy + 15, 2, 8);
    px(ctx, PALETTE.waterLight, ox + 20, oy + 21, 3, 1);
    for (const [x, y] of [
      [3, 6],
      [33, 6],
      [3, 28],
      [34, 28],
    ] as const) {
      px(ctx, PALETTE.shadow, ox + x + 1, oy + y + 10, 11, 3);
      px(ctx, PALETTE.trunk, ox + x + 5, oy + y + 8, 2, 5);
      px(ctx, PALETTE.leafDark, ox + x, oy + y, 12, 10);
      px(ctx, PALETTE.leaf, ox + x + 1, oy + y + 1, 9, 7);
      px(ctx, PALETTE.leafLight, ox + x + 2, oy + y + 1, 3, 3);
    }
    px(ctx, "#8a5a36", ox + 8, oy + 23, 8, 2);
  },
  clinic(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#fbfaf7", wallShade: "#d7dde2", roof: "#4aa37a", roofShade: "#2f7d59" }, 12);
    // a green cross sign
    px(ctx, "#2f9e6a", ox + 20, oy + 15, 8, 14);
    px(ctx, "#2f9e6a", ox + 17, oy + 18, 14, 8);
    px(ctx, PALETTE.white, ox + 23, oy + 17, 2, 10);
    px(ctx, PALETTE.white, ox + 19, oy + 21, 10, 2);
    windows(ctx, ox, oy, [18], [7, 36]);
    door(ctx, ox, oy, "#9fd3e6", 10);
  },
  community_centre(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#f6d5a8", wallShade: "#dcb27e", roof: "#5a9bd4", roofShade: "#3b78b0" }, 14);
    pitched(ctx, ox, oy, 14, "#5a9bd4", "#4a8bc4", 2, 44);
    windows(ctx, ox, oy, [20], [7, 15, 29, 37]);
    // bunting
    for (let i = 0; i < 8; i++) px(ctx, ["#f4d35e", "#e84a5f", "#7ac74f", "#5a9bd4"][i % 4]!, ox + 5 + i * 5, oy + 31, 3, 2);
    door(ctx, ox, oy, "#8a5a36", 10);
  },
  internet_cafe(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#3b3f58", wallShade: "#2a2d40", roof: "#23263a", roofShade: "#151726" }, 14);
    px(ctx, "#23263a", ox + 8, oy + 16, 32, 9);
    px(ctx, "#48e5c2", ox + 10, oy + 18, 28, 1);
    px(ctx, "#48e5c2", ox + 10, oy + 22, 28, 1);
    for (let i = 0; i < 6; i++) px(ctx, i % 2 ? "#ff6fb5" : "#48e5c2", ox + 12 + i * 4, oy + 19, 2, 3);
    windows(ctx, ox, oy, [29], [7, 35], 6, 6, "#7fd1ff");
    door(ctx, ox, oy, "#151726");
  },
  sports_ground(ctx, ox, oy) {
    px(ctx, PALETTE.shadow, ox + 3, oy + 6, 45, 42);
    px(ctx, "#c86b4a", ox + 1, oy + 4, 46, 42);
    px(ctx, "#5fae4a", ox + 6, oy + 9, 36, 32);
    px(ctx, PALETTE.white, ox + 6, oy + 24, 36, 1);
    px(ctx, PALETTE.white, ox + 20, oy + 20, 8, 1);
    px(ctx, PALETTE.white, ox + 20, oy + 28, 8, 1);
    px(ctx, PALETTE.white, ox + 20, oy + 20, 1, 9);
    px(ctx, PALETTE.white, ox + 27, oy + 20, 1, 9);
    for (let y = 6; y < 44; y += 3) {
      px(ctx, "#e0977a", ox + 3, oy + y, 1, 1);
      px(ctx, "#e0977a", ox + 44, oy + y, 1, 1);
    }
    px(ctx, PALETTE.white, ox + 22, oy + 10, 4, 2);
    px(ctx, PALETTE.white, ox + 22, oy + 38, 4, 2);
  },
  bank(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#e6e0d0", wallShade: "#c4bca6", roof: "#8a8f98", roofShade: "#6a6f78" }, 16);
    pitched(ctx, ox, oy, 16, "#8a8f98", "#7a7f88");
    for (const x of [6, 14, 30, 38]) {
      px(ctx, PALETTE.white, ox + x, oy + 19, 4, 24);
      px(ctx, "#c4bca6", ox + x + 3, oy + 19, 1, 24);
    }
    // a gold coin sign
    px(ctx, "#e0b43a", ox + 20, oy + 18, 8, 8);
    px(ctx, "#b8902a", ox + 23, oy + 19, 2, 6);
    px(ctx, "#c4bca6", ox + 2, oy + 43, 44, 3);
    door(ctx, ox, oy, "#5b4a3a", 8);
  },
  school(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#f5e6a8", wallShade: "#d8c47c", roof: "#b5483a", roofShade: "#8e3529" }, 14);
    pitched(ctx, ox, oy, 14, "#b5483a", "#a23f32", 2, 44);
    // a clock in the gable and a flag
    px(ctx, PALETTE.white, ox + 21, oy + 4, 6, 5);
    px(ctx, PALETTE.ink, ox + 24, oy + 5, 1, 3);
    windows(ctx, ox, oy, [19, 29], [7, 15, 30, 37]);
    px(ctx, "#5a5a5a", ox + 44, oy + 0, 1, 14);
    px(ctx, "#d64545", ox + 45, oy + 0, 3, 3);
    door(ctx, ox, oy, "#6b4428", 8);
  },
  station(ctx, ox, oy) {
    // a long platform roof, rails in front
    px(ctx, PALETTE.shadow, ox + 2, oy + 9, 46, 30);
    px(ctx, "#d8d2c4", ox + 0, oy + 8, 48, 30);
    px(ctx, "#4c6a8a", ox + 0, oy + 6, 48, 8);
    px(ctx, "#3a5470", ox + 0, oy + 13, 48, 2);
    windows(ctx, ox, oy, [19], [4, 12, 30, 38], 6, 6);
    px(ctx, "#e0b43a", ox + 18, oy + 17, 12, 6);
    px(ctx, PALETTE.ink, ox + 20, oy + 19, 8, 2);
    px(ctx, "#7a6a5a", ox + 0, oy + 39, 48, 7);
    for (let x = 1; x < 48; x += 4) px(ctx, "#5a4a3a", ox + x, oy + 39, 2, 7);
    px(ctx, "#b0b6bd", ox + 0, oy + 40, 48, 1);
    px(ctx, "#b0b6bd", ox + 0, oy + 44, 48, 1);
    px(ctx, "#3a5470", ox + 20, oy + 27, 8, 11);
  },
  town_hall(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#eee6d6", wallShade: "#cfc3aa", roof: "#b33a3a", roofShade: "#8a2a2a" }, 16, 1, 46);
    pitched(ctx, ox, oy, 16, "#b33a3a", "#a03232");
    for (const x of [5, 12, 32, 39]) {
      px(ctx, PALETTE.white, ox + x, oy + 19, 4, 22);
      px(ctx, "#cfc3aa", ox + x + 3, oy + 19, 1, 22);
    }
    px(ctx, "#5a5a5a", ox + 24, oy + 0, 1, 8);
    px(ctx, "#d64545", ox + 25, oy + 0, 5, 3);
    px(ctx, "#f4d35e", ox + 26, oy + 1, 1, 1);
    px(ctx, "#cfc3aa", ox + 14, oy + 42, 20, 2);
    px(ctx, "#bfb399", ox + 16, oy + 44, 16, 2);
    door(ctx, ox, oy, "#7a3a2a", 8);
  },
  court(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#d9d6cf", wallShade: "#b3ada0", roof: "#5e6470", roofShade: "#454a55" }, 16, 1, 46);
    pitched(ctx, ox, oy, 16, "#5e6470", "#535966");
    for (const x of [5, 12, 32, 39]) px(ctx, PALETTE.white, ox + x, oy + 19, 4, 22);
    // scales
    px(ctx, "#e0b43a", ox + 23, oy + 18, 2, 10);
    px(ctx, "#e0b43a", ox + 18, oy + 19, 12, 1);
    px(ctx, "#e0b43a", ox + 17, oy + 23, 5, 1);
    px(ctx, "#e0b43a", ox + 26, oy + 23, 5, 1);
    px(ctx, "#b3ada0", ox + 12, oy + 43, 24, 3);
    door(ctx, ox, oy, "#454a55", 8);
  },
  factory(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#b5835a", wallShade: "#936645", roof: "#8c8c8c", roofShade: "#6c6c6c" }, 16, 1, 40);
    // sawtooth roof
    for (let i = 0; i < 4; i++) {
      for (let s = 0; s < 6; s++) px(ctx, i % 2 ? "#7c7c7c" : "#9c9c9c", ox + 1 + i * 10 + s, oy + 8 + (6 - s), 10 - s, 1);
      px(ctx, "#cfeaf7", ox + 1 + i * 10, oy + 9, 2, 6);
    }
    // chimney with smoke
    px(ctx, "#8a4a3a", ox + 41, oy + 2, 5, 44);
    px(ctx, "#6a3a2a", ox + 41, oy + 2, 5, 2);
    px(ctx, "#d0d0d0", ox + 42, oy - 3, 4, 3);
    px(ctx, "#e4e4e4", ox + 44, oy - 6, 3, 3);
    windows(ctx, ox, oy, [22], [6, 14, 28], 5, 5);
    px(ctx, "#6c6c6c", ox + 16, oy + 32, 16, 14);
    for (let y = 34; y < 46; y += 3) px(ctx, "#5a5a5a", ox + 16, oy + y, 16, 1);
  },
  restaurant(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#f4c7a1", wallShade: "#d9a67c", roof: "#7a3a2a", roofShade: "#5a2a1a" }, 14);
    for (let i = 0; i < 7; i++) px(ctx, i % 2 ? "#f4d35e" : "#d64545", ox + 3 + i * 6, oy + 22, 6, 4);
    // a steaming bowl sign
    px(ctx, PALETTE.white, ox + 18, oy + 15, 12, 4);
    px(ctx, "#d64545", ox + 19, oy + 17, 10, 1);
    windows(ctx, ox, oy, [29], [7, 35], 6, 6, "#ffe3a3");
    door(ctx, ox, oy, "#6b4428", 8);
  },
  generic(ctx, ox, oy) {
    box(ctx, ox, oy, { wall: "#ece3d0", wallShade: "#cdbf9f", roof: "#6f8fb0", roofShade: "#506f90" }, 16);
    pitched(ctx, ox, oy, 16, "#6f8fb0", "#6383a4");
    windows(ctx, ox, oy, [22], [8, 34]);
    door(ctx, ox, oy);
  },
};

/* ---------- small sprites ---------- */

/** A round avatar token: the DiceBear shape avatar clipped to a circle with a white rim. */
export function tokenCanvas(image: CanvasImageSource | null, size = 32): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d")!;
  const r = size / 2;
  ctx.beginPath();
  ctx.arc(r, r, r - 1, 0, Math.PI * 2);
  ctx.fillStyle = PALETTE.white;
  ctx.fill();
  ctx.save();
  ctx.beginPath();
  ctx.arc(r, r, r - 3, 0, Math.PI * 2);
  ctx.clip();
  if (image) ctx.drawImage(image, 0, 0, size, size);
  else {
    ctx.fillStyle = "#b8c2cc";
    ctx.fillRect(0, 0, size, size);
  }
  ctx.restore();
  return canvas;
}

/** A circle outline (the own-avatar ring, the blacklist outline, the grade flash). */
export function ringCanvas(color: string, size = 40, width = 3): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d")!;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - width / 2 - 0.5, 0, Math.PI * 2);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
  return canvas;
}

/** The blacklist badge: a dark disc with a white bar (a "no entry" sign: shape, not only colour). */
export function blacklistBadge(size = 14): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d")!;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 0.5, 0, Math.PI * 2);
  ctx.fillStyle = "#1b1f24";
  ctx.fill();
  ctx.fillStyle = PALETTE.white;
  ctx.fillRect(3, size / 2 - 1.5, size - 6, 3);
  return canvas;
}

/** A small CCTV camera on a bracket (pixel art, 12 × 9). */
export function cameraIcon(): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = 12;
  canvas.height = 9;
  const ctx = canvas.getContext("2d")!;
  px(ctx, "#1b1f24", 0, 0, 12, 7);
  px(ctx, "#f2f2f2", 1, 1, 8, 5);
  px(ctx, "#1b1f24", 9, 2, 3, 3);
  px(ctx, "#d64545", 2, 2, 2, 2);
  px(ctx, "#1b1f24", 4, 7, 2, 2);
  return canvas;
}
