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

function inDates(markers: readonly EventMarker[], from: string | null, to: string | null): EventMarker[] {
  // a month-only date is compared with the filter's month (the slices made once, not per event)
  const fromMonth = from?.slice(0, 7) ?? null
  const toMonth = to?.slice(0, 7) ?? null
  return markers.filter((event) => {
    const month = event.date.length === 7
    return (from === null || event.date >= (month ? (fromMonth ?? from) : from)) && (to === null || event.date <= (month ? (toMonth ?? to) : to))
  })
}

/**
 * One marker per visit or call inside the date filter, a lifecycle as its most advanced stage. The whole
 * cached list comes back when no date is set; with a memo, the same array for the same events, grain and dates.
 */
export function eventMarkers(all: readonly DiplomaticEvent[], filters: Pick<Filters, 'from' | 'to'>, grain: Grain, memo?: MarkersMemo): EventMarker[] {
  const { from, to } = filters
  const markers = allMarkers(all, grain)
  if (from === null && to === null) return markers
  return memo ? memo.filtered.get([markers, from, to], () => inDates(markers, from, to)) : inDates(markers, from, to)
}

const spans = new WeakMap<readonly EventMarker[], { first: string; last: string } | null>()

/** The earliest and latest period of a marker list (periods of one grain sort as strings), cached. */
function periodSpan(markers: readonly EventMarker[]): { first: string; last: string } | null {
  let span = spans.get(markers)
  if (span === undefined) {
    span = null
    for (const { period } of markers) {
      if (span === null) span = { first: period, last: period }
      else if (period < span.first) span.first = period
      else if (period > span.last) span.last = period
    }
    spans.set(markers, span)
  }
  return span
}

function keptOnAxis(markers: readonly EventMarker[], periods: readonly string[], position: ReadonlyMap<string, number>): EventMarker[] {
  const first = periods[0]
  const last = periods[periods.length - 1]
  const span = periodSpan(markers)
  // an axis reaching over every marker keeps them all: the same array, so its grouping stays cached
  return span !== null && first !== undefined && last !== undefined && first <= span.first && span.last <= last
    ? (markers as EventMarker[])
    : markers.filter((event) => position.has(event.period))
}

/** The markers whose period is on the axis; with a memo, the same array for the same markers and axis. */
export function markersOnAxis(
  markers: readonly EventMarker[],
  periods: readonly string[],
  position: ReadonlyMap<string, number>,
  memo?: MarkersMemo,
): EventMarker[] {
  if (!memo) return keptOnAxis(markers, periods, position)
  return memo.onAxis.get([markers, periods[0], periods[periods.length - 1], periods.length], () => keptOnAxis(markers, periods, position))
}
