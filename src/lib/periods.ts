/** Calendar periods for the time axis: day "YYYY-MM-DD", ISO week "YYYY-Www", month "YYYY-MM". */
import type { Grain } from './filters.ts'

function utc(iso: string): Date {
  const [year = 1970, month = 1, day = 1] = iso.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day))
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The period a published date falls in, or undefined when the date is too coarse for the grain. */
export function periodOf(published: string, grain: Grain): string | undefined {
  if (grain === 'month') return published.slice(0, 7)
  if (published.length < 10) return undefined
  if (grain === 'day') return published
  const date = utc(published)
  const weekday = (date.getUTCDay() + 6) % 7
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const firstThursday = utc(`${year}-01-04`)
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7
  const week1Monday = firstThursday.getTime() - firstWeekday * 86_400_000
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * 86_400_000)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** First and last day (inclusive, ISO) of a period. */
export function periodBounds(period: string): { start: string; end: string } {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) {
    const jan4 = utc(`${week[1]}-01-04`)
    const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000
    return { start: isoDay(new Date(monday)), end: isoDay(new Date(monday + 6 * 86_400_000)) }
  }
  if (/^\d{4}-\d{2}$/.test(period)) {
    const start = utc(`${period}-01`)
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0))
    return { start: isoDay(start), end: isoDay(end) }
  }
  return { start: period, end: period }
}

function nextPeriod(period: string, grain: Grain): string {
  const { start, end } = periodBounds(period)
  if (grain === 'month') {
    const date = utc(start)
    return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))).slice(0, 7)
  }
  const next = isoDay(new Date(utc(end).getTime() + 86_400_000))
  return periodOf(next, grain) ?? next
}

/** Every period from the first to the last (inclusive), so the axis has no gaps. Capped for safety. */
export function periodRange(first: string, last: string, grain: Grain, cap = 5000): string[] {
  const periods: string[] = []
  let current = first
  while (periods.length < cap) {
    periods.push(current)
    if (current >= last) break
    current = nextPeriod(current, grain)
  }
  return periods
}

/**
 * The periods a time axis draws: from the earliest to the latest known period (the filter's dates win
 * over them), every period in between; empty when nothing is known or the range is reversed.
 */
export function axisPeriods(known: readonly string[], filters: { from: string | null; to: string | null }, grain: Grain): string[] {
  const sorted = [...known].sort()
  const first = filters.from !== null ? periodOf(filters.from, grain) : sorted[0]
  const last = filters.to !== null ? periodOf(filters.to, grain) : sorted[sorted.length - 1]
  return first !== undefined && last !== undefined && first <= last ? periodRange(first, last, grain) : []
}
