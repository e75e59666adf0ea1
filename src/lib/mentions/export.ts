/** The Mentions chart as CSV: one row per period and actor drawn, with the articles behind each cell. Pure. */
import type { CsvTable } from '../csv.ts'
import { periodBounds } from '../periods.ts'
import type { MentionsData } from './types.ts'

const HEADER = [
  'period',
  'period_start',
  'period_end',
  'actor_id',
  'actor_name',
  'measure',
  'value',
  'mentions',
  'articles_naming_actor',
  'articles_in_period',
  'top_article_title',
  'article_ids',
  'dataset_generated_at',
  'filters',
] as const

/** `filters` is the view's URL query (without the selection), so a row says where it came from. */
export function mentionsCsv(data: MentionsData | null, generatedAt: string, filters: string): CsvTable {
  const rows: (string | number | null)[][] = []
  data?.periods.forEach((period, i) => {
    const bounds = periodBounds(period)
    for (const series of data.series) {
      const cell = series.cells[i]
      if (!cell) continue
      rows.push([
        period,
        bounds.start,
        bounds.end,
        series.actorId,
        series.name,
        data.measure,
        cell.value,
        cell.mentions,
        cell.articles,
        data.denominators[i] ?? 0,
        cell.topTitle,
        cell.articleIds.join(';'),
        generatedAt,
        filters,
      ])
    }
  })
  return { header: HEADER, rows }
}
