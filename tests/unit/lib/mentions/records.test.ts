import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS } from '../../../../src/lib/filters.ts'
import { buildMentions, dedupeWireCopies, isEmptyMentions } from '../../../../src/lib/mentions/records.ts'
import { filterArticles, inDateRange } from '../../../../src/lib/select.ts'
import { activeActors, rankActors } from './per-article.ts'
import { makeDataset } from '../dataset-fixture.ts'

const dataset = makeDataset()

describe('selecting articles', () => {
  it('filters by outlet and by date range; month-only dates overlap the range', () => {
    const ids = (filters: Partial<typeof DEFAULT_FILTERS>) =>
      filterArticles(dataset, { ...DEFAULT_FILTERS, ...filters }).map((article) => article.id)
    expect(ids({ outlets: ['tagesschau.de'] })).toEqual(['a1', 'a4'])
    expect(ids({ from: '2023-04-15' })).toEqual(['a4'])
    expect(ids({ to: '2023-02-22' })).toEqual(['a1'])
    expect(ids({ outlets: [''] })).toEqual(['a5'])
  })

  it('keeps undated articles only when the range is open', () => {
    expect(inDateRange(null, null, null)).toBe(true)
    expect(inDateRange(null, '2023-01-01', null)).toBe(false)
  })

  it('ranks actors by articles, counting a wire copy once', () => {
    const ranked = rankActors(dataset, dataset.articles)
    expect(ranked[0]).toMatchObject({ actorId: 'putin', articles: 3, mentions: 6 })
    expect(ranked.map((entry) => entry.actorId)).toEqual(['putin', 'china', 'xi', 'eu'])
  })

  it('uses the chosen actors, else the top ones that are named at all', () => {
    expect(activeActors(dataset, { ...DEFAULT_FILTERS, actors: ['eu'] }, dataset.articles)).toEqual(['eu'])
    expect(activeActors(dataset, DEFAULT_FILTERS, dataset.articles, 5)).toEqual(['putin', 'china', 'xi'])
  })
})

describe('buildMentions', () => {
  it('counts per month on an axis without gaps, wire copies once', () => {
    const data = buildMentions(dataset, DEFAULT_FILTERS, dataset.articles, ['putin', 'xi'])
    expect(data.periods).toEqual(['2023-02', '2023-03', '2023-04'])
    const putin = data.series[0]
    expect(putin?.cells.map((cell) => cell.mentions)).toEqual([5, 0, 1])
    expect(putin?.cells[0]?.articleIds).toEqual(['a1', 'a2'])
    expect(data.denominators).toEqual([2, 0, 1])
    expect(data.foldedCopies).toBe(1)
    expect(data.unplaced).toBe(1)
    expect(data.events.map((event) => event.period)).toEqual(['2023-03'])
  })

  it('spans the axis over the articles, not over events recalled from long before', () => {
    const old = {
      ...dataset,
      events: [...dataset.events, { ...dataset.events[0]!, id: 'ev-old', lifecycle: 'ev-old', date: '1996-04-25' }],
    }
    const data = buildMentions(old, DEFAULT_FILTERS, old.articles, ['putin'])
    expect(data.periods[0]).toBe('2023-02')
    expect(data.events.map((event) => event.eventId)).toEqual(['ev1'])
  })

  it('draws an announced visit and the same visit happening later as one marker, at its latest stage', () => {
    const announced = { ...dataset.events[0]!, id: 'ev0', status: 'planned' as const, date: '2023-03', lifecycle: 'ev0' }
    const happened = { ...dataset.events[0]!, lifecycle: 'ev0' }
    const data = buildMentions({ ...dataset, events: [announced, happened] }, DEFAULT_FILTERS, dataset.articles, ['putin'])
    expect(data.events.map((event) => [event.eventId, event.status])).toEqual([['ev1', 'happened']])
  })

  it('labels each cell with the article naming the actor most often', () => {
    const data = buildMentions(dataset, DEFAULT_FILTERS, dataset.articles, ['putin'])
    expect(data.series[0]?.cells[0]?.topTitle).toBe('Putin empfängt Wang in Moskau')
  })

  it('computes the share of articles with its denominator', () => {
    const data = buildMentions(dataset, { ...DEFAULT_FILTERS, measure: 'share' }, dataset.articles, ['china'])
    expect(data.series[0]?.cells.map((cell) => cell.value)).toEqual([0.5, 0, 0])
  })

  it('leaves month-only articles off a week axis and says how many', () => {
    const data = buildMentions(dataset, { ...DEFAULT_FILTERS, grain: 'week' }, dataset.articles, ['xi'])
    expect(data.unplaced).toBe(2)
    expect(isEmptyMentions(data)).toBe(true)
  })

  it('spans the axis over the filter range even where nothing was published', () => {
    const filters = { ...DEFAULT_FILTERS, from: '2023-01-10', to: '2023-02-28' }
    const data = buildMentions(dataset, filters, filterArticles(dataset, filters), ['putin'])
    expect(data.periods).toEqual(['2023-01', '2023-02'])
  })

  it('keeps a wire copy when its original is filtered out', () => {
    const articles = filterArticles(dataset, { ...DEFAULT_FILTERS, outlets: ['zeit.de'] })
    expect(dedupeWireCopies(articles).map((article) => article.id)).toEqual(['a3'])
  })

  it('is empty for no data', () => {
    const data = buildMentions({ ...dataset, articles: [], mentions: [], events: [] }, DEFAULT_FILTERS, [], ['putin'])
    expect(data.periods).toEqual([])
    expect(isEmptyMentions(data)).toBe(true)
  })
})
