/**
 * Visits and calls as markers on the Mentions time axis: one per lifecycle (announced, then happened)
 * at its most advanced stage, inside the date filter, and only those on the drawn axis. A filter change
 * that keeps events, grain and dates (an actor, measure or style change) gets the same marker array back
 * from the caller's memo, so what is derived from it downstream can be cached by identity.
 */
import type { DiplomaticEvent } from '../../model/dataset.ts'
import type { Filters, Grain } from '../filters.ts'
import { lastResult, perObject, type LastResult } from '../memo.ts'
import { periodOf } from '../periods.ts'
import { lifecycleEvent, lifecycleGroups } from '../visits/lifecycle.ts'
import type { EventMarker } from './types.ts'

/** The last date-filtered markers and the last markers kept on an axis, owned by the view that draws them. */
export interface MarkersMemo {
  filtered: LastResult<readonly [readonly EventMarker[], string | null, string | null], EventMarker[]>
  onAxis: LastResult<readonly [readonly EventMarker[], string | undefined, string | undefined, number], EventMarker[]>
}

export function createMarkersMemo(): MarkersMemo {
  return { filtered: lastResult(), onAxis: lastResult() }
}

/**
 * Markers of every visit or call per grain, computed once per events list (it can hold 100 000s): those
 * dated to a day and those dated to a month only, each sorted by date (ties in lifecycle order), so a date
 * filter is two binary searches and slices, not a test of every marker.
 */
interface SortedMarkers {
  /** Both lists merged by date: the markers when no date is set. */
  all: EventMarker[]
  days: EventMarker[]
  months: EventMarker[]
}
const markerCache = new WeakMap<readonly DiplomaticEvent[], Map<Grain, SortedMarkers>>()

function allMarkers(all: readonly DiplomaticEvent[], grain: Grain): SortedMarkers {
  return perObject(markerCache, all, grain, () => {
    const days: EventMarker[] = []
    const months: EventMarker[] = []
    for (const event of lifecycleGroups(all).map(lifecycleEvent)) {
      if (event === null || event.date === null || event.date.length < 7) continue
      const period = periodOf(event.date, grain)
      if (period === undefined) continue
      const marker = { eventId: event.id, period, kind: event.kind, status: event.status, date: event.date, visitors: event.visitors, place: event.place }
      ;(event.date.length === 7 ? months : days).push(marker)
    }
    // Array#sort is stable: markers of one date keep their lifecycle order
    const byDate = (a: EventMarker, b: EventMarker): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
    days.sort(byDate)
    months.sort(byDate)
    return { all: mergeByDate(days, months), days, months }
  })
}

/** Two date-sorted lists as one, a month-only date before the days of its month. */
function mergeByDate(a: readonly EventMarker[], b: readonly EventMarker[]): EventMarker[] {
  if (b.length === 0) return a as EventMarker[]
  if (a.length === 0) return b as EventMarker[]
  const out: EventMarker[] = new Array<EventMarker>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = (b[j] as EventMarker).date <= (a[i] as EventMarker).date ? (b[j++] as EventMarker) : (a[i++] as EventMarker)
  while (i < a.length) out[k++] = a[i++] as EventMarker
  while (j < b.length) out[k++] = b[j++] as EventMarker
  return out
}

/** The first index whose date is ≥ `date` (after: > `date`) in a date-sorted list. */
function bound(markers: readonly EventMarker[], date: string, after: boolean): number {
  let lo = 0
  let hi = markers.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const value = (markers[mid] as EventMarker).date
    if (after ? value <= date : value < date) lo = mid + 1
    else hi = mid
  }
  return lo
}

function slice(markers: readonly EventMarker[], from: string | null, to: string | null): EventMarker[] {
  return markers.slice(from === null ? 0 : bound(markers, from, false), to === null ? markers.length : bound(markers, to, true))
}

function inDates(markers: SortedMarkers, from: string | null, to: string | null): EventMarker[] {
  // a month-only date is compared with the filter's month
  return mergeByDate(slice(markers.days, from, to), slice(markers.months, from?.slice(0, 7) ?? null, to?.slice(0, 7) ?? null))
}

/**
 * One marker per visit or call inside the date filter, a lifecycle as its most advanced stage, sorted by
 * date (a month-only date before the days of its month). The whole cached list comes back when no date is set; with a memo, the same array for the same events, grain and dates.
 */
export function eventMarkers(all: readonly DiplomaticEvent[], filters: Pick<Filters, 'from' | 'to'>, grain: Grain, memo?: MarkersMemo): EventMarker[] {
  const { from, to } = filters
  const markers = allMarkers(all, grain)
  if (from === null && to === null) return markers.all
  return memo ? memo.filtered.get([markers.all, from, to], () => inDates(markers, from, to)) : inDates(markers, from, to)
}

/** The earliest and latest period of a date-sorted marker list (periods of one grain grow with the date). */
function periodSpan(markers: readonly EventMarker[]): { first: string; last: string } | null {
  const first = markers[0]
  const last = markers[markers.length - 1]
  return first && last ? { first: first.period, last: last.period } : null
}

/** The first index whose period is ≥ `period` (after: > `period`) in a list sorted by period. */
function periodBound(markers: readonly EventMarker[], period: string, after: boolean): number {
  let lo = 0
  let hi = markers.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const value = (markers[mid] as EventMarker).period
    if (after ? value <= period : value < period) lo = mid + 1
    else hi = mid
  }
  return lo
}

function keptOnAxis(markers: readonly EventMarker[], periods: readonly string[], position: ReadonlyMap<string, number>): EventMarker[] {
  const first = periods[0]
  const last = periods[periods.length - 1]
  if (first === undefined || last === undefined) return []
  const span = periodSpan(markers)
  // an axis reaching over every marker keeps them all: the same array, so its grouping stays cached
  if (span !== null && first <= span.first && span.last <= last) return markers as EventMarker[]
  // the axis is every period from first to last: a slice of the date-sorted markers (periods of one grain
  // grow with the date), checked against the axis for periods it does not draw
  const kept = markers.slice(periodBound(markers, first, false), periodBound(markers, last, true))
  // one axis lookup per period, not per marker (a period's markers are one run)
  let previous: string | null = null
  for (const { period } of kept) {
    if (period === previous) continue
    if (!position.has(period)) return kept.filter((event) => position.has(event.period))
    previous = period
  }
  return kept
}

/** The markers (sorted by date, as eventMarkers returns them) whose period is on the axis; with a memo, the same array for the same markers and axis. */
export function markersOnAxis(
  markers: readonly EventMarker[],
  periods: readonly string[],
  position: ReadonlyMap<string, number>,
  memo?: MarkersMemo,
): EventMarker[] {
  if (!memo) return keptOnAxis(markers, periods, position)
  return memo.onAxis.get([markers, periods[0], periods[periods.length - 1], periods.length], () => keptOnAxis(markers, periods, position))
}
