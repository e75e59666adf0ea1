import { describe, expect, it } from 'vitest'
import type { LocationQuery } from 'vue-router'
import {
  MAX_LIST_ITEMS,
  MAX_VALUE_LENGTH,
  filtersToQuery,
  parseFilters,
  queryString,
  sameQuery,
  type FilterContext,
} from '../../../src/lib/filter-query.ts'
import { parseSelection, selectionToString } from '../../../src/lib/selection.ts'
import { DEFAULT_FILTERS, isIsoDay, type Filters } from '../../../src/lib/filters.ts'

const context: FilterContext = {
  actorIds: new Set(['putin', 'xi', 'china', 'wang.yi']),
  outlets: new Set(['tagesschau.de', 'n-tv.de', '']),
  articleIds: new Set(['a1', 'a2']),
  eventIds: new Set(['ev1']),
  figureIds: new Set(['f1']),
}

function parse(query: LocationQuery) {
  return parseFilters(query, context)
}

describe('parseFilters / filtersToQuery round trip', () => {
  it('gives the defaults and no notices for an empty query', () => {
    expect(parse({})).toEqual({ filters: DEFAULT_FILTERS, dropped: [] })
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({})
  })

  it('reads every key and writes the same query back', () => {
    const query = {
      actor: 'putin,xi',
      outlet: 'n-tv.de',
      from: '2023-02-01',
      to: '2023-03-31',
      grain: 'week',
      measure: 'share',
      stack: '1',
      lane: 'visitor',
      fx: 'usd',
      status: 'happened,planned',
      kind: 'trade_target',
      sel: 'm.putin.2023-W08',
      lang: 'en',
      theme: 'dark',
    }
    const { filters, dropped } = parse(query)
    expect(dropped).toEqual([])
    expect(filters.actors).toEqual(['putin', 'xi'])
    expect(filters.stack).toBe(true)
    expect(filters.theme).toBe('dark')
    expect(filtersToQuery(filters)).toEqual(query)
  })

  it('writes filters to a query that parses back to equal filters', () => {
    const filters: Filters = {
      ...DEFAULT_FILTERS,
      actors: ['xi', 'china'],
      outlets: [''],
      from: '2024-01-01',
      grain: 'day',
      sel: 'a.a1.12',
      status: ['invited'],
    }
    const query = filtersToQuery(filters)
    expect(query.actor).toBe('china,xi')
    expect(query.to).toBeUndefined()
    expect(query.outlet).toBe('-')
    expect(parse(query).filters).toEqual({ ...filters, actors: ['china', 'xi'] })
  })

  it('omits defaults so the URL stays short', () => {
    expect(filtersToQuery({ ...DEFAULT_FILTERS, grain: 'month', lang: 'de', measure: 'mentions' })).toEqual({})
  })

  it('sorts and dedupes lists, so equal filters make equal URLs', () => {
    const { filters, dropped } = parse({ actor: 'xi,putin,xi' })
    expect(filters.actors).toEqual(['putin', 'xi'])
    expect(dropped).toEqual([{ key: 'actor', value: 'xi', reason: 'repeated-value' }])
  })
})

