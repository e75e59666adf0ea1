/**
 * The search queries of the filters, run (src/stores/search.ts) as they change, and what each view makes
 * of them: series for the Mentions chart, the set of matching article ids for the lists.
 */
import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { RECORD_CAP } from '../data/plan.ts'
import { errorMessage } from '../lib/errors.ts'
import { keptMatches } from '../lib/search/count.ts'
import type { Filters } from '../lib/filters.ts'
import type { MentionSeries, MentionsData } from '../lib/mentions/types.ts'
import { querySeries } from '../lib/search/series.ts'
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
    return queries.value.flatMap(({ index, text, state }) =>
      state.status === 'ready' ? [querySeries(data, state.meta, state.run.matches, filters, index, seriesName(state.parsed.text || text))] : [],
    )
  }
  return { queries, seriesFor, seriesName }
}

/** Most matching stories a list asks the ids of (newest first): the record views show at most RECORD_CAP articles too. */
const LIST_CAP = RECORD_CAP

export interface SearchFilter {
  /** True when the filters hold a query with something to search. */
  active: ComputedRef<boolean>
  /** True while a query or its ids are still loading. */
  pending: Ref<boolean>
  /** Article id (wire copies included) → hits, of the articles matching any query; null when no query is active. */
  matched: Ref<ReadonlyMap<string, number> | null>
  /** The queries as the notice names them: „Gas“ oder „Öl“. */
  label: ComputedRef<string>
  error: Ref<string | null>
}

/**
 * The articles the queries match (any of them) under the outlet and date filters, for the list views:
 * Articles, Visits, Trade figures. `byDate: false` ignores the date filter (the Visits view dates events,
 * not the articles that report them).
 */
export function useSearchFilter(options: { byDate?: boolean } = {}): SearchFilter {
  const byDate = options.byDate ?? true
  const filtersStore = useFiltersStore()
  const searchStore = useSearchStore()
  const { t } = useI18n()
  const { queries, seriesName } = useSearch()
  const searchable = computed(() => queries.value.filter((q) => q.state.status !== 'empty'))
  const active = computed(() => searchable.value.length > 0)
  const pending = ref(false)
  const error = ref<string | null>(null)
  const matched = shallowRef<ReadonlyMap<string, number> | null>(null)
  let request = 0
  watch(
    [searchable, () => filtersStore.filters.outlets, () => filtersStore.filters.from, () => filtersStore.filters.to],
    async ([list]) => {
      const mine = ++request
      error.value = null
      if (list.length === 0) {
        matched.value = null
        pending.value = false
        return
      }
      pending.value = true
      const failed = list.find((q) => q.state.status === 'error')
      if (failed && failed.state.status === 'error') error.value = failed.state.error
      const ready = list.flatMap((q) => (q.state.status === 'ready' ? [q.state] : []))
      if (ready.length < list.length && !failed) return
      const out = new Map<string, number>()
      try {
        for (const state of ready) {
          const { stories, hits } = state.run.matches
          const filters = filtersStore.filters
          const range = byDate ? { from: filters.from, to: filters.to } : { from: null, to: null }
          const picked = keptMatches(state.meta, stories, { outlets: filters.outlets, ...range, grain: 'month' }, null, LIST_CAP)
          const ids = await searchStore.ids(picked.map((i) => stories[i] ?? 0))
          for (const i of picked) for (const id of ids.get(stories[i] ?? 0) ?? []) out.set(id, (out.get(id) ?? 0) + (hits[i] ?? 0))
        }
      } catch (cause) {
        if (mine === request) error.value = errorMessage(cause)
      }
      if (mine !== request) return
      matched.value = out
      pending.value = false
    },
    { immediate: true },
  )
  const label = computed(() => searchable.value.map((q) => seriesName(q.state.parsed.text || q.text)).join(` ${t('search.or')} `))
  return { active, pending, matched, label, error }
}
