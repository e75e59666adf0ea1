/** How two reports of an event compare: date precision, status rank, compatible dates (used within an article and across articles). */
import type { EventStatus } from '../../../src/model/dataset.ts'

/** Day > month > year > none; an exact date beats an approximate one of the same length. */
export function precision(date: string | null, approx: boolean): number {
  if (!date) return 0
  return date.length * 2 - (approx ? 1 : 0)
}

/** happened > ongoing > planned > invited: the most advanced status a report can give. */
export const STATUS_RANK: Readonly<Record<EventStatus, number>> = { invited: 0, planned: 1, ongoing: 2, happened: 3 }

/** Dates that may name the same event: same year, same or adjacent month when approximate, same day. */
export function datesCompatible(a: string | null, b: string | null, approx: boolean, nullMatches: boolean): boolean {
  if (!a || !b) return nullMatches || (!a && !b)
  if (a.slice(0, 4) !== b.slice(0, 4)) return false
  if (a.length < 7 || b.length < 7) return true
  const ma = Number(a.slice(5, 7))
  const mb = Number(b.slice(5, 7))
  if (approx ? Math.abs(ma - mb) > 1 : ma !== mb) return false
  if (a.length >= 10 && b.length >= 10) return a.slice(0, 10) === b.slice(0, 10)
  return true
}
