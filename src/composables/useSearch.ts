/**
 * The search queries of the filters, run (src/stores/search.ts) as they change, and what each view makes
 * of them: series for the Mentions chart (the lists' filter is ./useSearchFilter.ts).
 */
import { computed, watch, type ComputedRef } from 'vue'
import type { Filters } from '../lib/filters.ts'
import type { MentionSeries, MentionsData } from '../lib/mentions/types.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useSearchStore, type SearchState } from '../stores/search.ts'
import { useI18n } from './useI18n.ts'

export interface QueryEntry {
  /** Index into Filters.queries (the `n` of a `q.<n>.<period>` selection). */
  index: number
  text: string
  state: SearchState
}

export function useSearch() {
  const filtersStore = useFiltersStore()
  const searchStore = useSearchStore()
  const { t } = useI18n()
  watch(
    () => filtersStore.filters.queries,
    (texts) => searchStore.ensure(texts),
    { immediate: true },
  )
  const queries: ComputedRef<QueryEntry[]> = computed(() =>
    filtersStore.filters.queries.flatMap((text, index) => {
      const state = searchStore.results.get(text)
      return state ? [{ index, text, state }] : []
    }),
  )
  /** The name of a query's series: the query in quotation marks. */
  const seriesName = (text: string): string => t('search.seriesName', { q: text })

  /** The queries' series on the chart's axis (those whose matches are in). */
  function seriesFor(data: Pick<MentionsData, 'periods' | 'denominators'>, filters: Filters): (MentionSeries & { unplaced: number })[] {
    const engine = searchStore.engine
    if (!engine) return []
    return queries.value.flatMap(({ index, text, state }) =>
      state.status === 'ready' ? [engine.querySeries(data, state.meta, state.run.matches, filters, index, seriesName(state.parsed.text || text))] : [],
    )
  }
  /** True while a query of the filters has no state yet (the search code is still loading). */
  const starting = computed(() => filtersStore.filters.queries.some((text) => !searchStore.results.has(text)))
  return { queries, starting, seriesFor, seriesName }
}
