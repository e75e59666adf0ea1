/**
 * The plan of a run, made from ids and body keys alone: wire copies (a later id with the body of an earlier
 * one) and text shards (a power-of-two number of shards by a stable hash of the id, at most 64 texts each).
 */
import { createHash } from 'node:crypto'
import type { Sentence } from '../stages/types.ts'
import { byCodeUnit } from '../../src/model/order.ts'

/** FNV-1a, 32 bit: a stable hash of an article id. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Body text reduced to letters and digits, for finding wire copies. */
export function normalizedBody(sentences: readonly Sentence[]): string {
  return sentences
    .filter((s) => s.index > 0)
    .map((s) => s.text)
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}


/** Number of shards: a power of two, grown until no shard holds more than `size` texts. */
export function shardCountFor(ids: readonly string[], size: number): number {
  let count = 1
  while (count < ids.length / size) count *= 2
  for (;;) {
    const load = new Map<number, number>()
    for (const id of ids) {
      const k = stableHash(id) % count
      load.set(k, (load.get(k) ?? 0) + 1)
    }
    if ([...load.values()].every((n) => n <= size)) return count
    count *= 2
  }
}

function shardName(index: number, count: number): string {
  const width = Math.max(2, String(count - 1).length)
  return String(index).padStart(width, '0')
}

/** Path of shard `index` of `count` (names of one width, so their order is the order of the indexes). */
export function shardPathOf(shardFolder: string, index: number, count: number): string {
  return `${shardFolder}/${shardName(index, count)}.json`
}
/** Key of an article's body for finding wire copies (null for an empty body). */
export function bodyKey(sentences: readonly Sentence[]): string | null {
  const body = normalizedBody(sentences)
  return body.length > 0 ? createHash('sha256').update(body).digest('hex') : null
}

/** Shard paths by article id: a power-of-two number of shards, chosen so none holds more than `size` texts. */
export function shardPaths(ids: readonly string[], shardFolder: string, size = 64): Map<string, string> {
  const count = shardCountFor(ids, size)
  return new Map(ids.map((id) => [id, shardPathOf(shardFolder, stableHash(id) % count, count)]))
}

/** Ids of earlier articles (sorted by id) with the same body key: wire copies. */
export function duplicatesOf(keys: ReadonlyMap<string, string | null>): Map<string, string> {
  const first = new Map<string, string>()
  const out = new Map<string, string>()
  for (const id of [...keys.keys()].sort(byCodeUnit)) {
    const key = keys.get(id)
    if (key === null || key === undefined) continue
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, id)
    else out.set(id, earlier)
  }
  return out
}
