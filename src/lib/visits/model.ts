/**
 * What the Visits timeline draws for a filter state: which visits and calls pass the filters, which
 * lane each is drawn in, how long a span its (possibly vague) date covers, and the lifecycle of its
 * stages (./lifecycle.ts). No UI text, no Vue, no DOM.
 */
import type { Article, DiplomaticEvent, EventStatus } from '../../model/dataset.ts'
import { byCodeUnit, byGermanText } from '../../model/order.ts'
import { dateSpanOf, spanInRange, type DateSpan } from '../date-span.ts'
import type { Lane, ViewFilter } from '../filters.ts'
import { lifecycle, lifecycleEvent, lifecycleGroups, type LifecycleStep } from './lifecycle.ts'

export type Direction = 'to_russia' | 'to_china' | 'elsewhere' | 'calls'

/** Actor ids of the two host countries the direction lanes are named after. */
export const RUSSIA_ID = 'russia'
export const CHINA_ID = 'china'

/** The visitor lane of events that name no visitor. */
export const UNKNOWN_VISITOR = '?'

/**
 * Which lane of the direction mode an event belongs to, from its host country. Calls travel nowhere
 * (the GUIDE gives them no place or country), so they get a lane of their own instead of "elsewhere".
 */
export function directionOf(event: Pick<DiplomaticEvent, 'country' | 'kind'>): Direction {
  if (event.kind === 'call') return 'calls'
  if (event.country === RUSSIA_ID) return 'to_russia'
  if (event.country === CHINA_ID) return 'to_china'
  return 'elsewhere'
}

/** Distinct articles reporting an event, in first-seen order. */
export function reportingArticles(event: Pick<DiplomaticEvent, 'evidence'>): string[] {
  return [...new Set(event.evidence.map((item) => item.articleId))]
}

/** Does the event (its date span, else its dated reports) overlap the date filter? */
/** What the filters read of a reporting article (a month part's Article, or an event part's report). */
export type ReportArticle = Pick<Article, 'id' | 'outlet' | 'published'>

function inDateFilter(event: DiplomaticEvent, reports: readonly ReportArticle[], filter: ViewFilter): boolean {
  if (filter.from === null && filter.to === null) return true
  if (event.date !== null) {
    const span = dateSpanOf(event.date, event.approx)
    return span === null || spanInRange(span, filter.from, filter.to)
  }
  return reports.some((article) => {
    if (article.published === null) return true
    const span = dateSpanOf(article.published, false)
    return span === null || spanInRange(span, filter.from, filter.to)
  })
}

/**
 * Does the event pass the filters?
 * - actors: one of its visitors or hosts is a selected actor;
 * - outlets: one of its reports comes from a selected outlet;
 * - date range: its date span overlaps the range; an undated event passes when one of its reporting
 *   articles was published inside the range (or has no date), so it still shows in the "ohne Datum" list.
 */
export function eventMatches(event: DiplomaticEvent, filter: ViewFilter, articlesById: ReadonlyMap<string, ReportArticle>): boolean {
  if (filter.actors.length > 0) {
    const wanted = new Set(filter.actors)
    if (!event.visitors.some((id) => wanted.has(id)) && !event.hosts.some((id) => wanted.has(id))) return false
  }
  const reports = reportingArticles(event)
    .map((id) => articlesById.get(id))
    .filter((article): article is ReportArticle => article !== undefined)
  if (filter.outlets.length > 0) {
    const wanted = new Set(filter.outlets)
    if (!reports.some((article) => wanted.has(article.outlet ?? ''))) return false
  }
  return inDateFilter(event, reports, filter)
}

/** The events that pass the filters, dated ones in time order, then the undated ones. */
export function selectEvents(events: readonly DiplomaticEvent[], filter: ViewFilter, articles: readonly ReportArticle[]): DiplomaticEvent[] {
  const articlesById = new Map(articles.map((article) => [article.id, article]))
  const chosen = events.filter((event) => eventMatches(event, filter, articlesById))
  return chosen
    .map((event, order) => ({ event, order, at: event.date === null ? null : dateSpanOf(event.date, event.approx)?.point }))
    .sort((a, b) => {
      const ta = a.at ?? Number.POSITIVE_INFINITY
      const tb = b.at ?? Number.POSITIVE_INFINITY
      return ta === tb ? a.order - b.order : ta - tb
    })
    .map(({ event }) => event)
}

