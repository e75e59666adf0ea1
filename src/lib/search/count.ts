/**
 * Matched stories (./evaluate.ts) per period of the chart, under the outlet and date filters, from the
 * runs of the meta file (src/model/search.ts): stories of one date and outlet set are consecutive numbers,
 * so one walk over runs and matches counts them. Pure; what is worth keeping between redraws lives in a
 * `CountCache` the caller owns (src/data/search-engine.ts holds one per page):
 *
 *   per matches     the runs' slices of the matched stories and their hits summed per run (one walk over
 *                   the matches, then a redraw is a walk over the runs, not over a million matches)
 *   per meta        for each filter key, which runs the filters keep and their periods at the grain
 *   per matches     for each filter key, the counts per period (the chip and the series ask the same)
 */
import type { SearchMeta } from '../../model/search.ts'
import type { Matches } from './evaluate.ts'
import type { Filters } from '../filters.ts'
import { perObject } from '../memo.ts'
import { periodOf } from '../periods.ts'
import { inDateRange } from '../select.ts'

export type CountFilters = Pick<Filters, 'outlets' | 'from' | 'to' | 'grain'>

/** Per run: whether the filters keep it, and its period at the grain (undefined: not placeable). */
interface RunView {
  kept: Uint8Array
  period: (string | undefined)[]
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

export interface CountCache {
  views: WeakMap<SearchMeta, Map<string, RunView>>
  /** Per sorted list of stories: run r's stories are the slice [starts[r], starts[r + 1]). */
  starts: WeakMap<Int32Array, Map<SearchMeta, Int32Array>>
  /** Per list of hits: their sums per run. */
  runHits: WeakMap<Int32Array, Map<SearchMeta, Float64Array>>
  counts: WeakMap<Matches, Map<string, PeriodCounts>>
}

export function createCountCache(): CountCache {
  return { views: new WeakMap(), starts: new WeakMap(), runHits: new WeakMap(), counts: new WeakMap() }
}

/** Filter keys kept per object: a session's recent filters, not every one it ever set. */
const KEYS_KEPT = 32

function filterKey(filters: CountFilters): string {
  return [filters.grain, filters.from ?? '', filters.to ?? '', ...filters.outlets].join('\u0001')
}

function runView(meta: SearchMeta, filters: CountFilters): RunView {
  const outlets = new Set(filters.outlets)
  const keptSet = meta.outletSets.map((set) => outlets.size === 0 || set.some((outlet) => outlets.has(outlet)))
  // per date first (a few thousand), then each run looks its date up (up to a few hundred thousand)
  const keptDate = meta.dates.map((date) => inDateRange(date === '' ? null : date, filters.from, filters.to))
  const periodOfDate = meta.dates.map((date) => (date === '' ? undefined : periodOf(date, filters.grain)))
  const runs = meta.runs.date.length
  const kept = new Uint8Array(runs)
  const period: (string | undefined)[] = new Array(runs)
  for (let r = 0; r < runs; r++) {
    const date = meta.runs.date[r] ?? 0
    kept[r] = keptSet[meta.runs.outletSet[r] ?? 0] && keptDate[date] ? 1 : 0
    period[r] = periodOfDate[date]
  }
  return { kept, period }
}

/** Where each run's stories start in a sorted list of stories (one walk over both). */
function startsOf(meta: SearchMeta, stories: Int32Array, cache: CountCache): Int32Array {
  return perObject(cache.starts, stories, meta, () => {
    const runs = meta.runs.stories.length
    const starts = new Int32Array(runs + 1)
    let end = 0
    let j = 0
    for (let r = 0; r < runs; r++) {
      starts[r] = j
      end += meta.runs.stories[r] ?? 0
      while (j < stories.length && (stories[j] ?? 0) < end) j++
    }
    starts[runs] = j
    return starts
  })
}

/** The matches' hits summed per run. */
function runHitsOf(meta: SearchMeta, matches: Matches, cache: CountCache): Float64Array {
  return perObject(cache.runHits, matches.hits, meta, () => {
    const starts = startsOf(meta, matches.stories, cache)
    const sums = new Float64Array(starts.length - 1)
    for (let r = 0; r < sums.length; r++) {
      let sum = 0
      for (let i = starts[r] ?? 0; i < (starts[r + 1] ?? 0); i++) sum += matches.hits[i] ?? 0
      sums[r] = sum
    }
    return sums
  })
}

function viewOf(meta: SearchMeta, filters: CountFilters, cache: CountCache): RunView {
  return perObject(cache.views, meta, filterKey(filters), () => runView(meta, filters), KEYS_KEPT)
}

export function countByPeriod(meta: SearchMeta, matches: Matches, filters: CountFilters, cache: CountCache = createCountCache()): PeriodCounts {
  return perObject(cache.counts, matches, filterKey(filters), () => {
    const view = viewOf(meta, filters, cache)
    const starts = startsOf(meta, matches.stories, cache)
    const runHits = runHitsOf(meta, matches, cache)
    const counts = new Map<string, number>()
    const hits = new Map<string, number>()
    let unplaced = 0
    let total = 0
    for (let r = 0; r < view.kept.length; r++) {
      const n = (starts[r + 1] ?? 0) - (starts[r] ?? 0)
      if (n === 0 || view.kept[r] !== 1) continue
      total += n
      const period = view.period[r]
      if (period === undefined) unplaced += n
      else {
        counts.set(period, (counts.get(period) ?? 0) + n)
        hits.set(period, (hits.get(period) ?? 0) + (runHits[r] ?? 0))
      }
    }
    return { counts, hits, unplaced, total }
  }, KEYS_KEPT)
}

/**
 * Positions (into `stories`) of the matches the filters keep, newest first; with `period`, only those in
 * it; at most `limit`.
 */
export function keptMatches(
  meta: SearchMeta,
  stories: Int32Array,
  filters: CountFilters,
  period: string | null,
  limit: number,
  cache: CountCache = createCountCache(),
): number[] {
  const view = viewOf(meta, filters, cache)
  const starts = startsOf(meta, stories, cache)
  const out: number[] = []
  for (let r = view.kept.length - 1; r >= 0 && out.length < limit; r--) {
    if (view.kept[r] !== 1 || (period !== null && view.period[r] !== period)) continue
    for (let i = (starts[r + 1] ?? 0) - 1; i >= (starts[r] ?? 0) && out.length < limit; i--) out.push(i)
  }
  return out
}
