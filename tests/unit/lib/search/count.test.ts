import { describe, expect, it } from 'vitest'
import { countByPeriod, createCountCache, keptMatches, type CountFilters } from '../../../../src/lib/search/count.ts'
import type { SearchMeta } from '../../../../src/model/search.ts'

// 8 stories in 4 runs: 0–1 undated, 2–4 on 2024-01-15 (taz), 5–6 on 2024-02-01 (welt), 7 in 2024-02 (month only, taz)
const META: SearchMeta = {
  searchVersion: 1,
  generatedAt: '2026-01-01T00:00:00.000Z',
  stories: 8,
  dates: ['', '2024-01-15', '2024-02', '2024-02-01'],
  outletSets: [['taz.de'], ['welt.de']],
  runs: { date: [0, 1, 3, 2], outletSet: [0, 0, 1, 0], stories: [2, 3, 2, 1] },
  shards: { first: [''], folder: 'terms', positions: 'pos' },
  ids: { size: 8, folder: 'ids', chunks: 1 },
  stopWords: [],
}
const MATCHES = { stories: Int32Array.from([1, 2, 4, 5, 6, 7]), hits: Int32Array.from([1, 2, 3, 4, 5, 6]) }
const ALL: CountFilters = { outlets: [], from: null, to: null, grain: 'month' }

describe('countByPeriod with a shared cache', () => {
  it('counts stories and hits per period, and the undated apart', () => {
    const counted = countByPeriod(META, MATCHES, ALL, createCountCache())
    expect(Object.fromEntries(counted.counts)).toEqual({ '2024-01': 2, '2024-02': 3 })
    expect(Object.fromEntries(counted.hits)).toEqual({ '2024-01': 5, '2024-02': 15 })
    expect([counted.unplaced, counted.total]).toEqual([1, 6])
  })
  it('gives the same answer for the same filters without counting again, and a new one when they change', () => {
    const cache = createCountCache()
    const first = countByPeriod(META, MATCHES, ALL, cache)
    expect(countByPeriod(META, MATCHES, { ...ALL }, cache)).toBe(first)
    const welt = countByPeriod(META, MATCHES, { ...ALL, outlets: ['welt.de'] }, cache)
    expect(Object.fromEntries(welt.counts)).toEqual({ '2024-02': 2 })
    const days = countByPeriod(META, MATCHES, { ...ALL, grain: 'day', from: '2024-01-20' }, cache)
    expect(Object.fromEntries(days.counts)).toEqual({ '2024-02-01': 2 })
    expect(days.unplaced).toBe(1) // the month-only story has no day
    expect(countByPeriod(META, MATCHES, ALL, cache)).toBe(first)
  })
  it('keeps the hits right when a list asked for the same stories first', () => {
    const cache = createCountCache()
    expect(keptMatches(META, MATCHES.stories, ALL, null, 3, cache)).toEqual([5, 4, 3])
    expect(keptMatches(META, MATCHES.stories, ALL, '2024-01', 10, cache)).toEqual([2, 1])
    expect(Object.fromEntries(countByPeriod(META, MATCHES, ALL, cache).hits)).toEqual({ '2024-01': 5, '2024-02': 15 })
  })
  it('forgets the oldest filters past 32 of them', () => {
    const cache = createCountCache()
    const first = countByPeriod(META, MATCHES, ALL, cache)
    for (let day = 1; day <= 32; day++) countByPeriod(META, MATCHES, { ...ALL, from: `2024-01-${String(day).padStart(2, '0')}` }, cache)
    const again = countByPeriod(META, MATCHES, ALL, cache)
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })
})
