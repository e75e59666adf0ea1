/**
 * The count cells of the layout (src/model/layout.ts) as typed columns: the month cells of the index,
 * and the day cells of the per-year day files when the grain is day or week or a date filter cuts a
 * month. Cells are turned into columns once (per file) with a row list per actor, so a filter change
 * only walks integer arrays: no article records are needed to rank actors or draw the chart.
 *
 * Wire stories count once under the outlet set of all their copies: with an outlet filter a story counts
 * when any of its copies is in a kept outlet, dated by its earliest copy (pure).
 */
import type { ArticleCells, DatasetIndex, DayFile, MentionCells } from '../../model/layout.ts'
import type { Filters, Grain } from '../filters.ts'
import { perObject } from '../memo.ts'
import { periodOf } from '../periods.ts'
import { byMostNamed, chosenOrTop, inDateRange, type ActorCount } from '../select.ts'

/** One file's cells as typed columns. `labels` are its periods: months, or days / months of a day file. */
export interface CellTable {
  labels: readonly string[]
  mention: { period: Int32Array; actor: Int32Array; outletSet: Int32Array; mentions: Float64Array; articles: Float64Array }
  article: { period: Int32Array; outletSet: Int32Array; articles: Float64Array }
  /** Mention rows of each actor (by actor number). */
  byActor: Int32Array[]
}

/** The prepared cells of a corpus: the index table and the day tables loaded so far. */
export interface CellsInput {
  index: DatasetIndex
  table: CellTable
  days: ReadonlyMap<string, CellTable>
}

function mentionColumns(cells: MentionCells): CellTable['mention'] {
  return {
    period: Int32Array.from(cells.period),
    actor: Int32Array.from(cells.actor),
    outletSet: Int32Array.from(cells.outletSet),
    mentions: Float64Array.from(cells.mentions),
    articles: Float64Array.from(cells.articles),
  }
}

function articleColumns(cells: ArticleCells): CellTable['article'] {
  return { period: Int32Array.from(cells.period), outletSet: Int32Array.from(cells.outletSet), articles: Float64Array.from(cells.articles) }
}

function rowsByActor(actor: Int32Array, actors: number): Int32Array[] {
  const sizes = new Int32Array(actors)
  for (let i = 0; i < actor.length; i++) {
    const a = actor[i] ?? 0
    if (a < actors) sizes[a] = (sizes[a] ?? 0) + 1
  }
  const lists = Array.from(sizes, (size) => new Int32Array(size))
  const fill = new Int32Array(actors)
  for (let i = 0; i < actor.length; i++) {
    const a = actor[i] ?? 0
    const list = lists[a]
    if (!list) continue
    list[fill[a] ?? 0] = i
    fill[a] = (fill[a] ?? 0) + 1
  }
  return lists
}

function tableOf(labels: readonly string[], mentionCells: MentionCells, articleCells: ArticleCells, actors: number): CellTable {
  const mention = mentionColumns(mentionCells)
  return { labels, mention, article: articleColumns(articleCells), byActor: rowsByActor(mention.actor, actors) }
}

export function indexTable(index: DatasetIndex): CellTable {
  return tableOf(index.months, index.mentionCells, index.articleCells, index.actors.length)
}

export function dayTable(file: DayFile, actors: number): CellTable {
  return tableOf(file.days, file.mentionCells, file.articleCells, actors)
}

