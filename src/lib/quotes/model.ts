/**
 * What the Quotes view shows for a filter state: the quotes that pass the filters (one per wire story),
 * who said how many, and the counts per speaker and period the chart draws. No UI text, no Vue, no DOM.
 *
 * A quote passes when its article passes the outlet and date filters (an undated article passes an open
 * range only), its speaker is one of `speaker` (any speaker when empty), the quoted words name one of
 * `named` (no such filter when empty), and `textMatches` accepts it — the seam for the search query `q`
 * once the filter state has it. Wire copies repeat their story's quotes: only the story's earliest copy
 * among the kept articles counts (as the Mentions view counts stories).
 */
import type { Article, Quote } from '../../model/dataset.ts'
import { byCodeUnit } from '../../model/order.ts'
import type { Filters, Grain } from '../filters.ts'
import { dedupeWireCopies } from '../mentions/records.ts'
import { axisPeriods, periodOf } from '../periods.ts'
import { filterArticles } from '../select.ts'

export type QuoteFilter = Pick<Filters, 'outlets' | 'from' | 'to' | 'speaker' | 'named'>

/** Decides on a quote's text; the search query `q` plugs in here (default: every quote). */
export type TextMatch = (quote: Quote) => boolean
export const ANY_TEXT: TextMatch = () => true

/** How many speakers the chart draws when none is chosen. */
export const TOP_SPEAKERS = 8

export interface QuoteRow {
  quote: Quote
  article: Article
  /** The quote's period on the grain; undefined when the article's date is too coarse or missing. */
  period: string | undefined
}

export interface SpeakerCount {
  /** Actor id, or null for quotes without a named speaker (a medium, a document, "hieß es"). */
  speaker: string | null
  quotes: number
}

export interface QuoteCell {
  speaker: string
  period: string
  quotes: number
}

export interface QuotesModel {
  /** Every quote that passes, newest article first, then article id and sentence. */
  rows: QuoteRow[]
  /** Quotes per speaker among the rows, most first (ties by id; no speaker last). */
  speakers: SpeakerCount[]
  /** The speakers drawn, top row first: those chosen, or the most quoted named speakers. */
  drawn: string[]
  /** The chart's time axis: every period from the first to the last quote (the filter's dates win). */
  periods: string[]
  /** Quotes per drawn speaker and period (only the non-zero ones). */
  cells: QuoteCell[]
  /** Rows of drawn speakers that the grain cannot place (no date, or month-only on day/week). */
  unplaced: number
  /** Quotes left out because they are in a wire copy of a story already counted. */
  foldedCopies: number
}

function newestFirst(a: QuoteRow, b: QuoteRow): number {
  return (
    byCodeUnit(b.article.published ?? '', a.article.published ?? '') ||
    byCodeUnit(a.article.id, b.article.id) ||
    (a.quote.sentences[0] ?? 0) - (b.quote.sentences[0] ?? 0)
  )
}

function speakerCounts(rows: readonly QuoteRow[]): SpeakerCount[] {
  const counts = new Map<string | null, number>()
  for (const row of rows) counts.set(row.quote.speaker, (counts.get(row.quote.speaker) ?? 0) + 1)
  return [...counts]
    .map(([speaker, quotes]) => ({ speaker, quotes }))
    .sort((a, b) => (a.speaker === null ? 1 : 0) - (b.speaker === null ? 1 : 0) || b.quotes - a.quotes || byCodeUnit(a.speaker ?? '', b.speaker ?? ''))
}

/** The quotes of `articles` that pass the filters, with the number left out as wire copies. */
export function selectQuotes(
  quotes: readonly Quote[],
  articles: readonly Article[],
  filter: QuoteFilter,
  grain: Grain,
  textMatches: TextMatch = ANY_TEXT,
): { rows: QuoteRow[]; foldedCopies: number } {
  const kept = filterArticles({ articles: [...articles] }, filter)
  const stories = new Map(dedupeWireCopies(kept).map((article) => [article.id, article]))
  const keptIds = new Set(kept.map((article) => article.id))
  const speakers = new Set(filter.speaker)
  const named = filter.named
  const rows: QuoteRow[] = []
  let foldedCopies = 0
  for (const quote of quotes) {
    if (!keptIds.has(quote.articleId)) continue
    if (speakers.size > 0 && (quote.speaker === null || !speakers.has(quote.speaker))) continue
    if (named.length > 0 && !quote.actors.some((id) => named.includes(id))) continue
    if (!textMatches(quote)) continue
    const article = stories.get(quote.articleId)
    if (!article) {
      foldedCopies += 1
      continue
    }
    rows.push({ quote, article, period: article.published === null ? undefined : periodOf(article.published, grain) })
  }
  return { rows: rows.sort(newestFirst), foldedCopies }
}

export function buildQuotesModel(
  quotes: readonly Quote[],
  articles: readonly Article[],
  filter: QuoteFilter,
  grain: Grain,
  textMatches: TextMatch = ANY_TEXT,
): QuotesModel {
  const { rows, foldedCopies } = selectQuotes(quotes, articles, filter, grain, textMatches)
  const speakers = speakerCounts(rows)
  const drawn =
    filter.speaker.length > 0
      ? speakers.flatMap((entry) => (entry.speaker !== null && filter.speaker.includes(entry.speaker) ? [entry.speaker] : []))
      : speakers.flatMap((entry) => (entry.speaker === null ? [] : [entry.speaker])).slice(0, TOP_SPEAKERS)
  const shown = new Set(drawn)
  const counts = new Map<string, QuoteCell>()
  let unplaced = 0
  for (const row of rows) {
    const speaker = row.quote.speaker
    if (speaker === null || !shown.has(speaker)) continue
    if (row.period === undefined) {
      unplaced += 1
      continue
    }
    const key = `${speaker}\u0000${row.period}`
    const cell = counts.get(key)
    if (cell) cell.quotes += 1
    else counts.set(key, { speaker, period: row.period, quotes: 1 })
  }
  const cells = [...counts.values()]
  const periods = axisPeriods([...new Set(cells.map((cell) => cell.period))], filter, grain)
  return { rows, speakers, drawn, periods, cells, unplaced, foldedCopies }
}
