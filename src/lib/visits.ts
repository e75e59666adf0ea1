/**
 * Pure selection helpers for the Visits timeline: which events pass the filters, which lane each
 * one is drawn in, how long a span its (possibly vague) date covers, and the lifecycle of statuses
 * its stages form ("angekündigt am …, stattgefunden am …"). The pipeline keeps each stage of a visit
 * (announced, happened, …) a separate event with the status its reports give and links the stages
 * by a shared `lifecycle` id; the view draws one mark per lifecycle. No Vue, no DOM.
 */
import type { Actor, Article, DiplomaticEvent, Evidence, EventStatus } from '../model/dataset.ts'
import { dateFormat } from './i18n.ts'

/** The part of the shared filters the Visits and Figures views use. */
export interface ViewFilter {
  /** Actor ids; empty means "no actor filter". */
  actors: readonly string[]
  /** Outlets; empty means "all outlets"; "" stands for articles without a known outlet. */
  outlets: readonly string[]
  /** Inclusive "YYYY-MM-DD" bounds, or null for open. */
  from: string | null
  to: string | null
}

export type LaneMode = 'direction' | 'visitor'
export type Direction = 'to_russia' | 'to_china' | 'elsewhere' | 'calls'
export type DatePrecision = 'day' | 'month' | 'year'

/** Statuses in the order a visit moves through them. */
export const STATUS_ORDER: readonly EventStatus[] = ['invited', 'planned', 'ongoing', 'happened']

/** Actor ids of the two host countries the direction lanes are named after. */
export const RUSSIA_ID = 'russia'
export const CHINA_ID = 'china'

const DAY_MS = 86_400_000

/** An event's date as a time span (UTC milliseconds), widened when the text only gives it roughly. */
export interface DateSpan {
  /** Start of the span, inclusive. */
  start: number
  /** End of the span, exclusive. */
  end: number
  /** Where the mark sits: the day itself, or the middle of a month/year span. */
  point: number
  precision: DatePrecision
  approx: boolean
}

/**
 * Reads "YYYY-MM-DD", "YYYY-MM" or "YYYY" into a span. An approximate date ("im Frühjahr" → month,
 * "Anfang Januar" → month) is widened by one unit of its precision on each side, so a season
 * written as its first month covers the months around it. Returns null for malformed input.
 */
export function dateSpan(date: string, approx: boolean): DateSpan | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!match) return null
  const year = Number(match[1])
  const month = match[2] === undefined ? null : Number(match[2]) - 1
  const day = match[3] === undefined ? null : Number(match[3])
  if (month !== null && (month < 0 || month > 11)) return null
  if (day !== null && (day < 1 || day > 31)) return null
  const widen = approx ? 1 : 0
  if (month === null) {
    const start = Date.UTC(year - widen, 0, 1)
    const end = Date.UTC(year + 1 + widen, 0, 1)
    return { start, end, point: Date.UTC(year, 6, 1), precision: 'year', approx }
  }
  if (day === null) {
    const start = Date.UTC(year, month - widen, 1)
    const end = Date.UTC(year, month + 1 + widen, 1)
    return { start, end, point: Date.UTC(year, month, 15), precision: 'month', approx }
  }
  const point = Date.UTC(year, month, day)
  const spread = approx ? 3 * DAY_MS : 0
  return { start: point - spread, end: point + DAY_MS + spread, point, precision: 'day', approx }
}

function dayStart(iso: string): number | null {
  const span = dateSpan(iso, false)
  return span ? span.start : null
}

function dayEnd(iso: string): number | null {
  const span = dateSpan(iso, false)
  return span ? span.end : null
}

/** Does the span overlap the inclusive filter range? Open bounds always pass. */
export function spanInRange(span: Pick<DateSpan, 'start' | 'end'>, from: string | null, to: string | null): boolean {
  const lo = from === null ? null : dayStart(from)
  const hi = to === null ? null : dayEnd(to)
  if (lo !== null && span.end <= lo) return false
  if (hi !== null && span.start >= hi) return false
  return true
}

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

