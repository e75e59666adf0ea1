/**
 * The Mentions chart's numbers from the cells (./cells.ts): a gapless time axis, the stories per period
 * (the share's denominator), one series per actor, and the visits and calls on that axis (./markers.ts).
 * `topTitle` and `articleIds` stay empty here: they need the month parts (./records.ts). Pure.
 */
import type { Filters } from '../filters.ts'
import { axisPeriods } from '../periods.ts'
import { outletMask, sourcesFor, type CellsInput, type Source } from './cells.ts'
import { markersOnAxis, type MarkersMemo } from './markers.ts'
import type { EventMarker, MentionCell, MentionSeries, MentionsData } from './types.ts'

/** Sets each cell's drawn value: its mentions, or its articles as a share of the period's denominator. */
export function measureCells(cells: readonly MentionCell[], denominators: readonly number[], measure: Filters['measure']): void {
  cells.forEach((cell, i) => {
    const denominator = denominators[i] ?? 0
    cell.value = measure === 'share' ? (denominator === 0 ? 0 : cell.articles / denominator) : cell.mentions
  })
}

/** Which periods of the grain hold stories, and how many stories cannot be placed on it. */
function storyPeriods(sources: readonly Source[], mask: Uint8Array): { seen: Set<string>; unplaced: number } {
  let unplaced = 0
  const seen = new Set<string>()
  for (const source of sources) {
    const c = source.table.article
    const hit = new Uint8Array(source.table.labels.length)
    for (let i = 0; i < c.period.length; i++) {
      const p = c.period[i] ?? -1
      if (mask[c.outletSet[i] ?? 0] !== 1) continue
      const n = c.articles[i] ?? 0
      if (p < 0) {
        if (source.undated === 'unplaced') unplaced += n
      } else if (source.take[p] === 1) {
        if (source.keys[p] === undefined) unplaced += n
        else if (n > 0) hit[p] = 1
      }
    }
    hit.forEach((flag, p) => {
      const key = source.keys[p]
      if (flag === 1 && key !== undefined) seen.add(key)
    })
  }
  return { seen, unplaced }
}

/** Per source, label → drawn period index (-1: not drawn). */
function targetsOf(sources: readonly Source[], position: ReadonlyMap<string, number>): Int32Array[] {
  return sources.map((source) =>
    Int32Array.from(source.keys, (key, p) => (source.take[p] === 1 && key !== undefined ? (position.get(key) ?? -1) : -1)),
  )
}

/** Stories per drawn period under the outlet filter. */
function denominatorsOf(sources: readonly Source[], targets: readonly Int32Array[], mask: Uint8Array, periods: number): number[] {
  const denominators = new Array<number>(periods).fill(0)
  sources.forEach((source, s) => {
    const c = source.table.article
    const target = targets[s] as Int32Array
    for (let i = 0; i < c.period.length; i++) {
      const p = c.period[i] ?? -1
      const t = p < 0 ? -1 : (target[p] ?? -1)
      if (t < 0 || mask[c.outletSet[i] ?? 0] !== 1) continue
      denominators[t] = (denominators[t] ?? 0) + (c.articles[i] ?? 0)
    }
  })
  return denominators
}

/** One actor's mentions and stories per drawn period (the actor's rows of every source). */
function actorCells(sources: readonly Source[], targets: readonly Int32Array[], mask: Uint8Array, periods: number, actor: number | undefined): MentionCell[] {
  const cells: MentionCell[] = Array.from({ length: periods }, () => ({ mentions: 0, articles: 0, value: 0, topTitle: null, articleIds: [] }))
  if (actor === undefined) return cells
  sources.forEach((source, s) => {
    const m = source.table.mention
    const target = targets[s] as Int32Array
    const rows = source.table.byActor[actor] ?? new Int32Array(0)
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r] ?? 0
      const p = m.period[i] ?? -1
      const t = p < 0 ? -1 : (target[p] ?? -1)
      if (t < 0 || mask[m.outletSet[i] ?? 0] !== 1) continue
      const cell = cells[t] as MentionCell
      cell.mentions += m.mentions[i] ?? 0
      cell.articles += m.articles[i] ?? 0
    }
  })
  return cells
}

/**
 * The numbers of the Mentions chart from cells, with the event markers of the filters and grain
 * (./markers.ts#eventMarkers). Undefined while a day file the filters need is not loaded (see
 * dayYearsNeeded). A memo (the caller's) hands back the same marker array while the axis stays.
 */
export function buildMentionsFromCells(
  input: CellsInput,
  filters: Filters,
  actorIds: readonly string[],
  markers: readonly EventMarker[],
  memo?: MarkersMemo,
): MentionsData | undefined {
  const { index } = input
  const sources = sourcesFor(input, filters)
  if (!sources) return undefined
  const mask = outletMask(index, filters.outlets)
  const { seen, unplaced } = storyPeriods(sources, mask)
  const periods = axisPeriods(seen.size > 0 ? [...seen] : markers.map((event) => event.period), filters, filters.grain)
  const position = new Map(periods.map((period, i) => [period, i]))
  const targets = targetsOf(sources, position)
  const denominators = denominatorsOf(sources, targets, mask, periods.length)
  const actorNumber = new Map(index.actors.map((actor, i) => [actor.id, i]))
  const series: MentionSeries[] = actorIds.map((actorId) => {
    const a = actorNumber.get(actorId)
    const cells = actorCells(sources, targets, mask, periods.length, a)
    measureCells(cells, denominators, filters.measure)
    return { actorId, name: index.actors[a ?? -1]?.name ?? actorId, cells }
  })
  return {
    grain: filters.grain,
    measure: filters.measure,
    periods,
    denominators,
    series,
    events: markersOnAxis(markers, periods, position, memo),
    unplaced,
    foldedCopies: filters.outlets.length === 0 && filters.from === null && filters.to === null ? index.totals.wireCopies : 0,
  }
}
