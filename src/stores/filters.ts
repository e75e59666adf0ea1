/** The one source of truth for the view state: a plain Filters object, swapped, never mutated. */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { DEFAULT_FILTERS, type Filters } from '../lib/filters.ts'
import type { DroppedParam } from '../lib/filter-query.ts'

export const useFiltersStore = defineStore('filters', () => {
  const filters = shallowRef<Filters>(DEFAULT_FILTERS)
  /** URL values dropped on the way in, shown by TheNotices until dismissed. */
  const notices = shallowRef<readonly DroppedParam[]>([])

  function setFilters(next: Filters): void {
    filters.value = Object.freeze({ ...next })
  }

  /** A new Filters with some fields changed. */
  function patch(changes: Partial<Filters>): void {
    setFilters({ ...filters.value, ...changes })
  }

  /** Clears the data filters but keeps language and theme. */
  function reset(): void {
    setFilters({ ...DEFAULT_FILTERS, lang: filters.value.lang, theme: filters.value.theme })
  }

  function addNotices(dropped: readonly DroppedParam[]): void {
    if (dropped.length > 0) notices.value = [...notices.value, ...dropped].slice(-20)
  }

  function dismissNotices(): void {
    notices.value = []
  }

  return { filters, notices, setFilters, patch, reset, addNotices, dismissNotices }
})
