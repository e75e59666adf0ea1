import { describe, expect, it } from 'vitest'
import type { Article, DiplomaticEvent } from '../../../../src/model/dataset.ts'
import { dateSpanOf, spanInRange } from '../../../../src/lib/date-span.ts'
import type { ViewFilter } from '../../../../src/lib/filters.ts'
import { lifecycle, lifecycleEvent, lifecycleGroups, stagesOf } from '../../../../src/lib/visits/lifecycle.ts'
import { buildVisitsModel, directionOf, laneKeys, rowOfEvent, selectEvents } from '../../../../src/lib/visits/model.ts'

const NO_FILTER: ViewFilter = { actors: [], outlets: [], from: null, to: null }

function article(id: string, outlet: string | null, published: string | null): Article {
  return {
    id,
    file: `${id}.txt`,
    title: `Titel ${id}`,
    outlet,
    url: null,
    published,
    publishedFrom: published === null ? null : 'meta',
    sentenceCount: 10,
    textShard: 'texts/0.json',
    duplicateOf: null,
  }
}

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
    evidence: [
      { articleId: 'a1', quote: 'Xi Jinping ist zu einem Besuch in Moskau eingetroffen.', sentence: 2, status: 'happened' },
    ],
    ...patch,
  }
}

const ARTICLES = [
  article('a1', 'tagesschau.de', '2023-03-20'),
  article('a2', 'n-tv.de', '2023-02-10'),
  article('a3', null, null),
]

describe('dateSpanOf', () => {
  it('reads a day as that one day', () => {
    const span = dateSpanOf('2023-03-20', false)
    expect(span?.precision).toBe('day')
    expect(span?.start).toBe(Date.UTC(2023, 2, 20))
    expect(span?.end).toBe(Date.UTC(2023, 2, 21))
  })
  it('reads a month as the whole month, the mark in its middle', () => {
    const span = dateSpanOf('2024-02', false)
    expect(span).toMatchObject({ precision: 'month', start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 2, 1) })
    expect(span?.point).toBe(Date.UTC(2024, 1, 15))
  })
  it('widens an approximate month ("im Frühjahr") by a month on each side', () => {
    const span = dateSpanOf('2023-03', true)
    expect(span).toMatchObject({ start: Date.UTC(2023, 1, 1), end: Date.UTC(2023, 4, 1), approx: true })
  })
  it('reads a year as the whole year', () => {
    expect(dateSpanOf('2022', false)).toMatchObject({ precision: 'year', start: Date.UTC(2022, 0, 1), end: Date.UTC(2023, 0, 1) })
  })
  it('rejects malformed dates', () => {
    expect(dateSpanOf('März 2023', false)).toBeNull()
    expect(dateSpanOf('2023-13', false)).toBeNull()
  })
})

describe('spanInRange', () => {
  const march = { start: Date.UTC(2023, 2, 1), end: Date.UTC(2023, 3, 1) }
  it('keeps a month span that overlaps the range at its last day', () => {
    expect(spanInRange(march, '2023-03-31', null)).toBe(true)
  })
  it('drops a span that ends before the range starts', () => {
    expect(spanInRange(march, '2023-04-01', null)).toBe(false)
  })
  it('treats the "to" day as inclusive', () => {
    expect(spanInRange(march, null, '2023-03-01')).toBe(true)
    expect(spanInRange(march, null, '2023-02-28')).toBe(false)
  })
})

describe('directionOf', () => {
  it('sorts visits by host country into the three lanes', () => {
    expect(directionOf({ kind: 'visit', country: 'russia' })).toBe('to_russia')
    expect(directionOf({ kind: 'visit', country: 'china' })).toBe('to_china')
    expect(directionOf({ kind: 'visit', country: 'kazakhstan' })).toBe('elsewhere')
    expect(directionOf({ kind: 'visit', country: null })).toBe('elsewhere')
  })
  it('gives calls a lane of their own', () => {
    expect(directionOf({ kind: 'call', country: null })).toBe('calls')
    expect(laneKeys([event('e1', { kind: 'call', country: null })], 'direction')).toEqual([
      'to_russia',
      'to_china',
      'elsewhere',
      'calls',
    ])
  })
})

