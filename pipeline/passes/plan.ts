/**
 * The plan of a run, made from ids and body keys alone: wire copies (a later id with the body of an earlier
 * one) and text shards (a power-of-two number of shards by a stable hash of the id, at most 64 texts each),
 * the threads and the first pass's jobs. Pure: the same ids and keys give the same plan on every machine.
 */
import { createHash } from 'node:crypto'
import type { Sentence } from '../stages/types.ts'
import { byCodeUnit } from '../../src/model/order.ts'

/** Most texts per shard. */
export const SHARD_SIZE = 64

/** FNV-1a, 32 bit: a stable hash of an article id (shared with the id shards). */
import { stableHash } from '../../src/model/id-map.ts'

export { stableHash }

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

/** Ids of earlier articles with the same body key, for ids in id order: a wire copy → the first copy of its story. */
export function duplicatesOf(ids: readonly string[], keys: readonly (string | null)[]): Map<string, string> {
  const first = new Map<string, string>()
  const out = new Map<string, string>()
  for (const [position, id] of ids.entries()) {
    const key = keys[position]
    if (key === null || key === undefined) continue
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, id)
    else out.set(id, earlier)
  }
  return out
}

/** The shards of a run: how many, and the articles (positions in id order) of each, in shard order. */
export interface ShardPlan {
  count: number
  shards: { index: number; positions: number[] }[]
}

/** Shards for articles in id order: a power-of-two number of them, so that none holds more than `size` texts. */
export function planShards(ids: readonly string[], size = SHARD_SIZE): ShardPlan {
  const count = shardCountFor(ids, size)
  const byShard = new Map<number, number[]>()
  for (const [position, id] of ids.entries()) {
    const index = stableHash(id) % count
    const list = byShard.get(index)
    if (list) list.push(position)
    else byShard.set(index, [position])
  }
  const shards = [...byShard.entries()].map(([index, positions]) => ({ index, positions })).sort((a, b) => a.index - b.index)
  return { count, shards }
}

/** The plan of the second pass, made from what the first pass read. */
export interface ArticlePlan {
  /** The ids in id order (code units): an article's position in this list names it from here on. */
  ids: string[]
  /** For each position, the index of the article in the order it was read. */
  readIndex: number[]
  /** Wire copies: id → the id of the story's first copy. */
  duplicateOf: Map<string, string>
  /** Ids of the first copies of stories with more than one copy. */
  storyRoots: Set<string>
  shards: ShardPlan
}

/** Orders the articles read by id, finds the wire copies and plans the shards. */
export function planArticles(readIds: readonly string[], readKeys: readonly (string | null)[], shardSize = SHARD_SIZE): ArticlePlan {
  const readIndex = readIds.map((_, i) => i).sort((x, y) => byCodeUnit(readIds[x] ?? '', readIds[y] ?? ''))
  const ids = readIndex.map((i) => readIds[i] ?? '')
  const duplicateOf = duplicatesOf(
    ids,
    readIndex.map((i) => readKeys[i] ?? null),
  )
  return { ids, readIndex, duplicateOf, storyRoots: new Set(duplicateOf.values()), shards: planShards(ids, shardSize) }
}

/**
 * Below this many files 'auto' runs on the main thread alone: two bundled workers start in ≈ 0.35–0.55 s and
 * cost ≈ 0.5–1.2 CPU s more than one thread at 500–1 000 files, while they halve ≈ 2 ms of work per file
 * (under tsx a worker took ≈ 1.6 s to start: the threshold was 2 000). Numbers: pipeline/README.md, `npm run bench:workers`.
 */
export const MIN_FILES_FOR_WORKERS = 1000
/** Most files per first-pass job: enough to keep a worker busy without many messages. */
const FIRST_PASS_CHUNK = 200

/** Threads to use: as asked, or for 'auto' one per core once the folder is big enough. */
export function threadCount(workers: number | 'auto', files: number, cores: number): number {
  if (workers !== 'auto') return Math.max(1, Math.floor(workers))
  return files >= MIN_FILES_FOR_WORKERS ? Math.max(1, cores) : 1
}

/** The files of the first pass in jobs: several per thread even for a small folder, so the threads share the work evenly. */
export function readChunks<T>(files: readonly T[], threads: number): T[][] {
  const size = Math.max(1, Math.min(FIRST_PASS_CHUNK, Math.ceil(files.length / (threads * 8))))
  const chunks: T[][] = []
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size))
  return chunks
}
