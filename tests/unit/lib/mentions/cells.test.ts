import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  activeActorsFromCells,
  cutMonths,
  dayTable,
  dayYearsNeeded,
  indexTable,
  outletCountsFromCells,
  outletMask,
  rankActorsFromCells,
  type CellsInput,
} from '../../../../src/lib/mentions/cells.ts'
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters.ts'
import { eventMarkers } from '../../../../src/lib/mentions/markers.ts'
import { buildMentions, peakPeriods, withTopTitles } from '../../../../src/lib/mentions/records.ts'
import { buildMentionsFromCells } from '../../../../src/lib/mentions/series.ts'
import { filterArticles } from '../../../../src/lib/select.ts'
import { activeActors, rankActors } from './per-article.ts'
import type { Actor, Article, Dataset, Mention } from '../../../../src/model/dataset.ts'
import type { DatasetIndex } from '../../../../src/model/layout.ts'
import { layoutFromDataset } from '../../../../pipeline/io/layout-build.ts'
import { makeDataset } from '../dataset-fixture.ts'

const actor = (id: string, name: string): Actor => ({ id, name, kind: 'person', aliases: [name], discovered: false })

/**
 * A hand-built index: two months, three outlets; one wire story appears in outlets 0 and 1 (set 2).
 *   2024-01: set 0 (a.de): 2 stories, putin named in both (5 times), xi in one (1)
 *            set 2 (a.de + b.de): 1 story naming xi 4 times
 *   2024-03: set 1 (b.de): 3 stories, putin in one (2)
 *   undated: set 3 (""): 1 story naming putin once
 */
function handIndex(): DatasetIndex {
  return {
    layoutVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    totals: { articles: 8, wireCopies: 1, mentions: 13, events: 0, figures: 0 },
    actors: [actor('putin', 'Wladimir Putin'), actor('xi', 'Xi Jinping'), actor('eu', 'EU')],
    outlets: ['a.de', 'b.de', ''],
    outletSets: [[0], [1], [0, 1], [2]],
    months: ['2024-01', '2024-03'],
    mentionCells: {
      period: [0, 0, 0, 1, -1],
      actor: [0, 1, 1, 0, 0],
      outletSet: [0, 0, 2, 1, 3],
      mentions: [5, 1, 4, 2, 1],
      articles: [2, 1, 1, 1, 1],
    },
    articleCells: { period: [0, 0, 1, -1], outletSet: [0, 2, 1, 3], articles: [2, 1, 3, 1] },
    dayFiles: [{ year: '2024', path: 'dataset.days/2024.json' }],
    parts: [],
    events: 'dataset.events.json',
  }
}

function input(index: DatasetIndex): CellsInput {
  return { index, table: indexTable(index), days: new Map() }
}

const filtersOf = (patch: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...patch })

