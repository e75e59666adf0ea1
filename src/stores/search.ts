/**
 * The search queries of the filters (Filters.queries), run against the index's search files
 * (src/data/search-loader.ts): per query text its parse (with notices), then its matches once the shards
 * it needs are in. A layout without a search index says so once. Results are kept per text, so Back and
 * Forward or a second view do not fetch again.
 */
import { defineStore } from 'pinia'
import { shallowRef, triggerRef, watch } from 'vue'
import { createSearchLoader, runSearch, type SearchLoader, type SearchRun } from '../data/search-loader.ts'
import { errorMessage } from '../lib/errors.ts'
import { parseQuery, type ParsedQuery } from '../lib/search/query.ts'
import type { SearchMeta } from '../model/search.ts'
import { useDatasetStore } from './dataset.ts'

export type SearchState =
  | { status: 'loading'; parsed: ParsedQuery }
  | { status: 'empty'; parsed: ParsedQuery }
  | { status: 'ready'; parsed: ParsedQuery; run: SearchRun; meta: SearchMeta }
  | { status: 'error'; parsed: ParsedQuery; error: string }

export const useSearchStore = defineStore('search', () => {
  const datasetStore = useDatasetStore()
  const results = shallowRef(new Map<string, SearchState>())
  /** Null until the dataset is loaded; 'none' when its layout has no search index. */
  let loader: SearchLoader | 'none' | null = null

  function set(text: string, state: SearchState): void {
    results.value.set(text, state)
    triggerRef(results)
  }

  function loaderFor(): SearchLoader | 'none' | null {
    const index = datasetStore.index
    if (!index) return null
    const { url, fetcher } = datasetStore.layoutSource()
    loader ??= index.search ? createSearchLoader(index.search, url, fetcher) : 'none'
    return loader
  }

  async function run(text: string, parsed: ParsedQuery): Promise<void> {
    const current = loaderFor()
    if (!parsed.query || current === null) return
    if (current === 'none') return set(text, { status: 'error', parsed, error: 'no-index' })
    try {
      const [meta, found] = await Promise.all([current.meta(), runSearch(parsed.query, current)])
      set(text, { status: 'ready', parsed, run: found, meta })
    } catch (cause) {
      set(text, { status: 'error', parsed, error: errorMessage(cause) })
    }
  }

  /** Starts the queries not run yet (and those that failed). */
  function ensure(texts: readonly string[]): void {
    for (const text of texts) {
      const known = results.value.get(text)
      if (known && known.status !== 'error') continue
      const parsed = parseQuery(text)
      if (!parsed.query) {
        set(text, { status: 'empty', parsed })
        continue
      }
      set(text, { status: 'loading', parsed })
      void run(text, parsed)
    }
  }

  /** The article ids of story numbers (story first, then its wire copies). */
  async function ids(stories: readonly number[]): Promise<Map<number, string[]>> {
    const current = loaderFor()
    return current && current !== 'none' ? current.ids(stories) : new Map()
  }

  // a new dataset (tests load several): start again
  watch(
    () => datasetStore.index,
    () => {
      loader = null
      results.value = new Map()
    },
  )

  return { results, ensure, ids }
})
