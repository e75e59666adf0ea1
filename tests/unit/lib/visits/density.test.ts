/** The Visits density from the event summary: the same visits as the single marks, and the switch between the two. */
import { describe, expect, it } from 'vitest'
import type { Dataset, DiplomaticEvent } from '../../../../src/model/dataset.ts'
import type { EventSummary } from '../../../../src/model/event-layout.ts'
import { layoutFromDataset, layoutPathsFor } from '../../../../pipeline/io/layout-build.ts'
import { MARKS_LIMIT, monthsBetween, visitsDensity, visitsMode } from '../../../../src/lib/visits/density.ts'
import { buildVisitsModel } from '../../../../src/lib/visits/model.ts'
import { makeDataset } from '../dataset-fixture.ts'

const paths = layoutPathsFor('dataset')

/** The fixture with `n` visits and calls spread over 2023, Xi and Putin travelling, reported by a1–a4. */
function withVisits(n: number): Dataset {
  const base = makeDataset()
  const events: DiplomaticEvent[] = Array.from({ length: n }, (_, i) => ({
    id: `ev${i}`,
    kind: i % 4 === 0 ? 'call' : 'visit',
    visitors: [i % 2 === 0 ? 'xi' : 'putin'],
    hosts: [i % 2 === 0 ? 'putin' : 'xi'],
    place: null,
    country: i % 3 === 0 ? 'china' : null,
    date: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    approx: false,
    status: i % 5 === 0 ? 'planned' : 'happened',
    lifecycle: `ev${i}`,
    evidence: [{ articleId: ['a1', 'a2', 'a4'][i % 3] ?? 'a1', quote: 'Ein Satz über den Besuch.', sentence: 1, status: 'happened' }],
  }))
  return { ...base, events }
}

function density(dataset: Dataset, filter: Parameters<typeof visitsDensity>[2], mode: 'direction' | 'visitor' = 'direction') {
  const layout = layoutFromDataset(dataset, paths)
  return visitsDensity(layout.files.get(paths.eventSummary) as EventSummary, layout.index, filter, mode)
}

const open = { actors: [], outlets: [], from: null, to: null }

describe('visitsDensity', () => {
  it('counts per lane and month what the single marks would draw, under actor, outlet, status and month filters', () => {
    const dataset = withVisits(60)
    for (const filter of [open, { ...open, actors: ['xi'] }, { ...open, outlets: ['zeit.de'] }, { ...open, status: ['planned' as const] }, { ...open, from: '2023-03-01', to: '2023-05-31' }]) {
      for (const mode of ['direction', 'visitor'] as const) {
        const marks = buildVisitsModel(dataset.events, dataset.articles, filter, mode)
        const bins = density(dataset, filter, mode)
        expect(bins.dated).toBe(marks.dated.length)
        const perLane = new Map<string, number>()
        for (const row of marks.dated) for (const lane of row.lanes) perLane.set(lane, (perLane.get(lane) ?? 0) + 1)
        const binLanes = new Map<string, number>()
        for (const bin of bins.bins) binLanes.set(bin.lane, (binLanes.get(bin.lane) ?? 0) + bin.lifecycles)
        expect(binLanes).toEqual(perLane)
        if (mode === 'visitor') expect(bins.lanes).toEqual(marks.lanes)
      }
    }
  })

  it('names the event parts that hold the visits that pass, and every month of the axis', () => {
    const bins = density(withVisits(60), { ...open, from: '2023-03-10', to: '2023-04-02' })
    // a date filter that cuts a month takes the whole month
    expect(bins.parts).toEqual(['2023-03', '2023-04'])
    expect(bins.months).toEqual(['2023-03', '2023-04'])
    expect(monthsBetween('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02'])
  })

  it('switches to the density above the limit and back to single marks when the filters leave few visits', () => {
    const many = density(withVisits(MARKS_LIMIT + 40), open)
    expect(many.dated).toBe(MARKS_LIMIT + 40)
    expect(visitsMode(many)).toBe('density')
    const narrowed = density(withVisits(MARKS_LIMIT + 40), { ...open, from: '2023-02-01', to: '2023-02-28' })
    expect(narrowed.dated).toBeLessThanOrEqual(MARKS_LIMIT)
    expect(visitsMode(narrowed)).toBe('marks')
    expect(visitsMode({ dated: MARKS_LIMIT })).toBe('marks')
    expect(visitsMode({ dated: MARKS_LIMIT + 1 })).toBe('density')
  })
})