/** Lane keys of an event: one direction lane, or one lane per visitor (a lane "?" when none is named). */
export function lanesOf(event: Pick<DiplomaticEvent, 'country' | 'kind' | 'visitors'>, mode: Lane): string[] {
  if (mode === 'direction') return [directionOf(event)]
  return event.visitors.length > 0 ? [...new Set(event.visitors)] : [UNKNOWN_VISITOR]
}

/**
 * The lanes to draw, in display order. Direction mode always shows its three travel lanes, and a
 * lane for calls when there are any; visitor mode shows the visitors of the given events, most active
 * first, then by id, the unnamed lane last.
 */
export function laneKeys(events: readonly Pick<DiplomaticEvent, 'country' | 'kind' | 'visitors'>[], mode: Lane): string[] {
  if (mode === 'direction') {
    const travel = ['to_russia', 'to_china', 'elsewhere']
    return events.some((event) => event.kind === 'call') ? [...travel, 'calls'] : travel
  }
  const counts = new Map<string, number>()
  for (const event of events) {
    for (const lane of lanesOf(event, mode)) counts.set(lane, (counts.get(lane) ?? 0) + 1)
  }
  return visitorLaneOrder(counts)
}

/** Visitor lanes by their count of events, most active first, then by id, the unnamed lane last. */
export function visitorLaneOrder(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.entries()]
    .sort((a, b) => Number(a[0] === UNKNOWN_VISITOR) - Number(b[0] === UNKNOWN_VISITOR) || b[1] - a[1] || byCodeUnit(a[0], b[0]))
    .map(([lane]) => lane)
}

/** One visit or call (all stages of its lifecycle) as the chart and its table twin show it. */
export interface VisitRow {
  /** The lifecycle as one event (see `lifecycleEvent`): its id is the id of the most advanced stage. */
  event: DiplomaticEvent
  /** The events that are its stages, in lifecycle order (invited → happened). */
  stages: DiplomaticEvent[]
  /** Lane keys the event is drawn in. */
  lanes: string[]
  span: DateSpan | null
  /** Distinct articles reporting any stage. */
  reports: number
  /** Distinct outlets among them, in reading order (articles without outlet are not named). */
  outlets: string[]
  steps: LifecycleStep[]
}

/** Everything the Visits view draws for one filter state. */
export interface VisitsModel {
  lanes: string[]
  dated: VisitRow[]
  undated: VisitRow[]
}

/** Each lifecycle as one event, and the stages behind each such event's id. */
function lifecyclesOf(events: readonly DiplomaticEvent[]): { lifecycles: DiplomaticEvent[]; stagesById: Map<string, DiplomaticEvent[]> } {
  const stagesById = new Map<string, DiplomaticEvent[]>()
  const lifecycles: DiplomaticEvent[] = []
  for (const stages of lifecycleGroups(events)) {
    const combined = lifecycleEvent(stages)
    if (combined === null) continue
    stagesById.set(combined.id, stages)
    lifecycles.push(combined)
  }
  return { lifecycles, stagesById }
}

export function buildVisitsModel(
  events: readonly DiplomaticEvent[],
  articles: readonly ReportArticle[],
  filter: ViewFilter & { status?: readonly EventStatus[] },
  mode: Lane,
): VisitsModel {
  const articlesById = new Map(articles.map((article) => [article.id, article]))
  const { lifecycles, stagesById } = lifecyclesOf(events)
  // the status filter reads the lifecycle's latest stage, the one its mark shows
  const statuses = filter.status ?? []
  const wanted = statuses.length === 0 ? lifecycles : lifecycles.filter((event) => statuses.includes(event.status))
  const rows = selectEvents(wanted, filter, articles).map((event): VisitRow => {
    const ids = reportingArticles(event)
    const outlets = [...new Set(ids.map((id) => articlesById.get(id)?.outlet).filter((o): o is string => typeof o === 'string'))]
    return {
      event,
      stages: stagesById.get(event.id) ?? [event],
      lanes: lanesOf(event, mode),
      span: event.date === null ? null : dateSpanOf(event.date, event.approx),
      reports: ids.length,
      outlets: outlets.sort(byGermanText),
      steps: lifecycle(event, articlesById),
    }
  })
  const dated = rows.filter((row) => row.span !== null)
  return {
    lanes: laneKeys(
      dated.map((row) => row.event),
      mode,
    ),
    dated,
    undated: rows.filter((row) => row.span === null),
  }
}

/** The row whose lifecycle has the event among its stages (so `sel=e.<id>` of any stage finds its mark). */
export function rowOfEvent(rows: readonly VisitRow[], eventId: string | null): VisitRow | null {
  if (eventId === null) return null
  return rows.find((row) => row.stages.some((stage) => stage.id === eventId)) ?? null
}
