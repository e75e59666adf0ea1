import { computed, type ComputedRef } from 'vue'
import { useDatasetStore } from '../stores/dataset.ts'
import { useI18n } from './useI18n.ts'

/** The months the data set covers, in words ("Feb. 2023 – Mai 2024"), or "ohne Datum". */
export function useCorpusSpan(): ComputedRef<string> {
  const datasetStore = useDatasetStore()
  const { t, period } = useI18n()
  return computed(() => {
    const months = datasetStore.index?.months ?? []
    const first = months[0]
    const last = months[months.length - 1]
    return first && last ? `${period(first)} – ${period(last)}` : t('header.noDates')
  })
}
