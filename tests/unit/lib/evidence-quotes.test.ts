/** Evidence of a Quotes dot (the quotes' sentences, how the speaker was read) and of a co-mention cell (sentences naming both). */
import { describe, expect, it } from 'vitest'
import { resolveEvidence } from '../../../src/lib/evidence.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'
import { makeDataset } from './dataset-fixture.ts'

describe('quotes and pair evidence', () => {
  it('gives the sentences of one speaker’s quotes in the period, with the speaker decision on the first', () => {
    const items = resolveEvidence('q.putin.2023-02', makeDataset(), DEFAULT_FILTERS)
    expect(items.map((item) => [item.articleId, item.sentence, item.actorIds])).toEqual([['a1', 2, ['putin', 'china']]])
    expect(items[0]?.why).toEqual([{ what: 'speaker', value: 'putin', decision: { rule: 'named', cue: 'Putin', reference: null } }])
    expect(resolveEvidence('q.putin.2023-04', makeDataset(), DEFAULT_FILTERS)).toEqual([])
    // the outlet filter applies to the quoting article
    expect(resolveEvidence('q.putin.2023-02', makeDataset(), { ...DEFAULT_FILTERS, outlets: ['zeit.de'] })).toEqual([])
  })

  it('gives the sentences naming both actors, else the first naming each, per story', () => {
    const dataset = makeDataset()
    // a1: Putin in 0,1,2 and China in 2 → sentence 2; a4: Xi in 0,1 and Putin in 1 → sentence 1
    expect(resolveEvidence('c.china,putin', dataset, DEFAULT_FILTERS).map((i) => [i.articleId, i.sentence, i.actorIds])).toEqual([['a1', 2, ['china', 'putin']]])
    dataset.mentions = dataset.mentions.map((m) => (m.articleId === 'a4' && m.actorId === 'putin' ? { ...m, sentences: [0] } : m))
    dataset.mentions = dataset.mentions.map((m) => (m.articleId === 'a4' && m.actorId === 'xi' ? { ...m, sentences: [1] } : m))
    expect(resolveEvidence('c.putin,xi', dataset, DEFAULT_FILTERS).map((i) => [i.articleId, i.sentence])).toEqual([
      ['a4', 0],
      ['a4', 1],
    ])
    // by whole months: a filter from 23 February still takes a1 of the 22nd, as the matrix counts it
    expect(resolveEvidence('c.china,putin', makeDataset(), { ...DEFAULT_FILTERS, from: '2023-02-23' }).map((i) => i.articleId)).toEqual(['a1'])
  })
})