describe('mentions from hand-built cells', () => {
  const cells = input(handIndex())

  it('counts per month on a gapless axis, with the stories of each month as denominator; undated apart', () => {
    const data = buildMentionsFromCells(cells, DEFAULT_FILTERS, ['putin', 'xi'], [])
    expect(data?.periods).toEqual(['2024-01', '2024-02', '2024-03'])
    expect(data?.denominators).toEqual([3, 0, 3])
    expect(data?.series[0]?.cells.map((cell) => [cell.mentions, cell.articles])).toEqual([[5, 2], [0, 0], [2, 1]])
    expect(data?.series[1]?.cells.map((cell) => cell.mentions)).toEqual([5, 0, 0])
    expect(data?.unplaced).toBe(1)
    expect(data?.foldedCopies).toBe(1)
  })

  it('draws the share of stories naming the actor', () => {
    const data = buildMentionsFromCells(cells, filtersOf({ measure: 'share' }), ['putin'], [])
    expect(data?.series[0]?.cells.map((cell) => cell.value)).toEqual([2 / 3, 0, 1 / 3])
  })

  it('keeps a wire story under an outlet filter when any of its outlets is kept', () => {
    expect([...outletMask(cells.index, ['b.de'])]).toEqual([0, 1, 1, 0])
    const data = buildMentionsFromCells(cells, filtersOf({ outlets: ['b.de'] }), ['putin', 'xi'], [])
    expect(data?.denominators).toEqual([1, 0, 3])
    expect(data?.series[1]?.cells[0]?.mentions).toBe(4)
    expect(data?.series[0]?.cells[0]?.mentions).toBe(0)
    expect(data?.unplaced).toBe(0)
  })

  it('ranks actors by stories under the filters, and takes the top ones unless actors are chosen', () => {
    expect(rankActorsFromCells(cells, DEFAULT_FILTERS).map((entry) => [entry.actorId, entry.articles, entry.mentions])).toEqual([
      ['putin', 4, 8],
      ['xi', 2, 5],
      ['eu', 0, 0],
    ])
    expect(activeActorsFromCells(cells, filtersOf({ outlets: ['b.de'] }))).toEqual(['xi', 'putin'])
    expect(activeActorsFromCells(cells, filtersOf({ from: '2024-01-01', to: '2024-01-31' }), 1)).toEqual(['putin'])
    expect(activeActorsFromCells(cells, filtersOf({ actors: ['eu'] }))).toEqual(['eu'])
  })

  it('counts stories per outlet within the date range (a story in two outlets counts for both)', () => {
    expect(Object.fromEntries(outletCountsFromCells(cells, DEFAULT_FILTERS))).toEqual({ 'a.de': 3, 'b.de': 4, '': 1 })
    expect(Object.fromEntries(outletCountsFromCells(cells, filtersOf({ from: '2024-02-01' })))).toEqual({ 'a.de': 0, 'b.de': 3, '': 0 })
  })

  it('needs the day files for the day and week grains and for months a date filter cuts', () => {
    expect(cutMonths({ from: '2024-01-01', to: '2024-02-29' })).toEqual([])
    expect(cutMonths({ from: '2024-01-15', to: '2024-03-30' })).toEqual(['2024-01', '2024-03'])
    expect(dayYearsNeeded(cells.index, { grain: 'month', from: '2024-01-01', to: null })).toEqual([])
    expect(dayYearsNeeded(cells.index, { grain: 'month', from: '2024-01-02', to: null })).toEqual(['2024'])
    expect(dayYearsNeeded(cells.index, { grain: 'week', from: null, to: '2023-12-31' })).toEqual([])
    expect(dayYearsNeeded(cells.index, { grain: 'day', from: null, to: null })).toEqual(['2024'])
    // not loaded yet: nothing to draw
    expect(buildMentionsFromCells(cells, filtersOf({ grain: 'day' }), ['putin'], [])).toBeUndefined()
  })
})

