/**
 * Where a record is, by its id: the month part of each article and of each visit or call, in shards by a
 * stable hash of the id (`dataset.ids/NN.json`), so a direct link (the reader, `sel=e.<id>`) fetches one
 * small shard and then the one part it names, instead of searching the parts. An article also names the
 * event parts of the visits and calls it reports (the reader lists them). No Vue, DOM or Node imports.
 */
import * as z from 'zod/mini'
import { parser } from './dataset.ts'

/** About this many ids per shard (articles and events together). */
export const IDS_PER_SHARD = 4096

/** FNV-1a, 32 bit: a stable hash of an id (the text shards and the id shards use it). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Shards for `ids` records: a power of two, about IDS_PER_SHARD ids each. */
export function idShardCount(ids: number): number {
  let count = 1
  while (count * IDS_PER_SHARD < ids) count *= 2
  return count
}

/** The shard of an id among `count`. */
export function idShardOf(id: string, count: number): number {
  return stableHash(id) % count
}

/** The path of shard `n` in `folder`: "dataset.ids/007.json". */
export function idShardPath(folder: string, n: number): string {
  return `${folder}/${String(n).padStart(3, '0')}.json`
}

const strings = () => z.custom<string[]>((value) => Array.isArray(value) && (value as unknown[]).every((item) => typeof item === 'string' && item.length > 0), { error: 'expected ids' })
const indexes = () => z.custom<number[]>((value) => Array.isArray(value) && (value as unknown[]).every((n) => Number.isInteger(n) && (n as number) >= 0), { error: 'expected indexes' })

/** One shard: months ("YYYY-MM" or "undated") named by index; articles and events in columns. */
export const IdShardSchema = z.object({
  months: z.array(z.string().check(z.regex(/^(\d{4}-(0[1-9]|1[0-2])|undated)$/))),
  articles: z.object({
    id: strings(),
    /** The article's month part. */
    month: indexes(),
    /** The event parts of the visits and calls it reports (empty: none). */
    events: z.custom<number[][]>((value) => Array.isArray(value) && (value as unknown[]).every(Array.isArray), { error: 'expected lists of indexes' }),
  }),
  events: z.object({
    id: strings(),
    /** The event part of the event's lifecycle. */
    month: indexes(),
  }),
})

export type IdShard = z.infer<typeof IdShardSchema>

export const parseIdShard = parser(IdShardSchema)

/** Where one id is, read from its shard: the article's part and event parts, or the event's part; null when absent. */
export interface IdLocation {
  month: string
  eventParts: string[]
}

export function articleInShard(shard: IdShard, id: string): IdLocation | null {
  const i = shard.articles.id.indexOf(id)
  if (i < 0) return null
  const month = shard.months[shard.articles.month[i] ?? -1]
  if (month === undefined) return null
  const eventParts = (shard.articles.events[i] ?? []).map((n) => shard.months[n]).filter((m): m is string => m !== undefined)
  return { month, eventParts }
}

export function eventInShard(shard: IdShard, id: string): string | null {
  const i = shard.events.id.indexOf(id)
  return i < 0 ? null : (shard.months[shard.events.month[i] ?? -1] ?? null)
}
