/**
 * The typed filter state of the whole app (one object, swapped, never mutated) and its defaults.
 * The URL mirrors it through src/lib/filter-query.ts.
 */
import type { Lang } from '../i18n/lang.ts'
import type { EventStatus, FigureKind } from '../model/dataset.ts'

export type Grain = 'day' | 'week' | 'month'
export type Measure = 'mentions' | 'share'
export type Lane = 'direction' | 'visitor'
export type Fx = 'native' | 'usd'
export type Theme = 'light' | 'dark'

export interface Filters {
  /** Actor ids, sorted; empty means "the top actors" (chosen by the view). */
  readonly actors: readonly string[]
  /** Outlets, sorted; empty means all. */
  readonly outlets: readonly string[]
  /** Inclusive ISO dates "YYYY-MM-DD", or null for an open end. */
  readonly from: string | null
  readonly to: string | null
  readonly grain: Grain
  readonly measure: Measure
  readonly stack: boolean
  readonly lane: Lane
  readonly fx: Fx
  /** Event statuses to show (Visits view); empty means all. */
  readonly status: readonly EventStatus[]
  /** Figure kinds to show (Figures view); empty means all. */
  readonly kind: readonly FigureKind[]
  /** Speakers (actor ids, sorted) of the quotes shown (Quotes view); empty means every speaker. */
  readonly speaker: readonly string[]
  /** Actors the quoted words must name, any of them (Quotes view); empty means no such filter. */
  readonly named: readonly string[]
  /** The actor whose companions the "named together" view ranks; null: the most named of its matrix. */
  readonly focus: string | null
  /** Search queries (src/lib/search/query.ts), each a series of the Mentions chart and a filter of the lists; at most MAX_QUERIES. */
  readonly queries: readonly string[]
  /** The selected mark, e.g. "m.putin.2023-02", "e.<eventId>", "f.<figureId>", "a.<articleId>.<sentence>". */
  readonly sel: string | null
  readonly lang: Lang
  /** null follows the system setting. */
  readonly theme: Theme | null
}

/** The part of the filters the Visits and Figures views apply to their records. */
export type ViewFilter = Pick<Filters, 'actors' | 'outlets' | 'from' | 'to'>

export const GRAINS: readonly Grain[] = ['day', 'week', 'month']
export const MEASURES: readonly Measure[] = ['mentions', 'share']
export const LANES: readonly Lane[] = ['direction', 'visitor']
export const FXS: readonly Fx[] = ['native', 'usd']
export const THEMES: readonly Theme[] = ['light', 'dark']

export const DEFAULT_FILTERS: Filters = Object.freeze({
  actors: [],
  outlets: [],
  from: null,
  to: null,
  grain: 'month',
  measure: 'mentions',
  stack: false,
  lane: 'direction',
  fx: 'native',
  status: [],
  kind: [],
  speaker: [],
  named: [],
  focus: null,
  queries: [],
  sel: null,
  lang: 'de',
  theme: null,
})

/** True for a real calendar date written as YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
