/** The loaded dataset (read-only, in a shallowRef) and the article texts fetched on demand. */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DATASET_VERSION, parseDataset, parseTextShard } from '../model/dataset.ts'
import type { ArticleText, Dataset } from '../model/dataset.ts'
import type { FilterContext } from '../lib/filter-query.ts'
import { rankActors } from '../lib/select.ts'
import type { MessageKey, MessageParams } from '../lib/i18n.ts'

export type DatasetStatus = 'loading' | 'ready' | 'error'

/** A one-line, translatable reason why the dataset could not be used. */
export interface DatasetError {
  key: MessageKey
  params: MessageParams
}

type Fetcher = (url: string) => Promise<Response>

export function datasetUrl(): string {
  return `${import.meta.env.BASE_URL}data/dataset.json`
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Fetches and validates the dataset; never throws, says what is wrong instead. */
export async function fetchDataset(url: string, fetcher: Fetcher): Promise<{ ok: true; value: Dataset } | { ok: false; error: DatasetError }> {
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
  if (typeof json === 'object' && json !== null && 'schemaVersion' in json && json.schemaVersion !== DATASET_VERSION) {
    return { ok: false, error: { key: 'error.version', params: { url, found: String(json.schemaVersion), expected: DATASET_VERSION } } }
  }
  const parsed = parseDataset(json)
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: { key: 'error.schema', params: { url, message: parsed.error } } }
}

export const useDatasetStore = defineStore('dataset', () => {
  const dataset = shallowRef<Dataset | null>(null)
  const status = ref<DatasetStatus>('loading')
  const error = shallowRef<DatasetError | null>(null)
  const shardRequests = new Map<string, Promise<Map<string, ArticleText>>>()
  let fetcher: Fetcher = (url) => fetch(url)
  let baseUrl = datasetUrl()

  const context = computed<FilterContext>(() => {
    const value = dataset.value
    return {
      actorIds: new Set(value?.actors.map((actor) => actor.id)),
      outlets: new Set(value?.articles.map((article) => article.outlet ?? '')),
      articleIds: new Set(value?.articles.map((article) => article.id)),
      eventIds: new Set(value?.events.map((event) => event.id)),
      figureIds: new Set(value?.figures.map((figure) => figure.id)),
    }
  })

  const articlesById = computed(() => new Map(dataset.value?.articles.map((article) => [article.id, article])))
  const actorsById = computed(() => new Map(dataset.value?.actors.map((actor) => [actor.id, actor])))
  /** Actor ids, most-named first: the order colours are handed out in, so the top actors never share one. */
  const colorOrder = computed(() => (dataset.value ? rankActors(dataset.value, dataset.value.articles).map((entry) => entry.actorId) : []))

  async function load(options: { url?: string; fetcher?: Fetcher } = {}): Promise<void> {
    if (options.fetcher) fetcher = options.fetcher
    baseUrl = options.url ?? datasetUrl()
    status.value = 'loading'
    shardRequests.clear()
    const result = await fetchDataset(baseUrl, fetcher)
    if (result.ok) {
      dataset.value = result.value
      error.value = null
      status.value = 'ready'
    } else {
      dataset.value = null
      error.value = result.error
      status.value = 'error'
    }
  }

  function shardUrl(shard: string): string {
    return new URL(shard, new URL(baseUrl, 'http://base.invalid')).pathname
  }

  async function fetchShard(shard: string): Promise<Map<string, ArticleText>> {
    const url = shardUrl(shard)
    const response = await fetcher(url)
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    let json: unknown
    try {
      json = await response.json()
    } catch (cause) {
      throw new Error(`${url}: ${message(cause)}`)
    }
    const parsed = parseTextShard(json)
    if (!parsed.ok) throw new Error(`${url}: ${parsed.error}`)
    return new Map(parsed.value.texts.map((text) => [text.articleId, text]))
  }

  /** The text of one article, fetched with its shard on first use and cached. Rejects with a one-line reason. */
  async function loadText(articleId: string): Promise<ArticleText> {
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

  return { dataset, status, error, context, articlesById, actorsById, colorOrder, load, loadText }
})
