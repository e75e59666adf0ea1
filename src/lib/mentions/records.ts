/**
 * The Mentions chart's numbers from article records (the month parts), for what the cells cannot say:
 * the top article of a period and the ids of the articles behind a cell. Pure.
 */
import type { Article, Dataset } from '../../model/dataset.ts'
import { byCodeUnit } from '../../model/order.ts'
import { DEFAULT_FILTERS, type Filters } from '../filters.ts'
import { axisPeriods, periodBounds, periodOf } from '../periods.ts'
import { canonicalId, mentionsByArticle } from '../select.ts'
import { eventMarkers } from './markers.ts'
import { measureCells } from './series.ts'
import type { MentionCell, MentionSeries, MentionsData } from './types.ts'

/** One representative per wire story: the earliest (then lowest id) article of each group. */
export function dedupeWireCopies(articles: readonly Article[]): Article[] {
  const groups = new Map<string, Article>()
  const sorted = [...articles].sort((a, b) => byCodeUnit(a.published ?? '9999', b.published ?? '9999') || byCodeUnit(a.id, b.id))
  for (const article of sorted) {
    const key = canonicalId(article)
    if (!groups.has(key)) groups.set(key, article)
  }
  return [...groups.values()]
}

export function buildMentions(dataset: Dataset, filters: Filters, articles: readonly Article[], actorIds: readonly string[]): MentionsData {
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
export function withTopTitles(data: MentionsData, dataset: Dataset, articles: readonly Article[], complete: (period: string) => boolean): MentionsData {
  const wanted = new Set(data.periods.filter(complete))
  if (wanted.size === 0) return data
  const records = dedupeWireCopies(articles).filter((article) => {
    const period = article.published === null ? undefined : periodOf(article.published, data.grain)
    return period !== undefined && wanted.has(period)
  })
  const from = data.periods[0] ? periodBounds(data.periods[0]).start : null
  const detail = buildMentions(dataset, { ...DEFAULT_FILTERS, grain: data.grain, from, to: null }, records, data.series.map((series) => series.actorId))
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
