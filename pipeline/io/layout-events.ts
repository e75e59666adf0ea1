/**
 * The visits and calls split for the Visits view (src/model/event-layout.ts): fed the merged events a chunk
 * at a time (the pipeline: one merge year; a whole dataset: all at once), it returns each chunk's month parts
 * (every stage of the lifecycles whose mark sits in that month, and the date and outlet of their reports) and
 * keeps only counts — lifecycles per month × kind × country × status × visitors × hosts × outlets — and where
 * each event and reporting article went (for the id shards, ./layout-ids.ts).
 *
 * A lifecycle never spans two chunks (the merge links stages only within one year), so each month part is
 * complete when its chunk is; a part named twice is an error, not a silent overwrite. Pure: no Vue, DOM or Node.
 */
import type { DiplomaticEvent } from '../../src/model/dataset.ts'
import { EVENT_KINDS, eventPartOf, statusNumber } from '../../src/model/event-layout.ts'
import type { EventCells, EventPart, EventReport, EventSummary } from '../../src/model/event-layout.ts'
import { byCodeUnit } from '../../src/model/order.ts'
import { lifecycleEvent, lifecycleGroups } from '../../src/lib/visits/lifecycle.ts'

/** What the layout knows of a reporting article: its date and outlet. */
export type ReportInfo = Pick<EventReport, 'published' | 'outlet'>

export interface EventLayoutBuilder {
  /** The month parts of one chunk of events, ascending by month ("undated" last). */
  addChunk(events: readonly DiplomaticEvent[], reportOf: (articleId: string) => ReportInfo | undefined): EventPart[]
  /** The summary, numbered for the index's actors and outlets; `pathOf` names each part's file. */
  finish(index: { actors: readonly { id: string }[]; outlets: readonly string[] }, pathOf: (month: string) => string): EventSummary
  /** Event id → its part, and reporting article id → the parts of the events it reports. */
  located(): { events: ReadonlyMap<string, string>; articles: ReadonlyMap<string, readonly string[]> }
}

const SEP = '\u0001'

/** Months ascending, "undated" last. */
function partOrder(a: string, b: string): number {
  return a === 'undated' ? 1 : b === 'undated' ? -1 : byCodeUnit(a, b)
}

/** The cell key of a lifecycle: part, kind, country, status, visitors, hosts, outlets (ids and names joined). */
function cellKey(part: string, lead: DiplomaticEvent, outlets: readonly string[]): string {
  return [part, lead.kind, lead.country ?? '', lead.status, [...lead.visitors].sort(byCodeUnit).join(SEP), [...lead.hosts].sort(byCodeUnit).join(SEP), outlets.join(SEP)].join('\u0002')
}

/** Sets of numbers in lexicographic order (a prefix first). */
function compareSets(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0)
  return a.length - b.length
}

/** Interns sets of ids as numbers, in order of first use, renumbered at the end by their members. */
function setTable(finalOf: (name: string) => number): { add(key: string): void; numbered(): { sets: number[][]; number: Map<string, number> } } {
  const keys = new Set<string>()
  return {
    add: (key) => void keys.add(key),
    numbered() {
      const entries = [...keys].map((key) => ({ key, set: (key === '' ? [] : key.split(SEP)).map(finalOf).sort((a, b) => a - b) }))
      entries.sort((a, b) => compareSets(a.set, b.set))
      return { sets: entries.map((e) => e.set), number: new Map(entries.map((e, i) => [e.key, i])) }
    },
  }
}

