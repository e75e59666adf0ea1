/**
 * Co-mentions for the layout (src/model/layout.ts, ComentionCells): per month, pair of actors and outlet
 * set, the stories naming both. A layout extension (./layout-extension.ts): fed the stories the mention
 * cells count, so wire copies fold the same way (one story, dated by its earliest copy, under the outlet
 * set of all its copies, with that copy's actors). Kept compactly while articles stream: per month, pair →
 * outlet set → stories. Pure: no Vue, DOM or Node imports.
 */
import type { ComentionCells, ComentionsFile } from '../../src/model/layout.ts'
import { UNDATED } from './layout-cells.ts'
import type { ExtensionContext, ExtensionOutput, LayoutExtension } from './layout-extension.ts'

/** Internal actor numbers stay below this, so a pair key (a × span + b) is exact in a double. */
const ACTOR_SPAN = 2 ** 26

/** The internal actor numbers of a story's mention pairs (number, count), ascending, unique. */
function actorsOf(mentions: readonly number[]): number[] {
  const actors: number[] = []
  for (let i = 0; i < mentions.length; i += 2) actors.push(mentions[i] ?? 0)
  return [...new Set(actors)].sort((a, b) => a - b)
}

/** The counted cells under final numbers, sorted (period, first, second, outlet set). */
function foldToMonths(byMonth: ReadonlyMap<string, Map<number, Map<number, number>>>, { numbering, months }: ExtensionContext): ComentionCells {
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const sums = new Map<string, [number, number, number, number, number]>()
  for (const [month, pairs] of byMonth) {
    const period = month === UNDATED ? -1 : (monthIndex.get(month) ?? -1)
    for (const [pair, sets] of pairs) {
      const x = numbering.actorFinal[Math.floor(pair / ACTOR_SPAN)] ?? 0
      const y = numbering.actorFinal[pair % ACTOR_SPAN] ?? 0
      const [first, second] = x < y ? [x, y] : [y, x]
      for (const [internalSet, stories] of sets) {
        const set = numbering.setFinal.get(internalSet) ?? 0
        const key = `${period},${first},${second},${set}`
        const sum = sums.get(key)
        if (sum) sum[4] += stories
        else sums.set(key, [period, first, second, set, stories])
      }
    }
  }
  const rows = [...sums.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3])
  return {
    period: rows.map((r) => r[0]),
    first: rows.map((r) => r[1]),
    second: rows.map((r) => r[2]),
    outletSet: rows.map((r) => r[3]),
    articles: rows.map((r) => r[4]),
  }
}

export function createComentionCounter(): LayoutExtension {
  /** month ("YYYY-MM" of the story's date; "" undated) → pair key → internal outlet set → stories (months, not days: the file counts by month) */
  const byMonth = new Map<string, Map<number, Map<number, number>>>()
  return {
    story(published, outletSet, mentions) {
      const actors = actorsOf(mentions)
      if (actors.length < 2) return
      const month = published === null ? UNDATED : published.slice(0, 7)
      let pairs = byMonth.get(month)
      if (!pairs) {
        pairs = new Map()
        byMonth.set(month, pairs)
      }
      for (let i = 0; i < actors.length; i++) {
        for (let j = i + 1; j < actors.length; j++) {
          const key = (actors[i] ?? 0) * ACTOR_SPAN + (actors[j] ?? 0)
          let sets = pairs.get(key)
          if (!sets) {
            sets = new Map()
            pairs.set(key, sets)
          }
          sets.set(outletSet, (sets.get(outletSet) ?? 0) + 1)
        }
      }
    },
    finish(context): ExtensionOutput {
      const file: ComentionsFile = { cells: foldToMonths(byMonth, context) }
      byMonth.clear()
      return { index: { comentions: context.paths.comentions }, files: new Map([[context.paths.comentions, file]]) }
    },
  }
}
