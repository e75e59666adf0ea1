/**
 * The counts behind the layout's cells, kept compactly while articles stream through the layout builder:
 * per date, mentions and stories by (actor, outlet set) and stories by outlet set, two numbers per cell in
 * typed arrays. At the end, outlets are sorted, outlet sets renumbered and sorted by their members, actors
 * numbered as the dataset lists them, and the cells of any dates folded under period numbers.
 * Pure: no Vue, DOM or Node imports.
 */
import type { Actor, Mention } from '../../src/model/dataset.ts'
import type { ArticleCells, MentionCells } from '../../src/model/layout.ts'
import { byCodeUnit } from '../../src/model/order.ts'

/** What the cells count of a mention: its article, actor and count (a reused article's mentions come as these). */
export type MentionCount = Pick<Mention, 'articleId' | 'actorId' | 'count'>

/** The date of undated articles' cells. */
export const UNDATED = ''

/** Outlet sets and actors are numbered below this (2^26 each keeps keys exact in a double). */
const SET_SPAN = 2 ** 26

/** The number of `key` in `list` (numbered in order of first appearance), added if new. */
export function intern(list: string[], numbers: Map<string, number>, key: string): number {
  let n = numbers.get(key)
  if (n === undefined) {
    n = list.length
    list.push(key)
    numbers.set(key, n)
  }
  return n
}

/** Cells of one date ("YYYY-MM-DD", "YYYY-MM", or "" for undated): actor × set → counts, set → stories. */
interface DateCells {
  /** key actor * SET_SPAN + set → number of the cell in `cellMentions` / `cellStories` */
  mentions: Map<number, number>
  /** set → stories */
  articles: Map<number, number>
}

/** The final numbers of outlets, outlet sets and actors (as the index lists them). */
export interface Numbering {
  outlets: string[]
  outletSets: number[][]
  /** internal set number → final */
  setFinal: Map<number, number>
  /** internal actor number → index in the dataset's actor list */
  actorFinal: number[]
}

export interface CellStore {
  /** The internal number of an outlet (null: the unknown outlet). */
  outletOf(outlet: string | null): number
  /** An article's mentions as pairs (internal actor number, count) for the counts > 0. */
  actorPairs(articleId: string, mentions: readonly (Mention | MentionCount)[]): number[]
  /** Counts one story: its date, the outlets it appeared in, its mention pairs. Returns its internal outlet-set number. */
  count(published: string | null, outletSet: readonly number[], mentions: readonly number[]): number
  /** The dates counted, undated left out, in order. */
  dates(): string[]
  hasUndated(): boolean
  numbering(actors: readonly Actor[]): Numbering
  /** Cells of some dates, folded under period numbers, sorted (period, actor, outlet set). */
  cellsOf(numbering: Numbering, dates: readonly { date: string; period: number }[]): { mentionCells: MentionCells; articleCells: ArticleCells }
}

/** Outlets sorted, outlet sets renumbered and sorted by their (sorted) members. */
function outletNumbering(outlets: readonly string[], sets: readonly string[]): Omit<Numbering, 'actorFinal'> {
  const outletOrder = outlets.map((name, n) => ({ name, n })).sort((a, b) => byCodeUnit(a.name, b.name))
  const outletFinal = new Map(outletOrder.map((o, i) => [o.n, i]))
  const setMembers = sets.map((s) =>
    s
      .split(',')
      .map((n) => outletFinal.get(Number(n)) ?? 0)
      .sort((a, b) => a - b),
  )
  const setOrder = setMembers
    .map((members, n) => ({ members, n }))
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.members.length, b.members.length); i++) {
        const d = (a.members[i] ?? 0) - (b.members[i] ?? 0)
        if (d !== 0) return d
      }
      return a.members.length - b.members.length
    })
  return { outlets: outletOrder.map((o) => o.name), outletSets: setOrder.map((s) => s.members), setFinal: new Map(setOrder.map((s, i) => [s.n, i])) }
}

/** Sums of cells under final numbers, as the layout's column lists. */
function columns(mentionSums: Map<string, [number, number, number, number, number]>, articleSums: Map<string, [number, number, number]>): { mentionCells: MentionCells; articleCells: ArticleCells } {
  const m = [...mentionSums.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
  const a = [...articleSums.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1])
  return {
    mentionCells: {
      period: m.map((c) => c[0]),
      actor: m.map((c) => c[1]),
      outletSet: m.map((c) => c[2]),
      mentions: m.map((c) => c[3]),
      articles: m.map((c) => c[4]),
    },
    articleCells: { period: a.map((c) => c[0]), outletSet: a.map((c) => c[1]), articles: a.map((c) => c[2]) },
  }
}

