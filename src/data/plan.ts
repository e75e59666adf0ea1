/** Which layout files a view needs: pure plans over the index, no fetching. */
import { byCodeUnit } from '../model/order.ts'
import type { DatasetIndex } from '../model/layout.ts'

/** Most articles the record views load at once; beyond it they load the newest months and say so. */
export const RECORD_CAP = 50_000

/** The months of a record view: what to load, how many articles that is, how many the range holds. */
export interface MonthPlan {
  /** Ascending, "undated" last. */
  months: string[]
  loaded: number
  total: number
}

/** Newest month first; the undated part counts as the oldest. */
function newestFirst(a: string, b: string): number {
  return a === 'undated' ? 1 : b === 'undated' ? -1 : byCodeUnit(b, a)
}

/**
 * The months (ascending, "undated" last) a record view needs for a date range, newest first up to
 * `cap` articles (a single month bigger than the cap is still taken whole): what to load, and how many
 * articles the range holds in all. The undated part belongs to an open range only.
 */
export function monthsFor(index: DatasetIndex, from: string | null, to: string | null, cap = RECORD_CAP): MonthPlan {
  const inRange = index.parts.filter((part) =>
    part.month === 'undated'
      ? from === null && to === null
      : (from === null || part.month >= from.slice(0, 7)) && (to === null || part.month <= to.slice(0, 7)),
  )
  const total = inRange.reduce((sum, part) => sum + part.articles, 0)
  const chosen: string[] = []
  let loaded = 0
  for (const part of [...inRange].sort((a, b) => newestFirst(a.month, b.month))) {
    if (loaded + part.articles > cap && chosen.length > 0) break
    chosen.push(part.month)
    loaded += part.articles
  }
  return { months: chosen.sort(), loaded, total }
}

/**
 * The order to search the parts not loaded yet for articles whose month is not known: the months near
 * `near` ("YYYY-MM…") first, later ones before earlier ones (reports come after the fact), without a hint
 * newest first, "undated" last; at most `maxParts`.
 */
export function searchOrder(index: DatasetIndex, loaded: ReadonlySet<string>, near: string | null, maxParts = Number.POSITIVE_INFINITY): string[] {
  const anchor = near?.slice(0, 7) ?? '9999-99'
  const [y2 = 9999, m2 = 12] = anchor.split('-').map(Number)
  const distance = (month: string): number => {
    if (month === 'undated') return Number.MAX_SAFE_INTEGER
    const [y1 = 0, m1 = 0] = month.split('-').map(Number)
    const d = y1 * 12 + m1 - (y2 * 12 + m2)
    return d >= 0 ? d * 2 : -d * 2 + 1
  }
  const order = index.parts.map((part) => part.month).filter((month) => !loaded.has(month))
  order.sort((a, b) => distance(a) - distance(b))
  return order.slice(0, maxParts)
}
