/**
 * The values of a view's list elements and record entries as written (shared/protocol/viewWire.ts):
 * a plain object as its shape — its keys, numbered once per process — and its values; anything
 * else as JSON. Computed once per object (views share the objects an event left alone), so the
 * text is the same whichever view holds it; each view is sent a shape's keys the first time it
 * uses it (stateSync.ts).
 */
import { isRecord, type ShapedValues } from "../../shared/protocol/viewWire.ts";

/** Each shape's number, by its keys as JSON; and each number's keys as JSON. */
const shapeNumbers = new Map<string, number>();
const shapeKeys: string[] = [];

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
  // as JSON would: a field that is undefined is left out
  const keys = Object.keys(object).filter((key) => object[key] !== undefined);
  if (keys.length === 0) return "{}";
  const keysJson = JSON.stringify(keys);
  let shape = shapeNumbers.get(keysJson);
  if (shape === undefined) {
    shape = shapeKeys.push(keysJson) - 1;
    shapeNumbers.set(keysJson, shape);
  }
  const values = JSON.stringify(keys.map((key) => object[key]));
  return { shape, values: values.slice(1, -1) };
}
