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
