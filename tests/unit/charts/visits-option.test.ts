import { describe, expect, it } from 'vitest'
import type { Article, DiplomaticEvent } from '../../../src/model/dataset.ts'
import type { ViewFilter } from '../../../src/lib/filters.ts'
import { buildVisitsModel } from '../../../src/lib/visits/model.ts'
import { placeMarks, symbolSizeFor, timeLabel, visitTooltip, visitsOption } from '../../../src/charts/visits-option.ts'

const NO_FILTER: ViewFilter = { actors: [], outlets: [], from: null, to: null }
const NAMES = new Map([
  ['xi', 'Xi Jinping'],
  ['putin', 'Wladimir Putin'],
  ['russia', 'Russland'],
  ['china', 'China'],
])

const ARTICLES: Article[] = ['a1', 'a2'].map((id, i) => ({
  id,
  file: `${id}.txt`,
  title: `Titel ${id}`,
  outlet: i === 0 ? 'tagesschau.de' : 'n-tv.de',
  url: null,
  published: i === 0 ? '2023-03-21' : '2023-02-10',
  publishedFrom: 'meta',
  sentenceCount: 5,
  textShard: 'texts/0.json',
  duplicateOf: null,
}))

function event(id: string, patch: Partial<DiplomaticEvent>): DiplomaticEvent {
  return {
    id,
    kind: 'visit',
    visitors: ['xi'],
    hosts: ['putin'],
    place: 'Moskau',
    country: 'russia',
    date: '2023-03-20',
    approx: false,
    status: 'happened',
    lifecycle: id,
    evidence: [{ articleId: 'a1', quote: 'Xi ist in Moskau eingetroffen.', sentence: 1, status: 'happened' }],
    ...patch,
  }
}

// e1a (announced) and e1 (happened) are two stages of one trip: one mark, both steps in its tooltip
const EVENTS = [
  event('e1a', {
    date: '2023-03',
    status: 'planned',
    evidence: [{ articleId: 'a2', quote: 'Xi wird im März Moskau besuchen.', sentence: 2, status: 'planned' }],
  }),
  event('e1', { lifecycle: 'e1a' }),
  event('e2', { kind: 'call', visitors: ['putin'], hosts: ['xi'], place: null, country: null, status: 'happened' }),
  event('e3', { visitors: ['putin'], hosts: ['xi'], country: 'china', place: 'Peking', date: '2024-05', approx: true, status: 'planned' }),
  event('e4', { date: null, status: 'invited' }),
]

type SeriesList = { type?: string; name?: string; data?: unknown[] }[]

function seriesOf(option: ReturnType<typeof visitsOption>): SeriesList {
  return (Array.isArray(option.series) ? option.series : []) as SeriesList
}

