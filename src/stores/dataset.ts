/**
 * The corpus, fetched in the pieces of the first-screen layout (src/model/layout.ts): the index first
 * (status 'ready' as soon as it is valid: the default view draws from it alone), then on demand and
 * cached: day files, month parts, the events file, text shards. A piece that fails says why in one
 * line (`loadErrors`) where it is needed; the rest of the app keeps working.
 *
 * `dataset` is a Dataset made of the index's actors and the records loaded so far (parts, events), for
 * the views and helpers that work on records: they ask for the parts they need first.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import { DATASET_VERSION, parseTextShard } from '../model/dataset.ts'
import type { ArticleText, Dataset, DiplomaticEvent } from '../model/dataset.ts'
import { LAYOUT_VERSION, parseDayFile, parseEventsFile, parseIndex, parsePart } from '../model/layout.ts'
import type { DatasetIndex, DatasetPart } from '../model/layout.ts'
import type { ParseResult } from '../model/dataset.ts'
import type { FilterContext } from '../lib/filter-query.ts'
import { dayTable, indexTable, rankActorsFromCells, type CellTable, type CellsInput } from '../lib/cells.ts'
import type { MessageKey, MessageParams } from '../lib/i18n.ts'

export type DatasetStatus = 'loading' | 'ready' | 'error'

/** A one-line, translatable reason why the dataset could not be used. */
export interface DatasetError {
  key: MessageKey
  params: MessageParams
}

type Fetcher = (url: string) => Promise<Response>

export function indexUrl(): string {
  return `${import.meta.env.BASE_URL}data/dataset.index.json`
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Fetches and validates the index; never throws, says what is wrong instead. */
export async function fetchIndex(url: string, fetcher: Fetcher): Promise<{ ok: true; value: DatasetIndex } | { ok: false; error: DatasetError }> {
  let response: Response
  try {
    response = await fetcher(url)
  } catch (error) {
    return { ok: false, error: { key: 'error.network', params: { url, message: message(error) } } }
  }
  if (!response.ok) return { ok: false, error: { key: 'error.missing', params: { url, status: response.status } } }
  let json: unknown
  try {
    json = JSON.parse(await response.text())
  } catch (error) {
    return { ok: false, error: { key: 'error.truncated', params: { url, message: message(error) } } }
  }
  if (typeof json === 'object' && json !== null && 'layoutVersion' in json && json.layoutVersion !== LAYOUT_VERSION) {
    return { ok: false, error: { key: 'error.version', params: { url, found: String(json.layoutVersion), expected: LAYOUT_VERSION } } }
  }
  const parsed = parseIndex(json)
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: { key: 'error.schema', params: { url, message: parsed.error } } }
}

/**
 * Events without the quotes of their reports: the evidence panel reads each sentence from the article's
 * text shard (as for mentions), and at 1 M articles the quotes are a quarter of the events' memory.
 */
export function withoutQuotes(events: DiplomaticEvent[]): DiplomaticEvent[] {
  for (const event of events) for (const evidence of event.evidence) evidence.quote = ''
  return events
}

/** Waits for every request; then rejects with the first failure, if any (the others have still loaded). */
async function allTried(requests: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(requests)).find((result) => result.status === 'rejected')
  if (failed) throw failed.reason
}