function summaryCells(counts: ReadonlyMap<string, number>, months: readonly string[], actorIndex: ReadonlyMap<string, number>, outletIndex: ReadonlyMap<string, number>) {
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const actorOf = (id: string): number => {
    const i = actorIndex.get(id)
    if (i === undefined) throw new Error(`actor ${id} is named by an event but not in the actor list`)
    return i
  }
  const actorSets = setTable(actorOf)
  const outletSets = setTable((name) => outletIndex.get(name) ?? 0)
  const rows = [...counts].map(([key, lifecycles]) => {
    const [part = '', kind = '', country = '', status = '', visitors = '', hosts = '', outlets = ''] = key.split('\u0002')
    actorSets.add(visitors)
    actorSets.add(hosts)
    outletSets.add(outlets)
    return { part, kind, country, status, visitorSet: visitors, hostSet: hosts, outlets, lifecycles }
  })
  const actorsNumbered = actorSets.numbered()
  const outletsNumbered = outletSets.numbered()
  const cells = rows
    .map((row) => ({
      period: monthIndex.get(row.part) ?? -1,
      kind: EVENT_KINDS.indexOf(row.kind as 'visit' | 'call'),
      country: row.country === '' ? -1 : actorOf(row.country),
      status: statusNumber(row.status as DiplomaticEvent['status']),
      visitors: actorsNumbered.number.get(row.visitorSet) ?? 0,
      hosts: actorsNumbered.number.get(row.hostSet) ?? 0,
      outlets: outletsNumbered.number.get(row.outlets) ?? 0,
      lifecycles: row.lifecycles,
    }))
    .sort((a, b) => a.period - b.period || a.kind - b.kind || a.country - b.country || a.status - b.status || a.visitors - b.visitors || a.hosts - b.hosts || a.outlets - b.outlets)
  const columns: EventCells = { period: [], kind: [], country: [], status: [], visitors: [], hosts: [], outlets: [], lifecycles: [] }
  for (const cell of cells) for (const key of Object.keys(columns) as (keyof EventCells)[]) columns[key].push(cell[key])
  return { cells: columns, actorSets: actorsNumbered.sets, outletSets: outletsNumbered.sets }
}

export function createEventLayoutBuilder(): EventLayoutBuilder {
  const counts = new Map<string, number>()
  const parts = new Map<string, { lifecycles: number; events: number }>()
  const eventParts = new Map<string, string>()
  const articleParts = new Map<string, string[]>()

  return {
    addChunk(events, reportOf) {
      const byPart = new Map<string, { ids: Set<string>; lifecycles: number }>()
      for (const stages of lifecycleGroups(events)) {
        const lead = lifecycleEvent(stages)
        if (lead === null) continue
        const part = eventPartOf(lead)
        const articles = [...new Set(lead.evidence.map((item) => item.articleId))]
        const outlets = [...new Set(articles.map((id) => reportOf(id)?.outlet ?? ''))].sort(byCodeUnit)
        const key = cellKey(part, lead, outlets)
        counts.set(key, (counts.get(key) ?? 0) + 1)
        let entry = byPart.get(part)
        if (!entry) byPart.set(part, (entry = { ids: new Set(), lifecycles: 0 }))
        entry.lifecycles += 1
        for (const stage of stages) {
          entry.ids.add(stage.id)
          eventParts.set(stage.id, part)
        }
        for (const id of articles) {
          const known = articleParts.get(id)
          if (!known) articleParts.set(id, [part])
          else if (!known.includes(part)) known.push(part)
        }
      }
      return [...byPart.keys()].sort(partOrder).map((month) => {
        const entry = byPart.get(month) as { ids: Set<string>; lifecycles: number }
        if (parts.has(month)) throw new Error(`event part ${month} was already written by an earlier chunk`)
        const chosen = events.filter((event) => entry.ids.has(event.id))
        parts.set(month, { lifecycles: entry.lifecycles, events: chosen.length })
        const reportIds = [...new Set(chosen.flatMap((event) => event.evidence.map((item) => item.articleId)))].sort(byCodeUnit)
        const reports = reportIds.map((articleId): EventReport => ({ articleId, published: reportOf(articleId)?.published ?? null, outlet: reportOf(articleId)?.outlet ?? null }))
        return { month, events: chosen, reports }
      })
    },

    finish(index, pathOf) {
      const months = [...parts.keys()].filter((m) => m !== 'undated').sort(byCodeUnit)
      const actorIndex = new Map(index.actors.map((actor, i) => [actor.id, i]))
      const outletIndex = new Map(index.outlets.map((name, i) => [name, i]))
      const { cells, actorSets, outletSets } = summaryCells(counts, months, actorIndex, outletIndex)
      const list = [...parts.keys()].sort(partOrder).map((month) => ({ month, path: pathOf(month), ...(parts.get(month) as { lifecycles: number; events: number }) }))
      return { months, actorSets, outletSets, cells, parts: list }
    },

    located: () => ({ events: eventParts, articles: articleParts }),
  }
}
