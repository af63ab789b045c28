/**
 * How a private view (a seat's or the facilitator's) travels in the synced state: not as one JSON
 * string but in sections and records, so a patch carries only the parts that changed.
 *
 * A view `{ k1: v1, k2: v2, … }` becomes two string maps:
 * - `parts`: `"$keys"` → the view's keys in order (JSON); then for each key
 *   - a list: `"#<length>"`, its elements in `items` under `"<key>#<index>"`;
 *   - an object (a record such as the journal, or one such as `me` whose fields change one at a
 *     time): `"%<count>"`, its entries in `items` under `"<key>%<index>"`, in the object's order;
 *   - anything else: its JSON.
 * - `items`: the elements and entries above, and the shapes they use.
 *
 * An element is its JSON and an entry `"<JSON key>,<JSON value>"`, except where the element or
 * the entry's value is a plain object (not a list, not null, with at least one field): that
 * travels as its values only, in order, with its keys (its shape, numbered once per process by
 * the server) in `items` under `"~<n>"` → the keys as JSON, written the first time the view uses
 * shape n and never removed. A shaped element is `~<n>[v1,v2,…]`, a shaped entry
 * `~<n>["<key>",v1,v2,…]` (the record's key first); values nested deeper are plain JSON, and a
 * field that is undefined is left out of the shape, as JSON leaves it out.
 *
 * A JSON text never starts with `#`, `%` or `~`, and a section's name never starts with `~`, so
 * the marks are unambiguous. Lists and records grow at the end (the journal, notes, occurrences)
 * and objects keep their fields' order, so a new element adds one item and a changed one (or a
 * changed field) replaces one; nothing else moves. The server writes views this way
 * (server/rooms/stateSync.ts); `decodeView` is the inverse (tests/server/view-sync.test.ts checks
 * every view after every command).
 */

export const KEYS_PART = "$keys";
const SHAPE_MARK = "~";

export type WireSection = { kind: "whole" } | { kind: "list" | "record"; count: number };

/** Whether a view's value travels entry by entry (an object that is not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function listItemKey(section: string, index: number): string {
  return `${section}#${index}`;
}

export function recordItemKey(section: string, index: number): string {
  return `${section}%${index}`;
}

/** Where shape n's keys are kept in `items`. */
export function shapeItemKey(shape: number): string {
  return `${SHAPE_MARK}${shape}`;
}

export function isShapeItemKey(key: string): boolean {
  return key.startsWith(SHAPE_MARK);
}

/** A plain object's values as the server writes them: their JSON texts, comma-separated, in its shape's order. */
export type ShapedValues = { shape: number; values: string };

export function listElement(value: string | ShapedValues): string {
  return typeof value === "string" ? value : `${shapeItemKey(value.shape)}[${value.values}]`;
}

export function recordEntry(key: string, value: string | ShapedValues): string {
  const json = JSON.stringify(key);
  return typeof value === "string" ? `${json},${value}` : `${shapeItemKey(value.shape)}[${json},${value.values}]`;
}

/** Rebuilds the view `encode` split into `parts` and `items`; null when there is none (yet), or when it cannot be rebuilt. */
export function decodeView(parts: Record<string, string> | undefined, items: Record<string, string> | undefined): Record<string, unknown> | null {
  const keysJson = parts?.[KEYS_PART];
  if (!parts || !keysJson) return null;
  const at = items ?? {};
  try {
    const read = itemReader(at);
    const keys = JSON.parse(keysJson) as string[];
    const view: [string, unknown][] = [];
    for (const key of keys) {
      const raw = parts[key];
      if (raw === undefined) return null;
      if (raw.startsWith("#")) {
        const count = Number(raw.slice(1));
        view.push([key, Array.from({ length: count }, (_, i) => read.element(at[listItemKey(key, i)] ?? "null"))]);
      } else if (raw.startsWith("%")) {
        const count = Number(raw.slice(1));
        const record: [string, unknown][] = [];
        for (let i = 0; i < count; i++) {
          const entry = at[recordItemKey(key, i)];
          if (entry !== undefined) record.push(read.entry(entry));
        }
        // fromEntries defines own properties: a key such as "__proto__" stays a plain key
        view.push([key, Object.fromEntries(record)]);
      } else view.push([key, JSON.parse(raw)]);
    }
    return Object.fromEntries(view);
  } catch {
    return null;
  }
}

/** Reads elements and entries, plain or shaped (each shape's keys parsed once); throws on what it cannot read. */
function itemReader(items: Record<string, string>) {
  const shapes = new Map<string, string[]>();
  const shaped = (raw: string): { keys: string[]; values: unknown[] } => {
    const open = raw.indexOf("[");
    if (open < 0) throw new Error(`not a shaped item: ${raw}`);
    const shapeKey = raw.slice(0, open);
    let keys = shapes.get(shapeKey);
    if (!keys) {
      const json = items[shapeKey];
      if (json === undefined) throw new Error(`no shape for ${raw}`);
      shapes.set(shapeKey, (keys = JSON.parse(json) as string[]));
    }
    const values = JSON.parse(raw.slice(open)) as unknown;
    if (!Array.isArray(values)) throw new Error(`not a shaped item: ${raw}`);
    return { keys, values };
  };
  // fromEntries: a field named "__proto__" stays a plain field
  const zip = (keys: string[], values: unknown[], from: number) => {
    if (values.length !== keys.length + from) throw new Error("a shaped item's values do not fit its shape");
    return Object.fromEntries(keys.map((k, i) => [k, values[from + i]]));
  };
  return {
    element(raw: string): unknown {
      if (!raw.startsWith(SHAPE_MARK)) return JSON.parse(raw) as unknown;
      const { keys, values } = shaped(raw);
      return zip(keys, values, 0);
    },
    entry(raw: string): [string, unknown] {
      if (!raw.startsWith(SHAPE_MARK)) return JSON.parse(`[${raw}]`) as [string, unknown];
      const { keys, values } = shaped(raw);
      if (typeof values[0] !== "string") throw new Error(`a shaped entry without its key: ${raw}`);
      return [values[0], zip(keys, values, 1)];
    },
  };
}