/** The cells of `dates` under final numbers, summed per (period, actor, outlet set) and (period, outlet set). */
function foldCells(
  byDate: ReadonlyMap<string, DateCells>,
  cellMentions: Float64Array,
  cellStories: Float64Array,
  { setFinal, actorFinal }: Numbering,
  dates: readonly { date: string; period: number }[],
): { mentionCells: MentionCells; articleCells: ArticleCells } {
  const mentionSums = new Map<string, [number, number, number, number, number]>()
  const articleSums = new Map<string, [number, number, number]>()
  for (const { date, period } of dates) {
    const cells = byDate.get(date)
    if (!cells) continue
    for (const [key, cell] of cells.mentions) {
      const mentions = cellMentions[cell] ?? 0
      const stories = cellStories[cell] ?? 0
      const actor = actorFinal[Math.floor(key / SET_SPAN)] ?? 0
      const set = setFinal.get(key % SET_SPAN) ?? 0
      const k = `${period},${actor},${set}`
      const sum = mentionSums.get(k)
      if (sum) {
        sum[3] += mentions
        sum[4] += stories
      } else mentionSums.set(k, [period, actor, set, mentions, stories])
    }
    for (const [internal, stories] of cells.articles) {
      const set = setFinal.get(internal) ?? 0
      const k = `${period},${set}`
      const sum = articleSums.get(k)
      if (sum) sum[2] += stories
      else articleSums.set(k, [period, set, stories])
    }
  }
  return columns(mentionSums, articleSums)
}

export function createCellStore(): CellStore {
  const outlets: string[] = []
  const outletNumbers = new Map<string, number>()
  /** Outlet sets as "n,n,n" of internal outlet numbers, ascending. */
  const sets: string[] = []
  const setNumbers = new Map<string, number>()
  const actorIds: string[] = []
  const actorNumbers = new Map<string, number>()
  const byDate = new Map<string, DateCells>()
  // the counts of every date's mention cells, by cell number: two numbers per cell, no object
  let cellMentions = new Float64Array(1024)
  let cellStories = new Float64Array(1024)
  let cellCount = 0
  const newCell = (): number => {
    if (cellCount === cellStories.length) {
      const mentions = new Float64Array(cellCount * 2)
      mentions.set(cellMentions)
      cellMentions = mentions
      const storyCounts = new Float64Array(cellCount * 2)
      storyCounts.set(cellStories)
      cellStories = storyCounts
    }
    return cellCount++
  }
  const cellsOfDate = (date: string): DateCells => {
    let cells = byDate.get(date)
    if (!cells) {
      cells = { mentions: new Map(), articles: new Map() }
      byDate.set(date, cells)
    }
    return cells
  }

  return {
    outletOf: (outlet) => intern(outlets, outletNumbers, outlet ?? ''),
    actorPairs(articleId, mentions) {
      const pairs: number[] = []
      for (const m of mentions) {
        if (m.articleId !== articleId) throw new Error(`mention of ${m.articleId} given with article ${articleId}`)
        if (m.count > 0) pairs.push(intern(actorIds, actorNumbers, m.actorId), m.count)
      }
      return pairs
    },
    count(published, outletSet, mentions) {
      const set = intern(sets, setNumbers, [...outletSet].sort((a, b) => a - b).join(','))
      const cells = cellsOfDate(published ?? UNDATED)
      cells.articles.set(set, (cells.articles.get(set) ?? 0) + 1)
      for (let i = 0; i < mentions.length; i += 2) {
        const key = (mentions[i] ?? 0) * SET_SPAN + set
        let cell = cells.mentions.get(key)
        if (cell === undefined) {
          cell = newCell()
          cells.mentions.set(key, cell)
        }
        cellMentions[cell] = (cellMentions[cell] ?? 0) + (mentions[i + 1] ?? 0)
        cellStories[cell] = (cellStories[cell] ?? 0) + 1
      }
      return set
    },
    dates: () => [...byDate.keys()].filter((d) => d !== UNDATED).sort(byCodeUnit),
    hasUndated: () => byDate.has(UNDATED),
    numbering(actors) {
      const actorIndex = new Map(actors.map((a, i) => [a.id, i]))
      const actorFinal = actorIds.map((id) => {
        const i = actorIndex.get(id)
        if (i === undefined) throw new Error(`actor ${id} is named but not in the actor list`)
        return i
      })
      return { ...outletNumbering(outlets, sets), actorFinal }
    },
    cellsOf: (numbering, dates) => foldCells(byDate, cellMentions, cellStories, numbering, dates),
  }
}
