/**
 * How a private view (a seat's or the facilitator's) travels in the synced state: not as one JSON
 * string but in sections and records, so a patch carries only the parts that changed.
 *
 * A view `{ k1: v1, k2: v2, … }` becomes two string maps:
 * - `parts`: `"$keys"` → the view's keys in order (JSON); then for each key
 *   - a list: `"#<length>"`, its elements in `items` under `"<key>#<index>"` (JSON each);
 *   - an object (a record such as the journal, or one such as `me` whose fields change one at a
 *     time): `"%<count>"`, its entries in `items` under `"<key>%<index>"` as
 *     `"<JSON key>,<JSON value>"`, in the object's order;
 *   - anything else: its JSON.
 * - `items`: the elements and entries above.
 *
 * A JSON text never starts with `#` or `%`, so the marks are unambiguous. Lists and records grow
 * at the end (the journal, notes, occurrences) and objects keep their fields' order, so a new
 * element adds one item and a changed one (or a changed field) replaces one; nothing else moves. The server writes views this way (server/rooms/stateSync.ts);
 * `decodeView` is the inverse (tests/server/view-sync.test.ts checks every view after every command).
 */

export const KEYS_PART = "$keys";

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

/** Rebuilds the view `encode` split into `parts` and `items`; null when there is none (yet). */
export function decodeView(parts: Record<string, string> | undefined, items: Record<string, string> | undefined): Record<string, unknown> | null {
  const keysJson = parts?.[KEYS_PART];
  if (!parts || !keysJson) return null;
  const at = items ?? {};
  try {
    const keys = JSON.parse(keysJson) as string[];
    const view: [string, unknown][] = [];
    for (const key of keys) {
      const raw = parts[key];
      if (raw === undefined) return null;
      if (raw.startsWith("#")) {
        const count = Number(raw.slice(1));
        const list = Array.from({ length: count }, (_, i) => JSON.parse(at[listItemKey(key, i)] ?? "null") as unknown);
        view.push([key, list]);
      } else if (raw.startsWith("%")) {
        const count = Number(raw.slice(1));
        const record: [string, unknown][] = [];
        for (let i = 0; i < count; i++) {
          const entry = at[recordItemKey(key, i)];
          if (entry !== undefined) record.push(JSON.parse(`[${entry}]`) as [string, unknown]);
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
