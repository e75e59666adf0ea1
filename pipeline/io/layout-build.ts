/**
 * Builds the first-screen layout (src/model/layout.ts) from articles fed one at a time, keeping counts
 * only: the pipeline streams its articles through it, and `layoutFromDataset` feeds it a whole dataset
 * (app tests, benches, and the check that the pipeline's files equal the dataset's layout).
 *
 * Wire stories: a story is an article and its copies (`duplicateOf` points to the story's first id).
 * It counts once, dated by its earliest copy (then lowest id), under the outlet set of all its copies,
 * with the mentions of that representative copy — what src/lib/mentions.ts#dedupeWireCopies counts.
 * The caller says which articles belong to a story with copies (`inStory`); only those keep compact
 * per-story state until `finish`, every other article is folded into the counts at once.
 *
 * Pure: no Vue, DOM or Node imports.
 */
import type { Actor, Article, Dataset, Mention } from '../../src/model/dataset.ts'
import { LAYOUT_VERSION, partMonthOf } from '../../src/model/layout.ts'
import type { ArticleCells, DatasetIndex, DatasetPart, DayFile, EventsFile, MentionCells } from '../../src/model/layout.ts'
import { byCodeUnit } from '../../src/model/order.ts'

/** Where the layout files go, relative to the index file's folder. */
export interface LayoutPaths {
  /** Folder of the per-year day files: "dataset.days". */
  dayFolder: string
  /** Folder of the month parts: "dataset.parts". */
  partFolder: string
  /** The events file: "dataset.events.json". */
  events: string
}

/** The layout paths beside a dataset file named `base`.json ("dataset" → dataset.days, dataset.parts, …). */
export function layoutPathsFor(base: string): LayoutPaths {
  return { dayFolder: `${base}.days`, partFolder: `${base}.parts`, events: `${base}.events.json` }
}

/** The index file's name beside a dataset file named `base`.json. */
export function indexFileFor(base: string): string {
  return `${base}.index.json`
}

export function dayFilePath(paths: LayoutPaths, year: string): string {
  return `${paths.dayFolder}/${year}.json`
}

export function partPath(paths: LayoutPaths, month: string): string {
  return `${paths.partFolder}/${month}.json`
}

export interface AddOptions {
  /**
   * true when the article belongs to a story with copies: it is a copy (`duplicateOf` set) or others
   * are copies of it. Such articles are held (compactly) until `finish`; the rest are counted at once.
   */
  inStory: boolean
}

export interface FinishOptions {
  generatedAt: string
  /** The dataset's actors, in the dataset's order: cells index this list. */
  actors: readonly Actor[]
  /** Counts the builder does not see. */
  events: number
  figures: number
  paths: LayoutPaths
}

export interface LayoutBuilder {
  add(article: Article, mentions: readonly Mention[], options: AddOptions): void
  finish(options: FinishOptions): { index: DatasetIndex; dayFiles: Map<string, DayFile> }
}

/** A story with copies, while its copies arrive: its representative so far and its outlets. */
interface StoryState {
  /** Sort key of the representative: date ("9999" when undated), then id. */
  published: string | null
  id: string
  /** Actor number, count; pairs of the representative's mentions with count > 0. */
  mentions: number[]
  outlets: Set<number>
}

const UNDATED = ''

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

/** Comparing (date, id) as dedupeWireCopies sorts: undated last. */
function earlier(aPublished: string | null, aId: string, bPublished: string | null, bId: string): boolean {
  const a = aPublished ?? '9999'
  const b = bPublished ?? '9999'
  return a < b || (a === b && aId < bId)
}

/** Cells of one date ("YYYY-MM-DD", "YYYY-MM", or "" for undated): actor × set → counts, set → stories. */
interface DateCells {
  /** key actor * SET_SPAN + set → number of the cell in `cellMentions` / `cellStories` */
  mentions: Map<number, number>
  /** set → stories */
  articles: Map<number, number>
}

