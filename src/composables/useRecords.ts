/**
 * The month parts a record view (articles, figures, the visits' evidence) needs for the date filter,
 * loaded on demand: the newest months up to RECORD_CAP articles. Says what it is doing in one line:
 * loading, a failure, or that the range holds more articles than were loaded.
 */
import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'
import type { Dataset } from '../model/dataset.ts'
import { RECORD_CAP } from '../data/plan.ts'
import { errorMessage } from '../lib/errors.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'

export interface RecordsState {
  /** The months loaded for the range, ascending ("undated" last when the range is open). */
  months: ComputedRef<string[]>
  loading: Ref<boolean>
  error: Ref<string | null>
  /** Set when the range holds more articles than the cap: how many are shown, of how many. */
  capped: ComputedRef<{ shown: number; total: number } | null>
  /** The loaded records of those months (and the events file when loaded), as a Dataset. */
  dataset: ComputedRef<Dataset | null>
}

export function useRecords(cap = RECORD_CAP): RecordsState {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const plan = computed(() => (datasetStore.index ? datasetStore.monthsFor(filtersStore.filters.from, filtersStore.filters.to, cap) : null))
  const months = computed(() => plan.value?.months ?? [])
  const loading = ref(false)
  const error = ref<string | null>(null)
  let request = 0
  watch(
    months,
    (wanted) => {
      const mine = ++request
      error.value = null
      if (wanted.every((month) => datasetStore.parts.has(month))) {
        loading.value = false
        return
      }
      loading.value = true
      datasetStore.loadParts(wanted).then(
        () => {
          if (mine === request) loading.value = false
        },
        (cause: unknown) => {
          if (mine !== request) return
          loading.value = false
          error.value = errorMessage(cause)
        },
      )
    },
    { immediate: true },
  )
  const capped = computed(() => {
    const value = plan.value
    return value && value.loaded < value.total ? { shown: value.loaded, total: value.total } : null
  })
  const dataset = computed<Dataset | null>(() => {
    const all = datasetStore.dataset
    if (!all) return null
    const loaded = months.value.map((month) => datasetStore.parts.get(month)).filter((part) => part !== undefined)
    return {
      ...all,
      articles: loaded.flatMap((part) => part.articles),
      mentions: loaded.flatMap((part) => part.mentions),
      figures: loaded.flatMap((part) => part.figures),
      quotes: loaded.flatMap((part) => part.quotes ?? []),
    }
  })
  return { months, loading, error, capped, dataset }
}
