/** The records one article yields, as the extract pass makes them (articleRecords). */
import { describe, expect, it } from 'vitest'
import { ArticleSchema, FigureSchema } from '../../../../src/model/dataset.ts'
import { articleRecords } from '../../../../pipeline/stages/article-records.ts'
import type { ProcessedArticle } from '../../../../pipeline/stages/article-records.ts'
import { segmentSentences } from '../../../../pipeline/stages/text/segment-sentences.ts'

function article(id: string, body: string): ProcessedArticle {
  const sentences = segmentSentences(`Titel ${id}`, [body])
  return {
    id,
    file: `${id}.txt`,
    title: `Titel ${id}`,
    outlet: null,
    url: null,
    published: '2023-02',
    publishedFrom: 'text',
    sentences,
    matches: [{ actorId: 'china', sentence: 1, start: 0, end: 5, surface: 'China', viaSeat: false }],
    events: [],
    figures: [],
  }
}

describe('articleRecords', () => {
  it('carries how each figure’s year and kind were decided into its record', () => {
    const a = article('a', 'Im Vorjahr stieg der Handel auf 5 Milliarden Euro.')
    a.figures = [
      {
        value: 5e9,
        currency: 'EUR',
        year: 2022,
        kind: 'trade_volume',
        sentence: 1,
        quote: 'Im Vorjahr stieg der Handel auf 5 Milliarden Euro.',
        surface: '5 Milliarden Euro',
        yearFrom: { rule: 'relative-year', cue: 'Vorjahr', reference: '2023-02' },
        kindFrom: { rule: 'trade-cue', cue: 'Handel', reference: null },
      },
      { value: 1e6, currency: 'USD', year: null, kind: 'other', sentence: 1, quote: 'x', surface: '1 Mio. Dollar' },
    ]
    const { figures } = articleRecords(a, 'dataset.text/00.json', null)
    expect(figures[0]).toMatchObject({ yearFrom: { rule: 'relative-year', cue: 'Vorjahr', reference: '2023-02' }, kindFrom: { rule: 'trade-cue' } })
    expect(figures[1]).not.toHaveProperty('yearFrom')
    for (const f of figures) expect(FigureSchema.safeParse(f).success).toBe(true)
  })

  it('carries how the date was read into the article record, and nothing for an article without one', () => {
    const cue = { rule: 'stand-stamp', cue: 'Stand: 14.03.2023', reference: null }
    const dated = articleRecords({ ...article('a', 'China wächst.'), published: '2023-03-14', publishedCue: cue }, 'dataset.text/00.json', null).article
    const undated = articleRecords({ ...article('b', 'Russland wächst.'), published: null, publishedFrom: null }, 'dataset.text/00.json', null).article
    expect(dated.publishedCue).toEqual(cue)
    expect(undated).not.toHaveProperty('publishedCue')
    for (const record of [dated, undated]) expect(ArticleSchema.safeParse(record).success).toBe(true)
  })
})
