/** The Figures ledger as CSV: one row per figure shown, as written and as drawn, with its source. Pure. */
import type { CsvTable } from '../csv.ts'
import type { Fx } from '../filters.ts'
import { USD_PER_UNIT, type FigureRow } from './model.ts'

const HEADER = [
  'figure_id',
  'kind',
  'year',
  'value',
  'currency',
  'shown_value',
  'shown_currency',
  'usd_per_unit',
  'as_written',
  'disagrees_with',
  'article_id',
  'outlet',
  'published',
  'sentence',
  'quote',
  'dataset_generated_at',
  'filters',
] as const

/** `filters` is the view's URL query (without the selection). */
export function figuresCsv(rows: readonly FigureRow[], fx: Fx, generatedAt: string, filters: string): CsvTable {
  return {
    header: HEADER,
    rows: rows.map((row) => [
      row.figure.id,
      row.figure.kind,
      row.figure.year,
      row.figure.value,
      row.figure.currency,
      row.shownValue,
      row.shownCurrency,
      fx === 'usd' ? (USD_PER_UNIT[row.figure.currency] ?? null) : null,
      row.figure.surface,
      row.disagreesWith.join('; '),
      row.figure.articleId,
      row.article?.outlet ?? null,
      row.article?.published ?? null,
      row.figure.sentence,
      row.figure.quote,
      generatedAt,
      filters,
    ]),
  }
}
