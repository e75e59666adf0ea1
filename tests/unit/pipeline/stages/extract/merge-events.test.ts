import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eventId, mergeEvents } from '../../../../../pipeline/stages/extract/merge-events.ts'
import type { ArticleEventDraft } from '../../../../../pipeline/stages/extract/merge-events.ts'
import type { EventDraft } from '../../../../../pipeline/stages/types.ts'
import { DiplomaticEventSchema } from '../../../../../src/model/dataset.ts'

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
  it('merges dateless reports only from articles of the same month, never across years or from undated articles', () => {
    const at = (id: string, articleDate: string | null) => ({ ...draft(id, { date: null, place: 'Moskau', country: 'russia', visitors: ['xi-jinping'] }), articleDate })
    const same = mergeEvents([at('a1', '2019-06-05'), at('a2', '2019-06-20')])
    expect(same.map((e) => e.evidence.map((x) => x.articleId))).toEqual([['a1', 'a2']])
    const apart = mergeEvents([at('a1', '2019-06-05'), at('a2', '2021-06-05'), at('a3', null), at('a4', null)])
    expect(apart).toHaveLength(4)
    expect(new Set(apart.map((e) => e.id)).size).toBe(4)
  })

  it('keeps each report\'s own date and how its date and status were read in the evidence', () => {
    const decided = draft('a1', {
      date: '2024-05',
      dateFrom: { rule: 'weekday-month', cue: 'am Donnerstag', reference: '2024-05-16' },
      statusFrom: { rule: 'arrival', cue: 'eingetroffen', reference: '2024-05-16' },
    })
    const [event] = mergeEvents([decided])
    expect(event?.evidence[0]).toMatchObject({ date: '2024-05', dateFrom: { cue: 'am Donnerstag' }, statusFrom: { rule: 'arrival' } })
    expect(DiplomaticEventSchema.safeParse(event).success).toBe(true)
  })

  it('keeps an announced trip and the same trip happening apart, linked as one lifecycle', () => {
    const events = mergeEvents([
      draft('a1', { status: 'planned', date: '2024-05', place: null, quote: 'Putin plant für Mai eine Reise nach China.' }),
      draft('a2', { status: 'happened', date: '2024-05-16', hosts: ['xi-jinping'] }),
    ])
    expect(events).toHaveLength(2)
    const [planned, happened] = events
    expect(planned).toMatchObject({ status: 'planned', date: '2024-05', place: null, country: 'china' })
    expect(happened).toMatchObject({ status: 'happened', date: '2024-05-16', place: 'Peking', hosts: ['xi-jinping'] })
    expect(planned?.evidence.map((e) => [e.articleId, e.status])).toEqual([['a1', 'planned']])
    expect(happened?.evidence.map((e) => [e.articleId, e.status])).toEqual([['a2', 'happened']])
    // the earliest stage by date names the lifecycle
    expect(happened?.lifecycle).toBe(planned?.id)
    expect(planned?.lifecycle).toBe(planned?.id)
  })

  it('merges reports of the same status across articles into one event', () => {
    const events = mergeEvents([
      draft('a1', { date: '2024-05', quote: 'Putin war im Mai in Peking.' }),
      draft('a2', { date: '2024-05-16', hosts: ['xi-jinping'] }),
      draft('a3', { status: 'planned', date: '2024-05', quote: 'Putin will im Mai nach Peking reisen.' }),
      draft('a4', { status: 'planned', date: '2024-05', sentence: 3, quote: 'Der Kremlchef reist im Mai nach Peking.' }),
    ])
    expect(events.map((e) => [e.status, e.evidence.map((x) => x.articleId)])).toEqual([
      ['planned', ['a3', 'a4']],
      ['happened', ['a1', 'a2']],
    ])
    expect(new Set(events.map((e) => e.lifecycle)).size).toBe(1)
  })

  it('gives unrelated events their own id as lifecycle', () => {
    const events = mergeEvents([draft('a1', {}), draft('a2', { visitors: ['scholz'], status: 'planned' })])
    expect(events).toHaveLength(2)
    for (const e of events) expect(e.lifecycle).toBe(e.id)
  })

  it('keeps ids unique when two stages share kind, travellers, place and date', () => {
    const events = mergeEvents([draft('a1', { status: 'planned' }), draft('a2', { status: 'happened' })])
    expect(events).toHaveLength(2)
    const happened = events.find((e) => e.status === 'happened')
    const planned = events.find((e) => e.status === 'planned')
    expect(happened?.id).toBe(eventId({ kind: 'visit', visitors: ['putin'], place: 'Peking', country: 'china', date: '2024-05' }))
    expect(planned?.id).toBe(`${happened?.id ?? ''}-planned`)
    expect(planned?.lifecycle).toBe(happened?.lifecycle)
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
    expect(events[0]?.lifecycle).not.toBe(events[1]?.lifecycle)
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
    const input = [
      draft('a1', {}),
      draft('a2', { visitors: ['scholz'], date: '2022-02-14' }),
      draft('a3', { date: null, status: 'invited' }),
      draft('a5', { status: 'planned', date: '2024-05-02', approx: true }),
    ]
    const one = mergeEvents(input)
    const two = mergeEvents([...input].reverse())
    expect(two).toEqual(one)
    expect(one.map((e) => e.date)).toEqual(['2022-02-14', '2024-05', '2024-05-02', null])
    expect(new Set(one.map((e) => e.id)).size).toBe(4)
    expect(new Set(one.map((e) => e.lifecycle)).size).toBe(3)
    expect(eventId({ kind: 'visit', visitors: ['b', 'a'], place: 'Rom', country: 'italy', date: '2020' })).toBe(
      eventId({ kind: 'visit', visitors: ['a', 'b'], place: 'Rom', country: 'italy', date: '2020' }),
    )
  })

  it('returns no events for no drafts', () => {
    expect(mergeEvents([])).toEqual([])
  })

  it('gives an undated event the same fields whatever order its reports come in', () => {
    const vague = draft('a3', { visitors: ['xi-jinping'], status: 'planned', date: null, approx: true, quote: 'Xi will im Frühjahr nach Peking reisen.' })
    const plain = draft('a3', { visitors: ['xi-jinping'], status: 'planned', date: null, approx: false, quote: 'Xi will im Frühjahr nach Peking reisen.' })
    const forward = mergeEvents([vague, plain])
    expect(mergeEvents([plain, vague])).toEqual(forward)
    expect(forward).toHaveLength(1)
    expect(forward[0]).toMatchObject({ date: null, approx: false })
  })
})

