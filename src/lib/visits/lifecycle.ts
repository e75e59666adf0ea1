/**
 * The stages of one visit or call. The pipeline keeps each stage (announced, happened, …) a separate
 * event with the status its reports give and links them by a shared `lifecycle` id; the app draws one
 * mark per lifecycle, shown as its most advanced stage, and lists the statuses its reports state
 * ("angekündigt am …, stattgefunden am …"). Pure.
 */
import type { Article, DiplomaticEvent, Evidence, EventStatus } from '../../model/dataset.ts'
import { byCodeUnit } from '../../model/order.ts'

/** Statuses in the order a visit moves through them. */
export const STATUS_ORDER: readonly EventStatus[] = ['invited', 'planned', 'ongoing', 'happened']

/** Where a status stands in the lifecycle (invited 0 … happened 3). */
export function statusRank(status: EventStatus): number {
  return STATUS_ORDER.indexOf(status)
}

/** One step of an event's lifecycle: a status and the reports that state it, earliest first. */
export interface LifecycleStep {
  status: EventStatus
  /** Publication date of the earliest report stating this status, or null when none is dated. */
  firstReported: string | null
  evidence: Evidence[]
}

function publishedOf(item: Evidence, articlesById: ReadonlyMap<string, Pick<Article, 'published'>>): string | null {
  return articlesById.get(item.articleId)?.published ?? null
}

/** Compares ISO-like dates as strings; undated ones sort last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return byCodeUnit(a, b)
}

/**
 * The statuses an event's reports state, in lifecycle order (invited → planned → ongoing → happened),
 * each with the date it was first reported and every sentence that backs it.
 */
export function lifecycle(event: Pick<DiplomaticEvent, 'evidence'>, articlesById: ReadonlyMap<string, Pick<Article, 'published'>>): LifecycleStep[] {
  return STATUS_ORDER.flatMap((status) => {
    const evidence = event.evidence
      .filter((item) => item.status === status)
      .sort((a, b) => compareDates(publishedOf(a, articlesById), publishedOf(b, articlesById)))
    const first = evidence[0]
    if (first === undefined) return []
    return [{ status, firstReported: publishedOf(first, articlesById), evidence }]
  })
}

/** How precisely a stage is dated: undated < year < month < day, approximate below exact. */
function datePrecision(event: Pick<DiplomaticEvent, 'date' | 'approx'>): number {
  if (event.date === null) return 0
  return event.date.length * 2 - (event.approx ? 1 : 0)
}

/** Stages in lifecycle order: by status (invited → happened), then date (undated last), then id. */
function compareStages(a: DiplomaticEvent, b: DiplomaticEvent): number {
  return statusRank(a.status) - statusRank(b.status) || compareDates(a.date, b.date) || byCodeUnit(a.id, b.id)
}

/** The events sharing a `lifecycle` id, each group in lifecycle order; groups in order of their first event. */
export function lifecycleGroups(events: readonly DiplomaticEvent[]): DiplomaticEvent[][] {
  const groups = new Map<string, DiplomaticEvent[]>()
  for (const event of events) groups.set(event.lifecycle, [...(groups.get(event.lifecycle) ?? []), event])
  return [...groups.values()].map((stages) => stages.sort(compareStages))
}

/** All stages of the lifecycle the event belongs to (the event alone when it has no other stage). */
export function stagesOf(eventId: string, events: readonly DiplomaticEvent[]): DiplomaticEvent[] {
  const event = events.find((candidate) => candidate.id === eventId)
  if (event === undefined) return []
  return events.filter((candidate) => candidate.lifecycle === event.lifecycle).sort(compareStages)
}

/** The reports of all stages, each sentence once, by article then sentence. */
function mergedEvidence(stages: readonly DiplomaticEvent[]): Evidence[] {
  const seen = new Set<string>()
  return stages
    .flatMap((stage) => stage.evidence)
    .filter((item) => {
      const key = `${item.articleId}#${item.sentence}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort((a, b) => byCodeUnit(a.articleId, b.articleId) || a.sentence - b.sentence)
}

/**
 * A lifecycle as one event: id, status, date and kind of its most advanced stage (the most precisely
 * dated one among equals), the travellers, hosts and reports of all stages. A single stage is returned
 * as it is.
 */
export function lifecycleEvent(stages: readonly DiplomaticEvent[]): DiplomaticEvent | null {
  const lead = [...stages].sort(
    (a, b) => statusRank(b.status) - statusRank(a.status) || datePrecision(b) - datePrecision(a) || byCodeUnit(a.id, b.id),
  )[0]
  if (lead === undefined) return null
  if (stages.length === 1) return lead
  const visitors = lead.kind === 'call' ? lead.visitors : [...new Set(stages.flatMap((stage) => stage.visitors))].sort(byCodeUnit)
  const hosts = [...new Set(stages.flatMap((stage) => stage.hosts))].filter((id) => !visitors.includes(id)).sort(byCodeUnit)
  return {
    ...lead,
    visitors,
    hosts,
    place: lead.place ?? stages.find((stage) => stage.place !== null)?.place ?? null,
    country: lead.country ?? stages.find((stage) => stage.country !== null)?.country ?? null,
    evidence: mergedEvidence(stages),
  }
}
