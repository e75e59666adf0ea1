/** Caches that live as long as the object they describe (a loaded table, an events list). */

/** The value for (object, key), computed on first use and kept while the object lives. */
export function perObject<O extends object, K, V>(cache: WeakMap<O, Map<K, V>>, object: O, key: K, compute: () => V): V {
  let byKey = cache.get(object)
  if (!byKey) {
    byKey = new Map()
    cache.set(object, byKey)
  }
  let value = byKey.get(key)
  if (value === undefined) {
    value = compute()
    byKey.set(key, value)
  }
  return value
}