describe('mentions from the layout equal the per-article computation', () => {
  const dataset = makeDataset()

  /** The old way: every article record. */
  function perArticle(data: Dataset, filters: Filters) {
    const articles = filterArticles(data, filters)
    return buildMentions(data, filters, articles, activeActors(data, filters, articles))
  }

  /** The new way: the index and the day files the filters need, as the pipeline would write them. */
  function fromCells(data: Dataset, filters: Filters) {
    const layout = layoutFromDataset(data)
    const days = new Map([...layout.dayFiles.values()].map((file) => [file.year, dayTable(file, layout.index.actors.length)]))
    const cells: CellsInput = { index: layout.index, table: indexTable(layout.index), days }
    return buildMentionsFromCells(cells, filters, activeActorsFromCells(cells, filters), eventMarkers(data.events, filters, filters.grain))
  }

  function comparable(data: ReturnType<typeof perArticle> | undefined) {
    if (!data) return undefined
    return {
      periods: data.periods,
      denominators: data.denominators,
      unplaced: data.unplaced,
      events: data.events.map((event) => event.eventId),
      series: data.series.map((series) => ({ actorId: series.actorId, cells: series.cells.map((cell) => [cell.mentions, cell.articles, cell.value]) })),
    }
  }

  const cases: Partial<Filters>[] = [
    {},
    { measure: 'share' },
    { grain: 'week' },
    { grain: 'day', measure: 'share' },
    { from: '2023-02-01', to: '2023-03-31' },
    { from: '2023-02-23' },
    { to: '2023-02-22', grain: 'week' },
    { from: '2023-04-10', to: '2023-04-20' },
    { actors: ['eu', 'xi'] },
  ]
  for (const patch of cases) {
    it(`on the fixture: ${JSON.stringify(patch)}`, () => {
      const filters = filtersOf(patch)
      expect(comparable(fromCells(dataset, filters))).toEqual(comparable(perArticle(dataset, filters)))
    })
  }

  it('ranks the actors as the per-article ranking does', () => {
    const layout = layoutFromDataset(dataset)
    const ranked = rankActorsFromCells(input(layout.index), DEFAULT_FILTERS).map((entry) => [entry.actorId, entry.articles, entry.mentions])
    expect(ranked).toEqual(rankActors(dataset, dataset.articles).map((entry) => [entry.actorId, entry.articles, entry.mentions]))
  })

  // Random corpora: day, month-only and missing dates, wire copies (dated as their original, in other
  // outlets), mentions with counts 0–4. Outlet filters are left out: there a story counts once under
  // all its outlets (see above), where the per-article way counts the copies of the kept outlets.
  const ACTORS = ['putin', 'xi', 'china', 'eu'].map((id) => actor(id, id.toUpperCase()))
  const OUTLETS = ['a.de', 'b.de', null] as const
  const articleArb = fc.record({
    date: fc.oneof(
      fc.date({ min: new Date(Date.UTC(2022, 11, 20)), max: new Date(Date.UTC(2023, 2, 10)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2023-01', '2023-02'),
      fc.constant(null),
    ),
    outlet: fc.constantFrom(...OUTLETS),
    copyOf: fc.option(fc.nat(), { nil: null }),
    counts: fc.array(fc.nat({ max: 4 }), { minLength: 4, maxLength: 4 }),
  })
  const corpusArb = fc.array(articleArb, { minLength: 1, maxLength: 25 }).map((rows): Dataset => {
    const articles: Article[] = []
    const mentions: Mention[] = []
    rows.forEach((row, i) => {
      const id = `a${String(i).padStart(3, '0')}`
      // a copy points to an earlier original and shares its date
      const original = row.copyOf !== null && i > 0 ? articles[row.copyOf % i] : undefined
      const story = original && original.duplicateOf === null ? original : undefined
      const published = story ? story.published : row.date
      articles.push({
        id,
        file: `${id}.txt`,
        title: `Titel ${id}`,
        outlet: row.outlet,
        url: null,
        published,
        publishedFrom: published === null ? null : 'text',
        sentenceCount: 3,
        textShard: 'texts/0.json',
        duplicateOf: story ? story.id : null,
      })
      row.counts.forEach((count, a) => {
        const actorId = ACTORS[a]?.id
        if (actorId && (count > 0 || a === 3)) mentions.push({ articleId: id, actorId, count, sentences: count > 0 ? [0] : [] })
      })
    })
    return { schemaVersion: 1, generatedAt: '2026-01-01T00:00:00.000Z', articles, actors: ACTORS, mentions, events: [], figures: [] }
  })
  const filtersArb = fc.record({
    grain: fc.constantFrom('day', 'week', 'month') as fc.Arbitrary<Filters['grain']>,
    measure: fc.constantFrom('mentions', 'share') as fc.Arbitrary<Filters['measure']>,
    from: fc.constantFrom(null, '2023-01-01', '2023-01-17', '2023-02-01'),
    to: fc.constantFrom(null, '2023-01-31', '2023-02-14', '2023-03-05'),
  })

  it('on random corpora, any grain, measure and date range', () => {
    fc.assert(
      fc.property(corpusArb, filtersArb, (data, patch) => {
        if (patch.from !== null && patch.to !== null && patch.from > patch.to) return
        const filters = filtersOf(patch)
        expect(comparable(fromCells(data, filters))).toEqual(comparable(perArticle(data, filters)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('peak titles from the month parts', () => {
  it('labels the peak periods whose records are at hand, keeping the counts', () => {
    const dataset = makeDataset()
    const layout = layoutFromDataset(dataset)
    const base = buildMentionsFromCells(input(layout.index), DEFAULT_FILTERS, ['putin', 'xi'], [])
    if (!base) throw new Error('no data')
    expect(peakPeriods(base)).toEqual(['2023-02', '2023-04'])
    const part = [...layout.parts.values()].find((candidate) => candidate.month === '2023-02')
    if (!part) throw new Error('no part')
    const records = { ...dataset, articles: part.articles, mentions: part.mentions }
    const titled = withTopTitles(base, records, part.articles, (period) => period === '2023-02')
    expect(titled.series[0]?.cells[0]?.topTitle).toBe('Putin empfängt Wang in Moskau')
    expect(titled.series[0]?.cells[0]?.articleIds).toEqual(['a1', 'a2'])
    expect(titled.series[0]?.cells[0]?.mentions).toBe(base.series[0]?.cells[0]?.mentions)
    // April's part is not loaded: no title there yet
    expect(titled.series[1]?.cells[2]?.topTitle).toBeNull()
  })
})
