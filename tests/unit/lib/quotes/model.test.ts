/** The Quotes view's selection: filters, wire copies once, speakers ranked, cells per speaker and period, the text seam. */
import { describe, expect, it } from 'vitest'
import type { Dataset, Quote } from '../../../../src/model/dataset.ts'
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters.ts'
import { buildQuotesModel, selectQuotes } from '../../../../src/lib/quotes/model.ts'
import { quotesCsv } from '../../../../src/lib/quotes/export.ts'
import { makeDataset } from '../dataset-fixture.ts'

/** The fixture with quotes in the wire story a2/a3, in the undated a5 and one without a speaker. */
function dataset(): Dataset {
  const base = makeDataset()
  const quote = (id: string, articleId: string, speaker: string | null, actors: string[] = []): Quote => ({
    id,
    articleId,
    speaker,
    kind: 'direct',
    text: 'Wir werden die Zusammenarbeit vertiefen',
    sentences: [1],
    actors,
    speakerFrom: { rule: speaker ? 'named' : 'medium', cue: speaker ? 'Putin' : 'Tass', reference: null },
  })
  return {
    ...base,
    quotes: [...(base.quotes ?? []), quote('a2-q1', 'a2', 'putin', ['xi']), quote('a3-q1', 'a3', 'putin', ['xi']), quote('a5-q1', 'a5', 'china'), quote('a1-q2', 'a1', null)],
  }
}

const filters = (changes: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...changes })

describe('selectQuotes', () => {
  it('keeps one quote per wire story (the earliest copy) and counts the copy left out', () => {
    const d = dataset()
    const { rows, foldedCopies } = selectQuotes(d.quotes ?? [], d.articles, filters(), 'month')
    expect(rows.map((r) => r.quote.id)).toEqual(['a4-q1', 'a2-q1', 'a1-q2', 'a1-q1', 'a5-q1'])
    expect(foldedCopies).toBe(1)
  })

  it('filters by outlet of the quoting article, date range (undated only when open), speaker and the actors named', () => {
    const d = dataset()
    const ids = (f: Partial<Filters>): string[] => selectQuotes(d.quotes ?? [], d.articles, filters(f), 'month').rows.map((r) => r.quote.id)
    // the copy a3 in zeit.de stands for the story when only zeit.de is kept
    expect(ids({ outlets: ['zeit.de'] })).toEqual(['a3-q1'])
    expect(ids({ from: '2023-02-01', to: '2023-02-28' })).toEqual(['a2-q1', 'a1-q2', 'a1-q1'])
    expect(ids({ speaker: ['putin'] })).toEqual(['a2-q1', 'a1-q1'])
    expect(ids({ named: ['xi', 'china'] })).toEqual(['a2-q1', 'a1-q1'])
  })

  it('asks the text matcher (the seam of the search query) about every quote', () => {
    const d = dataset()
    const { rows } = selectQuotes(d.quotes ?? [], d.articles, filters(), 'month', (quote) => quote.text.includes('März'))
    expect(rows.map((r) => r.quote.id)).toEqual(['a4-q1'])
  })
})

describe('buildQuotesModel', () => {
  it('ranks speakers, draws the named ones, counts per period and says what the grain cannot place', () => {
    const d = dataset()
    const model = buildQuotesModel(d.quotes ?? [], d.articles, filters(), 'month')
    expect(model.speakers).toEqual([
      { speaker: 'putin', quotes: 2 },
      { speaker: 'china', quotes: 1 },
      { speaker: 'xi', quotes: 1 },
      { speaker: null, quotes: 1 },
    ])
    expect(model.drawn).toEqual(['putin', 'china', 'xi'])
    expect(model.cells).toEqual([
      { speaker: 'xi', period: '2023-04', quotes: 1 },
      { speaker: 'putin', period: '2023-02', quotes: 2 },
    ])
    expect(model.periods).toEqual(['2023-02', '2023-03', '2023-04'])
    // a5 has no date: China's quote is listed, not drawn
    expect(model.unplaced).toBe(1)
    // on the day grain the month-only a4 cannot be placed either
    expect(buildQuotesModel(d.quotes ?? [], d.articles, filters(), 'day').unplaced).toBe(2)
  })

  it('draws the chosen speakers only', () => {
    const d = dataset()
    expect(buildQuotesModel(d.quotes ?? [], d.articles, filters({ speaker: ['xi'] }), 'month').drawn).toEqual(['xi'])
  })

  it('exports one CSV row per quote shown, with how the speaker was read', () => {
    const d = dataset()
    const { rows } = selectQuotes(d.quotes ?? [], d.articles, filters({ speaker: ['putin'] }), 'month')
    const csv = quotesCsv(rows, new Map([['putin', 'Wladimir Putin']]), '2026-01-01', 'speaker=putin')
    expect(csv.rows.map((row) => [row[0], row[2], row[6], row[7], row[9]])).toEqual([
      ['a2-q1', 'Wladimir Putin', 'named', 'Putin', 'n-tv.de'],
      ['a1-q1', 'Wladimir Putin', 'named', 'Putin', 'tagesschau.de'],
    ])
  })
})