/** Outlet sets and actors are numbered below this (2^26 each keeps keys exact in a double). */
const SET_SPAN = 2 ** 26

export function createLayoutBuilder(): LayoutBuilder {
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
  const stories = new Map<string, StoryState>()
  /** Articles per part month ("YYYY-MM" or "undated"), wire copies included. */
  const partCounts = new Map<string, number>()
  let articles = 0
  let wireCopies = 0
  let mentionRecords = 0

  const outletOf = (outlet: string | null): number => intern(outlets, outletNumbers, outlet ?? '')

  const count = (published: string | null, outletSet: readonly number[], mentions: readonly number[]): void => {
    const set = intern(sets, setNumbers, [...outletSet].sort((a, b) => a - b).join(','))
    const date = published ?? UNDATED
    let cells = byDate.get(date)
    if (!cells) {
      cells = { mentions: new Map(), articles: new Map() }
      byDate.set(date, cells)
    }
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
  }

  const compactMentions = (articleId: string, mentions: readonly Mention[]): number[] => {
    const pairs: number[] = []
    for (const m of mentions) {
      if (m.articleId !== articleId) throw new Error(`mention of ${m.articleId} given with article ${articleId}`)
      if (m.count > 0) pairs.push(intern(actorIds, actorNumbers, m.actorId), m.count)
    }
    return pairs
  }

  return {
    add(article, mentions, options) {
      articles += 1
      mentionRecords += mentions.length
      if (article.duplicateOf !== null) wireCopies += 1
      const part = partMonthOf(article.published)
      partCounts.set(part, (partCounts.get(part) ?? 0) + 1)
      const outlet = outletOf(article.outlet)
      if (!options.inStory) {
        if (article.duplicateOf !== null) throw new Error(`${article.id} is a wire copy: add it with inStory`)
        count(article.published, [outlet], compactMentions(article.id, mentions))
        return
      }
      const key = article.duplicateOf ?? article.id
      const story = stories.get(key)
      if (!story) {
        stories.set(key, {
          published: article.published,
          id: article.id,
          mentions: compactMentions(article.id, mentions),
          outlets: new Set([outlet]),
        })
        return
      }
      story.outlets.add(outlet)
      if (earlier(article.published, article.id, story.published, story.id)) {
        story.published = article.published
        story.id = article.id
        story.mentions = compactMentions(article.id, mentions)
      }
    },

    finish(options) {
      for (const story of stories.values()) count(story.published, [...story.outlets], story.mentions)
      stories.clear()

      // outlets sorted, outlet sets renumbered and sorted by their (sorted) members
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
      const setFinal = new Map(setOrder.map((s, i) => [s.n, i]))

      const actorIndex = new Map(options.actors.map((a, i) => [a.id, i]))
      const actorFinal = actorIds.map((id) => {
        const i = actorIndex.get(id)
        if (i === undefined) throw new Error(`actor ${id} is named but not in the actor list`)
        return i
      })

      /** Cells of some dates, folded under period numbers, sorted (period, actor, outlet set). */
      const cellsOf = (dates: readonly { date: string; period: number }[]): { mentionCells: MentionCells; articleCells: ArticleCells } => {
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

      const dates = [...byDate.keys()].filter((d) => d !== UNDATED).sort(byCodeUnit)
      const months = [...new Set(dates.map((d) => d.slice(0, 7)))]
      const monthIndex = new Map(months.map((m, i) => [m, i]))
      const indexDates = [
        ...(byDate.has(UNDATED) ? [{ date: UNDATED, period: -1 }] : []),
        ...dates.map((date) => ({ date, period: monthIndex.get(date.slice(0, 7)) ?? 0 })),
      ]
      const years = [...new Set(dates.map((d) => d.slice(0, 4)))]
      const dayFiles = new Map<string, DayFile>()
      for (const year of years) {
        const days = dates.filter((d) => d.startsWith(`${year}-`))
        dayFiles.set(dayFilePath(options.paths, year), { year, days, ...cellsOf(days.map((date, period) => ({ date, period }))) })
      }
      const partMonths = [...partCounts.keys()].filter((m) => m !== 'undated').sort(byCodeUnit)
      if (partCounts.has('undated')) partMonths.push('undated')

      const index: DatasetIndex = {
        layoutVersion: LAYOUT_VERSION,
        generatedAt: options.generatedAt,
        totals: { articles, wireCopies, mentions: mentionRecords, events: options.events, figures: options.figures },
        actors: [...options.actors],
        outlets: outletOrder.map((o) => o.name),
        outletSets: setOrder.map((s) => s.members),
        months,
        ...cellsOf(indexDates),
        dayFiles: years.map((year) => ({ year, path: dayFilePath(options.paths, year) })),
        parts: partMonths.map((month) => ({ month, path: partPath(options.paths, month), articles: partCounts.get(month) ?? 0 })),
        events: options.paths.events,
      }
      return { index, dayFiles }
    },
  }
}

/** Ids of articles that have wire copies, and of the copies: the articles to add with `inStory`. */
export function storyMembers(articles: readonly Pick<Article, 'id' | 'duplicateOf'>[]): Set<string> {
  const members = new Set<string>()
  for (const a of articles) {
    if (a.duplicateOf !== null) {
      members.add(a.id)
      members.add(a.duplicateOf)
    }
  }
  return members
}

/** Splits records by the part month of their article, keeping the dataset's order inside each part. */
function partsOf(dataset: Dataset, paths: LayoutPaths): Map<string, DatasetPart> {
  const monthOf = new Map(dataset.articles.map((a) => [a.id, partMonthOf(a.published)]))
  const byMonth = new Map<string, DatasetPart>()
  const partFor = (month: string): DatasetPart => {
    let part = byMonth.get(month)
    if (!part) {
      part = { month, articles: [], mentions: [], figures: [] }
      byMonth.set(month, part)
    }
    return part
  }
  for (const a of dataset.articles) partFor(partMonthOf(a.published)).articles.push(a)
  for (const m of dataset.mentions) partFor(monthOf.get(m.articleId) ?? 'undated').mentions.push(m)
  for (const f of dataset.figures) partFor(monthOf.get(f.articleId) ?? 'undated').figures.push(f)
  const months = [...byMonth.keys()].filter((m) => m !== 'undated').sort(byCodeUnit)
  if (byMonth.has('undated')) months.push('undated')
  return new Map(months.map((m) => [partPath(paths, m), byMonth.get(m) as DatasetPart]))
}

/** Mentions grouped by article id. */
function mentionsByArticle(mentions: readonly Mention[]): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>()
  for (const m of mentions) {
    const list = out.get(m.articleId)
    if (list) list.push(m)
    else out.set(m.articleId, [m])
  }
  return out
}

export interface Layout {
  index: DatasetIndex
  dayFiles: Map<string, DayFile>
  parts: Map<string, DatasetPart>
  events: EventsFile
}

/** The whole layout of a dataset held in memory: the same files the pipeline writes for it. */
export function layoutFromDataset(dataset: Dataset, paths: LayoutPaths = layoutPathsFor('dataset')): Layout {
  const builder = createLayoutBuilder()
  const members = storyMembers(dataset.articles)
  const byArticle = mentionsByArticle(dataset.mentions)
  for (const a of dataset.articles) builder.add(a, byArticle.get(a.id) ?? [], { inStory: members.has(a.id) })
  const { index, dayFiles } = builder.finish({
    generatedAt: dataset.generatedAt,
    actors: dataset.actors,
    events: dataset.events.length,
    figures: dataset.figures.length,
    paths,
  })
  return { index, dayFiles, parts: partsOf(dataset, paths), events: { events: dataset.events } }
}
