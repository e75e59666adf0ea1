/** The co-mention matrix as CSV: one row per pair drawn (each pair once), with the companions' share and provenance. Pure. */
import type { CsvTable } from '../csv.ts'
import type { Filters } from '../filters.ts'
import type { ComentionModel } from './matrix.ts'
import { wholeMonths } from './matrix.ts'

const HEADER = ['first_id', 'first_name', 'second_id', 'second_name', 'articles_naming_both', 'months_from', 'months_to', 'dataset_generated_at', 'filters'] as const

/** `names` gives the name written beside each id (the canonical German one); `filters` is the view's URL query. */
export function comentionsCsv(
  model: ComentionModel,
  names: ReadonlyMap<string, string>,
  span: Pick<Filters, 'from' | 'to'>,
  generatedAt: string,
  filters: string,
): CsvTable {
  const { from, to } = wholeMonths(span)
  const rows: (string | number | null)[][] = []
  model.actorIds.forEach((first, i) => {
    model.actorIds.forEach((second, j) => {
      if (j <= i) return
      rows.push([first, names.get(first) ?? first, second, names.get(second) ?? second, model.counts[i]?.[j] ?? 0, from, to, generatedAt, filters])
    })
  })
  return { header: HEADER, rows }
}
