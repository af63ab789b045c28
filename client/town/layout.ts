/**
 * The town's geometry, worked out once per rulebook from the scenario's locations: how big the
 * map is, where each building stands, the central plaza, a street network that links every door
 * to the plaza, decor (a pond, trees, flowers) on the grass that is left, and the walk between
 * two places along the streets. Pure data (no Phaser, no DOM), so it is cheap to reason about and
 * the scene only draws it.
 */
import { createRng } from "../../shared/rules/rng.ts";

/** Size of one map tile in world pixels. */
export const TILE = 16;

export type Tile = { x: number; y: number };
export type Rect = { x: number; y: number; w: number; h: number };

export type BuildingKind =
  | "home"
  | "market"
  | "mall"
  | "park"
  | "clinic"
  | "community_centre"
  | "internet_cafe"
  | "sports_ground"
  | "bank"
  | "school"
  | "station"
  | "town_hall"
  | "court"
  | "factory"
  | "restaurant"
  | "generic";

export type Place = {
  id: string;
  kind: BuildingKind;
  zone: string;
  /** The building's footprint in tiles. */
  rect: Rect;
  /** The tile in front of the door, on the street. */
  door: Tile;
};

export type TownLayout = {
  cols: number;
  rows: number;
  places: Place[];
  plaza: Rect;
  /** 1 where a street runs, by tile (index y * cols + x). */
  road: Uint8Array;
  /** 1 where the pond is. */
  water: Uint8Array;
  trees: Tile[];
  flowers: Tile[];
};

export type LocationLike = { id: string; x: number; y: number; zone?: string };

/** Building kinds recognised from the location id (plural and suffixed ids included). */
const KIND_WORDS: [RegExp, BuildingKind][] = [
  [/home|house|flat|apartment|residen|block|estate/, "home"],
  [/internet|cafe|café|arcade/, "internet_cafe"],
  [/factory|plant|works|warehouse|workshop/, "factory"],
  [/market|shop|store/, "market"],
  [/mall|plaza_shop|department/, "mall"],
  [/park|garden/, "park"],
  [/clinic|hospital|health|doctor/, "clinic"],
  [/community|centre|center|club/, "community_centre"],
  [/sport|stadium|gym|ground|field/, "sports_ground"],
  [/bank|loan|credit/, "bank"],
  [/school|college|university|kindergarten/, "school"],
  [/station|rail|train|bus|airport/, "station"],
  [/town_hall|government|office|city_hall|committee|police/, "town_hall"],
  [/court|tribunal|justice/, "court"],
  [/restaurant|canteen|food|tea|bar/, "restaurant"],
];

export function kindOf(id: string): BuildingKind {
  const name = id.toLowerCase();
  // exact kinds first, so "sports_ground" is not read as a park by a looser pattern
  for (const [, kind] of KIND_WORDS) if (name === kind || name === `${kind}s`) return kind;
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(name)) return kind;
  return "generic";
}

/** Shift applied to scenario coordinates so roofs and labels of the top row stay on the map. */
const OFFSET = { x: 2, y: 3 };
const MIN_COLS = 32;
const MIN_ROWS = 28;

