/**
 * What the Trade-figures ledger draws for a filter state: which figures pass the filters, how they are
 * converted on the stated rate table, and where sources disagree on the same year and kind. No UI text,
 * no Vue, no DOM.
 */
import type { Article, Figure, FigureKind } from '../../model/dataset.ts'
import { byCodeUnit } from '../../model/order.ts'
import { dateSpanOf, spanInRange } from '../date-span.ts'
import type { Fx, ViewFilter } from '../filters.ts'

/**
 * The fixed rate table used for `fx=usd`: US dollars per unit of each currency. These are round
 * reference rates (rough 2023–2024 averages), not the rate of any article's date; the chart
 * caption states them. A currency missing here is not converted and is listed apart.
 */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  CNY: 0.14,
  RUB: 0.011,
  GBP: 1.26,
  JPY: 0.0068,
  INR: 0.012,
  CHF: 1.13,
}

/** Date the rate table was set (shown in the caption). */
export const RATE_TABLE_DATE = '2024-01-01'

/** Two sources disagree when their values for one year, kind and currency differ by more than this share. */
export const DISAGREEMENT_TOLERANCE = 0.05

/** The kinds compared for disagreement: contracts and other sums are distinct deals, not one quantity. */
export const COMPARED_KINDS: readonly FigureKind[] = ['trade_volume', 'trade_target']

/** A figure's value in US dollars on the rate table, or null when its currency is not in the table. */
export function toUsd(value: number, currency: string): number | null {
  const rate = USD_PER_UNIT[currency]
  return rate === undefined ? null : value * rate
}

/**
 * Does a figure pass the filters? Figures are matched through the article that cites them: its
 * outlet ("" matches articles without one), and its publication date against the range (an undated article passes an open range only).
 * The actor filter does not apply: a figure names no actor of its own.
 */
export function figureMatches(
  figure: Pick<Figure, 'articleId'>,
  filter: Pick<ViewFilter, 'outlets' | 'from' | 'to'>,
  articlesById: ReadonlyMap<string, Article>,
): boolean {
  const article = articlesById.get(figure.articleId)
  if (article === undefined) return false
  if (filter.outlets.length > 0 && !filter.outlets.includes(article.outlet ?? '')) return false
  if (filter.from === null && filter.to === null) return true
  if (article.published === null) return false
  const span = dateSpanOf(article.published, false)
  return span !== null && spanInRange(span, filter.from, filter.to)
}

/** One figure as the ledger shows it. */
export interface FigureRow {
  figure: Figure
  article: Article | null
  /** Currency the value is shown in: the figure's own, or USD when converted. */
  shownCurrency: string
  /** Value in `shownCurrency`; null when `fx=usd` and the currency has no rate. */
  shownValue: number | null
  /** Ids of figures from other sources that disagree with this one (same year, kind and currency). */
  disagreesWith: string[]
}

/**
 * Ids of figures that disagree with each figure: for the same year, kind (trade volume or target) and
 * currency, a figure cited by another article (wire copies of one story count as the same source)
 * whose value differs by more than the tolerance, relative to the larger value.
 */
export function findDisagreements(
  figures: readonly Figure[],
  articlesById: ReadonlyMap<string, Pick<Article, 'duplicateOf'>>,
  tolerance: number = DISAGREEMENT_TOLERANCE,
): Map<string, string[]> {
  const sourceOf = (figure: Figure): string => articlesById.get(figure.articleId)?.duplicateOf ?? figure.articleId
  const groups = new Map<string, Figure[]>()
  for (const figure of figures) {
    if (figure.year === null || !COMPARED_KINDS.includes(figure.kind)) continue
    const key = `${figure.year}|${figure.kind}|${figure.currency}`
    groups.set(key, [...(groups.get(key) ?? []), figure])
  }
  const result = new Map<string, string[]>()
  for (const group of groups.values()) {
    for (const figure of group) {
      const others = group.filter((other) => {
        if (sourceOf(other) === sourceOf(figure)) return false
        const larger = Math.max(other.value, figure.value)
        return larger > 0 && Math.abs(other.value - figure.value) / larger > tolerance
      })
      if (others.length > 0) result.set(figure.id, others.map((other) => other.id))
    }
  }
  return result
}

/** Everything the Figures view draws for one filter state. */
export interface FiguresModel {
  /** Figures with a year, for the chart, in year then value order. */
  dated: FigureRow[]
  /** Figures whose year is unknown, listed apart. */
  undated: FigureRow[]
  /** With `fx=usd`: figures whose currency has no rate (neither drawn nor converted). */
  unconverted: FigureRow[]
  /** Currencies the chart has a panel for: the native currencies present, or just USD. */
  currencies: string[]
  /** Number of figures flagged as disagreeing. */
  disagreements: number
}

const byYearThenValue = (a: FigureRow, b: FigureRow): number =>
  (a.figure.year ?? 0) - (b.figure.year ?? 0) || (a.shownValue ?? 0) - (b.shownValue ?? 0) || (a.figure.id < b.figure.id ? -1 : 1)

/** USD first, then the other currencies in code order. */
const usdFirst = (a: string, b: string): number => (a === 'USD' ? -1 : b === 'USD' ? 1 : byCodeUnit(a, b))

export function buildFiguresModel(
  figures: readonly Figure[],
  articles: readonly Article[],
  filter: Pick<ViewFilter, 'outlets' | 'from' | 'to'> & { kind?: readonly FigureKind[] },
  fx: Fx,
): FiguresModel {
  const articlesById = new Map(articles.map((article) => [article.id, article]))
  const kinds = filter.kind ?? []
  const chosen = figures.filter((figure) => (kinds.length === 0 || kinds.includes(figure.kind)) && figureMatches(figure, filter, articlesById))
  const conflicts = findDisagreements(chosen, articlesById)
  const rows = chosen.map(
    (figure): FigureRow => ({
      figure,
      article: articlesById.get(figure.articleId) ?? null,
      shownCurrency: fx === 'usd' ? 'USD' : figure.currency,
      shownValue: fx === 'usd' ? toUsd(figure.value, figure.currency) : figure.value,
      disagreesWith: conflicts.get(figure.id) ?? [],
    }),
  )
  const convertible = rows.filter((row) => row.shownValue !== null)
  const dated = convertible.filter((row) => row.figure.year !== null).sort(byYearThenValue)
  return {
    dated,
    undated: convertible.filter((row) => row.figure.year === null).sort(byYearThenValue),
    unconverted: rows.filter((row) => row.shownValue === null),
    currencies: [...new Set(dated.map((row) => row.shownCurrency))].sort(usdFirst),
    disagreements: rows.filter((row) => row.disagreesWith.length > 0).length,
  }
}
