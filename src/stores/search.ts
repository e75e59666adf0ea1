/**
 * The search queries of the filters (Filters.queries), run against the index's search files
 * (src/data/search-loader.ts): per query text its parse (with notices), then its matches once the shards
 * it needs are in. A layout without a search index says so once. Results are kept per text, so Back and
 * Forward or a second view do not fetch again.
 *
 * The search code itself (src/data/search-engine.ts) is loaded on first use — a query in the filters or
 * the search field focused — so a view without a query draws without it. A query has no state here until
 * that code is in (the views treat such a query as pending).
 */
import { defineStore } from 'pinia'
import { shallowRef, triggerRef, watch } from 'vue'
import type { SearchEngine } from '../data/search-engine.ts'
import type { SearchLoader, SearchRun } from '../data/search-loader.ts'
import { errorMessage } from '../lib/errors.ts'
import type { ParsedQuery } from '../lib/search/query.ts'
import type { SearchMeta } from '../model/search.ts'
import { useDatasetStore } from './dataset.ts'

export type SearchState =
  | { status: 'loading'; parsed: ParsedQuery }
  | { status: 'empty'; parsed: ParsedQuery }
  | { status: 'ready'; parsed: ParsedQuery; run: SearchRun; meta: SearchMeta }
  | { status: 'error'; parsed: ParsedQuery; error: string }

/** The search code, loaded once on first use (again after a failure); `engine` is null until it is in. */
function createEngineLoader() {
  const engine = shallowRef<SearchEngine | null>(null)
  /** Why the search code could not be loaded, or null. */
  const engineError = shallowRef<string | null>(null)
  let request: Promise<SearchEngine> | null = null
  function loadEngine(): Promise<SearchEngine> {
    request ??= import('../data/search-engine.ts').then(
      (module) => {
        const code = module.createSearchEngine()
        engine.value = code
        engineError.value = null
        return code
      },
      (cause: unknown) => {
        request = null
        engineError.value = errorMessage(cause)
        throw cause
      },
    )
    return request
  }
  return { engine, engineError, loadEngine }
}

export const useSearchStore = defineStore('search', () => {
  const datasetStore = useDatasetStore()
  const results = shallowRef(new Map<string, SearchState>())
  const { engine, engineError, loadEngine } = createEngineLoader()
  /** Null until the dataset is loaded; 'none' when its layout has no search index. */
  let loader: SearchLoader | 'none' | null = null

  function set(text: string, state: SearchState): void {
    results.value.set(text, state)
    triggerRef(results)
  }

  function loaderFor(code: SearchEngine): SearchLoader | 'none' | null {
    const index = datasetStore.index
    if (!index) return null
    const { url, fetcher } = datasetStore.layoutSource()
    loader ??= index.search ? code.createSearchLoader(index.search, url, fetcher) : 'none'
    return loader
  }

  async function run(code: SearchEngine, text: string, parsed: ParsedQuery): Promise<void> {
    const current = loaderFor(code)
    if (!parsed.query || current === null) return
    if (current === 'none') return set(text, { status: 'error', parsed, error: 'no-index' })
    try {
      const [meta, found] = await Promise.all([current.meta(), code.runSearch(parsed.query, current)])
      set(text, { status: 'ready', parsed, run: found, meta })
    } catch (cause) {
      set(text, { status: 'error', parsed, error: errorMessage(cause) })
    }
  }

  function start(code: SearchEngine, texts: readonly string[]): void {
    for (const text of texts) {
      const known = results.value.get(text)
      if (known && known.status !== 'error') continue
      const parsed = code.parseQuery(text)
      if (!parsed.query) {
        set(text, { status: 'empty', parsed })
        continue
      }
      set(text, { status: 'loading', parsed })
      void run(code, text, parsed)
    }
  }

  /** Starts the queries not run yet (and those that failed), loading the search code first when needed. */
  function ensure(texts: readonly string[]): void {
    if (texts.length === 0) return
    if (engine.value) return start(engine.value, texts)
    loadEngine().then(
      (code) => start(code, texts),
      () => undefined, // engineError says why
    )
  }

  /** The article ids of story numbers (story first, then its wire copies). */
  async function ids(stories: readonly number[]): Promise<Map<number, string[]>> {
    const current = loaderFor(await loadEngine())
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

  return { results, engine, engineError, loadEngine, ensure, ids }
})
