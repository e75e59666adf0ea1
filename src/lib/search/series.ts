/**
 * A search query as a series of the Mentions chart (src/lib/mentions/types.ts), on the chart's periods:
 * per period the matching articles (wire copies once) and their hits — drawn as hits (like an actor's
 * mentions) or as the share of the period's articles. Pure.
 */
import type { SearchMeta } from '../../model/search.ts'
import type { Filters } from '../filters.ts'
import type { MentionSeries, MentionsData } from '../mentions/types.ts'
import { measureCells } from '../mentions/series.ts'
import { countByPeriod, type CountCache } from './count.ts'
import type { Matches } from './evaluate.ts'
import { querySeriesId } from './series-id.ts'

export function querySeries(
  data: Pick<MentionsData, 'periods' | 'denominators'>,
  meta: SearchMeta,
  matches: Matches,
  filters: Filters,
  query: number,
  name: string,
  cache?: CountCache,
): MentionSeries & { unplaced: number } {
  const counted = countByPeriod(meta, matches, filters, cache)
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
