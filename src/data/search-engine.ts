/**
 * The search code, one chunk fetched only when a query is used (a `q` in the URL, or the search field
 * focused: src/stores/search.ts#loadEngine): the query language, the index loader and evaluation, the
 * counting per period. The first chart of a view without a query does not wait for it.
 */
import { countByPeriod, createCountCache, keptMatches, type CountFilters, type PeriodCounts } from '../lib/search/count.ts'
import type { Matches } from '../lib/search/evaluate.ts'
import { parseQuery } from '../lib/search/query.ts'
import { querySeries } from '../lib/search/series.ts'
import type { Filters } from '../lib/filters.ts'
import type { MentionsData } from '../lib/mentions/types.ts'
import type { SearchMeta } from '../model/search.ts'
import { createSearchLoader, runSearch } from './search-loader.ts'

type SeriesAxis = Pick<MentionsData, 'periods' | 'denominators'>

/** The search functions, the counting ones sharing one cache (counts per query and filters, run slices). */
export function createSearchEngine() {
  const cache = createCountCache()
  return {
    parseQuery,
    createSearchLoader,
    runSearch,
    countByPeriod: (meta: SearchMeta, matches: Matches, filters: CountFilters): PeriodCounts => countByPeriod(meta, matches, filters, cache),
    keptMatches: (meta: SearchMeta, stories: Int32Array, filters: CountFilters, period: string | null, limit: number): number[] =>
      keptMatches(meta, stories, filters, period, limit, cache),
    querySeries: (data: SeriesAxis, meta: SearchMeta, matches: Matches, filters: Filters, query: number, name: string) =>
      querySeries(data, meta, matches, filters, query, name, cache),
  }
}

export type SearchEngine = ReturnType<typeof createSearchEngine>
