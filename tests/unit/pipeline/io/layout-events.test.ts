/** The events split for the Visits view: each lifecycle lands in the month of its mark, the summary counts equal the records, the id shards find them. */
import { describe, expect, it } from 'vitest'
import type { Article, Dataset, DiplomaticEvent, EventStatus } from '../../../../src/model/dataset.ts'
import { EVENT_STATUSES } from '../../../../src/model/dataset.ts'
import { EVENT_KINDS, eventPartOf, parseEventPart, parseEventSummary } from '../../../../src/model/event-layout.ts'
import type { EventSummary } from '../../../../src/model/event-layout.ts'
import { articleInShard, eventInShard, idShardOf, parseIdShard } from '../../../../src/model/id-map.ts'
import type { IdShard } from '../../../../src/model/id-map.ts'
import { createEventLayoutBuilder } from '../../../../pipeline/io/layout-events.ts'
import { eventPartPath, layoutFromDataset, layoutPathsFor } from '../../../../pipeline/io/layout-build.ts'
import { lifecycleEvent, lifecycleGroups } from '../../../../src/lib/visits/lifecycle.ts'
import { random, randomDataset } from './random-dataset.ts'

const paths = layoutPathsFor('dataset')

function event(id: string, date: string | null, status: EventStatus, articleId: string, more: Partial<DiplomaticEvent> = {}): DiplomaticEvent {
  return {
    id,
    kind: 'visit',
    visitors: ['xi'],
    hosts: ['putin'],
    place: 'Moskau',
    country: 'russia',
    date,
    approx: false,
    status,
    lifecycle: id,
    evidence: [{ articleId, quote: 'Xi reist nach Moskau.', sentence: 1, status }],
    ...more,
  }
}