export function layoutTown(locations: LocationLike[]): TownLayout {
  const cols = Math.max(MIN_COLS, ...locations.map((l) => Math.round(l.x) + OFFSET.x + 5));
  const rows = Math.max(MIN_ROWS, ...locations.map((l) => Math.round(l.y) + OFFSET.y + 6));
  const places: Place[] = locations.map((l) => {
    const x = Math.round(l.x) + OFFSET.x;
    const y = Math.round(l.y) + OFFSET.y;
    return { id: l.id, kind: kindOf(l.id), zone: l.zone ?? "", rect: { x: x - 1, y: y - 2, w: 3, h: 3 }, door: { x, y: y + 1 } };
  });

  const grid = new Grid(cols, rows);
  for (const p of places) grid.mark(p.rect, BUILDING);
  // room in front of each door for the people standing there, and above it for the name
  for (const p of places) {
    grid.mark({ x: p.door.x - 3, y: p.door.y, w: 7, h: 3 }, CROWD);
    grid.mark({ x: p.door.x - 2, y: p.door.y, w: 5, h: 2 }, DOORWAY);
    grid.mark({ x: p.rect.x - 1, y: p.rect.y - 1, w: p.rect.w + 2, h: 1 }, CROWD);
  }

  const plaza = choosePlaza(grid, places);
  grid.mark(plaza, PLAZA);

  const road = new Uint8Array(cols * rows);
  const plazaDoor = { x: plaza.x + Math.floor(plaza.w / 2), y: plaza.y + plaza.h };
  // nearest places first, so later streets join the ones already laid
  const byDistance = [...places].sort((a, b) => manhattan(a.door, plazaDoor) - manhattan(b.door, plazaDoor));
  for (const p of byDistance) for (const t of routeStreet(grid, road, p.door, plaza)) road[t.y * cols + t.x] = 1;
  // the ring road around the plaza
  for (let x = plaza.x - 1; x <= plaza.x + plaza.w; x++) {
    for (const y of [plaza.y - 1, plaza.y + plaza.h]) if (grid.inside(x, y) && grid.free(x, y, true)) road[y * cols + x] = 1;
  }
  for (let y = plaza.y - 1; y <= plaza.y + plaza.h; y++) {
    for (const x of [plaza.x - 1, plaza.x + plaza.w]) if (grid.inside(x, y) && grid.free(x, y, true)) road[y * cols + x] = 1;
  }
  for (let i = 0; i < road.length; i++) if (road[i]) grid.cells[i]! |= ROAD;

  const water = new Uint8Array(cols * rows);
  const pond = choosePond(grid);
  if (pond) {
    for (let y = pond.y; y < pond.y + pond.h; y++) {
      for (let x = pond.x; x < pond.x + pond.w; x++) {
        // round the corners
        const corner = (x === pond.x || x === pond.x + pond.w - 1) && (y === pond.y || y === pond.y + pond.h - 1);
        if (!corner) {
          water[y * cols + x] = 1;
          grid.cells[y * cols + x]! |= WATER;
        }
      }
    }
  }

  const random = seeded(hashOf(locations.map((l) => `${l.id}${l.x},${l.y}`).join("|")));
  const trees: Tile[] = [];
  const flowers: Tile[] = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (!grid.free(x, y, false)) continue;
      const edge = x === 0 || y === 0 || x === cols - 1 || y === rows - 1;
      const roll = random();
      if (roll < (edge ? 0.55 : 0.1) && !nextToRoad(road, cols, rows, x, y)) trees.push({ x, y });
      else if (roll > 0.93) flowers.push({ x, y });
    }
  }
  return { cols, rows, places, plaza, road, water, trees, flowers };
}

/* ---------- walking ---------- */

/** Centre of a tile in world pixels. */
export function tileCentre(t: Tile): { x: number; y: number } {
  return { x: t.x * TILE + TILE / 2, y: t.y * TILE + TILE / 2 };
}

/**
 * The walk between two places along the streets, as the tiles where it turns (doors included),
 * or a straight line when the streets do not connect them.
 */
export function walk(layout: TownLayout, from: Place, to: Place): Tile[] {
  if (from === to) return [from.door];
  const { cols, rows, road } = layout;
  const start = from.door.y * cols + from.door.x;
  const goal = to.door.y * cols + to.door.x;
  const previous = new Int32Array(cols * rows).fill(-1);
  previous[start] = start;
  const queue = [start];
  for (let head = 0; head < queue.length && previous[goal] === -1; head++) {
    const at = queue[head]!;
    const x = at % cols;
    const y = (at - x) / cols;
    for (const [dx, dy] of STEPS) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
      const next = ny * cols + nx;
      if (previous[next] !== -1 || (!road[next] && next !== goal)) continue;
      previous[next] = at;
      queue.push(next);
    }
  }
  if (previous[goal] === -1) return [from.door, to.door];
  const tiles: Tile[] = [];
  for (let at = goal; ; at = previous[at]!) {
    tiles.push({ x: at % cols, y: Math.floor(at / cols) });
    if (at === start) break;
  }
  tiles.reverse();
  return corners(tiles);
}

/** How the people at one place stand: `perRow` to a row, this far apart (world pixels). */
export type Spacing = { x: number; y: number; perRow: number };