describe('selectEvents', () => {
  const events = [
    event('e1', {}),
    event('e2', { visitors: ['putin'], hosts: ['xi'], country: 'china', place: 'Peking', date: '2023-01' }),
    event('e3', {
      date: null,
      status: 'invited',
      evidence: [{ articleId: 'a2', quote: 'Putin hat Xi nach Moskau eingeladen.', sentence: 4, status: 'invited' }],
    }),
  ]
  it('keeps events whose visitors or hosts include a selected actor', () => {
    const ids = selectEvents(events, { ...NO_FILTER, actors: ['putin'] }, ARTICLES).map((e) => e.id)
    expect(ids).toEqual(['e2', 'e1', 'e3'])
    expect(selectEvents(events, { ...NO_FILTER, actors: ['lawrow'] }, ARTICLES)).toEqual([])
  })
  it('keeps events with a report from a selected outlet', () => {
    expect(selectEvents(events, { ...NO_FILTER, outlets: ['n-tv.de'] }, ARTICLES).map((e) => e.id)).toEqual(['e3'])
  })
  it('filters dated events by their span and undated ones by their reports', () => {
    const ids = selectEvents(events, { ...NO_FILTER, from: '2023-02-01', to: '2023-02-28' }, ARTICLES).map((e) => e.id)
    expect(ids).toEqual(['e3'])
  })
  it('orders dated events in time, undated last', () => {
    expect(selectEvents(events, NO_FILTER, ARTICLES).map((e) => e.id)).toEqual(['e2', 'e1', 'e3'])
  })
})

describe('lifecycle', () => {
  it('lists announced, then happened, each with its earliest report and sentences', () => {
    const byId = new Map(ARTICLES.map((a) => [a.id, a]))
    const steps = lifecycle(
      {
        evidence: [
          { articleId: 'a1', quote: 'Xi ist in Moskau eingetroffen.', sentence: 1, status: 'happened' },
          { articleId: 'a2', quote: 'Xi wird im März nach Moskau reisen.', sentence: 3, status: 'planned' },
          { articleId: 'a3', quote: 'Xi will Moskau besuchen.', sentence: 0, status: 'planned' },
        ],
      },
      byId,
    )
    expect(steps.map((s) => [s.status, s.firstReported, s.evidence.length])).toEqual([
      ['planned', '2023-02-10', 2],
      ['happened', '2023-03-20', 1],
    ])
    expect(steps[0]?.evidence.map((e) => e.articleId)).toEqual(['a2', 'a3'])
  })
})

describe('laneKeys and buildVisitsModel', () => {
  const events = [
    event('e1', {}),
    event('e2', { visitors: ['putin'], hosts: ['xi'], country: 'china' }),
    event('e3', { visitors: ['putin', 'lawrow'], country: 'china', date: '2023-05' }),
    event('e4', { kind: 'call', visitors: [], hosts: [], country: null, place: null, date: null }),
  ]
  it('always shows the three direction lanes', () => {
    expect(laneKeys([], 'direction')).toEqual(['to_russia', 'to_china', 'elsewhere'])
  })
  it('orders visitor lanes by activity', () => {
    expect(laneKeys(events, 'visitor')).toEqual(['putin', 'lawrow', 'xi', '?'])
  })
  it('splits dated from undated events and counts distinct reports and outlets', () => {
    const twice = event('e5', {
      evidence: [
        { articleId: 'a1', quote: 'Xi ist eingetroffen.', sentence: 1, status: 'happened' },
        { articleId: 'a1', quote: 'Der Besuch dauert drei Tage.', sentence: 5, status: 'ongoing' },
        { articleId: 'a2', quote: 'Xi reist nach Moskau.', sentence: 2, status: 'planned' },
      ],
    })
    const model = buildVisitsModel([...events, twice], ARTICLES, NO_FILTER, 'visitor')
    expect(model.undated.map((r) => r.event.id)).toEqual(['e4'])
    expect(model.dated.map((r) => r.event.id)).toEqual(['e1', 'e2', 'e5', 'e3'])
    const row = model.dated.find((r) => r.event.id === 'e5')
    expect(row?.reports).toBe(2)
    expect(row?.outlets).toEqual(['n-tv.de', 'tagesschau.de'])
    expect(row?.steps.map((s) => s.status)).toEqual(['planned', 'ongoing', 'happened'])
    expect(model.dated.find((r) => r.event.id === 'e3')?.lanes).toEqual(['putin', 'lawrow'])
    expect(model.lanes).toEqual(['putin', 'xi', 'lawrow'])
  })
})

