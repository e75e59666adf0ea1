/**
 * The corpus, as far as it is loaded: the index first (status 'ready' as soon as it is valid: the default
 * view draws from it alone), then what the views ask for — day files, month parts, the events file, text
 * shards — fetched and cached by src/data/. A file that fails says why in one line (`loadErrors`) where
 * it is needed; the rest of the app keeps working.
 *
 * `dataset` is a Dataset made of the index's actors and the records loaded so far (parts, events), for
 * the views and helpers that work on records: they ask for the parts they need first.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef, type ComputedRef } from 'vue'
import { createLayoutLoader, type LayoutLoader, type LoaderCallbacks } from '../data/loader.ts'
import { defaultIndexUrl, fetchIndex, type DatasetError, type Fetcher } from '../data/fetch.ts'
import { RECORD_CAP, monthsFor as planMonths, type MonthPlan } from '../data/plan.ts'
import type { FilterContext } from '../lib/filter-query.ts'
import type { Filters } from '../lib/filters.ts'
import { lastResult } from '../lib/memo.ts'
import { activeActorsFromCells, dayTable, indexTable, rankActorsFromCells, type CellTable, type CellsInput } from '../lib/mentions/cells.ts'
import type { ActorCount } from '../lib/select.ts'
import { comentionTable, type ComentionTable } from '../lib/comentions/table.ts'
import { DATASET_VERSION, type ArticleText, type Dataset, type DiplomaticEvent } from '../model/dataset.ts'
import type { DatasetIndex, DatasetPart } from '../model/layout.ts'
import type { EventPart, EventSummary } from '../model/event-layout.ts'
import { articleInShard, eventInShard, type IdLocation } from '../model/id-map.ts'

export type DatasetStatus = 'loading' | 'ready' | 'error'

/** What the store holds: the index, what was loaded of the rest, and why something failed. */
function datasetState() {
  return {
    index: shallowRef<DatasetIndex | null>(null),
    status: ref<DatasetStatus>('loading'),
    error: shallowRef<DatasetError | null>(null),
    /** Loaded month parts by month ("undated" included); triggered on every addition. */
    parts: shallowRef(new Map<string, DatasetPart>()),
    /** Loaded day tables by year. */
    dayTables: shallowRef(new Map<string, CellTable>()),
    /** The whole events file (the Mentions chart's markers), once fetched. */
    events: shallowRef<DiplomaticEvent[] | null>(null),
    /** The event summary (the Visits view's first draw) and the event month parts loaded so far. */
    eventSummary: shallowRef<EventSummary | null>(null),
    eventParts: shallowRef(new Map<string, EventPart>()),
    /** The co-mention cells as typed columns, once the "named together" view has fetched them. */
    comentions: shallowRef<ComentionTable | null>(null),
    /** One-line reasons of failed fetches, by the path that failed. */
    loadErrors: shallowRef(new Map<string, string>()),
  }
}
type State = ReturnType<typeof datasetState>

/** The loaded pieces seen whole: the cells, the records as a Dataset, lookups by id, the URL's context. */
function derivedViews(state: State) {
  const { index, parts, dayTables, events, eventParts } = state
  const cellTable = computed(() => (index.value ? indexTable(index.value) : null))
  const cells = computed<CellsInput | null>(() =>
    index.value && cellTable.value ? { index: index.value, table: cellTable.value, days: dayTables.value } : null,
  )
  /** Every stage of the lifecycles in the loaded event parts (whole lifecycles: a part holds all their stages). */
  const partEvents = computed(() => [...eventParts.value.values()].flatMap((part) => part.events))
  /** Date and outlet of the articles reporting the loaded events, by article id. */
  const eventReports = computed(() => new Map([...eventParts.value.values()].flatMap((part) => part.reports.map((report) => [report.articleId, report] as const))))
  /** The records loaded so far, as a Dataset (articles in part order: month ascending, undated last). */
  const dataset = computed<Dataset | null>(() => {
    const value = index.value
    if (!value) return null
    const loaded = value.parts.map((part) => parts.value.get(part.month)).filter((part): part is DatasetPart => part !== undefined)
    return {
      schemaVersion: DATASET_VERSION,
      generatedAt: value.generatedAt,
      articles: loaded.flatMap((part) => part.articles),
      actors: value.actors,
      mentions: loaded.flatMap((part) => part.mentions),
      events: events.value ?? partEvents.value,
      figures: loaded.flatMap((part) => part.figures),
      quotes: loaded.flatMap((part) => part.quotes ?? []),
    }
  })
  const eventsById = computed(() => new Map((events.value ?? partEvents.value).map((event) => [event.id, event])))
  const articlesById = computed(() => new Map(dataset.value?.articles.map((article) => [article.id, article])))
  const actorsById = computed(() => new Map(index.value?.actors.map((actor) => [actor.id, actor])))
  const context = computed<FilterContext>(() => ({
    actorIds: new Set(index.value?.actors.map((actor) => actor.id)),
    outlets: new Set(index.value?.outlets),
    // records not loaded yet cannot be checked: a selection of them is kept until they are
    articleIds: null,
    eventIds: events.value ? eventsById.value : null,
    figureIds:
      dataset.value && index.value && parts.value.size === index.value.parts.length ? new Set(dataset.value.figures.map((figure) => figure.id)) : null,
  }))
  return { cells, dataset, partEvents, eventReports, eventsById, articlesById, actorsById, context }
}

