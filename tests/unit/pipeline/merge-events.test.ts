import { describe, expect, it } from 'vitest'
import { eventId, mergeEvents } from '../../../pipeline/merge-events.ts'
import type { ArticleEventDraft } from '../../../pipeline/merge-events.ts'
import type { EventDraft } from '../../../pipeline/types.ts'

function draft(articleId: string, over: Partial<EventDraft>): ArticleEventDraft {
  return {
    articleId,
    draft: {
      kind: 'visit',
      visitors: ['putin'],
      hosts: [],
      place: 'Peking',
      country: 'china',
      date: '2024-05',
      approx: false,
      status: 'happened',
      sentence: 1,
      quote: 'Putin ist in Peking eingetroffen.',
      ...over,
    },
  }
}

describe('mergeEvents', () => {
  it('joins the same trip reported by several articles, announced then happening', () => {
    const events = mergeEvents([
      draft('a1', { status: 'planned', date: '2024-05', place: null, quote: 'Putin plant für Mai eine Reise nach China.' }),
      draft('a2', { status: 'happened', date: '2024-05-16', hosts: ['xi-jinping'] }),
    ])
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ status: 'happened', date: '2024-05-16', place: 'Peking', country: 'china', hosts: ['xi-jinping'] })
    expect(events[0]?.evidence.map((e) => [e.articleId, e.status])).toEqual([
      ['a1', 'planned'],
      ['a2', 'happened'],
    ])
  })

  it('keeps trips apart when travellers, places or dates differ', () => {
    const events = mergeEvents([
      draft('a1', {}),
      draft('a2', { visitors: ['scholz'] }),
      draft('a3', { place: 'Shanghai' }),
      draft('a4', { date: '2022-02' }),
    ])
    expect(events).toHaveLength(4)
  })

  it('does not join a dateless invitation to a dated trip', () => {
    const events = mergeEvents([draft('a1', { status: 'invited', date: null, place: null }), draft('a2', { status: 'planned', date: '2024-05' })])
    expect(events.map((e) => e.status).sort()).toEqual(['invited', 'planned'])
  })

  it('joins calls by their parties whoever is named first', () => {
    const call = { kind: 'call' as const, place: null, country: null, date: '2022-12' }
    const events = mergeEvents([
      draft('a1', { ...call, visitors: ['putin'], hosts: ['xi-jinping'] }),
      draft('a2', { ...call, visitors: ['xi-jinping'], hosts: ['putin'] }),
    ])
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ visitors: ['putin'], hosts: ['xi-jinping'] })
    expect(events[0]?.evidence).toHaveLength(2)
  })

  it('gives stable ids and a deterministic order whatever the input order', () => {
    const input = [draft('a1', {}), draft('a2', { visitors: ['scholz'], date: '2022-02-14' }), draft('a3', { date: null, status: 'invited' })]
    const one = mergeEvents(input)
    const two = mergeEvents([...input].reverse())
    expect(two).toEqual(one)
    expect(one.map((e) => e.date)).toEqual(['2022-02-14', '2024-05', null])
    expect(new Set(one.map((e) => e.id)).size).toBe(3)
    expect(eventId({ kind: 'visit', visitors: ['b', 'a'], place: 'Rom', country: 'italy', date: '2020' })).toBe(
      eventId({ kind: 'visit', visitors: ['a', 'b'], place: 'Rom', country: 'italy', date: '2020' }),
    )
  })

  it('returns no events for no drafts', () => {
    expect(mergeEvents([])).toEqual([])
  })
})
