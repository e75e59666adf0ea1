/**
 * A date as the stretch of time it covers: "2023-03-20" is one day, "2023-03" a month, "2023" a year, and
 * an approximate date ("im Frühjahr") a little more. Visits and figures filter by it. Pure.
 */

const DAY_MS = 86_400_000

/** The time a (possibly vague) date covers, in UTC milliseconds. */
export interface DateSpan {
  /** Start of the span, inclusive. */
  start: number
  /** End of the span, exclusive. */
  end: number
  /** Where the mark sits: the day itself, or the middle of a month/year span. */
  point: number
  precision: 'day' | 'month' | 'year'
  approx: boolean
}

/**
 * Reads "YYYY-MM-DD", "YYYY-MM" or "YYYY" into a span. An approximate date ("im Frühjahr" → month,
 * "Anfang Januar" → month) is widened by one unit of its precision on each side, so a season
 * written as its first month covers the months around it. Returns null for malformed input.
 */
export function dateSpanOf(date: string, approx: boolean): DateSpan | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!match) return null
  const year = Number(match[1])
  const month = match[2] === undefined ? null : Number(match[2]) - 1
  const day = match[3] === undefined ? null : Number(match[3])
  if (month !== null && (month < 0 || month > 11)) return null
  if (day !== null && (day < 1 || day > 31)) return null
  const widen = approx ? 1 : 0
  if (month === null) {
    const start = Date.UTC(year - widen, 0, 1)
    const end = Date.UTC(year + 1 + widen, 0, 1)
    return { start, end, point: Date.UTC(year, 6, 1), precision: 'year', approx }
  }
  if (day === null) {
    const start = Date.UTC(year, month - widen, 1)
    const end = Date.UTC(year, month + 1 + widen, 1)
    return { start, end, point: Date.UTC(year, month, 15), precision: 'month', approx }
  }
  const point = Date.UTC(year, month, day)
  const spread = approx ? 3 * DAY_MS : 0
  return { start: point - spread, end: point + DAY_MS + spread, point, precision: 'day', approx }
}

/** Does the span overlap the inclusive filter range ("YYYY-MM-DD" bounds)? Open bounds always pass. */
export function spanInRange(span: Pick<DateSpan, 'start' | 'end'>, from: string | null, to: string | null): boolean {
  const lo = from === null ? null : (dateSpanOf(from, false)?.start ?? null)
  const hi = to === null ? null : (dateSpanOf(to, false)?.end ?? null)
  if (lo !== null && span.end <= lo) return false
  if (hi !== null && span.start >= hi) return false
  return true
}