/** A random dataset with visits and calls: lifecycles of two stages, year-only and undated dates, several reports. */
function withEvents(seed: number): Dataset {
  const dataset = randomDataset(120, seed)
  const rnd = random(seed + 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T
  const dates = ['2022-03-04', '2022-03', '2022', '2023-11-30', '2023-12', null]
  const events: DiplomaticEvent[] = []
  for (let i = 0; i < 60; i++) {
    const reports = [pick(dataset.articles), pick(dataset.articles)].map((a: Article, n) => ({ articleId: a.id, quote: 'Ein Satz.', sentence: n, status: pick(EVENT_STATUSES) }))
    const base = event(`ev${i}`, pick(dates), pick(EVENT_STATUSES), 'x', { evidence: reports, kind: pick(EVENT_KINDS), visitors: [pick(['xi', 'putin'])], hosts: [pick(['china', 'eu'])], country: pick(['eu', 'china', null]) })
    events.push(base)
    // every fifth has a second stage, dated alike (the merge links stages within one year only)
    if (i % 5 === 0) events.push({ ...base, id: `ev${i}b`, status: 'planned', date: base.date === null ? null : base.date.slice(0, 4), lifecycle: base.id })
  }
  return { ...dataset, events }
}

/** Lifecycles counted by the summary, per (month, status). */
function summaryCounts(summary: EventSummary): Map<string, number> {
  const out = new Map<string, number>()
  summary.cells.period.forEach((period, i) => {
    const key = `${period === -1 ? 'undated' : summary.months[period]}|${EVENT_STATUSES[summary.cells.status[i] ?? 0]}`
    out.set(key, (out.get(key) ?? 0) + (summary.cells.lifecycles[i] ?? 0))
  })
  return out
}

describe('event layout', () => {
  it('puts a lifecycle in the month of its mark: a day or month in its own month, a year in July, undated apart', () => {
    expect(eventPartOf({ date: '2024-05-16' })).toBe('2024-05')
    expect(eventPartOf({ date: '2024-05' })).toBe('2024-05')
    expect(eventPartOf({ date: '2024' })).toBe('2024-07')
    expect(eventPartOf({ date: null })).toBe('undated')
    const builder = createEventLayoutBuilder()
    const announced = event('e1', '2024', 'planned', 'a1', { lifecycle: 'e1' })
    const happened = event('e2', '2024-05-16', 'happened', 'a2', { lifecycle: 'e1' })
    const parts = builder.addChunk([announced, happened, event('e3', null, 'invited', 'a3')], (id) => ({ published: id === 'a1' ? '2024-01-10' : null, outlet: id === 'a2' ? 'zeit.de' : null }))
    // both stages sit with the lead stage (happened, 16 May), not the announcement's July
    expect(parts.map((part) => [part.month, part.events.map((e) => e.id)])).toEqual([
      ['2024-05', ['e1', 'e2']],
      ['undated', ['e3']],
    ])
    expect(parts[0]?.reports).toEqual([
      { articleId: 'a1', published: '2024-01-10', outlet: null },
      { articleId: 'a2', published: null, outlet: 'zeit.de' },
    ])
    expect(() => builder.addChunk([event('e4', '2024-05-01', 'happened', 'a4')], () => undefined)).toThrow(/2024-05 was already written/)
  })

  it('counts every lifecycle once in the summary, under its lead stage, and every stage lands in one part', () => {
    for (const seed of [1, 2, 3]) {
      const dataset = withEvents(seed)
      const layout = layoutFromDataset(dataset, paths)
      const summary = layout.files.get(paths.eventSummary) as EventSummary
      expect(parseEventSummary(JSON.parse(JSON.stringify(summary))).ok).toBe(true)
      const expected = new Map<string, number>()
      for (const stages of lifecycleGroups(dataset.events)) {
        const lead = lifecycleEvent(stages) as DiplomaticEvent
        const key = `${eventPartOf(lead)}|${lead.status}`
        expected.set(key, (expected.get(key) ?? 0) + 1)
      }
      expect(summaryCounts(summary)).toEqual(expected)
      const placed = [...layout.eventParts.values()].flatMap((part) => part.events.map((e) => e.id))
      expect(placed.sort()).toEqual(dataset.events.map((e) => e.id).sort())
      for (const [path, part] of layout.eventParts) {
        expect(parseEventPart(JSON.parse(JSON.stringify(part))).ok).toBe(true)
        expect(path).toBe(eventPartPath(paths, part.month))
        const entry = summary.parts.find((p) => p.month === part.month)
        expect(entry).toEqual({ month: part.month, path, lifecycles: new Set(part.events.map((e) => e.lifecycle)).size, events: part.events.length })
      }
      // outlets of a cell are those of the lifecycle's reports
      const outletsOf = new Map(dataset.articles.map((a) => [a.id, a.outlet ?? '']))
      const allOutlets = summary.outletSets.flat().map((n) => layout.index.outlets[n])
      for (const e of dataset.events) for (const item of e.evidence) expect(allOutlets).toContain(outletsOf.get(item.articleId))
    }
  })

  it('id shards name the month part of every article and the event part of every event', () => {
    const dataset = withEvents(4)
    const layout = layoutFromDataset(dataset, paths)
    const ids = layout.index.ids
    if (!ids) throw new Error('no ids in the index')
    const shardOf = (id: string): IdShard => {
      const shard = layout.files.get(`${ids.folder}/${String(idShardOf(id, ids.shards)).padStart(3, '0')}.json`) as IdShard
      expect(parseIdShard(JSON.parse(JSON.stringify(shard))).ok).toBe(true)
      return shard
    }
    for (const article of dataset.articles) {
      const found = articleInShard(shardOf(article.id), article.id)
      expect(found?.month).toBe(article.published === null ? 'undated' : article.published.slice(0, 7))
      const reported = dataset.events.filter((e) => e.evidence.some((item) => item.articleId === article.id))
      for (const e of reported) {
        const part = eventInShard(shardOf(e.id), e.id)
        expect(found?.eventParts).toContain(part)
        expect(layout.eventParts.get(eventPartPath(paths, part ?? ''))?.events.map((x) => x.id)).toContain(e.id)
      }
    }
    expect(articleInShard(shardOf('nope'), 'nope')).toBeNull()
  })
})