describe('mergeEvents on arbitrary reports', () => {
  const draftArb = fc.record({
    articleId: fc.constantFrom('a1', 'a2', 'a3'),
    sentence: fc.integer({ min: 0, max: 3 }),
    visitors: fc.constantFrom('putin', 'xi-jinping', 'lawrow+putin').map((key) => key.split('+')),
    place: fc.constantFrom('Peking', 'Moskau', null),
    date: fc.constantFrom('2024', '2024-05', '2024-05-16', '2024-06-02', null),
    approx: fc.boolean(),
    status: fc.constantFrom('happened' as const, 'ongoing' as const, 'planned' as const, 'invited' as const),
  })

  it('keeps one status per event, links stages to an event of the output, and ignores input order', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 8 }), (items) => {
        const input = items.map(({ articleId, place, ...rest }) =>
          draft(articleId, { ...rest, place, country: place === 'Moskau' ? 'russia' : 'china', quote: 'Ein Satz über eine Reise.' }),
        )
        const events = mergeEvents(input)
        expect(mergeEvents([...input].reverse())).toEqual(events)
        const byId = new Map(events.map((e) => [e.id, e]))
        expect(byId.size).toBe(events.length)
        for (const e of events) {
          expect(DiplomaticEventSchema.safeParse(e).success).toBe(true)
          expect(e.evidence.every((item) => item.status === e.status)).toBe(true)
          const head = byId.get(e.lifecycle)
          expect(head?.lifecycle).toBe(e.lifecycle)
          expect(head?.kind).toBe(e.kind)
          // the lifecycle is named after its earliest stage: no stage is dated before it
          if (head?.date != null && e.date != null) expect(e.date >= head.date).toBe(true)
          if (head?.date === null) expect(e.date).toBeNull()
        }
        // every report is kept, with the status it gives, in an event of its travellers
        for (const d of input) {
          const holders = events.filter((e) =>
            e.evidence.some((item) => item.articleId === d.articleId && item.sentence === d.draft.sentence && item.status === d.draft.status),
          )
          expect(holders.map((e) => e.visitors)).toContainEqual([...d.draft.visitors].sort())
        }
      }),
    )
  })
})