/** A tight crowd for busy places (names hidden), sized so 40 people fit in front of a door. */
export function crowdSpacing(count: number): Spacing {
  const perRow = count <= 5 ? Math.max(count, 1) : Math.ceil(Math.sqrt(count * 2.2));
  const gap = count > 15 ? 11 : count > 8 ? 13 : 15;
  return { x: gap, y: gap, perRow };
}

/** Where the i-th of n people at a place stands (world pixels): rows in front of the door. */
export function standingSpot(place: Place, index: number, count: number, spacing: Spacing = crowdSpacing(count)): { x: number; y: number } {
  const perRow = Math.max(1, Math.min(spacing.perRow, count));
  const row = Math.floor(index / perRow);
  const inRow = row === Math.floor((count - 1) / perRow) ? count - row * perRow : perRow;
  const col = index % perRow;
  const centre = tileCentre(place.door);
  return { x: Math.round(centre.x + (col - (inRow - 1) / 2) * spacing.x), y: Math.round(centre.y - 2 + row * spacing.y) };
}

/* ---------- internals ---------- */

const BUILDING = 1;
const PLAZA = 2;
const ROAD = 4;
const WATER = 8;
/** Kept clear of decor but streets may cross it. */
const CROWD = 16;
/** Right in front of a door: where the first people stand; the plaza keeps off it. */
const DOORWAY = 32;
const STEPS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

class Grid {
  readonly cells: Uint8Array;
  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.cells = new Uint8Array(cols * rows);
  }
  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.cols && y < this.rows;
  }
  mark(r: Rect, flag: number): void {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) if (this.inside(x, y)) this.cells[y * this.cols + x]! |= flag;
  }
  /** No building or plaza (and, unless streets are allowed, nothing else) on this tile. */
  free(x: number, y: number, streetsAllowed: boolean): boolean {
    const cell = this.cells[y * this.cols + x]!;
    return streetsAllowed ? (cell & (BUILDING | PLAZA | WATER)) === 0 : cell === 0;
  }
  count(r: Rect, flag: number): number {
    let n = 0;
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) if (this.inside(x, y) && (this.cells[y * this.cols + x]! & flag) !== 0) n++;
    return n;
  }
  rectFree(r: Rect, blocked: number): boolean {
    for (let y = r.y; y < r.y + r.h; y++) {
      for (let x = r.x; x < r.x + r.w; x++) if (!this.inside(x, y) || (this.cells[y * this.cols + x]! & blocked) !== 0) return false;
    }
    return true;
  }
}

/** A 4×4 plaza as near the middle of the places as there is room (with a street's width around it). */
function choosePlaza(grid: Grid, places: Place[]): Rect {
  const size = 4;
  const cx = places.length ? Math.round(places.reduce((s, p) => s + p.door.x, 0) / places.length) : grid.cols / 2;
  const cy = places.length ? Math.round(places.reduce((s, p) => s + p.door.y, 0) / places.length) : grid.rows / 2;
  let best: Rect | undefined;
  let bestDistance = Infinity;
  for (let y = 1; y + size + 1 < grid.rows; y++) {
    for (let x = 1; x + size + 1 < grid.cols; x++) {
      const ring = { x: x - 1, y: y - 1, w: size + 2, h: size + 2 };
      if (!grid.rectFree(ring, BUILDING | DOORWAY)) continue;
      // near the middle, and preferably not where people stand in front of a door
      const d = Math.abs(x + size / 2 - cx) + Math.abs(y + size / 2 - cy) + 0.4 * grid.count(ring, CROWD);
      if (d < bestDistance) {
        bestDistance = d;
        best = { x, y, w: size, h: size };
      }
    }
  }
  return best ?? { x: Math.floor(grid.cols / 2) - 2, y: Math.floor(grid.rows / 2) - 2, w: size, h: size };
}

