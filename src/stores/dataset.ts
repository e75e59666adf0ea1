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
import { computed, ref, shallowRef, triggerRef } from 'vue'
import { createLayoutLoader, type LayoutLoader } from '../data/loader.ts'
import { defaultIndexUrl, fetchIndex, type DatasetError, type Fetcher } from '../data/fetch.ts'
import { RECORD_CAP, monthsFor as planMonths, type MonthPlan } from '../data/plan.ts'
import type { FilterContext } from '../lib/filter-query.ts'
import type { Filters } from '../lib/filters.ts'
import { lastResult } from '../lib/memo.ts'
import { activeActorsFromCells, dayTable, indexTable, rankActorsFromCells, type CellTable, type CellsInput } from '../lib/mentions/cells.ts'
import type { ActorCount } from '../lib/select.ts'
import { DATASET_VERSION, type ArticleText, type Dataset, type DiplomaticEvent } from '../model/dataset.ts'
import type { DatasetIndex, DatasetPart } from '../model/layout.ts'

export type DatasetStatus = 'loading' | 'ready' | 'error'

export const useDatasetStore = defineStore('dataset', () => {
  const index = shallowRef<DatasetIndex | null>(null)
  const status = ref<DatasetStatus>('loading')
  const error = shallowRef<DatasetError | null>(null)
  /** Loaded month parts by month ("undated" included); triggered on every addition. */
  const parts = shallowRef(new Map<string, DatasetPart>())
  /** Loaded day tables by year. */
  const dayTables = shallowRef(new Map<string, CellTable>())
  const events = shallowRef<DiplomaticEvent[] | null>(null)
  /** One-line reasons of failed fetches, by the path that failed. */
  const loadErrors = shallowRef(new Map<string, string>())
  let loader: LayoutLoader | null = null

  const cellTable = computed(() => (index.value ? indexTable(index.value) : null))
  const cells = computed<CellsInput | null>(() =>
    index.value && cellTable.value ? { index: index.value, table: cellTable.value, days: dayTables.value } : null,
  )

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
      events: events.value ?? [],
      figures: loaded.flatMap((part) => part.figures),
    }
  })

  const eventsById = computed(() => new Map(events.value?.map((event) => [event.id, event])))
  const articlesById = computed(() => new Map(dataset.value?.articles.map((article) => [article.id, article])))
  const actorsById = computed(() => new Map(index.value?.actors.map((actor) => [actor.id, actor])))

  const context = computed<FilterContext>(() => {
    const value = dataset.value
    return {
      actorIds: new Set(index.value?.actors.map((actor) => actor.id)),
      outlets: new Set(index.value?.outlets),
      // records not loaded yet cannot be checked: a selection of them is kept until they are
      articleIds: null,
      eventIds: events.value ? eventsById.value : null,
      figureIds: value && index.value && parts.value.size === index.value.parts.length ? new Set(value.figures.map((figure) => figure.id)) : null,
    }
  })

  // The filter bar and the chart ask for the same ranking: the last one is kept.
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

  /** Keeps (or clears) the one-line reason a file failed. */
  function record(path: string, reason: string | null): void {
    if (reason !== null) loadErrors.value.set(path, reason)
    else if (!loadErrors.value.delete(path)) return
    triggerRef(loadErrors)
  }

  async function load(options: { url?: string; fetcher?: Fetcher } = {}): Promise<void> {
    const url = options.url ?? defaultIndexUrl()
    const fetcher = options.fetcher ?? ((path: string) => fetch(path))
    loader = null
    status.value = 'loading'
    parts.value = new Map()
    dayTables.value = new Map()
    events.value = null
    loadErrors.value = new Map()
    const result = await fetchIndex(url, fetcher)
    if (!result.ok) {
      index.value = null
      error.value = result.error
      status.value = 'error'
      return
    }
    const value = result.value
    // what the loader of an earlier load still delivers is dropped
    const current = (): boolean => loader === mine
    const mine: LayoutLoader = createLayoutLoader(value, url, fetcher, {
      part(month, part) {
        if (!current()) return
        parts.value.set(month, part)
        triggerRef(parts)
      },
      dayFile(year, file) {
        if (!current()) return
        dayTables.value.set(year, dayTable(file, value.actors.length))
        triggerRef(dayTables)
      },
      events(loaded) {
        if (current()) events.value = loaded
      },
      failure(path, reason) {
        if (current()) record(path, reason)
      },
    })
    loader = mine
    index.value = value
    error.value = null
    status.value = 'ready'
  }

  const loadParts = async (months: readonly string[]): Promise<void> => loader?.loadParts(months)
  const loadDays = async (years: readonly string[]): Promise<void> => loader?.loadDays(years)
  const loadEvents = async (): Promise<void> => loader?.loadEvents()

  /** The failure of a layout file, if its last fetch failed. */
  function errorOf(path: string): string | undefined {
    return loadErrors.value.get(path)
  }

  /** The months a record view needs for a date range, newest first up to `cap` articles (src/data/plan.ts). */
  function monthsFor(from: string | null, to: string | null, cap = RECORD_CAP): MonthPlan {
    return index.value ? planMonths(index.value, from, to, cap) : { months: [], loaded: 0, total: 0 }
  }

  /** Makes sure the records of these articles are loaded when their month is not known (parts near `near` first). */
  async function findArticles(ids: readonly string[], near: string | null = null, maxParts = Number.POSITIVE_INFINITY): Promise<void> {
    await loader?.findArticles(() => ids.every((id) => articlesById.value.has(id)), new Set(parts.value.keys()), near, maxParts)
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
    dataset,
    cells,
    parts,
    events,
    loadErrors,
    context,
    articlesById,
    eventsById,
    actorsById,
    colorOrder,
    rankActors,
    activeActors,
    load,
    loadParts,
    loadDays,
    loadEvents,
    errorOf,
    monthsFor,
    findArticles,
    loadText,
  }
})