/**
 * Does the event pass the filters?
 * - actors: one of its visitors or hosts is a selected actor;
 * - outlets: one of its reports comes from a selected outlet;
 * - date range: its date span overlaps the range; an undated event passes when one of its reporting
 *   articles was published inside the range (or has no date), so it still shows in the "ohne Datum" list.
 */
export function eventMatches(
  event: DiplomaticEvent,
  filter: ViewFilter,
  articlesById: ReadonlyMap<string, Article>,
): boolean {
  if (filter.actors.length > 0) {
    const wanted = new Set(filter.actors)
    if (!event.visitors.some((id) => wanted.has(id)) && !event.hosts.some((id) => wanted.has(id))) return false
  }
  const reports = reportingArticles(event)
    .map((id) => articlesById.get(id))
    .filter((article): article is Article => article !== undefined)
  if (filter.outlets.length > 0) {
    const wanted = new Set(filter.outlets)
    if (!reports.some((article) => wanted.has(article.outlet ?? ''))) return false
  }
  if (filter.from === null && filter.to === null) return true
  if (event.date !== null) {
    const span = dateSpan(event.date, event.approx)
    return span === null || spanInRange(span, filter.from, filter.to)
  }
  return reports.some((article) => {
    if (article.published === null) return true
    const span = dateSpan(article.published, false)
    return span === null || spanInRange(span, filter.from, filter.to)
  })
}

/** The events that pass the filters, dated ones in time order, then the undated ones. */
export function selectEvents(
  events: readonly DiplomaticEvent[],
  filter: ViewFilter,
  articles: readonly Article[],
): DiplomaticEvent[] {
  const articlesById = new Map(articles.map((article) => [article.id, article]))
  const chosen = events.filter((event) => eventMatches(event, filter, articlesById))
  return chosen
    .map((event, order) => ({ event, order, at: event.date === null ? null : dateSpan(event.date, event.approx)?.point }))
    .sort((a, b) => {
      const ta = a.at ?? Number.POSITIVE_INFINITY
      const tb = b.at ?? Number.POSITIVE_INFINITY
      return ta === tb ? a.order - b.order : ta - tb
    })
    .map(({ event }) => event)
}

/** One step of an event's lifecycle: a status and the reports that state it, earliest first. */
export interface LifecycleStep {
  status: EventStatus
  /** Publication date of the earliest report stating this status, or null when none is dated. */
  firstReported: string | null
  evidence: Evidence[]
}

function publishedOf(item: Evidence, articlesById: ReadonlyMap<string, Article>): string | null {
  return articlesById.get(item.articleId)?.published ?? null
}

/** Compares ISO-like dates as strings; undated reports sort last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/**
 * The statuses an event's reports state, in lifecycle order (invited → planned → ongoing → happened),
 * each with the date it was first reported and every sentence that backs it.
 */
export function lifecycle(
  event: Pick<DiplomaticEvent, 'evidence'>,
  articlesById: ReadonlyMap<string, Article>,
): LifecycleStep[] {
  return STATUS_ORDER.flatMap((status) => {
    const evidence = event.evidence
      .filter((item) => item.status === status)
      .sort((a, b) => compareDates(publishedOf(a, articlesById), publishedOf(b, articlesById)))
    const first = evidence[0]
    if (first === undefined) return []
    return [{ status, firstReported: publishedOf(first, articlesById), evidence }]
  })
}

/** Where a status stands in the lifecycle (invited 0 … happened 3). */
function statusRank(status: EventStatus): number {
  return STATUS_ORDER.indexOf(status)
}

/** How precisely a stage is dated: undated < year < month < day, approximate below exact. */
function datePrecision(event: Pick<DiplomaticEvent, 'date' | 'approx'>): number {
  if (event.date === null) return 0
  return event.date.length * 2 - (event.approx ? 1 : 0)
}

