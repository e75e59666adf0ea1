/**
 * Matched stories (./evaluate.ts) per period of the chart, under the outlet and date filters, from the
 * runs of the meta file (src/model/search.ts): stories of one date and outlet set are consecutive numbers,
 * so one walk over runs and matches counts them. Pure.
 */
import type { SearchMeta } from '../../model/search.ts'
import type { Matches } from './evaluate.ts'
import type { Filters } from '../filters.ts'
import { periodOf } from '../periods.ts'
import { inDateRange } from '../select.ts'

export type CountFilters = Pick<Filters, 'outlets' | 'from' | 'to' | 'grain'>

/** Per run: whether the filters keep it, and its period at the grain (undefined: not placeable). */
interface RunView {
  kept: Uint8Array
  period: (string | undefined)[]
}

function runView(meta: SearchMeta, filters: CountFilters): RunView {
  const outlets = new Set(filters.outlets)
  const keptSet = meta.outletSets.map((set) => outlets.size === 0 || set.some((outlet) => outlets.has(outlet)))
  const runs = meta.runs.date.length
  const kept = new Uint8Array(runs)
  const period: (string | undefined)[] = new Array(runs)
  for (let r = 0; r < runs; r++) {
    const date = meta.dates[meta.runs.date[r] ?? 0] ?? ''
    const published = date === '' ? null : date
    kept[r] = keptSet[meta.runs.outletSet[r] ?? 0] && inDateRange(published, filters.from, filters.to) ? 1 : 0
    period[r] = published === null ? undefined : periodOf(published, filters.grain)
  }
  return { kept, period }
}

/** Calls `visit(run, from, to)` for each run with the index range of `stories` that falls in it. */
function walkRuns(meta: SearchMeta, stories: Int32Array, visit: (run: number, from: number, to: number) => void): void {
  let start = 0
  let j = 0
  meta.runs.stories.forEach((size, r) => {
    const end = start + size
    const from = j
    while (j < stories.length && (stories[j] ?? 0) < end) j++
    if (j > from) visit(r, from, j)
    start = end
  })
}

export interface PeriodCounts {
  /** Matching stories per period. */
  counts: Map<string, number>
  /** Hits (occurrences) summed over those stories, per period. */
  hits: Map<string, number>
  /** Matching stories the filters keep that have no place on the grain (undated, or month-only on day/week). */
  unplaced: number
  /** Matching stories the filters keep. */
  total: number
}

export function countByPeriod(meta: SearchMeta, matches: Matches, filters: CountFilters): PeriodCounts {
  const { stories } = matches
  const view = runView(meta, filters)
  const counts = new Map<string, number>()
  const hits = new Map<string, number>()
  let unplaced = 0
  let total = 0
  walkRuns(meta, stories, (run, from, to) => {
    if (view.kept[run] !== 1) return
    const n = to - from
    total += n
    const period = view.period[run]
    if (period === undefined) unplaced += n
    else {
      counts.set(period, (counts.get(period) ?? 0) + n)
      let sum = 0
      for (let i = from; i < to; i++) sum += matches.hits[i] ?? 0
      hits.set(period, (hits.get(period) ?? 0) + sum)
    }
  })
  return { counts, hits, unplaced, total }
}

/**
 * Positions (into `stories`) of the matches the filters keep, newest first; with `period`, only those in
 * it; at most `limit`.
 */
export function keptMatches(meta: SearchMeta, stories: Int32Array, filters: CountFilters, period: string | null, limit: number): number[] {
  const view = runView(meta, filters)
  const ranges: [number, number][] = []
  walkRuns(meta, stories, (run, from, to) => {
    if (view.kept[run] === 1 && (period === null || view.period[run] === period)) ranges.push([from, to])
  })
  const out: number[] = []
  for (let r = ranges.length - 1; r >= 0 && out.length < limit; r--) {
    const [from, to] = ranges[r] as [number, number]
    for (let i = to - 1; i >= from && out.length < limit; i--) out.push(i)
  }
  return out
}
