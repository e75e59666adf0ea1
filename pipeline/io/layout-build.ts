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
import type { DatasetIndex, DatasetPart, DayFile, EventsFile } from '../../src/model/layout.ts'
import { byCodeUnit } from '../../src/model/order.ts'
import { createCellStore, UNDATED } from './layout-cells.ts'
import type { CellStore, MentionCount } from './layout-cells.ts'
import { createComentionCounter } from './layout-comentions.ts'
import type { LayoutExtension, LayoutPaths } from './layout-extension.ts'
import { createEventLayoutBuilder } from './layout-events.ts'
import type { EventLayoutBuilder } from './layout-events.ts'
import { createIdMapBuilder } from './layout-ids.ts'
import type { IdMapBuilder } from './layout-ids.ts'
import type { EventPart } from '../../src/model/event-layout.ts'

export type { LayoutExtension, LayoutPaths } from './layout-extension.ts'

/** The extensions every layout counts: co-mentions. */
export function defaultExtensions(): LayoutExtension[] {
  return [createComentionCounter()]
}

/** The layout paths beside a dataset file named `base`.json ("dataset" → dataset.days, dataset.parts, …). */
export function layoutPathsFor(base: string): LayoutPaths {
  return {
    dayFolder: `${base}.days`,
    partFolder: `${base}.parts`,
    events: `${base}.events.json`,
    comentions: `${base}.comentions.json`,
    search: `${base}.search/meta.json`,
    eventSummary: `${base}.events.summary.json`,
    eventFolder: `${base}.events`,
    idFolder: `${base}.ids`,
  }
}

/** The file of one event month part ("2024-05" or "undated"). */
export function eventPartPath(paths: LayoutPaths, month: string): string {
  return `${paths.eventFolder}/${month}.json`
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
  quotes?: number
  paths: LayoutPaths
  /** The events split for the Visits view, fed every event: its summary and the id shards go beside the index (default: no events). */
  eventLayout?: EventLayoutBuilder
}

/** The counted layout: the index, the day files, and the extensions' files beside the index (path → JSON value). */
export interface CountedLayout {
  index: DatasetIndex
  dayFiles: Map<string, DayFile>
  files: Map<string, unknown>
}

export interface LayoutBuilder {
  /** `mentions`: the article's mentions (only their article, actor and count are counted). */
  add(article: Article, mentions: readonly (Mention | MentionCount)[], options: AddOptions): void
  finish(options: FinishOptions): CountedLayout
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

/** Comparing (date, id) as dedupeWireCopies sorts: undated last. */
export function earlier(aPublished: string | null, aId: string, bPublished: string | null, bId: string): boolean {
  const a = aPublished ?? '9999'
  const b = bPublished ?? '9999'
  return a < b || (a === b && aId < bId)
}

/** The index, the day files and the extensions' files from the counted cells, numbered for the actor list of the dataset. */
function layoutFiles(
  cells: CellStore,
  ids: IdMapBuilder,
  extensions: readonly LayoutExtension[],
  totals: DatasetIndex['totals'],
  partCounts: ReadonlyMap<string, number>,
  options: FinishOptions,
): CountedLayout {
  const numbering = cells.numbering(options.actors)
  const dates = cells.dates()
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))]
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const indexDates = [
    ...(cells.hasUndated() ? [{ date: UNDATED, period: -1 }] : []),
    ...dates.map((date) => ({ date, period: monthIndex.get(date.slice(0, 7)) ?? 0 })),
  ]
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))]
  const dayFiles = new Map<string, DayFile>()
  for (const year of years) {
    const days = dates.filter((d) => d.startsWith(`${year}-`))
    dayFiles.set(dayFilePath(options.paths, year), { year, days, ...cells.cellsOf(numbering, days.map((date, period) => ({ date, period }))) })
  }
  const partMonths = [...partCounts.keys()].filter((m) => m !== 'undated').sort(byCodeUnit)
  if (partCounts.has('undated')) partMonths.push('undated')
  const index: DatasetIndex = {
    layoutVersion: LAYOUT_VERSION,
    generatedAt: options.generatedAt,
    totals,
    actors: [...options.actors],
    outlets: numbering.outlets,
    outletSets: numbering.outletSets,
    months,
    ...cells.cellsOf(numbering, indexDates),
    dayFiles: years.map((year) => ({ year, path: dayFilePath(options.paths, year) })),
    parts: partMonths.map((month) => ({ month, path: partPath(options.paths, month), articles: partCounts.get(month) ?? 0 })),
    events: options.paths.events,
    ...(options.paths.search === undefined ? {} : { search: options.paths.search }),
  }
  const files = new Map<string, unknown>()
  for (const extension of extensions) {
    const out = extension.finish({ numbering, months, paths: options.paths })
    Object.assign(index, out.index)
    for (const [path, value] of out.files) files.set(path, value)
  }
  const { paths } = options
  const eventLayout = options.eventLayout ?? createEventLayoutBuilder()
  files.set(paths.eventSummary, eventLayout.finish(index, (month) => eventPartPath(paths, month)))
  index.eventSummary = paths.eventSummary
  const shards = ids.finish(paths.idFolder, eventLayout.located())
  index.ids = shards.ids
  for (const [path, shard] of shards.files) files.set(path, shard)
  return { index, dayFiles, files }
}

