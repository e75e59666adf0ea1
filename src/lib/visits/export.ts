/** The Visits chart as CSV: one row per visit or call shown, its stages, reports and sentences. Pure. */
import type { CsvTable } from '../csv.ts'
import type { VisitRow } from './model.ts'

const HEADER = [
  'event_id',
  'kind',
  'date',
  'date_approx',
  'status',
  'lanes',
  'visitors',
  'hosts',
  'place',
  'country',
  'reports',
  'outlets',
  'lifecycle',
  'lifecycle_id',
  'stage_event_ids',
  'article_ids',
  'sentences',
  'dataset_generated_at',
  'filters',
] as const

/** `names` gives the actors' canonical names; `filters` is the view's URL query (without the selection). */
export function visitsCsv(rows: readonly VisitRow[], names: (ids: readonly string[]) => string, generatedAt: string, filters: string): CsvTable {
  return {
    header: HEADER,
    rows: rows.map((row) => [
      row.event.id,
      row.event.kind,
      row.event.date,
      row.event.approx,
      row.event.status,
      row.lanes.join('; '),
      names(row.event.visitors),
      names(row.event.hosts),
      row.event.place,
      row.event.country,
      row.reports,
      row.outlets.join('; '),
      row.steps.map((step) => `${step.status}@${step.firstReported ?? ''}`).join('; '),
      row.event.lifecycle,
      row.stages.map((stage) => stage.id).join('; '),
      [...new Set(row.event.evidence.map((item) => item.articleId))].join('; '),
      row.event.evidence.map((item) => `${item.articleId}#${item.sentence}`).join('; '),
      generatedAt,
      filters,
    ]),
  }
}
