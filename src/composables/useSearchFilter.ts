/**
 * The articles the search queries match, for the list views (Articles, Visits, Trade figures): apart from
 * ./useSearch.ts, which the filter bar of every view uses, so that only the list views carry it.
 */
import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { RECORD_CAP } from '../data/plan.ts'
import { errorMessage } from '../lib/errors.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useSearchStore } from '../stores/search.ts'
import { useI18n } from './useI18n.ts'
import { useSearch } from './useSearch.ts'

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
  const { queries, starting, seriesName } = useSearch()
  const searchable = computed(() => queries.value.filter((q) => q.state.status !== 'empty'))
  const active = computed(() => searchable.value.length > 0 || starting.value)
  const pending = ref(false)
  const error = ref<string | null>(null)
  const matched = shallowRef<ReadonlyMap<string, number> | null>(null)
  let request = 0
  watch(
    [searchable, starting, () => filtersStore.filters.outlets, () => filtersStore.filters.from, () => filtersStore.filters.to],
    async ([list, waiting]) => {
      const mine = ++request
      error.value = searchStore.engineError
      if (waiting) {
        pending.value = true
        return
      }
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
        const engine = await searchStore.loadEngine()
        for (const state of ready) {
          const { stories, hits } = state.run.matches
          const filters = filtersStore.filters
          const range = byDate ? { from: filters.from, to: filters.to } : { from: null, to: null }
          const picked = engine.keptMatches(state.meta, stories, { outlets: filters.outlets, ...range, grain: 'month' }, null, LIST_CAP)
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
  const label = computed(() =>
    filtersStore.filters.queries
      .flatMap((text) => {
        const state = searchStore.results.get(text)
        return state?.status === 'empty' ? [] : [seriesName(state?.parsed.text || text)]
      })
      .join(` ${t('search.or')} `),
  )
  return { active, pending, matched, label, error }
}