/** A 6×4 pond on free grass, preferring the map's edges (away from the streets' busiest part). */
function choosePond(grid: Grid): Rect | undefined {
  const w = 6;
  const h = 4;
  let best: Rect | undefined;
  let bestScore = -Infinity;
  for (let y = 1; y + h + 1 <= grid.rows; y++) {
    for (let x = 1; x + w + 1 <= grid.cols; x++) {
      if (!grid.rectFree({ x: x - 1, y: y - 1, w: w + 2, h: h + 2 }, 0xff)) continue;
      const score = Math.abs(x + w / 2 - grid.cols / 2) + Math.abs(y + h / 2 - grid.rows / 2);
      if (score > bestScore) {
        bestScore = score;
        best = { x, y, w, h };
      }
    }
  }
  return best;
}

/**
 * A street from a door to the plaza: the cheapest path where existing streets cost little (so
 * streets merge into a network), turns cost extra (so streets run straight) and buildings,
 * the plaza and water cannot be crossed.
 */
function routeStreet(grid: Grid, road: Uint8Array, door: Tile, plaza: Rect): Tile[] {
  const { cols, rows } = grid;
  const n = cols * rows;
  // state = tile * 2 + direction (0 horizontal, 1 vertical), so turns can be priced
  const cost = new Float64Array(n * 2).fill(Infinity);
  const previous = new Int32Array(n * 2).fill(-1);
  const open: [number, number][] = [];
  const startTile = door.y * cols + door.x;
  cost[startTile * 2] = 0;
  cost[startTile * 2 + 1] = 0;
  open.push([0, startTile * 2], [0, startTile * 2 + 1]);
  const isGoal = (x: number, y: number) =>
    (y === plaza.y - 1 || y === plaza.y + plaza.h) ? x >= plaza.x - 1 && x <= plaza.x + plaza.w : (x === plaza.x - 1 || x === plaza.x + plaza.w) && y >= plaza.y && y < plaza.y + plaza.h;
  let reached = -1;
  while (open.length) {
    // a small binary heap would be faster; maps are ~1,000 tiles, so a sorted pop is plenty
    let bestIndex = 0;
    for (let i = 1; i < open.length; i++) if (open[i]![0] < open[bestIndex]![0]) bestIndex = i;
    const [c, state] = open.splice(bestIndex, 1)[0]!;
    if (c > cost[state]!) continue;
    const tile = state >> 1;
    const x = tile % cols;
    const y = (tile - x) / cols;
    if (isGoal(x, y) || (road[tile] && tile !== startTile)) {
      reached = state;
      break;
    }
    for (const [dx, dy] of STEPS) {
      const nx = x + dx;
      const ny = y + dy;
      if (!grid.inside(nx, ny) || !grid.free(nx, ny, true)) continue;
      const dir = dx === 0 ? 1 : 0;
      const next = (ny * cols + nx) * 2 + dir;
      const step = (road[ny * cols + nx] ? 0.3 : 1) + ((state & 1) !== dir && tile !== startTile ? 2.5 : 0);
      if (c + step < cost[next]!) {
        cost[next] = c + step;
        previous[next] = state;
        open.push([c + step, next]);
      }
    }
  }
  const tiles: Tile[] = [];
  for (let state = reached; state !== -1; state = previous[state]!) {
    const tile = state >> 1;
    tiles.push({ x: tile % cols, y: Math.floor(tile / cols) });
  }
  return tiles.length ? tiles : [door];
}

function corners(tiles: Tile[]): Tile[] {
  if (tiles.length <= 2) return tiles;
  const out = [tiles[0]!];
  for (let i = 1; i < tiles.length - 1; i++) {
    const a = tiles[i - 1]!;
    const b = tiles[i]!;
    const c = tiles[i + 1]!;
    if (b.x - a.x !== c.x - b.x || b.y - a.y !== c.y - b.y) out.push(b);
  }
  out.push(tiles[tiles.length - 1]!);
  return out;
}

function nextToRoad(road: Uint8Array, cols: number, rows: number, x: number, y: number): boolean {
  for (const [dx, dy] of STEPS) {
    const nx = x + dx;
    const ny = y + dy;
    if (nx >= 0 && ny >= 0 && nx < cols && ny < rows && road[ny * cols + nx]) return true;
  }
  return false;
}

function manhattan(a: Tile, b: Tile): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The rules' seeded source (mulberry32): the same town every time for the same scenario. */
export function seeded(seed: number): () => number {
  const rng = createRng(seed);
  return () => rng.next();
}