/** Who is most named: the filter bar and the chart ask for the same ranking, so the last one is kept. */
function actorRanking(cells: ComputedRef<CellsInput | null>) {
  const lastRanking = lastResult<readonly [CellsInput, string | null, string | null, string, number], ActorCount[]>()
  /** Actors by stories naming them under the outlet and date filters, most first (from the cells). */
  function rankActors(input: CellsInput, filters: Pick<Filters, 'from' | 'to' | 'outlets'>): ActorCount[] {
    const key = [input, filters.from, filters.to, filters.outlets.join('\u0000'), input.days.size] as const
    return lastRanking.get(key, () => rankActorsFromCells(input, filters))
  }
  /** The actors the Mentions chart draws: those chosen, or the five most named under the filters. */
  function activeActors(filters: Filters): string[] {
    return cells.value ? activeActorsFromCells(cells.value, filters, 5, rankActors) : []
  }
  /** Actor ids, most-named first: the order colours are handed out in, so the top actors never share one. */
  const colorOrder = computed(() =>
    cells.value ? rankActorsFromCells(cells.value, { from: null, to: null, outlets: [] }).map((entry) => entry.actorId) : [],
  )
  return { rankActors, activeActors, colorOrder }
}

/** The callbacks through which a loader (src/data/loader.ts) fills the state; an outdated loader's deliveries are dropped. */
function stateFiller(state: State, actors: number, current: () => boolean): LoaderCallbacks {
  return {
    part(month, part) {
      if (!current()) return
      state.parts.value.set(month, part)
      triggerRef(state.parts)
    },
    dayFile(year, file) {
      if (!current()) return
      state.dayTables.value.set(year, dayTable(file, actors))
      triggerRef(state.dayTables)
    },
    events(loaded) {
      if (current()) state.events.value = loaded
    },
    comentions(file) {
      if (current()) state.comentions.value = comentionTable(file)
    },
    eventSummary(summary) {
      if (current()) state.eventSummary.value = summary
    },
    eventPart(month, part) {
      if (!current()) return
      state.eventParts.value.set(month, part)
      triggerRef(state.eventParts)
    },
    failure(path, reason) {
      if (!current()) return
      if (reason !== null) state.loadErrors.value.set(path, reason)
      else if (!state.loadErrors.value.delete(path)) return
      triggerRef(state.loadErrors)
    },
  }
}

