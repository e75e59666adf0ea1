/** The quotes shown as CSV: one row per quote, the words as extracted, how the speaker was read, the source. Pure. */
import type { CsvTable } from '../csv.ts'
import type { QuoteRow } from './model.ts'

const HEADER = [
  'quote_id',
  'speaker_id',
  'speaker_name',
  'kind',
  'text',
  'actors_named',
  'speaker_rule',
  'speaker_cue',
  'article_id',
  'outlet',
  'published',
  'sentences',
  'dataset_generated_at',
  'filters',
] as const

/** `names` gives the name written for each speaker id (the canonical German one); `filters` is the view's URL query. */
export function quotesCsv(rows: readonly QuoteRow[], names: ReadonlyMap<string, string>, generatedAt: string, filters: string): CsvTable {
  return {
    header: HEADER,
    rows: rows.map(({ quote, article }) => [
      quote.id,
      quote.speaker,
      quote.speaker === null ? null : (names.get(quote.speaker) ?? quote.speaker),
      quote.kind,
      quote.text,
      quote.actors.join('; '),
      quote.speakerFrom.rule,
      quote.speakerFrom.cue,
      quote.articleId,
      article.outlet,
      article.published,
      quote.sentences.join('; '),
      generatedAt,
      filters,
    ]),
  }
}