/** The last day of a month "YYYY-MM" as "YYYY-MM-DD". */
function lastDay(month: string): string {
  const [year = 1970, m = 1] = month.split('-').map(Number)
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/** Months (ascending) whose day cells are needed because a date filter cuts them. */
export function cutMonths(filters: Pick<Filters, 'from' | 'to'>): string[] {
  const months: string[] = []
  if (filters.from !== null && !filters.from.endsWith('-01')) months.push(filters.from.slice(0, 7))
  if (filters.to !== null && filters.to !== lastDay(filters.to.slice(0, 7))) months.push(filters.to.slice(0, 7))
  return [...new Set(months)]
}

/**
 * The years whose day files a view needs: every year of the range for the day and week grains, the years
 * of the cut months otherwise. Only years that have a day file are returned.
 */
export function dayYearsNeeded(index: DatasetIndex, filters: Pick<Filters, 'from' | 'to' | 'grain'>): string[] {
  const available = index.dayFiles.map((file) => file.year)
  if (filters.grain === 'month') {
    const years = new Set(cutMonths(filters).map((month) => month.slice(0, 4)))
    return available.filter((year) => years.has(year))
  }
  const fromYear = filters.from?.slice(0, 4) ?? '0000'
  const toYear = filters.to?.slice(0, 4) ?? '9999'
  return available.filter((year) => year >= fromYear && year <= toYear)
}

/** The cells a drawing walks, and which periods of each it is responsible for. */
export interface Source {
  table: CellTable
  /** Per label: take its cells? (responsible and inside the date filter) */
  take: Uint8Array
  /** Per label: its period on the grain, or undefined when it cannot be placed there. */
  keys: (string | undefined)[]
  /** What undated cells (period -1) count as: 'skip' or 'unplaced'. */
  undated: 'skip' | 'unplaced'
}

/** The period of each day label on a grain, once per table (weeks need date arithmetic). */
const keyCache = new WeakMap<CellTable, Map<Grain, (string | undefined)[]>>()
function keysOf(table: CellTable, grain: Grain): (string | undefined)[] {
  return perObject(keyCache, table, grain, () => table.labels.map((day) => periodOf(day, grain)))
}

/** The month grain: whole months from the index, the months a date filter cuts from their day cells. */
function monthSources(index: CellTable, days: readonly CellTable[], filters: Pick<Filters, 'from' | 'to'>, undated: Source['undated']): Source[] {
  const { from, to } = filters
  const cut = new Set(cutMonths(filters))
  const monthTake = Uint8Array.from(index.labels, (month) => (!cut.has(month) && inDateRange(month, from, to) ? 1 : 0))
  const sources: Source[] = [{ table: index, take: monthTake, keys: [...index.labels], undated }]
  for (const table of days) {
    const take = Uint8Array.from(table.labels, (day) => (cut.has(day.slice(0, 7)) && inDateRange(day, from, to) ? 1 : 0))
    sources.push({ table, take, keys: table.labels.map((day) => day.slice(0, 7)), undated: 'skip' })
  }
  return sources
}

/**
 * Which cells stand for the filters: the index months for the month grain (day cells only for months a
 * date filter cuts), the day files otherwise. Undefined while a needed day file is not loaded.
 */
export function sourcesFor(input: CellsInput, filters: Pick<Filters, 'from' | 'to' | 'grain'>): Source[] | undefined {
  const { from, to, grain } = filters
  const undated = from !== null || to !== null ? 'skip' : 'unplaced'
  const days: CellTable[] = []
  for (const year of dayYearsNeeded(input.index, filters)) {
    const table = input.days.get(year)
    if (!table) return undefined
    days.push(table)
  }
  if (grain === 'month') return monthSources(input.table, days, filters, undated)
  // Day and week grains: dated cells from the day files; undated ones (period -1) from the index only.
  const { table } = input
  const sources: Source[] = [{ table, take: new Uint8Array(table.labels.length), keys: table.labels.map(() => undefined), undated }]
  for (const day of days) {
    const take = Uint8Array.from(day.labels, (label) => (inDateRange(label, from, to) ? 1 : 0))
    sources.push({ table: day, take, keys: keysOf(day, grain), undated: 'skip' })
  }
  return sources
}

/** Per outlet set: 1 when it meets the outlet filter (every set when none is set). */
export function outletMask(index: DatasetIndex, outlets: readonly string[]): Uint8Array {
  if (outlets.length === 0) return new Uint8Array(index.outletSets.length).fill(1)
  const kept = new Set(outlets)
  const keptNumbers = new Set<number>()
  index.outlets.forEach((outlet, i) => {
    if (kept.has(outlet)) keptNumbers.add(i)
  })
  return Uint8Array.from(index.outletSets, (set) => (set.some((outlet) => keptNumbers.has(outlet)) ? 1 : 0))
}

/**
 * The cells standing for the filters (see sourcesFor); while a needed day file is not loaded, the
 * months that overlap the date range stand in (cut months then count whole).
 */
function sourcesOrMonths(input: CellsInput, filters: Pick<Filters, 'from' | 'to' | 'grain'>): Source[] {
  const exact = sourcesFor(input, filters)
  if (exact) return exact
  const { from, to } = filters
  const take = Uint8Array.from(input.table.labels, (month) => (inDateRange(month, from, to) ? 1 : 0))
  return [{ table: input.table, take, keys: [...input.table.labels], undated: from !== null || to !== null ? 'skip' : 'unplaced' }]
}

/**
 * Actors by stories naming them under outlet and date filters, most first; ties by mentions, then name.
 * The grain does not change who is counted: whole months come from the index, only cut months from day cells.
 */
export function rankActorsFromCells(input: CellsInput, filters: Pick<Filters, 'from' | 'to' | 'outlets'>): ActorCount[] {
  const { index } = input
  const mask = outletMask(index, filters.outlets)
  const articles = new Float64Array(index.actors.length)
  const mentions = new Float64Array(index.actors.length)
  for (const source of sourcesOrMonths(input, { grain: 'month', from: filters.from, to: filters.to })) {
    const m = source.table.mention
    for (let i = 0; i < m.period.length; i++) {
      const p = m.period[i] ?? -1
      if (!(p < 0 ? source.undated === 'unplaced' : source.take[p] === 1) || mask[m.outletSet[i] ?? 0] !== 1) continue
      const a = m.actor[i] ?? 0
      articles[a] = (articles[a] ?? 0) + (m.articles[i] ?? 0)
      mentions[a] = (mentions[a] ?? 0) + (m.mentions[i] ?? 0)
    }
  }
  return index.actors
    .map((actor, i) => ({ actorId: actor.id, name: actor.name, articles: articles[i] ?? 0, mentions: mentions[i] ?? 0 }))
    .sort(byMostNamed)
}

/** How to rank actors: rankActorsFromCells, or a caller's cached stand-in for it. */
export type ActorRanking = (input: CellsInput, filters: Pick<Filters, 'from' | 'to' | 'outlets'>) => ActorCount[]

/** The actors drawn: those chosen, or the `top` most-named under the filters. */
export function activeActorsFromCells(input: CellsInput, filters: Filters, top = 5, rank: ActorRanking = rankActorsFromCells): string[] {
  return chosenOrTop(filters, filters.actors.length > 0 ? [] : rank(input, filters), top)
}

/** Stories per outlet (a story in several outlets counts for each) within the date filter, by whole months. */
export function outletCountsFromCells(input: CellsInput, filters: Pick<Filters, 'from' | 'to'>): Map<string, number> {
  const { index, table } = input
  const dated = filters.from !== null || filters.to !== null
  const take = Uint8Array.from(table.labels, (month) => (inDateRange(month, filters.from, filters.to) ? 1 : 0))
  const perSet = new Float64Array(index.outletSets.length)
  const c = table.article
  for (let i = 0; i < c.period.length; i++) {
    const p = c.period[i] ?? -1
    if (p < 0 ? dated : take[p] !== 1) continue
    const s = c.outletSet[i] ?? 0
    perSet[s] = (perSet[s] ?? 0) + (c.articles[i] ?? 0)
  }
  const counts = new Map<string, number>()
  index.outletSets.forEach((set, s) => {
    for (const outlet of set) {
      const name = index.outlets[outlet] ?? ''
      counts.set(name, (counts.get(name) ?? 0) + (perSet[s] ?? 0))
    }
  })
  return counts
}