export const useDatasetStore = defineStore('dataset', () => {
  const state = datasetState()
  const { index, status, error, parts, dayTables, events, eventSummary, eventParts, comentions, loadErrors } = state
  const views = derivedViews(state)
  const { articlesById } = views
  let loader: LayoutLoader | null = null
  /** Where the index came from: the search files are fetched the same way (src/stores/search.ts). */
  let source: { url: string; fetcher: Fetcher } = { url: defaultIndexUrl(), fetcher: (path) => fetch(path) }

  async function load(options: { url?: string; fetcher?: Fetcher } = {}): Promise<void> {
    const url = options.url ?? defaultIndexUrl()
    const fetcher = options.fetcher ?? ((path: string) => fetch(path))
    source = { url, fetcher }
    loader = null
    status.value = 'loading'
    parts.value = new Map()
    dayTables.value = new Map()
    events.value = null
    eventSummary.value = null
    eventParts.value = new Map()
    comentions.value = null
    loadErrors.value = new Map()
    const result = await fetchIndex(url, fetcher)
    if (!result.ok) {
      index.value = null
      error.value = result.error
      status.value = 'error'
      return
    }
    const mine: LayoutLoader = createLayoutLoader(result.value, url, fetcher, stateFiller(state, result.value.actors.length, () => loader === mine))
    loader = mine
    index.value = result.value
    error.value = null
    status.value = 'ready'
  }

  /** The months a record view needs for a date range, newest first up to `cap` articles (src/data/plan.ts). */
  function monthsFor(from: string | null, to: string | null, cap = RECORD_CAP): MonthPlan {
    return index.value ? planMonths(index.value, from, to, cap) : { months: [], loaded: 0, total: 0 }
  }

  /** Where an article is (its month part, the event parts of what it reports), from its id shard; null when unknown. */
  async function locateArticle(id: string): Promise<IdLocation | null> {
    const shard = await loader?.idShard(id)
    return shard ? articleInShard(shard, id) : null
  }

  /** The event part of an event's lifecycle, from its id shard; null when unknown. */
  async function locateEvent(id: string): Promise<string | null> {
    const shard = await loader?.idShard(id)
    return shard ? eventInShard(shard, id) : null
  }

  /**
   * Makes sure the records of these articles are loaded: their months from the id shards (one shard and one
   * part each), else — a layout without id shards — searched part by part, near `near` first.
   */
  async function findArticles(ids: readonly string[], near: string | null = null, maxParts = Number.POSITIVE_INFINITY): Promise<void> {
    const missing = ids.filter((id) => !articlesById.value.has(id))
    if (missing.length === 0 || !loader) return
    if (index.value?.ids) {
      const months = await Promise.all(missing.map((id) => locateArticle(id).then((found) => found?.month ?? null, () => null)))
      await loader.loadParts([...new Set(months.filter((m): m is string => m !== null))]).catch(() => undefined)
      return
    }
    await loader.findArticles(() => ids.every((id) => articlesById.value.has(id)), new Set(parts.value.keys()), near, maxParts)
  }

  /** Loads the event summary (rejects with its failure). */
  async function loadEventSummary(): Promise<void> {
    await loader?.loadEventSummary()
  }

  /** Loads event month parts the summary lists (the summary first). */
  async function loadEventParts(months: readonly string[]): Promise<void> {
    await loader?.loadEventSummary()
    const summary = eventSummary.value
    if (summary && loader) await loader.loadEventParts(months, summary)
  }

  /** The text of one article, fetched with its shard on first use and cached. Rejects with a one-line reason. */
  async function loadText(articleId: string): Promise<ArticleText> {
    if (!articlesById.value.has(articleId)) await findArticles([articleId])
    const article = articlesById.value.get(articleId)
    if (!article || !loader) throw new Error(`unknown article ${articleId}`)
    const text = (await loader.loadShard(article.textShard)).get(articleId)
    if (!text) throw new Error(`${article.textShard}: no text for ${articleId}`)
    return text
  }

  return {
    index,
    status,
    error,
    parts,
    events,
    eventSummary,
    eventParts,
    comentions,
    loadErrors,
    ...views,
    ...actorRanking(views.cells),
    load,
    loadParts: async (months: readonly string[]): Promise<void> => loader?.loadParts(months),
    loadDays: async (years: readonly string[]): Promise<void> => loader?.loadDays(years),
    loadEvents: async (): Promise<void> => loader?.loadEvents(),
    layoutSource: (): { url: string; fetcher: Fetcher } => source,
    /** Fetches the co-mention file (rejects with its failure; an index without one rejects too). */
    loadComentions: async (): Promise<void> => loader?.loadComentions(),
    /** The failure of a layout file, if its last fetch failed. */
    errorOf: (path: string): string | undefined => loadErrors.value.get(path),
    monthsFor,
    findArticles,
    locateArticle,
    locateEvent,
    loadEventSummary,
    loadEventParts,
    loadText,
  }
})
