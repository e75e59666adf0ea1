/** The Quotes and "named together" keys of the URL: speaker, named, focus, and the q. / c. selections. */
import { describe, expect, it } from 'vitest'
import { filtersToQuery, parseFilters, type FilterContext } from '../../../src/lib/filter-query.ts'
import { parseSelection, selectionToString } from '../../../src/lib/selection.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'

const context: FilterContext = {
  actorIds: new Set(['putin', 'xi', 'china', 'wang.yi']),
  outlets: new Set(['tagesschau.de']),
  articleIds: null,
  eventIds: null,
  figureIds: null,
}

describe('quotes and co-mention keys', () => {
  it('reads speaker, named, focus and a pair selection and writes the same query back', () => {
    const query = { speaker: 'putin,xi', named: 'china', focus: 'wang.yi', sel: 'c.china,putin' }
    const { filters, dropped } = parseFilters(query, context)
    expect(dropped).toEqual([])
    expect(filters).toEqual({ ...DEFAULT_FILTERS, speaker: ['putin', 'xi'], named: ['china'], focus: 'wang.yi', sel: 'c.china,putin' })
    expect(filtersToQuery(filters)).toEqual(query)
  })

  it('drops unknown speakers, named actors, focus and pairs with a notice, keeping the rest', () => {
    const { filters, dropped } = parseFilters({ speaker: 'putin,merkel', named: 'nobody', focus: 'merkel', sel: 'c.putin,merkel' }, context)
    expect(filters.speaker).toEqual(['putin'])
    expect(filters.named).toEqual([])
    expect(filters.focus).toBeNull()
    expect(filters.sel).toBeNull()
    expect(dropped.map((d) => `${d.key}=${d.value}:${d.reason}`)).toEqual([
      'speaker=merkel:unknown-value',
      'named=nobody:unknown-value',
      'focus=merkel:unknown-value',
      'sel=c.putin,merkel:unknown-value',
    ])
  })

  it('reads a quotes selection with a speaker whose id has dots, and one without a speaker', () => {
    expect(parseSelection('q.wang.yi.2023-02')).toEqual({ kind: 'quotes', speaker: 'wang.yi', period: '2023-02' })
    expect(parseSelection('q.-.2023-W08')).toEqual({ kind: 'quotes', speaker: null, period: '2023-W08' })
    expect(selectionToString({ kind: 'quotes', speaker: null, period: '2023-02-22' })).toBe('q.-.2023-02-22')
    expect(parseFilters({ sel: 'q.-.2023-02' }, context).filters.sel).toBe('q.-.2023-02')
    expect(parseFilters({ sel: 'q.merkel.2023-02' }, context).filters.sel).toBeNull()
  })

  it('refuses a pair of one actor, of three, or without a second', () => {
    for (const value of ['c.putin,putin', 'c.putin,xi,china', 'c.putin', 'c.putin,', 'q.putin.2023-13']) expect(parseSelection(value)).toBeUndefined()
    expect(selectionToString({ kind: 'pair', first: 'china', second: 'putin' })).toBe('c.china,putin')
  })
})