describe('parseFilters drops junk with a reason and keeps the rest', () => {
  it('drops unknown actor ids but keeps the known ones', () => {
    const { filters, dropped } = parse({ actor: 'putin,merkel', grain: 'week' })
    expect(filters.actors).toEqual(['putin'])
    expect(filters.grain).toBe('week')
    expect(dropped).toEqual([{ key: 'actor', value: 'merkel', reason: 'unknown-value' }])
  })

  it('drops impossible dates', () => {
    const { filters, dropped } = parse({ from: '2023-02-30', to: '2023-13-01' })
    expect(filters.from).toBeNull()
    expect(filters.to).toBeNull()
    expect(dropped.map((entry) => entry.reason)).toEqual(['bad-date', 'bad-date'])
  })

  it('drops a reversed range, naming both ends', () => {
    const { filters, dropped } = parse({ from: '2024-05-01', to: '2023-01-01', actor: 'xi' })
    expect([filters.from, filters.to]).toEqual([null, null])
    expect(filters.actors).toEqual(['xi'])
    expect(dropped).toEqual([
      { key: 'from', value: '2024-05-01', reason: 'reversed-range' },
      { key: 'to', value: '2023-01-01', reason: 'reversed-range' },
    ])
  })

  it('drops a 10,000-character value and shortens it in the notice', () => {
    const long = 'x'.repeat(10_000)
    const { filters, dropped } = parse({ actor: long, lang: 'en' })
    expect(filters.actors).toEqual([])
    expect(filters.lang).toBe('en')
    expect(dropped).toHaveLength(1)
    expect(dropped[0]?.reason).toBe('too-long')
    expect(dropped[0]?.value.length).toBeLessThanOrEqual(60)
    expect(long.length).toBeGreaterThan(MAX_VALUE_LENGTH)
  })

  it('keeps the first of repeated keys and drops the others', () => {
    const { filters, dropped } = parse({ grain: ['week', 'day'] })
    expect(filters.grain).toBe('week')
    expect(dropped).toEqual([{ key: 'grain', value: 'day', reason: 'repeated-key' }])
  })

  it('drops script tags as unknown values, never passing them on', () => {
    const { filters, dropped } = parse({ sel: '<script>alert(1)</script>', outlet: '<img src=x onerror=alert(1)>' })
    expect(filters.sel).toBeNull()
    expect(filters.outlets).toEqual([])
    expect(dropped.map((entry) => [entry.key, entry.reason])).toEqual([
      ['outlet', 'unknown-value'],
      ['sel', 'unknown-value'],
    ])
  })

  it('drops values with encoded nulls and other control characters', () => {
    const { filters, dropped } = parse({ actor: 'putin\u0000', lang: 'en\u0007' })
    expect(filters.actors).toEqual([])
    expect(filters.lang).toBe('de')
    expect(dropped.map((entry) => entry.reason)).toEqual(['control-chars', 'control-chars'])
  })

  it('names unknown keys, and ignores the reader key "s"', () => {
    const { dropped } = parse({ utm_source: 'chat', s: '4' })
    expect(dropped).toEqual([{ key: 'utm_source', value: 'chat', reason: 'unknown-key' }])
  })

  it('drops bad enum values and stack values other than 1', () => {
    const { filters, dropped } = parse({ grain: 'year', stack: 'yes', theme: 'sepia', measure: 'share' })
    expect(filters.grain).toBe('month')
    expect(filters.stack).toBe(false)
    expect(filters.theme).toBeNull()
    expect(filters.measure).toBe('share')
    expect(dropped.map((entry) => entry.key)).toEqual(['grain', 'stack', 'theme'])
  })

  it('drops selections of unknown marks', () => {
    for (const sel of ['m.merkel.2023-02', 'e.nope', 'f.nope', 'a.zz.1', 'm.putin.2023-99-99', 'x.putin']) {
      expect(parse({ sel }).filters.sel).toBeNull()
    }
    expect(parse({ sel: 'e.ev1' }).filters.sel).toBe('e.ev1')
  })

  it('keeps a selection of records not loaded yet (null id sets), still dropping malformed ones and unknown actors', () => {
    const early: FilterContext = { ...context, articleIds: null, eventIds: null, figureIds: null }
    for (const sel of ['e.nope', 'f.nope', 'a.zz.1']) expect(parseFilters({ sel }, early).filters.sel).toBe(sel)
    for (const sel of ['m.merkel.2023-02', 'x.putin', 'a.zz']) expect(parseFilters({ sel }, early).filters.sel).toBeNull()
  })

  it('treats a null query value (a bare key) as empty, not as a crash', () => {
    const { filters } = parse({ actor: null, grain: null })
    expect(filters.actors).toEqual([])
    expect(parse({ grain: null }).dropped).toEqual([{ key: 'grain', value: '', reason: 'unknown-value' }])
  })
})

