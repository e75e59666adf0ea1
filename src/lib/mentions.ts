/** Mentions over time: the numbers behind the Mentions chart and its table twin (pure). */
import type { Article, Dataset, DiplomaticEvent } from '../model/dataset.ts'
import { lifecycleEvent, lifecycleGroups } from './visits.ts'
import { DEFAULT_FILTERS, type Filters, type Grain, type Measure } from './filters.ts'
import { axisPeriods, periodBounds, periodOf } from './periods.ts'
import { measureCells } from './cells.ts'
import { canonicalId, mentionsByArticle } from './select.ts'
import { perObject } from './memo.ts'

export interface MentionCell {
  /** Times named in the period (wire copies once). */
  mentions: number
  /** Articles in the period naming the actor (wire copies once). */
  articles: number
  /** The value drawn: mentions, or articles / denominator. */
  value: number
  /** Title of the article naming the actor most often in the period, if any. */
  topTitle: string | null
  /** Ids of the counted articles naming the actor (provenance for exports). */
  articleIds: string[]
}

export interface MentionSeries {
  actorId: string
  name: string
  cells: MentionCell[]
}

export interface EventMarker {
  eventId: string
  period: string
  kind: DiplomaticEvent['kind']
  status: DiplomaticEvent['status']
  date: string
  visitors: string[]
  place: string | null
}

export interface MentionsData {
  grain: Grain
  measure: Measure
  periods: string[]
  /** Articles (wire copies once) per period: the denominator of the share. */
  denominators: number[]
  series: MentionSeries[]
  events: EventMarker[]
  /** Articles in the filter that cannot be placed on this grain (no date, or month-only on day/week). */
  unplaced: number
  /** Wire copies folded into their original. */
  foldedCopies: number
}

/** One representative per wire story: the earliest (then lowest id) article of each group. */
export function dedupeWireCopies(articles: readonly Article[]): Article[] {
  const groups = new Map<string, Article>()
  const sorted = [...articles].sort(
    (a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id),
  )
  for (const article of sorted) {
    const key = canonicalId(article)
    if (!groups.has(key)) groups.set(key, article)
  }
  return [...groups.values()]
}

/** Markers of every visit or call per grain, computed once per events list (it can hold 100 000s). */
const markerCache = new WeakMap<readonly DiplomaticEvent[], Map<Grain, EventMarker[]>>()

function allMarkers(all: readonly DiplomaticEvent[], grain: Grain): EventMarker[] {
  return perObject(markerCache, all, grain, () => {
    const markers: EventMarker[] = []
    for (const event of lifecycleGroups(all).map(lifecycleEvent)) {
      if (event === null || event.date === null || event.date.length < 7) continue
      const period = periodOf(event.date, grain)
      if (period === undefined) continue
      markers.push({ eventId: event.id, period, kind: event.kind, status: event.status, date: event.date, visitors: event.visitors, place: event.place })
    }
    return markers
  })
}

/** The last date-filtered markers: an actor, measure or style change asks again for the same ones. */
let lastFiltered: { all: readonly EventMarker[]; from: string | null; to: string | null; markers: EventMarker[] } | undefined

/**
 * One marker per visit or call inside the date filter: a lifecycle (announced, then happened) as its most
 * advanced stage. The same array comes back for the same events, grain and dates (the whole cached list
 * when no date is set), so what is derived from it downstream can be cached by identity.
 */
export function eventMarkers(all: readonly DiplomaticEvent[], filters: Pick<Filters, 'from' | 'to'>, grain: Grain): EventMarker[] {
  const { from, to } = filters
  const markers = allMarkers(all, grain)
  if (from === null && to === null) return markers
  if (lastFiltered?.all === markers && lastFiltered.from === from && lastFiltered.to === to) return lastFiltered.markers
  // a month-only date is compared with the filter's month (the slices made once, not per event)
  const fromMonth = from?.slice(0, 7) ?? null
  const toMonth = to?.slice(0, 7) ?? null
  const kept = markers.filter((event) => {
    const month = event.date.length === 7
    return (from === null || event.date >= (month ? fromMonth ?? from : from)) && (to === null || event.date <= (month ? toMonth ?? to : to))
  })
  lastFiltered = { all: markers, from, to, markers: kept }
  return kept
}

