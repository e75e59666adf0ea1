/** Day arithmetic of the date estimate: days since 1970-01-01, ranges of them and unions of ranges. */

export type Range = readonly [number, number]
/** A union of day ranges: the days an article's date may fall on. */
export type Constraint = readonly Range[]

export const DAY_MS = 86_400_000
/** The upper end of a range with no upper bound ("seit 2019"). */
export const OPEN_END = Number.MAX_SAFE_INTEGER

export function toDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
}

export function toIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function yearRange(y: number): Range {
  return [toDay(`${y}-01-01`), toDay(`${y}-12-31`)]
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay()
}

export function intersect(a: Constraint, b: Constraint): Constraint {
  const out: Range[] = []
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0)
      const hi = Math.min(a1, b1)
      if (lo <= hi) out.push([lo, hi])
    }
  }
  return out
}

/**
 * A constraint read from the text: its ranges, the words that gave it (as written), and per range the first day of
 * the dated occasion it came from (null where it came from a year or a date the text names).
 */
export interface Clue {
  c: Constraint
  cue: string
  anchors: readonly (number | null)[]
}

export function clue(c: Constraint, cue: string, anchors?: readonly (number | null)[]): Clue {
  return { c, cue: cue.trim().replace(/\s+/g, ' '), anchors: anchors ?? c.map(() => null) }
}