describe('URL length', () => {
  it('drops list items past the limit with a notice', () => {
    const many = Array.from({ length: MAX_LIST_ITEMS + 2 }, (_, i) => `actor-${String(i).padStart(2, '0')}`)
    const wide: FilterContext = { ...context, actorIds: new Set(many) }
    const { filters, dropped } = parseFilters({ actor: many.join(',') }, wide)
    expect(filters.actors).toHaveLength(MAX_LIST_ITEMS)
    expect(dropped.map((entry) => entry.reason)).toEqual(['too-many', 'too-many'])
  })

  it('stays under 2,000 characters with every key set to its longest sensible value', () => {
    const actors = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `a-rather-long-actor-id-${i}`)
    const query = filtersToQuery({
      ...DEFAULT_FILTERS,
      actors,
      outlets: ['frankfurter-allgemeine-zeitung.de', 'sueddeutsche-zeitung.de', 'tagesschau.de'],
      from: '2020-01-01',
      to: '2025-12-31',
      grain: 'week',
      measure: 'share',
      stack: true,
      lane: 'visitor',
      fx: 'usd',
      status: ['happened', 'ongoing', 'planned', 'invited'],
      kind: ['contract', 'other', 'trade_target', 'trade_volume'],
      sel: `a.${'x'.repeat(60)}.12345`,
      lang: 'en',
      theme: 'dark',
    })
    const url = `https://press-monitor.example.org/articles/${'y'.repeat(60)}?${queryString(query)}&s=12345`
    expect(url.length).toBeLessThan(2000)
  })
})

describe('selections', () => {
  it('reads actor ids that contain dots', () => {
    expect(parseSelection('m.wang.yi.2023-02')).toEqual({ kind: 'mention', actorId: 'wang.yi', period: '2023-02' })
    expect(parseSelection('a.a1.17')).toEqual({ kind: 'sentence', articleId: 'a1', sentence: 17 })
  })

  it('writes what it reads', () => {
    for (const value of ['m.putin.2023-02-22', 'e.ev1', 'f.f1', 'a.a1.0']) {
      const selection = parseSelection(value)
      expect(selection && selectionToString(selection)).toBe(value)
    }
  })
})

describe('helpers', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true)
    expect(isIsoDay('2023-02-29')).toBe(false)
    expect(isIsoDay('2023-2-1')).toBe(false)
  })

  it('compares queries regardless of key order', () => {
    expect(sameQuery({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true)
    expect(sameQuery({ a: '1' }, { a: '2' })).toBe(false)
  })
})

describe('search queries in the URL (q)', () => {
  it('reads repeated q values in order and writes them back the same way', () => {
    const { filters, dropped } = parse({ q: ['Gas OR Öl', '"Kraft Sibiriens"'], sel: 't.1.2023-02' })
    expect(filters.queries).toEqual(['Gas OR Öl', '"Kraft Sibiriens"'])
    expect(filters.sel).toBe('t.1.2023-02')
    expect(dropped).toEqual([])
    expect(filtersToQuery(filters)).toEqual({ q: ['Gas OR Öl', '"Kraft Sibiriens"'], sel: 't.1.2023-02' })
    expect(queryString(filtersToQuery(filters))).toBe('q=Gas+OR+%C3%96l&q=%22Kraft+Sibiriens%22&sel=t.1.2023-02')
    expect(filtersToQuery({ ...DEFAULT_FILTERS, queries: ['Getreide'] })).toEqual({ q: 'Getreide' })
  })
  it('drops empty, overlong, repeated and surplus queries, and a selection of a query that is not there', () => {
    const { filters, dropped } = parse({ q: ['', 'Gas', 'x'.repeat(10_000), 'Gas', 'a', 'b', 'c', 'd'], sel: 't.7.2023-02' })
    expect(filters.queries).toEqual(['Gas', 'a', 'b', 'c'])
    expect(dropped.map((d) => `${d.key}:${d.reason}`)).toEqual(['q:too-long', 'q:repeated-value', 'q:too-many', 'sel:unknown-value'])
    expect(filters.sel).toBeNull()
  })
  it('parses and writes query selections', () => {
    expect(parseSelection('t.0.2024-W05')).toEqual({ kind: 'query', query: 0, period: '2024-W05' })
    expect(parseSelection('t.x.2024-05')).toBeUndefined()
    expect(selectionToString({ kind: 'query', query: 2, period: '2024-05-01' })).toBe('t.2.2024-05-01')
  })
})
