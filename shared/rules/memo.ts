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