export function buildMentions(
  dataset: Dataset,
  filters: Filters,
  articles: readonly Article[],
  actorIds: readonly string[],
): MentionsData {
  const grain = filters.grain
  const counted = dedupeWireCopies(articles)
  const placed: { article: Article; period: string }[] = []
  let unplaced = 0
  for (const article of counted) {
    const period = article.published === null ? undefined : periodOf(article.published, grain)
    if (period === undefined) unplaced += 1
    else placed.push({ article, period })
  }

  const events = eventMarkers(dataset.events, filters, grain)

  // The axis spans the articles; an event far outside them (a visit recalled from years ago) would
  // stretch it into emptiness, so events only fill in when no article can be placed.
  const articlePeriods = placed.map((entry) => entry.period)
  const periods = axisPeriods(articlePeriods.length > 0 ? articlePeriods : events.map((event) => event.period), filters, grain)
  const index = new Map(periods.map((period, i) => [period, i]))

  const denominators = periods.map(() => 0)
  for (const { period } of placed) {
    const i = index.get(period)
    if (i !== undefined) denominators[i] = (denominators[i] ?? 0) + 1
  }

  const byArticle = mentionsByArticle(dataset)
  const names = new Map(dataset.actors.map((actor) => [actor.id, actor.name]))
  const series: MentionSeries[] = actorIds.map((actorId) => {
    const cells: MentionCell[] = periods.map(() => ({ mentions: 0, articles: 0, value: 0, topTitle: null, articleIds: [] }))
    const best = periods.map(() => 0)
    for (const { article, period } of placed) {
      const i = index.get(period)
      const mention = byArticle.get(article.id)?.find((entry) => entry.actorId === actorId)
      const cell = i === undefined ? undefined : cells[i]
      if (i === undefined || !mention || mention.count === 0 || !cell) continue
      cell.mentions += mention.count
      cell.articles += 1
      cell.articleIds.push(article.id)
      if (mention.count > (best[i] ?? 0)) {
        best[i] = mention.count
        cell.topTitle = article.title
      }
    }
    measureCells(cells, denominators, filters.measure)
    return { actorId, name: names.get(actorId) ?? actorId, cells }
  })

  return {
    grain,
    measure: filters.measure,
    periods,
    denominators,
    series,
    events: events.filter((event) => index.has(event.period)),
    unplaced,
    foldedCopies: articles.length - counted.length,
  }
}

/** True when no selected actor is named in any drawn period. */
export function isEmptyMentions(data: MentionsData): boolean {
  return data.series.every((series) => series.cells.every((cell) => cell.mentions === 0))
}

/** The periods whose top article a chart labels: the highest cell of each line (the first when tied). */
export function peakPeriods(data: MentionsData): string[] {
  const peaks = new Set<string>()
  for (const series of data.series) {
    let peak = -1
    series.cells.forEach((cell, i) => {
      if (cell.value > 0 && (peak < 0 || cell.value > (series.cells[peak]?.value ?? 0))) peak = i
    })
    const period = data.periods[peak]
    if (period !== undefined) peaks.add(period)
  }
  return [...peaks]
}

/**
 * Fills the top article title and the counted article ids of the periods whose records are all at hand
 * (`complete`), from those records (the articles passing the outlet and date filters). The counts stay.
 */
export function withTopTitles(
  data: MentionsData,
  dataset: Dataset,
  articles: readonly Article[],
  complete: (period: string) => boolean,
): MentionsData {
  const wanted = new Set(data.periods.filter(complete))
  if (wanted.size === 0) return data
  const records = dedupeWireCopies(articles).filter((article) => {
    const period = article.published === null ? undefined : periodOf(article.published, data.grain)
    return period !== undefined && wanted.has(period)
  })
  const detail = buildMentions(dataset, { ...DEFAULT_FILTERS, grain: data.grain, from: data.periods[0] ? periodBounds(data.periods[0]).start : null, to: null }, records, data.series.map((series) => series.actorId))
  const at = new Map(detail.periods.map((period, i) => [period, i]))
  return {
    ...data,
    series: data.series.map((series, s) => ({
      ...series,
      cells: series.cells.map((cell, i) => {
        const period = data.periods[i]
        const j = period !== undefined && wanted.has(period) ? at.get(period) : undefined
        const found = j === undefined ? undefined : detail.series[s]?.cells[j]
        return found ? { ...cell, topTitle: found.topTitle, articleIds: found.articleIds } : cell
      }),
    })),
  }
}
