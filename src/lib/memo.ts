/**
 * Caches a caller owns: the helpers keep no state of their own, the component or store that calls
 * them holds the cache object and so decides how long it lives.
 */

/**
 * The value for (object, key), computed on first use and kept while the object lives; with `keep`, at
 * most that many keys per object (the oldest goes first).
 */
export function perObject<O extends object, K, V>(cache: WeakMap<O, Map<K, V>>, object: O, key: K, compute: () => V, keep = Infinity): V {
  let byKey = cache.get(object)
  if (!byKey) {
    byKey = new Map()
    cache.set(object, byKey)
  }
  let value = byKey.get(key)
  if (value === undefined) {
    value = compute()
    if (byKey.size >= keep) byKey.delete(byKey.keys().next().value as K)
    byKey.set(key, value)
  }
  return value
}

/**
 * The last result and the arguments it was computed for: `get` gives it back while the arguments are
 * the same (each compared with ===), and computes anew otherwise.
 */
export interface LastResult<A extends readonly unknown[], R> {
  get(args: A, compute: () => R): R
}

export function lastResult<A extends readonly unknown[], R>(): LastResult<A, R> {
  let last: { args: A; value: R } | undefined
  return {
    get(args, compute) {
      if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) return last.value
      last = { args, value: compute() }
      return last.value
    },
  }
}