/** Most articles the record views load at once; beyond it they load the newest months and say so. */
export const RECORD_CAP = 50_000

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
  const requests = new Map<string, Promise<unknown>>()
  const shardRequests = new Map<string, Promise<Map<string, ArticleText>>>()
  let fetcher: Fetcher = (url) => fetch(url)
  let baseUrl = indexUrl()
  let generation = 0

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

  const articlesById = computed(() => new Map(dataset.value?.articles.map((article) => [article.id, article])))
  const actorsById = computed(() => new Map(index.value?.actors.map((actor) => [actor.id, actor])))
  /** Actor ids, most-named first: the order colours are handed out in, so the top actors never share one. */
  const colorOrder = computed(() =>
    cells.value ? rankActorsFromCells(cells.value, { from: null, to: null, outlets: [] }).map((entry) => entry.actorId) : [],
  )

  async function load(options: { url?: string; fetcher?: Fetcher } = {}): Promise<void> {
    if (options.fetcher) fetcher = options.fetcher
    baseUrl = options.url ?? indexUrl()
    generation += 1
    status.value = 'loading'
    requests.clear()
    shardRequests.clear()
    parts.value = new Map()
    dayTables.value = new Map()
    events.value = null
    loadErrors.value = new Map()
    const result = await fetchIndex(baseUrl, fetcher)
    if (result.ok) {
      index.value = result.value
      error.value = null
      status.value = 'ready'
    } else {
      index.value = null
      error.value = result.error
      status.value = 'error'
    }
  }

  function urlOf(path: string): string {
    return new URL(path, new URL(baseUrl, 'http://base.invalid')).pathname
  }

  async function fetchJson<T>(path: string, parse: (json: unknown) => ParseResult<T>): Promise<T> {
    const url = urlOf(path)
    let response: Response
    try {
      response = await fetcher(url)
    } catch (cause) {
      throw new Error(`${url}: ${message(cause)}`)
    }
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    // a static server's fallback page for a file it does not have
    if (response.headers.get('content-type')?.includes('text/html')) throw new Error(`${url}: missing (the server sent an HTML page)`)
    let json: unknown
    try {
      json = JSON.parse(await response.text())
    } catch (cause) {
      throw new Error(`${url}: ${message(cause)}`)
    }
    const parsed = parse(json)
    if (!parsed.ok) throw new Error(`${url}: ${parsed.error}`)
    return parsed.value
  }

  /** Fetches a layout file once; a failure is recorded under its path (and retried on the next call). */
  function once<T>(path: string, parse: (json: unknown) => ParseResult<T>, keep: (value: T) => void): Promise<void> {
    let request = requests.get(path) as Promise<void> | undefined
    if (request) return request
    const started = generation
    request = fetchJson(path, parse).then(
      (value) => {
        if (started !== generation) return
        keep(value)
        if (loadErrors.value.delete(path)) triggerRef(loadErrors)
      },
      (cause: unknown) => {
        requests.delete(path)
        if (started !== generation) return
        loadErrors.value.set(path, message(cause))
        triggerRef(loadErrors)
        throw cause
      },
    )
    requests.set(path, request)
    return request
  }

  /** Loads the month parts ("YYYY-MM" or "undated") that exist; resolves when all tried, rejects with the first failure. */
  async function loadParts(months: readonly string[]): Promise<void> {
    const value = index.value
    if (!value) return
    const wanted = new Set(months)
    await allTried(
      value.parts
        .filter((part) => wanted.has(part.month))
        .map((part) =>
          once(part.path, parsePart, (loaded) => {
            parts.value.set(part.month, loaded)
            triggerRef(parts)
          }),
        ),
    )
  }

  /** Loads the day files of these years. */
  async function loadDays(years: readonly string[]): Promise<void> {
    const value = index.value
    if (!value) return
    const wanted = new Set(years)
    const actors = value.actors.length
    await allTried(
      value.dayFiles
        .filter((file) => wanted.has(file.year))
        .map((file) =>
          once(file.path, parseDayFile, (loaded) => {
            dayTables.value.set(file.year, dayTable(loaded, actors))
            triggerRef(dayTables)
          }),
        ),
    )
  }

  /** Loads the events file. */
  async function loadEvents(): Promise<void> {
    const value = index.value
    if (!value) return
    await once(value.events, parseEventsFile, (loaded) => {
      events.value = withoutQuotes(loaded.events)
    })
  }

  /** The failure of a layout file, if its last fetch failed. */
  function errorOf(path: string): string | undefined {
    return loadErrors.value.get(path)
  }

  /**
   * The months (ascending, "undated" last) a record view needs for a date range, newest first up to
   * `cap` articles: what to load, and how many articles the range holds in all.
   */
  function monthsFor(from: string | null, to: string | null, cap = RECORD_CAP): { months: string[]; loaded: number; total: number } {
    const value = index.value
    if (!value) return { months: [], loaded: 0, total: 0 }
    const inRange = value.parts.filter((part) =>
      part.month === 'undated'
        ? from === null && to === null
        : (from === null || part.month >= from.slice(0, 7)) && (to === null || part.month <= to.slice(0, 7)),
    )
    const total = inRange.reduce((sum, part) => sum + part.articles, 0)
    const chosen: string[] = []
    let loaded = 0
    // newest months first; the undated part counts as oldest
    const newestFirst = [...inRange].sort((a, b) => (a.month === 'undated' ? 1 : b.month === 'undated' ? -1 : b.month.localeCompare(a.month)))
    for (const part of newestFirst) {
      if (loaded + part.articles > cap && chosen.length > 0) break
      chosen.push(part.month)
      loaded += part.articles
    }
    return { months: chosen.sort(), loaded, total }
  }

  /**
   * Makes sure the records of these articles are loaded, when their month is not known: tries the
   * months near `near` ("YYYY-MM…") first, then the others, newest first, stopping when all are found.
   */
  async function findArticles(ids: readonly string[], near: string | null = null, maxParts = Number.POSITIVE_INFINITY): Promise<void> {
    const value = index.value
    if (!value) return
    const missing = (): string[] => ids.filter((id) => !articlesById.value.has(id))
    if (missing().length === 0) return
    const anchor = near?.slice(0, 7) ?? '9999-99'
    const distance = (month: string): number => {
      if (month === 'undated') return Number.MAX_SAFE_INTEGER
      const [y1 = 0, m1 = 0] = month.split('-').map(Number)
      const [y2 = 9999, m2 = 12] = anchor.split('-').map(Number)
      const d = y1 * 12 + m1 - (y2 * 12 + m2)
      // reports come after the fact: later months first
      return d >= 0 ? d * 2 : -d * 2 + 1
    }
    const order = value.parts.map((part) => part.month).filter((month) => !parts.value.has(month))
    order.sort((a, b) => distance(a) - distance(b))
    order.splice(maxParts)
    for (let i = 0; i < order.length && missing().length > 0; i += 4) await loadParts(order.slice(i, i + 4)).catch(() => undefined)
  }

  async function fetchShard(shard: string): Promise<Map<string, ArticleText>> {
    const value = await fetchJson(shard, parseTextShard)
    return new Map(value.texts.map((text) => [text.articleId, text]))
  }

  /** The text of one article, fetched with its shard on first use and cached. Rejects with a one-line reason. */
  async function loadText(articleId: string): Promise<ArticleText> {
    if (!articlesById.value.has(articleId)) await findArticles([articleId])
    const article = articlesById.value.get(articleId)
    if (!article) throw new Error(`unknown article ${articleId}`)
    let request = shardRequests.get(article.textShard)
    if (!request) {
      request = fetchShard(article.textShard)
      shardRequests.set(article.textShard, request)
      request.catch(() => shardRequests.delete(article.textShard))
    }
    const text = (await request).get(articleId)
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