describe('visitsOption', () => {
  const model = buildVisitsModel(EVENTS, ARTICLES, NO_FILTER, 'direction')
  const option = visitsOption({ model, mode: 'direction', lang: 'de', dark: false, actorNames: NAMES })

  it('draws one lane per direction, and one for calls, with German labels', () => {
    const yAxes = option.yAxis as { data?: string[] }[]
    expect(yAxes[0]?.data).toEqual(['nach Russland', 'nach China', 'anderswo', 'Telefonate'])
  })
  it('has one scatter series per status, named in words, and a span series', () => {
    const series = seriesOf(option)
    expect(series.filter((s) => s.type === 'scatter').map((s) => s.name)).toEqual([
      'stattgefunden',
      'läuft',
      'geplant',
      'eingeladen',
      'selection',
    ])
    expect((option.legend as { data: string[] }).data).toEqual([
      'stattgefunden',
      'läuft',
      'geplant',
      'eingeladen',
      'Zeitraum (Monat, Jahr oder ungefähr)',
    ])
    // one span (a month-precision event): a segment of two points and the gap after it, in a line series
    const spans = series.filter((s) => s.type === 'line')
    expect(spans.map((s) => s.data)).toEqual([[expect.any(Array), expect.any(Array), [NaN, NaN]]])
  })
  it('leaves undated events off the timeline', () => {
    const marks = seriesOf(option)
      .filter((s) => s.type === 'scatter' && s.name !== 'selection')
      .flatMap((s) => s.data ?? [])
    expect(marks).toHaveLength(3)
  })
  it('draws the stages of one trip as one mark at its most advanced stage', () => {
    const names = seriesOf(option)
      .filter((s) => s.type === 'scatter' && s.name !== 'selection')
      .flatMap((s) => (s.data ?? []) as { name: string }[])
      .map((d) => d.name)
    expect(names).toContain('e1')
    expect(names).not.toContain('e1a')
    const planned = seriesOf(option).find((s) => s.name === 'geplant')?.data as { name: string }[]
    expect(planned.map((d) => d.name)).toEqual(['e3'])
  })
  it('draws calls hollow and sizes marks by reporting articles', () => {
    const happened = seriesOf(option).find((s) => s.name === 'stattgefunden')?.data as {
      name: string
      symbolSize: number
      itemStyle?: { color: string }
    }[]
    const call = happened.find((d) => d.name === 'e2')
    const visit = happened.find((d) => d.name === 'e1')
    expect(call?.itemStyle?.color).toBe('#ffffff')
    expect(visit?.itemStyle).toBeUndefined()
    expect(visit?.symbolSize).toBe(symbolSizeFor(2))
    expect(symbolSizeFor(2)).toBeGreaterThan(symbolSizeFor(1))
  })
  it('rings the selected event and nothing else', () => {
    const withSelection = visitsOption({ model, mode: 'direction', lang: 'de', dark: false, actorNames: NAMES, selectedId: 'e3' })
    const ring = seriesOf(withSelection).find((s) => s.name === 'selection')
    expect((ring?.data as { name: string }[]).map((d) => d.name)).toEqual(['e3'])
    expect(seriesOf(option).find((s) => s.name === 'selection')?.data).toEqual([])
  })
  it('switches to English and to visitor lanes', () => {
    const byVisitor = buildVisitsModel(EVENTS, ARTICLES, NO_FILTER, 'visitor')
    const en = visitsOption({ model: byVisitor, mode: 'visitor', lang: 'en', dark: true, actorNames: NAMES })
    expect((en.yAxis as { data?: string[] }[])[0]?.data).toEqual(['Wladimir Putin', 'Xi Jinping'])
    expect(seriesOf(en).map((s) => s.name)).toContain('planned')
  })
})

describe('visitTooltip', () => {
  it('says who, where, when, status and the lifecycle with report dates', () => {
    const model = buildVisitsModel(EVENTS, ARTICLES, NO_FILTER, 'direction')
    const row = model.dated.find((r) => r.event.id === 'e1')
    if (!row) throw new Error('missing row')
    const tip = visitTooltip(row, 'de', NAMES)
    expect(tip).toContain('Besuch · stattgefunden')
    expect(tip).toContain('Wer: Xi Jinping · Gastgeber: Wladimir Putin')
    expect(tip).toContain('Wo: Moskau, Russland')
    expect(tip).toContain('Wann: 20.03.2023')
    expect(tip).toContain('angekündigt am 10.02.2023 → stattgefunden laut Bericht vom 21.03.2023')
    expect(tip).toContain('2 Artikel, 2 Medien')
  })
  it('marks approximate month dates and keeps rich-text markup out', () => {
    const model = buildVisitsModel(
      [event('e9', { date: '2024-05', approx: true, place: '{a|Peking}' })],
      ARTICLES,
      NO_FILTER,
      'direction',
    )
    const row = model.dated[0]
    if (!row) throw new Error('missing row')
    const tip = visitTooltip(row, 'de', NAMES)
    expect(tip).toContain('Wann: ca. Mai 2024')
    expect(tip).not.toMatch(/[{}|]/)
  })
})

describe('placeMarks', () => {
  it('fans out two events on the same lane and day', () => {
    const model = buildVisitsModel([event('e1', {}), event('e2', { place: 'Sankt Petersburg' })], ARTICLES, NO_FILTER, 'direction')
    const ys = placeMarks(model).map((m) => m.y)
    expect(ys[0]).toBe(0)
    expect(ys[1]).not.toBe(0)
    expect(Math.abs(ys[1] ?? 0)).toBeLessThan(0.5)
  })
})

describe('timeLabel', () => {
  it('writes years, months and days in the UI language', () => {
    const de = timeLabel('de')
    expect(de(Date.UTC(2024, 0, 1))).toBe('2024')
    expect(de(Date.UTC(2024, 2, 1))).toBe('Mär')
    expect(de(Date.UTC(2024, 4, 16))).toBe('16. Mai')
    expect(timeLabel('en')(Date.UTC(2024, 4, 1))).toBe('May')
  })
})
