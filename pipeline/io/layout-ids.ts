/**
 * The id shards (src/model/id-map.ts): every article with its month part and the event parts of what it
 * reports, every event with its part, split by a stable hash of the id. Fed the article ids as the layout
 * builder sees them; the events' parts come from the event layout (./layout-events.ts). Memory: the ids
 * (≈ 50 MB at a million articles). Pure: no Vue, DOM or Node imports.
 */
import { idShardCount, idShardOf, idShardPath } from '../../src/model/id-map.ts'
import type { IdShard } from '../../src/model/id-map.ts'
import { byCodeUnit } from '../../src/model/order.ts'

export interface IdMapBuilder {
  article(id: string, month: string): void
  /** The shard files (path → shard) and what the index says of them. */
  finish(
    folder: string,
    located: { events: ReadonlyMap<string, string>; articles: ReadonlyMap<string, readonly string[]> },
  ): { ids: { folder: string; shards: number }; files: Map<string, IdShard> }
}

export function createIdMapBuilder(): IdMapBuilder {
  /** Article ids by their month part. */
  const byMonth = new Map<string, string[]>()
  let articles = 0
  return {
    article(id, month) {
      const list = byMonth.get(month)
      if (list) list.push(id)
      else byMonth.set(month, [id])
      articles += 1
    },
    finish(folder, located) {
      const count = idShardCount(articles + located.events.size)
      const months = [...new Set([...byMonth.keys(), ...located.events.values()])].sort(byCodeUnit)
      const monthIndex = new Map(months.map((m, i) => [m, i]))
      const shards: IdShard[] = Array.from({ length: count }, () => ({ months, articles: { id: [], month: [], events: [] }, events: { id: [], month: [] } }))
      for (const [month, ids] of byMonth) {
        for (const id of ids) {
          const shard = shards[idShardOf(id, count)] as IdShard
          shard.articles.id.push(id)
          shard.articles.month.push(monthIndex.get(month) ?? 0)
          shard.articles.events.push((located.articles.get(id) ?? []).map((part) => monthIndex.get(part) ?? 0).sort((a, b) => a - b))
        }
      }
      for (const [id, part] of located.events) {
        const shard = shards[idShardOf(id, count)] as IdShard
        shard.events.id.push(id)
        shard.events.month.push(monthIndex.get(part) ?? 0)
      }
      const files = new Map<string, IdShard>()
      for (const [n, shard] of shards.entries()) files.set(idShardPath(folder, n), compact(sortedById(shard)))
      return { ids: { folder, shards: count }, files }
    },
  }
}

/** The shard's articles and events by id (the same bytes whatever order the articles came in). */
function sortedById(shard: IdShard): IdShard {
  const order = (ids: readonly string[]): number[] => ids.map((_, i) => i).sort((a, b) => byCodeUnit(ids[a] ?? '', ids[b] ?? ''))
  const a = order(shard.articles.id)
  const e = order(shard.events.id)
  const pick = <T,>(list: readonly T[], by: readonly number[]): T[] => by.map((i) => list[i] as T)
  return {
    months: shard.months,
    articles: { id: pick(shard.articles.id, a), month: pick(shard.articles.month, a), events: pick(shard.articles.events, a) },
    events: { id: pick(shard.events.id, e), month: pick(shard.events.month, e) },
  }
}

/** A shard naming only its own months (the months list of a small shard stays short). */
function compact(shard: IdShard): IdShard {
  const used = [...new Set([...shard.articles.month, ...shard.articles.events.flat(), ...shard.events.month])].sort((a, b) => a - b)
  const renumber = new Map(used.map((n, i) => [n, i]))
  const at = (n: number): number => renumber.get(n) ?? 0
  return {
    months: used.map((n) => shard.months[n] ?? 'undated'),
    articles: { id: shard.articles.id, month: shard.articles.month.map(at), events: shard.articles.events.map((list) => list.map(at)) },
    events: { id: shard.events.id, month: shard.events.month.map(at) },
  }
}
