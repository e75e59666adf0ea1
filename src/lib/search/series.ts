/**
 * A search query as a series of the Mentions chart (src/lib/mentions/types.ts), on the chart's periods:
 * per period the matching articles (wire copies once) and their hits — drawn as hits (like an actor's
 * mentions) or as the share of the period's articles. Pure.
 */
import type { SearchMeta } from '../../model/search.ts'
import type { Filters } from '../filters.ts'
import type { MentionSeries, MentionsData } from '../mentions/types.ts'
import { measureCells } from '../mentions/series.ts'
import { countByPeriod } from './count.ts'
import type { Matches } from './evaluate.ts'

/** Series ids of queries: "search:<index into Filters.queries>", never an actor id (actor ids have no colon). */
export const QUERY_SERIES = 'search:'

export function querySeriesId(query: number): string {
  return `${QUERY_SERIES}${query}`
}

/** The query index of a series id, or undefined for an actor's series. */
export function queryOfSeries(seriesId: string): number | undefined {
  return seriesId.startsWith(QUERY_SERIES) ? Number(seriesId.slice(QUERY_SERIES.length)) : undefined
}

export function querySeries(
  data: Pick<MentionsData, 'periods' | 'denominators'>,
  meta: SearchMeta,
  matches: Matches,
  filters: Filters,
  query: number,
  name: string,
): MentionSeries & { unplaced: number } {
  const counted = countByPeriod(meta, matches, filters)
  const cells = data.periods.map((period) => ({
    mentions: counted.hits.get(period) ?? 0,
    articles: counted.counts.get(period) ?? 0,
    value: 0,
    topTitle: null,
    articleIds: [],
  }))
  measureCells(cells, data.denominators, filters.measure)
  return { actorId: querySeriesId(query), name, cells, unplaced: counted.unplaced }
}
