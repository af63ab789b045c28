/**
 * Views are rebuilt after every event, so their parts are memoised on the identity of the state
 * records they come from (apply() replaces a record only when it changes).
 */

/** The value cached for `key` (when `fresh` says it still holds), else a new one built and cached. */
export function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V, fresh?: (hit: V) => boolean): V {
  const hit = cache.get(key);
  if (hit && (!fresh || fresh(hit))) return hit;
  const value = build();
  cache.set(key, value);
  return value;
}

const listCopies = new WeakMap<readonly unknown[], unknown[]>();

/** A copy of a state's list (views never hand out the state's own arrays), the same copy while the list is. */
export function copyOf<T>(list: readonly T[]): T[] {
  return memo(listCopies, list, () => list.slice()) as T[];
}

/** Whether two lists hold the same elements (by identity), in order. */
export function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * A value derived from an append-only list (observers' notes), kept per list. When a list is new,
 * the value of a list it grew from (found by that list's last element, which the new list holds at
 * the same place; views are built once per patch, so a list may have grown by several) is extended
 * with the new elements instead of rebuilt: a note costs the same whether it is the game's tenth
 * or its thousandth.
 */
export type Grown<E extends object, V> = { byList: WeakMap<readonly E[], V>; byLast: WeakMap<E, { length: number; first: E; value: V }> };

export function grownCache<E extends object, V>(): Grown<E, V> {
  return { byList: new WeakMap(), byLast: new WeakMap() };
}

/** How many elements back a list's predecessor is looked for (more new elements than this: built afresh). */
const GROWN_LOOKBACK = 64;

export function grown<E extends object, V>(cache: Grown<E, V>, list: readonly E[], build: (list: readonly E[]) => V, extend: (before: V, added: readonly E[], from: number) => V): V {
  const hit = cache.byList.get(list);
  if (hit !== undefined) return hit;
  let value: V | undefined;
  for (let length = list.length - 1; length > 0 && length >= list.length - GROWN_LOOKBACK; length--) {
    const key = list[length - 1]!;
    const before = cache.byLast.get(key);
    if (!before) continue;
    // the list it grew from: shorter, the same elements (lists are only ever extended by copying)
    if (before.length === length && before.first === list[0]) {
      value = extend(before.value, list.slice(length), length);
      // only the newest of a line is kept to grow from: older values go with their lists
      cache.byLast.delete(key);
    }
    break;
  }
  value ??= build(list);
  cache.byList.set(list, value);
  if (list.length > 0) cache.byLast.set(list[list.length - 1]!, { length: list.length, first: list[0]!, value });
  return value;
}