/** Stages in lifecycle order: by status (invited → happened), then date (undated last), then id. */
function compareStages(a: DiplomaticEvent, b: DiplomaticEvent): number {
  return statusRank(a.status) - statusRank(b.status) || compareDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
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

/**
 * A lifecycle as one event: id, status, date and kind of its most advanced stage (the most precisely
 * dated one among equals), the travellers, hosts and reports of all stages. A single stage is returned
 * as it is.
 */
export function lifecycleEvent(stages: readonly DiplomaticEvent[]): DiplomaticEvent | null {
  const lead = [...stages].sort(
    (a, b) =>
      statusRank(b.status) - statusRank(a.status) ||
      datePrecision(b) - datePrecision(a) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0]
  if (lead === undefined) return null
  if (stages.length === 1) return lead
  const visitors = lead.kind === 'call' ? lead.visitors : [...new Set(stages.flatMap((stage) => stage.visitors))].sort()
  const hosts = [...new Set(stages.flatMap((stage) => stage.hosts))].filter((id) => !visitors.includes(id)).sort()
  const seen = new Set<string>()
  const evidence = stages
    .flatMap((stage) => stage.evidence)
    .filter((item) => {
      const key = `${item.articleId}#${item.sentence}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.sentence - b.sentence))
  return {
    ...lead,
    visitors,
    hosts,
    place: lead.place ?? stages.find((stage) => stage.place !== null)?.place ?? null,
    country: lead.country ?? stages.find((stage) => stage.country !== null)?.country ?? null,
    evidence,
  }
}

/** Lane keys of an event: one direction lane, or one lane per visitor (a lane "?" when none is named). */
export function lanesOf(event: Pick<DiplomaticEvent, 'country' | 'kind' | 'visitors'>, mode: LaneMode): string[] {
  if (mode === 'direction') return [directionOf(event)]
  return event.visitors.length > 0 ? [...new Set(event.visitors)] : [UNKNOWN_VISITOR]
}

export const UNKNOWN_VISITOR = '?'

/**
 * The lanes to draw, in display order. Direction mode always shows its three travel lanes, and a
 * lane for calls when there are any; visitor mode
 * shows the visitors of the given events, most active first, then by id, the unnamed lane last.
 */
export function laneKeys(
  events: readonly Pick<DiplomaticEvent, 'country' | 'kind' | 'visitors'>[],
  mode: LaneMode,
): string[] {
  if (mode === 'direction') {
    const travel = ['to_russia', 'to_china', 'elsewhere']
    return events.some((event) => event.kind === 'call') ? [...travel, 'calls'] : travel
  }
  const counts = new Map<string, number>()
  for (const event of events) {
    for (const lane of lanesOf(event, mode)) counts.set(lane, (counts.get(lane) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort(
      (a, b) =>
        Number(a[0] === UNKNOWN_VISITOR) - Number(b[0] === UNKNOWN_VISITOR) ||
        b[1] - a[1] ||
        (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )
    .map(([lane]) => lane)
}

/** Display name of an actor id (the id itself when unknown). */
export function actorName(id: string, actorsById: ReadonlyMap<string, Pick<Actor, 'name'>>): string {
  return actorsById.get(id)?.name ?? id
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
  /** Distinct outlets among them (articles without outlet count as one unknown outlet each). */
  outlets: string[]
  steps: LifecycleStep[]
}

/** Everything the Visits view draws for one filter state. */
export interface VisitsModel {
  lanes: string[]
  dated: VisitRow[]
  undated: VisitRow[]
}

export function buildVisitsModel(
  events: readonly DiplomaticEvent[],
  articles: readonly Article[],
  filter: ViewFilter & { status?: readonly EventStatus[] },
  mode: LaneMode,
): VisitsModel {
  const articlesById = new Map(articles.map((article) => [article.id, article]))
  const stagesById = new Map<string, DiplomaticEvent[]>()
  const lifecycles: DiplomaticEvent[] = []
  for (const stages of lifecycleGroups(events)) {
    const combined = lifecycleEvent(stages)
    if (combined === null) continue
    stagesById.set(combined.id, stages)
    lifecycles.push(combined)
  }
  // the status filter reads the lifecycle's latest stage, the one its mark shows
  const statuses = filter.status ?? []
  const wanted = statuses.length === 0 ? lifecycles : lifecycles.filter((event) => statuses.includes(event.status))
  const rows = selectEvents(wanted, filter, articles).map((event): VisitRow => {
    const ids = reportingArticles(event)
    const outlets = [
      ...new Set(ids.map((id) => articlesById.get(id)?.outlet).filter((o): o is string => typeof o === 'string')),
    ].sort()
    return {
      event,
      stages: stagesById.get(event.id) ?? [event],
      lanes: lanesOf(event, mode),
      span: event.date === null ? null : dateSpan(event.date, event.approx),
      reports: ids.length,
      outlets,
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

export type UiLang = 'de' | 'en'

/** Words of the Visits view, German first. */
const VISITS_DE = {
  title: 'Besuche und Telefonate',
  caption:
    'Jede Markierung ist ein Besuch oder Telefonat mit allen seinen Stufen (eingeladen, angekündigt, stattgefunden), zusammengeführt aus allen Artikeln, die darüber berichten. Farbe und Form zeigen den am weitesten fortgeschrittenen Stand; eine Zahl daneben heißt: so viele Artikel berichten darüber. Balken zeigen, wenn nur Monat, Jahr oder ein ungefährer Zeitpunkt bekannt ist.',
  status: { happened: 'stattgefunden', ongoing: 'läuft', planned: 'geplant', invited: 'eingeladen' },
  step: {
    happened: 'stattgefunden laut Bericht vom',
    ongoing: 'laufend laut Bericht vom',
    planned: 'angekündigt am',
    invited: 'eingeladen laut Bericht vom',
  },
  kind: { visit: 'Besuch', call: 'Telefonat/Videoschalte' },
  lane: { to_russia: 'nach Russland', to_china: 'nach China', elsewhere: 'anderswo', calls: 'Telefonate', unknown: 'unbekannt' },
  lanesLabel: 'Spuren',
  allActors: 'alle',
  allStatuses: 'alle',
  keyLabel: 'Zeichenerklärung',
  laneMode: { direction: 'Richtung', visitor: 'Reisende' },
  laneAxis: { direction: 'Reiseziel', visitor: 'Reisende/Anrufende' },
  timeAxis: 'Datum des Besuchs',
  span: 'Zeitraum (Monat, Jahr oder ungefähr)',
  who: 'Wer',
  host: 'Gastgeber',
  where: 'Wo',
  when: 'Wann',
  lifecycle: 'Verlauf',
  sources: (reports: number, outlets: number) =>
    `${reports} Artikel${outlets > 0 ? `, ${outlets} ${outlets === 1 ? 'Medium' : 'Medien'}` : ''}`,
  approx: 'ca.',
  reportUndated: 'Bericht ohne Datum',
  undatedDate: 'ohne Datum',
  undatedTitle: 'Ohne Datum',
  undatedHint: 'Diese Ereignisse nennen kein Datum; sie sind nicht im Zeitstrahl, aber hier vollständig aufgeführt.',
  empty: 'Keine Besuche für diese Filter',
  keyFilled: 'gefüllt = Besuch',
  keyHollow: 'hohl = Telefonat/Videoschalte',
  keyBar: 'Balken = Zeitraum bzw. unsichere Angabe',
  keySize: 'Größe und Zahl = berichtende Artikel (ab 2)',
  unknownPlace: 'Ort unbekannt',
  callPlace: 'Telefon/Video',
  showEvidence: 'Belege zeigen',
  table: {
    caption: 'Besuche und Telefonate als Tabelle',
    lane: 'Spur',
    date: 'Datum',
    kind: 'Art',
    visitors: 'Reisende',
    hosts: 'Gastgeber',
    place: 'Ort',
    status: 'Stand',
    lifecycle: 'Verlauf',
    reports: 'Berichte',
    evidence: 'Belege',
  },
  count: (n: number) => `${n} ${n === 1 ? 'Ereignis' : 'Ereignisse'}`,
}

export type VisitsText = typeof VISITS_DE

const VISITS_EN: VisitsText = {
  title: 'Visits and calls',
  caption:
    'Each mark is a visit or call with all its stages (invited, announced, happened), merged from every article that reports it. Colour and shape show the most advanced status; a number beside it says how many articles report it. Bars show when only the month, year or an approximate time is known.',
  status: { happened: 'happened', ongoing: 'ongoing', planned: 'planned', invited: 'invited' },
  step: {
    happened: 'happened, reported on',
    ongoing: 'ongoing, reported on',
    planned: 'announced on',
    invited: 'invited, reported on',
  },
  kind: { visit: 'Visit', call: 'Phone/video call' },
  lane: { to_russia: 'to Russia', to_china: 'to China', elsewhere: 'elsewhere', calls: 'Calls', unknown: 'unknown' },
  lanesLabel: 'Lanes',
  allActors: 'all',
  allStatuses: 'all',
  keyLabel: 'Key',
  laneMode: { direction: 'Direction', visitor: 'Visitor' },
  laneAxis: { direction: 'Destination', visitor: 'Visitor/caller' },
  timeAxis: 'Date of the visit',
  span: 'Time span (month, year or approximate)',
  who: 'Who',
  host: 'Host',
  where: 'Where',
  when: 'When',
  lifecycle: 'Lifecycle',
  sources: (reports: number, outlets: number) =>
    `${reports} ${reports === 1 ? 'article' : 'articles'}${outlets > 0 ? `, ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}` : ''}`,
  approx: 'approx.',
  reportUndated: 'report undated',
  undatedDate: 'undated',
  undatedTitle: 'Undated',
  undatedHint: 'These events give no date; they are not on the timeline but listed here in full.',
  empty: 'No visits for these filters',
  keyFilled: 'filled = visit',
  keyHollow: 'hollow = phone/video call',
  keyBar: 'bar = time span or uncertain date',
  keySize: 'size and number = reporting articles (from 2)',
  unknownPlace: 'place unknown',
  callPlace: 'phone/video',
  showEvidence: 'Show evidence',
  table: {
    caption: 'Visits and calls as a table',
    lane: 'Lane',
    date: 'Date',
    kind: 'Kind',
    visitors: 'Visitors',
    hosts: 'Hosts',
    place: 'Place',
    status: 'Status',
    lifecycle: 'Lifecycle',
    reports: 'Reports',
    evidence: 'Evidence',
  },
  count: (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`,
}

export const VISITS_TEXT: Readonly<Record<UiLang, VisitsText>> = { de: VISITS_DE, en: VISITS_EN }

/** Intl locale for a UI language. */
export function localeOf(lang: UiLang): string {
  return lang === 'de' ? 'de-DE' : 'en-GB'
}

/** An event date in words: "20.03.2023", "März 2023", "2023", prefixed "ca." when approximate. */
export function formatEventDate(date: string | null, approx: boolean, lang: UiLang): string {
  const text = VISITS_TEXT[lang]
  if (date === null) return text.undatedDate
  const span = dateSpan(date, false)
  if (span === null) return date
  const options: Intl.DateTimeFormatOptions =
    span.precision === 'day'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
      : span.precision === 'month'
        ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' }
  const words = dateFormat(localeOf(lang), options).format(new Date(span.start))
  return approx ? `${text.approx} ${words}` : words
}
