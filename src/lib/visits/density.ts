/**
 * The Visits timeline from the event summary (src/model/event-layout.ts) alone: how many lifecycles pass the
 * filters, per lane and month, and which event month parts hold them. Above MARKS_LIMIT the view draws these
 * counts as a binned density; at or below it, it loads those parts and draws each visit as a mark. Dates
 * count by whole months here (a date filter that cuts a month takes the whole month). No UI text, no Vue.
 */
import { EVENT_KINDS, type EventSummary } from '../../model/event-layout.ts'
import { EVENT_STATUSES, type EventStatus } from '../../model/dataset.ts'
import type { DatasetIndex } from '../../model/layout.ts'
import type { Lane, ViewFilter } from '../filters.ts'
import { directionOf, laneKeys, UNKNOWN_VISITOR, visitorLaneOrder } from './model.ts'

/** Most visits drawn as single marks; above it the view draws the density. */
export const MARKS_LIMIT = 300

export interface DensityBin {
  lane: string
  month: string
  lifecycles: number
}

export interface VisitsDensity {
  lanes: string[]
  /** Every month from the first to the last with a passing lifecycle (the axis), ascending. */
  months: string[]
  bins: DensityBin[]
  /** Passing lifecycles with a date, and without one. */
  dated: number
  undated: number
  /** The event parts ("YYYY-MM", "undated") holding passing lifecycles. */
  parts: string[]
  /** The first and last month the date filter keeps (whole months), null when open. */
  range: { from: string | null; to: string | null }
}

type SummaryFilter = ViewFilter & { status?: readonly EventStatus[] }

/** Every month from `first` to `last` ("YYYY-MM"), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = []
  let [y, m] = first.split('-').map(Number) as [number, number]
  const [ly, lm] = last.split('-').map(Number) as [number, number]
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** Which cells pass the filters (actors among visitors or hosts, outlets among the reports', status, whole months). */
function cellFilter(summary: EventSummary, index: Pick<DatasetIndex, 'actors' | 'outlets'>, filter: SummaryFilter) {
  const wantedActors = new Set(filter.actors)
  const actorHit = summary.actorSets.map((set) => set.some((n) => wantedActors.has(index.actors[n]?.id ?? '')))
  const wantedOutlets = new Set(filter.outlets)
  const outletHit = summary.outletSets.map((set) => set.some((n) => wantedOutlets.has(index.outlets[n] ?? '')))
  const statuses = new Set((filter.status ?? []).map((status) => EVENT_STATUSES.indexOf(status)))
  const from = filter.from?.slice(0, 7) ?? null
  const to = filter.to?.slice(0, 7) ?? null
  const { cells } = summary
  return (i: number): boolean => {
    if (wantedActors.size > 0 && !actorHit[cells.visitors[i] ?? 0] && !actorHit[cells.hosts[i] ?? 0]) return false
    if (wantedOutlets.size > 0 && !outletHit[cells.outlets[i] ?? 0]) return false
    if (statuses.size > 0 && !statuses.has(cells.status[i] ?? -1)) return false
    const period = cells.period[i] ?? -1
    if (period === -1) return true
    const month = summary.months[period] ?? ''
    return (from === null || month >= from) && (to === null || month <= to)
  }
}

/** The lanes of one cell: its direction, or each of its visitors ("?" when none is named). */
function cellLanes(summary: EventSummary, index: Pick<DatasetIndex, 'actors'>, i: number, mode: Lane): string[] {
  const { cells } = summary
  if (mode === 'direction') {
    const country = cells.country[i] ?? -1
    return [directionOf({ kind: EVENT_KINDS[cells.kind[i] ?? 0] ?? 'visit', country: country < 0 ? null : (index.actors[country]?.id ?? null) })]
  }
  const visitors = (summary.actorSets[cells.visitors[i] ?? 0] ?? []).map((n) => index.actors[n]?.id ?? UNKNOWN_VISITOR)
  return visitors.length > 0 ? visitors : [UNKNOWN_VISITOR]
}

export function visitsDensity(summary: EventSummary, index: Pick<DatasetIndex, 'actors' | 'outlets'>, filter: SummaryFilter, mode: Lane): VisitsDensity {
  const passes = cellFilter(summary, index, filter)
  const bins = new Map<string, DensityBin>()
  const laneCounts = new Map<string, number>()
  const parts = new Set<string>()
  let dated = 0
  let undated = 0
  let calls = false
  const { cells } = summary
  for (let i = 0; i < cells.period.length; i++) {
    if (!passes(i)) continue
    const n = cells.lifecycles[i] ?? 0
    const period = cells.period[i] ?? -1
    if (period === -1) {
      undated += n
      parts.add('undated')
      continue
    }
    const month = summary.months[period] ?? ''
    dated += n
    parts.add(month)
    if (cells.kind[i] === 1) calls = true
    for (const lane of cellLanes(summary, index, i, mode)) {
      laneCounts.set(lane, (laneCounts.get(lane) ?? 0) + n)
      const key = `${lane}\u0000${month}`
      const bin = bins.get(key)
      if (bin) bin.lifecycles += n
      else bins.set(key, { lane, month, lifecycles: n })
    }
  }
  const lanes = mode === 'direction' ? laneKeys(calls ? [{ kind: 'call', country: null, visitors: [] }] : [], mode) : visitorLaneOrder(laneCounts)
  const dense = [...bins.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : lanes.indexOf(a.lane) - lanes.indexOf(b.lane)))
  const first = dense[0]?.month
  const last = dense[dense.length - 1]?.month
  const months = first && last ? monthsBetween(first, last) : []
  const sortedParts = [...parts].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? -1 : 1))
  return { lanes, months, bins: dense, dated, undated, parts: sortedParts, range: { from: filter.from?.slice(0, 7) ?? null, to: filter.to?.slice(0, 7) ?? null } }
}

/** The mode the view draws in: single marks up to MARKS_LIMIT dated visits, the density above. */
export function visitsMode(density: Pick<VisitsDensity, 'dated'>, limit = MARKS_LIMIT): 'marks' | 'density' {
  return density.dated <= limit ? 'marks' : 'density'
}
