/**
 * The only code that reads and writes the URL query. Called once, in App.vue.
 * URL → filters on every navigation (bad values dropped with a notice, the URL then cleaned with
 * `replace`); filters → URL with `push`, so Back and Forward step through filter changes.
 */
import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery, type RouteLocationNormalizedLoaded, type Router } from 'vue-router'
import { ROUTE_KEYS, filtersToQuery, parseFilters, sameFilters, sameQuery } from '../lib/filter-query.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'

function routeOnlyKeys(query: LocationQuery): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const key of ROUTE_KEYS) {
    const value = query[key]
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string' && /^\d{1,5}$/.test(first)) kept[key] = first
  }
  return kept
}

export function useFiltersInUrl(deps: { route?: RouteLocationNormalizedLoaded; router?: Router } = {}): void {
  const route = deps.route ?? useRoute()
  const router = deps.router ?? useRouter()
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()

  watch(
    // the context grows as records arrive (events file, parts): a selection of an unknown id is dropped then
    [() => route.query, () => datasetStore.status, () => datasetStore.context],
    ([query, status]) => {
      if (status !== 'ready') return
      const { filters, dropped } = parseFilters(query, datasetStore.context)
      filtersStore.addNotices(dropped)
      if (!sameFilters(filters, filtersStore.filters)) filtersStore.setFilters(filters)
      const canonical = { ...routeOnlyKeys(query), ...filtersToQuery(filters) }
      if (!sameQuery(canonical, query)) void router.replace({ query: canonical })
    },
    { immediate: true },
  )

  watch(
    () => filtersStore.filters,
    (filters) => {
      if (datasetStore.status !== 'ready') return
      const next = { ...routeOnlyKeys(route.query), ...filtersToQuery(filters) }
      if (!sameQuery(next, route.query)) void router.push({ query: next })
    },
  )
}
