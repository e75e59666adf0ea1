/**
 * Who is named with whom, for the filters, from the co-mention cells alone (no article records): the
 * actor × actor matrix of stories naming both, and the companions of one actor, most first. One walk over
 * integer columns per filter change, so it stays fast at a million articles.
 *
 * Dates count by whole months (the cells are monthly): a date filter that cuts a month takes the whole
 * month, and `wholeMonths` says which span that is, so captions and the evidence use the same span. Wire
 * stories count once under the outlet set of all their copies, as in the mention cells (pure).
 */
import type { DatasetIndex } from '../../model/layout.ts'
import { byGermanText } from '../../model/order.ts'
import type { Filters } from '../filters.ts'
import { outletMask } from '../mentions/cells.ts'
import { periodBounds } from '../periods.ts'
import { inDateRange } from '../select.ts'
import type { ComentionTable } from './table.ts'

/** The span the cells stand for under a date filter: whole months, from the first day of `from`'s month to the last of `to`'s. */
export function wholeMonths(filters: Pick<Filters, 'from' | 'to'>): Pick<Filters, 'from' | 'to'> {
  return {
    from: filters.from === null ? null : periodBounds(filters.from.slice(0, 7)).start,
    to: filters.to === null ? null : periodBounds(filters.to.slice(0, 7)).end,
  }
}

/** True when the date filter cuts a month (the matrix then counts it whole). */
export function cutsMonths(filters: Pick<Filters, 'from' | 'to'>): boolean {
  const whole = wholeMonths(filters)
  return whole.from !== filters.from || whole.to !== filters.to
}

export interface Companion {
  actorId: string
  /** Stories naming both. */
  articles: number
}

export interface ComentionModel {
  /** The matrix's actors, rows and columns in this order. */
  actorIds: string[]
  /** counts[i][j]: stories naming actors i and j (i ≠ j); the diagonal is 0. */
  counts: number[][]
  /** The largest count off the diagonal (the colour scale's top). */
  max: number
  /** The actor whose companions are ranked, or null when the matrix is empty. */
  focus: string | null
  /** Everyone named with `focus` under the filters (not only the matrix's actors), most first, then by name. */
  companions: Companion[]
}

/** Per month of the index: does the (whole-month) date filter take it? Undated cells count only without one. */
function takenMonths(index: DatasetIndex, filters: Pick<Filters, 'from' | 'to'>): { months: Uint8Array; undated: boolean } {
  const { from, to } = wholeMonths(filters)
  return { months: Uint8Array.from(index.months, (month) => (inDateRange(month, from, to) ? 1 : 0)), undated: from === null && to === null }
}

/** The matrix of `actorIds` and the companions of `focus` (null: the first of `actorIds`). */
export function buildComentions(
  index: DatasetIndex,
  table: ComentionTable,
  filters: Pick<Filters, 'from' | 'to' | 'outlets'>,
  actorIds: readonly string[],
  focus: string | null,
): ComentionModel {
  const numberOf = new Map(index.actors.map((actor, i) => [actor.id, i]))
  const slot = new Int32Array(index.actors.length).fill(-1)
  actorIds.forEach((id, i) => {
    const n = numberOf.get(id)
    if (n !== undefined) slot[n] = i
  })
  const chosen = focus ?? actorIds[0] ?? null
  const focusNumber = chosen === null ? -1 : (numberOf.get(chosen) ?? -1)
  const k = actorIds.length
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  const withFocus = new Float64Array(index.actors.length)
  const mask = outletMask(index, filters.outlets)
  const taken = takenMonths(index, filters)
  for (let i = 0; i < table.period.length; i++) {
    const p = table.period[i] ?? -1
    if (!(p < 0 ? taken.undated : taken.months[p] === 1) || mask[table.outletSet[i] ?? 0] !== 1) continue
    const a = table.first[i] ?? 0
    const b = table.second[i] ?? 0
    const n = table.articles[i] ?? 0
    const sa = slot[a] ?? -1
    const sb = slot[b] ?? -1
    if (sa >= 0 && sb >= 0) {
      const row = counts[sa]
      const col = counts[sb]
      if (row) row[sb] = (row[sb] ?? 0) + n
      if (col) col[sa] = (col[sa] ?? 0) + n
    }
    if (a === focusNumber) withFocus[b] = (withFocus[b] ?? 0) + n
    else if (b === focusNumber) withFocus[a] = (withFocus[a] ?? 0) + n
  }
  const companions: Companion[] = []
  withFocus.forEach((articles, n) => {
    const actor = index.actors[n]
    if (articles > 0 && actor) companions.push({ actorId: actor.id, articles })
  })
  const names = new Map(index.actors.map((actor) => [actor.id, actor.name]))
  companions.sort((x, y) => y.articles - x.articles || byGermanText(names.get(x.actorId) ?? '', names.get(y.actorId) ?? ''))
  const max = Math.max(0, ...counts.flat())
  return { actorIds: [...actorIds], counts, max, focus: chosen, companions }
}

/**
 * The months (and "undated") in which stories under the filters name both actors, newest first: the parts
 * the evidence of a matrix cell needs, and nothing else.
 */
export function pairMonths(
  index: DatasetIndex,
  table: ComentionTable,
  filters: Pick<Filters, 'from' | 'to' | 'outlets'>,
  first: string,
  second: string,
): string[] {
  const a = index.actors.findIndex((actor) => actor.id === first)
  const b = index.actors.findIndex((actor) => actor.id === second)
  const [lo, hi] = a < b ? [a, b] : [b, a]
  if (lo < 0) return []
  const mask = outletMask(index, filters.outlets)
  const taken = takenMonths(index, filters)
  const periods = new Set<number>()
  for (let i = 0; i < table.period.length; i++) {
    if (table.first[i] !== lo || table.second[i] !== hi || mask[table.outletSet[i] ?? 0] !== 1) continue
    const p = table.period[i] ?? -1
    if (p < 0 ? taken.undated : taken.months[p] === 1) periods.add(p)
  }
  return [...periods].sort((x, y) => y - x).map((p) => (p < 0 ? 'undated' : (index.months[p] ?? 'undated')))
}