describe('status and unknown-outlet filters', () => {
  const events = [
    event('e1', {}),
    event('e2', { status: 'planned', evidence: [{ articleId: 'a3', quote: 'Xi will reisen.', sentence: 1, status: 'planned' }] }),
  ]
  it('keeps only the chosen statuses', () => {
    const model = buildVisitsModel(events, ARTICLES, { ...NO_FILTER, status: ['planned'] }, 'direction')
    expect(model.dated.map((r) => r.event.id)).toEqual(['e2'])
  })
  it('matches "" against reports without a known outlet', () => {
    expect(selectEvents(events, { ...NO_FILTER, outlets: [''] }, ARTICLES).map((e) => e.id)).toEqual(['e2'])
  })
})

describe('lifecycles across events', () => {
  // one trip in three stages, each its own event with the status its reports give
  const invited = event('s1', {
    date: null,
    status: 'invited',
    hosts: ['putin'],
    evidence: [{ articleId: 'a3', quote: 'Putin hat Xi nach Moskau eingeladen.', sentence: 2, status: 'invited' }],
  })
  const planned = event('s2', {
    date: '2023-03',
    status: 'planned',
    place: null,
    hosts: [],
    lifecycle: 's1',
    evidence: [{ articleId: 'a2', quote: 'Xi wird im März nach Russland reisen.', sentence: 3, status: 'planned' }],
  })
  const happened = event('s3', {
    lifecycle: 's1',
    evidence: [
      { articleId: 'a1', quote: 'Xi ist in Moskau eingetroffen.', sentence: 1, status: 'happened' },
      { articleId: 'a2', quote: 'Inzwischen ist Xi in Moskau angekommen.', sentence: 7, status: 'happened' },
    ],
  })
  const other = event('o1', { visitors: ['putin'], hosts: ['xi'], country: 'china', place: 'Peking', date: '2023-10' })
  const events = [happened, other, planned, invited]

  it('groups events by lifecycle id, stages in lifecycle order', () => {
    expect(lifecycleGroups(events).map((g) => g.map((e) => e.id))).toEqual([['s1', 's2', 's3'], ['o1']])
    expect(stagesOf('s2', events).map((e) => e.id)).toEqual(['s1', 's2', 's3'])
    expect(stagesOf('o1', events).map((e) => e.id)).toEqual(['o1'])
    expect(stagesOf('nope', events)).toEqual([])
  })

  it('shows a lifecycle as its most advanced stage with the parties and reports of all stages', () => {
    const combined = lifecycleEvent([invited, planned, happened])
    expect(combined).toMatchObject({ id: 's3', status: 'happened', date: '2023-03-20', place: 'Moskau', hosts: ['putin'] })
    expect(combined?.evidence.map((e) => `${e.articleId}#${e.sentence}`)).toEqual(['a1#1', 'a2#3', 'a2#7', 'a3#2'])
    expect(lifecycleEvent([other])).toBe(other)
    expect(lifecycleEvent([])).toBeNull()
  })

  it('draws one row per lifecycle, counting each reporting article once across stages', () => {
    const model = buildVisitsModel(events, ARTICLES, NO_FILTER, 'direction')
    expect(model.dated.map((r) => r.event.id)).toEqual(['s3', 'o1'])
    expect(model.undated).toEqual([])
    const row = model.dated[0]
    expect(row?.stages.map((e) => e.id)).toEqual(['s1', 's2', 's3'])
    expect(row?.reports).toBe(3)
    expect(row?.steps.map((s) => [s.status, s.firstReported])).toEqual([
      ['invited', null],
      ['planned', '2023-02-10'],
      ['happened', '2023-02-10'],
    ])
  })

  it('finds the row of any stage, so sel=e.<stage id> still marks the trip', () => {
    const model = buildVisitsModel(events, ARTICLES, NO_FILTER, 'direction')
    expect(rowOfEvent(model.dated, 's1')?.event.id).toBe('s3')
    expect(rowOfEvent(model.dated, 's2')?.event.id).toBe('s3')
    expect(rowOfEvent(model.dated, 'o1')?.event.id).toBe('o1')
    expect(rowOfEvent(model.dated, 'x')).toBeNull()
    expect(rowOfEvent(model.dated, null)).toBeNull()
  })

  it('filters a lifecycle by its most advanced status and by the reports of all its stages', () => {
    expect(buildVisitsModel(events, ARTICLES, { ...NO_FILTER, status: ['planned'] }, 'direction').dated).toEqual([])
    const unknownOutlet = buildVisitsModel(events, ARTICLES, { ...NO_FILTER, outlets: [''] }, 'direction')
    expect(unknownOutlet.dated.map((r) => r.event.id)).toEqual(['s3'])
  })
})
