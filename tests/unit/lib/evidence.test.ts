import { describe, expect, it } from 'vitest'
import { resolveEvidence } from '../../../src/lib/evidence.ts'
import { DEFAULT_FILTERS } from '../../../src/lib/filters.ts'
import { segmentSentence } from '../../../src/lib/highlight.ts'
import { csvCell, slug, toCsv } from '../../../src/lib/csv.ts'
import { makeDataset } from './dataset-fixture.ts'

const dataset = makeDataset()

describe('resolveEvidence', () => {
  it('lists every sentence naming the actor in the period, wire copies included', () => {
    const items = resolveEvidence('m.putin.2023-02', dataset, DEFAULT_FILTERS)
    expect(items.map((item) => `${item.articleId}:${item.sentence}`)).toEqual(['a1:0', 'a1:1', 'a1:2', 'a2:0', 'a2:1', 'a3:0', 'a3:1'])
    expect(items.every((item) => item.quote === null && item.actorIds[0] === 'putin')).toBe(true)
  })

  it('respects the outlet filter and reads week periods', () => {
    const items = resolveEvidence('m.putin.2023-W08', dataset, { ...DEFAULT_FILTERS, outlets: ['n-tv.de'] })
    expect(items.map((item) => item.articleId)).toEqual(['a2', 'a2'])
  })

  it('gives an event its quotes with the status each report gives', () => {
    expect(resolveEvidence('e.ev1', dataset, DEFAULT_FILTERS)).toEqual([
      {
        articleId: 'a4',
        sentence: 1,
        quote: 'Xi reist im März nach Moskau.',
        actorIds: ['xi', 'putin'],
        status: 'planned',
        stage: { eventId: 'ev1', date: '2023-03-20', approx: false },
        why: [],
      },
    ])
  })

  it('carries how each report\'s date and status and each figure\'s year and kind were decided', () => {
    const [first] = dataset.events
    const [figure] = dataset.figures
    if (!first || !figure) throw new Error('fixture has an event and a figure')
    const dateFrom = { rule: 'time-month', cue: 'im März', reference: '2023-02-22' }
    const statusFrom = { rule: 'present-with-day', cue: 'reist', reference: '2023-02-22' }
    const decided = {
      ...dataset,
      events: [{ ...first, evidence: first.evidence.map((e) => ({ ...e, date: '2023-03', dateFrom, statusFrom })) }],
      figures: [{ ...figure, yearFrom: { rule: 'explicit-year', cue: '2022', reference: null }, kindFrom: { rule: 'trade-cue', cue: 'Handel', reference: null } }],
    }
    expect(resolveEvidence('e.ev1', decided, DEFAULT_FILTERS)[0]?.why).toEqual([
      { what: 'date', value: '2023-03', decision: dateFrom },
      { what: 'status', value: 'planned', decision: statusFrom },
    ])
    expect(resolveEvidence('f.f1', decided, DEFAULT_FILTERS)[0]?.why.map((w) => [w.what, w.decision.rule])).toEqual([
      ['year', 'explicit-year'],
      ['kind', 'trade-cue'],
    ])
  })

  it('lists the reports of every stage of the event\'s lifecycle, each with its status and date', () => {
    const [first] = dataset.events
    if (!first) throw new Error('fixture has an event')
    const later = {
      ...first,
      id: 'ev2',
      lifecycle: first.id,
      date: '2023-03-21',
      evidence: [{ articleId: 'a1', quote: 'Xi ist in Moskau angekommen.', sentence: 2, status: 'happened' as const }],
    }
    const twoStages = { ...dataset, events: [{ ...first, status: 'planned' as const }, later] }
    for (const sel of ['e.ev1', 'e.ev2']) {
      const items = resolveEvidence(sel, twoStages, DEFAULT_FILTERS)
      expect(items.map((item) => [item.articleId, item.status, item.stage?.eventId, item.stage?.date])).toEqual([
        ['a1', 'happened', 'ev2', '2023-03-21'],
        ['a4', 'planned', 'ev1', '2023-03-20'],
      ])
    }
  })

  it('gives a figure its quote and a sentence its actors', () => {
    expect(resolveEvidence('f.f1', dataset, DEFAULT_FILTERS)[0]?.quote).toBe('Der Handel stieg auf 190 Milliarden Dollar.')
    expect(resolveEvidence('a.a1.2', dataset, DEFAULT_FILTERS)[0]?.actorIds).toEqual(['putin', 'china'])
  })

  it('returns nothing for unknown or malformed selections', () => {
    expect(resolveEvidence('e.missing', dataset, DEFAULT_FILTERS)).toEqual([])
    expect(resolveEvidence('<script>', dataset, DEFAULT_FILTERS)).toEqual([])
  })
})

describe('segmentSentence', () => {
  it('splits text into plain and actor segments that join back to the text', () => {
    const text = 'Peking und Putin wollen mehr Handel.'
    const segments = segmentSentence(text, [
      { actorId: 'putin', start: 11, end: 16 },
      { actorId: 'china', start: 0, end: 6 },
    ])
    expect(segments).toEqual([
      { text: 'Peking', actorId: 'china' },
      { text: ' und ', actorId: null },
      { text: 'Putin', actorId: 'putin' },
      { text: ' wollen mehr Handel.', actorId: null },
    ])
  })

  it('keeps markup as text and ignores overlapping or out-of-range spans', () => {
    const text = '<script>alert(1)</script> Putin'
    const segments = segmentSentence(text, [
      { actorId: 'putin', start: 26, end: 31 },
      { actorId: 'x', start: 27, end: 29 },
      { actorId: 'y', start: 40, end: 50 },
    ])
    expect(segments.map((segment) => segment.text).join('')).toBe(text)
    expect(segments.filter((segment) => segment.actorId).map((segment) => segment.actorId)).toEqual(['putin'])
  })

  it('highlights only the requested actors', () => {
    const segments = segmentSentence('Xi trifft Putin', [
      { actorId: 'xi', start: 0, end: 2 },
      { actorId: 'putin', start: 10, end: 15 },
    ], new Set(['putin']))
    expect(segments.filter((segment) => segment.actorId).map((segment) => segment.text)).toEqual(['Putin'])
  })
})

describe('csv', () => {
  it('quotes separators and quotes, and defuses formulas', () => {
    expect(csvCell('Putin sagt „ja", dann nein')).toBe('"Putin sagt „ja"", dann nein"')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(0.5)).toBe('0.5')
    expect(toCsv({ header: ['a', 'b'], rows: [[1, 'x']] })).toBe('a,b\r\n1,x\r\n')
  })

  it('makes ASCII file names from German titles', () => {
    expect(slug('Erwähnungen im Zeitverlauf')).toBe('erwahnungen-im-zeitverlauf')
  })
})