export function createLayoutBuilder(extensions: readonly LayoutExtension[] = defaultExtensions()): LayoutBuilder {
  const cells = createCellStore()
  const ids = createIdMapBuilder()
  /** Counts one story in the cells and in every extension. */
  const countStory = (published: string | null, outletSet: readonly number[], mentions: readonly number[]): void => {
    const set = cells.count(published, outletSet, mentions)
    for (const extension of extensions) extension.story(published, set, mentions)
  }
  const stories = new Map<string, StoryState>()
  /** Articles per part month ("YYYY-MM" or "undated"), wire copies included. */
  const partCounts = new Map<string, number>()
  let articles = 0
  let wireCopies = 0
  let mentionRecords = 0

  const addToStory = (article: Article, mentions: readonly (Mention | MentionCount)[], outlet: number): void => {
    const key = article.duplicateOf ?? article.id
    const story = stories.get(key)
    if (!story) {
      stories.set(key, { published: article.published, id: article.id, mentions: cells.actorPairs(article.id, mentions), outlets: new Set([outlet]) })
      return
    }
    story.outlets.add(outlet)
    if (earlier(article.published, article.id, story.published, story.id)) {
      story.published = article.published
      story.id = article.id
      story.mentions = cells.actorPairs(article.id, mentions)
    }
  }

  return {
    add(article, mentions, options) {
      articles += 1
      mentionRecords += mentions.length
      if (article.duplicateOf !== null) wireCopies += 1
      const part = partMonthOf(article.published)
      partCounts.set(part, (partCounts.get(part) ?? 0) + 1)
      ids.article(article.id, part)
      const outlet = cells.outletOf(article.outlet)
      if (options.inStory) return addToStory(article, mentions, outlet)
      if (article.duplicateOf !== null) throw new Error(`${article.id} is a wire copy: add it with inStory`)
      countStory(article.published, [outlet], cells.actorPairs(article.id, mentions))
    },

    finish(options) {
      for (const story of stories.values()) countStory(story.published, [...story.outlets], story.mentions)
      stories.clear()
      const totals = { articles, wireCopies, mentions: mentionRecords, events: options.events, figures: options.figures, ...(options.quotes === undefined ? {} : { quotes: options.quotes }) }
      return layoutFiles(cells, ids, extensions, totals, partCounts, options)
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
      part = { month, articles: [], mentions: [], figures: [], quotes: [] }
      byMonth.set(month, part)
    }
    return part
  }
  for (const a of dataset.articles) partFor(partMonthOf(a.published)).articles.push(a)
  for (const m of dataset.mentions) partFor(monthOf.get(m.articleId) ?? 'undated').mentions.push(m)
  for (const f of dataset.figures) partFor(monthOf.get(f.articleId) ?? 'undated').figures.push(f)
  for (const q of dataset.quotes ?? []) partFor(monthOf.get(q.articleId) ?? 'undated').quotes?.push(q)
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

export interface Layout extends CountedLayout {
  parts: Map<string, DatasetPart>
  events: EventsFile
  /** The event month parts by path. */
  eventParts: Map<string, EventPart>
}

/** The whole layout of a dataset held in memory: the same files the pipeline writes for it. */
export function layoutFromDataset(dataset: Dataset, paths: LayoutPaths = layoutPathsFor('dataset')): Layout {
  const builder = createLayoutBuilder()
  const members = storyMembers(dataset.articles)
  const byArticle = mentionsByArticle(dataset.mentions)
  for (const a of dataset.articles) builder.add(a, byArticle.get(a.id) ?? [], { inStory: members.has(a.id) })
  const eventLayout = createEventLayoutBuilder()
  const reports = new Map(dataset.articles.map((a) => [a.id, { published: a.published, outlet: a.outlet }]))
  const eventParts = new Map(eventLayout.addChunk(dataset.events, (id) => reports.get(id)).map((part) => [eventPartPath(paths, part.month), part]))
  const counted = builder.finish({
    generatedAt: dataset.generatedAt,
    actors: dataset.actors,
    events: dataset.events.length,
    figures: dataset.figures.length,
    ...(dataset.quotes ? { quotes: dataset.quotes.length } : {}),
    paths,
    eventLayout,
  })
  return { ...counted, parts: partsOf(dataset, paths), events: { events: dataset.events }, eventParts }
}
