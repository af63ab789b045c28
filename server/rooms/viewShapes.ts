/**
 * The values of a view's list elements and record entries as written (shared/protocol/viewWire.ts):
 * a plain object as its shape — its keys, numbered once per process — and its values; anything
 * else as JSON. Computed once per object (views share the objects an event left alone), so the
 * text is the same whichever view holds it; each view is sent a shape's keys the first time it
 * uses it (stateSync.ts).
 */
import { isRecord, type ShapedValues } from "../../shared/protocol/viewWire.ts";

/** The shapes seen, found key by key (no text is built to find one), and each one's keys as JSON by number. */
type ShapeNode = { next: Map<string, ShapeNode>; shape?: number };
const shapeTree: ShapeNode = { next: new Map() };
const shapeKeys: string[] = [];
/**
 * Views' objects have fixed fields (a few dozen shapes in a game); should one ever be keyed by
 * ids, every new key set would be a new shape: past this many, new ones travel as plain JSON.
 */
const MAX_SHAPES = 1000;

/** Shape n's keys as JSON (what a view is sent under `~<n>`). */
export function shapeKeysJson(shape: number): string {
  const json = shapeKeys[shape];
  if (json === undefined) throw new Error(`no shape ${shape}`);
  return json;
}

const itemValues = new WeakMap<object, string | ShapedValues>();

/** A list element's or a record entry's value as written: JSON, or a plain object's shape and values. */
export function itemValue(value: unknown): string | ShapedValues {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  let written = itemValues.get(value);
  if (written === undefined) itemValues.set(value, (written = isRecord(value) ? shaped(value) : JSON.stringify(value)));
  return written;
}

function shaped(object: Record<string, unknown>): string | ShapedValues {
  const keys: string[] = [];
  const values: unknown[] = [];
  let node = shapeTree;
  for (const key of Object.keys(object)) {
    const value = object[key];
    // as JSON would: a field that is undefined is left out
    if (value === undefined) continue;
    keys.push(key);
    values.push(value);
    let next = node.next.get(key);
    if (!next) {
      if (shapeKeys.length >= MAX_SHAPES) return JSON.stringify(object);
      node.next.set(key, (next = { next: new Map() }));
    }
    node = next;
  }
  if (keys.length === 0) return "{}";
  if (node.shape === undefined) {
    if (shapeKeys.length >= MAX_SHAPES) return JSON.stringify(object);
    node.shape = shapeKeys.push(JSON.stringify(keys)) - 1;
  }
  return { shape: node.shape, values: JSON.stringify(values).slice(1, -1) };
}
