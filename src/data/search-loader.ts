/**
 * The search index's files (src/model/search.ts), fetched on demand and cached: the meta file once, then
 * per query only the term shards its words fall in (binary search over the shards' first terms), the
 * position shards when it has a phrase, the id chunks of the stories a list shows. No Vue.
 */
import { parseIdChunk, parsePositionShard, parseSearchMeta, parseTermShard, searchFilePath, type SearchMeta } from '../model/search.ts'
import { evaluate, needsPositions, termData, type Matches, type TermData, type TermSource } from '../lib/search/evaluate.ts'
import { atomTerms, type SearchQuery } from '../lib/search/query.ts'
import { byCodeUnit } from '../model/order.ts'
import { fetchLayoutFile, resolvePath, type Fetcher } from './fetch.ts'

/** Most shards a prefix may open (a prefix such as `ver*` spans hundreds at 1 M articles). */
export const MAX_PREFIX_SHARDS = 8
/** Most terms a prefix expands to. */
export const MAX_PREFIX_TERMS = 200

export interface SearchLoader {
  meta(): Promise<SearchMeta>
  /** Loads the shards of these terms and prefixes (and their positions when asked); says whether a prefix was cut. */
  load(terms: readonly string[], prefixes: readonly string[], positions: boolean): Promise<{ cutPrefixes: string[] }>
  /** What is loaded, for ./src/lib/search/evaluate.ts. */
  source(): TermSource
  /** The article ids (story first, then its wire copies) of these story numbers. */
  ids(stories: readonly number[]): Promise<Map<number, string[]>>
}

/** The shard holding `term`: the last whose first term is ≤ it. */
export function shardOf(firsts: readonly string[], term: string): number {
  let lo = 0
  let hi = firsts.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (byCodeUnit(firsts[mid] ?? '', term) <= 0) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

interface Columns {
  stories: string
  counts: string
  positions?: string
}

/** Fetches each path once (again after a failure), however many ask for it at the same time. */
function onceEach(): (path: string, run: () => Promise<void>) => Promise<void> {
  const requests = new Map<string, Promise<void>>()
  return (path, run) => {
    let request = requests.get(path)
    if (!request) {
      request = run()
      requests.set(path, request)
      request.catch(() => requests.delete(path))
    }
    return request
  }
}

/** The term and position shards loaded so far, as undecoded columns per term, and their terms sorted. */
function createShardStore(url: (path: string) => string, fetcher: Fetcher) {
  const once = onceEach()
  const columns = new Map<string, Columns>()
  const decoded = new Map<string, TermData>()
  const sorted: string[] = []
  const termShard = (m: SearchMeta, n: number): Promise<void> =>
    once(searchFilePath(m.shards.folder, n), async () => {
      const shard = await fetchLayoutFile(url(searchFilePath(m.shards.folder, n)), parseTermShard, fetcher)
      shard.terms.forEach((term, i) => {
        if (!columns.has(term)) sorted.push(term)
        columns.set(term, { stories: shard.stories[i] ?? '', counts: shard.counts[i] ?? '' })
      })
      sorted.sort(byCodeUnit)
    })
  const positionShard = (m: SearchMeta, n: number): Promise<void> =>
    once(searchFilePath(m.shards.positions, n), async () => {
      await termShard(m, n)
      const shard = await fetchLayoutFile(url(searchFilePath(m.shards.positions, n)), parsePositionShard, fetcher)
      shard.terms.forEach((term, i) => {
        const known = columns.get(term)
        if (known) known.positions = shard.positions[i] ?? ''
        decoded.delete(term)
      })
    })
  const source: TermSource = {
    term(term) {
      const known = decoded.get(term)
      if (known) return known
      const c = columns.get(term)
      if (!c) return undefined
      const data = termData(c.stories, c.counts, c.positions)
      decoded.set(term, data)
      return data
    },
    expand(prefix) {
      const out: string[] = []
      let i = sorted.findIndex((term) => term.startsWith(prefix))
      while (i >= 0 && i < sorted.length && (sorted[i] ?? '').startsWith(prefix) && out.length < MAX_PREFIX_TERMS) out.push(sorted[i++] ?? '')
      return out
    },
  }
  return { termShard, positionShard, source }
}

/** The article ids of story numbers, from the id chunks (each fetched once). */
function createIdReader(url: (path: string) => string, fetcher: Fetcher) {
  const requests = new Map<number, Promise<(string | string[])[]>>()
  const chunk = (m: SearchMeta, c: number): Promise<(string | string[])[]> => {
    let request = requests.get(c)
    if (!request) {
      request = fetchLayoutFile(url(searchFilePath(m.ids.folder, c)), parseIdChunk, fetcher).then((file) => file.ids)
      requests.set(c, request)
      request.catch(() => requests.delete(c))
    }
    return request
  }
  return async (m: SearchMeta, stories: readonly number[]): Promise<Map<number, string[]>> => {
    const chunks = new Map(await Promise.all([...new Set(stories.map((s) => Math.floor(s / m.ids.size)))].map(async (c) => [c, await chunk(m, c)] as const)))
    const out = new Map<number, string[]>()
    for (const story of stories) {
      const entry = chunks.get(Math.floor(story / m.ids.size))?.[story % m.ids.size]
      if (entry !== undefined) out.set(story, typeof entry === 'string' ? [entry] : entry)
    }
    return out
  }
}

export function createSearchLoader(metaPath: string, indexUrl: string, fetcher: Fetcher): SearchLoader {
  let metaRequest: Promise<SearchMeta> | null = null
  const url = (path: string): string => resolvePath(path, indexUrl)
  const shards = createShardStore(url, fetcher)
  const readIds = createIdReader(url, fetcher)
  const meta = (): Promise<SearchMeta> => {
    metaRequest ??= fetchLayoutFile(url(metaPath), parseSearchMeta, fetcher)
    metaRequest.catch(() => (metaRequest = null))
    return metaRequest
  }
  return {
    meta,
    async load(terms, prefixes, positions) {
      const m = await meta()
      const wanted = new Set(terms.map((term) => shardOf(m.shards.first, term)))
      const cutPrefixes: string[] = []
      for (const prefix of prefixes) {
        const from = shardOf(m.shards.first, prefix)
        const to = shardOf(m.shards.first, `${prefix}\uffff`)
        if (to - from + 1 > MAX_PREFIX_SHARDS) cutPrefixes.push(prefix)
        for (let n = from; n <= Math.min(to, from + MAX_PREFIX_SHARDS - 1); n++) wanted.add(n)
      }
      await Promise.all([...wanted].map((n) => shards.termShard(m, n)))
      if (positions) await Promise.all(terms.map((term) => shards.positionShard(m, shardOf(m.shards.first, term))))
      return { cutPrefixes }
    },
    source: () => shards.source,
    ids: async (stories) => readIds(await meta(), stories),
  }
}

/** What a query found: its stories and hits, and the prefixes cut short (too many shards). */
export interface SearchRun {
  matches: Matches
  cutPrefixes: string[]
}

/** Fetches what the query needs and evaluates it. Rejects with a one-line reason when a file fails. */
export async function runSearch(query: SearchQuery, loader: SearchLoader): Promise<SearchRun> {
  const atoms = [...query.must.flat(), ...query.not]
  const terms = [...new Set(atoms.flatMap(atomTerms))]
  const prefixes = [...new Set(atoms.flatMap((atom) => (atom.kind === 'prefix' ? [atom.prefix] : [])))]
  const { cutPrefixes } = await loader.load(terms, prefixes, needsPositions(query))
  return { matches: evaluate(query, loader.source()), cutPrefixes }
}
