import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createMarkersMemo, eventMarkers, markersOnAxis } from '../../../../src/lib/mentions/markers.ts'
import type { DiplomaticEvent } from '../../../../src/model/dataset.ts'

function event(id: string, date: string, patch: Partial<DiplomaticEvent> = {}): DiplomaticEvent {
  return {
    id,
    kind: 'visit',
    visitors: ['xi'],
    hosts: ['putin'],
    place: 'Moskau',
    country: 'russia',
    date,
    approx: false,
    status: 'happened',
    lifecycle: id,
    evidence: [{ articleId: 'a1', quote: 'Xi ist in Moskau eingetroffen.', sentence: 1, status: 'happened' }],
    ...patch,
  }
}

const EVENTS = [event('e1', '2023-03-20'), event('e2', '2023-05'), event('e3', '2024-01-10'), event('e4', '2023', { approx: true })]

describe('eventMarkers', () => {
  it('puts each dated visit on its period, month-only dates compared by month, year-only ones left off', () => {
    const all = eventMarkers(EVENTS, { from: null, to: null }, 'month')
    expect(all.map((marker) => [marker.eventId, marker.period])).toEqual([
      ['e1', '2023-03'],
      ['e2', '2023-05'],
      ['e3', '2024-01'],
    ])
    expect(eventMarkers(EVENTS, { from: '2023-05-15', to: '2023-12-31' }, 'month').map((marker) => marker.eventId)).toEqual(['e2'])
  })

  it('hands back the same array for the same events, grain and dates from the caller\'s memo', () => {
    const memo = createMarkersMemo()
    const filters = { from: '2023-01-01', to: '2023-12-31' }
    const first = eventMarkers(EVENTS, filters, 'month', memo)
    expect(eventMarkers(EVENTS, { ...filters }, 'month', memo)).toBe(first)
    expect(eventMarkers(EVENTS, { ...filters, to: '2023-06-30' }, 'month', memo)).not.toBe(first)
    // without a memo nothing is kept between calls
    expect(eventMarkers(EVENTS, filters, 'month')).not.toBe(eventMarkers(EVENTS, filters, 'month'))
  })
})

describe('markersOnAxis', () => {
  const markers = eventMarkers(EVENTS, { from: null, to: null }, 'month')
  const positions = (periods: string[]) => new Map(periods.map((period, i) => [period, i]))

  it('keeps the whole list when the axis spans every marker, and the markers on it otherwise', () => {
    const wide = ['2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01']
    expect(markersOnAxis(markers, wide, positions(wide))).toBe(markers)
    const narrow = ['2023-04', '2023-05']
    expect(markersOnAxis(markers, narrow, positions(narrow)).map((marker) => marker.eventId)).toEqual(['e2'])
  })

  it('gives the same array again for the same markers and axis from the memo', () => {
    const memo = createMarkersMemo()
    const narrow = ['2023-04', '2023-05']
    const first = markersOnAxis(markers, narrow, positions(narrow), memo)
    expect(markersOnAxis(markers, [...narrow], positions(narrow), memo)).toBe(first)
  })
})

describe('eventMarkers sorted by date', () => {
  const date = fc.oneof(
    fc.record({ y: fc.integer({ min: 2019, max: 2021 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
    fc.record({ y: fc.integer({ min: 2019, max: 2021 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
      ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
  )
  const bounds = fc.option(date.map((value) => (value.length === 7 ? `${value}-01` : value)), { nil: null })

  it('filters by two binary searches exactly as a test of every event would', () => {
    fc.assert(
      fc.property(fc.array(date, { maxLength: 40 }), bounds, bounds, (dates, from, to) => {
        const events = dates.map((value, i) => event(`e${i}`, value))
        const kept = eventMarkers(events, { from, to }, 'month')
        const expected = events.filter((e) => {
          const value = e.date ?? ''
          const low = value.length === 7 ? from?.slice(0, 7) : from
          const high = value.length === 7 ? to?.slice(0, 7) : to
          return (low == null || value >= low) && (high == null || value <= high)
        })
        expect(new Set(kept.map((marker) => marker.eventId))).toEqual(new Set(expected.map((e) => e.id)))
        expect(kept.map((marker) => marker.date)).toEqual([...kept.map((marker) => marker.date)].sort())
      }),
    )
  })

  it('keeps the markers of an axis narrower than the markers as a slice, in date order', () => {
    const events = ['2023-01-05', '2023-02', '2023-02-10', '2023-03-01', '2023-04-30'].map((value, i) => event(`e${i}`, value))
    const all = eventMarkers(events, { from: null, to: null }, 'month')
    const axis = ['2023-02', '2023-03']
    expect(markersOnAxis(all, axis, new Map(axis.map((period, i) => [period, i]))).map((marker) => marker.eventId)).toEqual(['e1', 'e2', 'e3'])
  })
})
