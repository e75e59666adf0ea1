/** A one-line description of the active filters, for chart exports and captions. */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from './useI18n.ts'
import { activeActors, filterArticles } from '../lib/select.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'

export function useActiveFiltersText(): { filtersText: ComputedRef<string>; sourceText: ComputedRef<string> } {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, period } = useI18n()

  const filtersText = computed(() => {
    const dataset = datasetStore.dataset
    const filters = filtersStore.filters
    if (!dataset) return ''
    const actors = activeActors(dataset, filters, filterArticles(dataset, filters))
      .map((id) => datasetStore.actorsById.get(id)?.name ?? id)
      .join(', ')
    const parts = [
      `${t('filter.actors')}: ${actors || '–'}${filters.actors.length === 0 ? ` (${t('filter.actorsTop')})` : ''}`,
      `${t('filter.outlet')}: ${filters.outlets.length > 0 ? filters.outlets.map((o) => o || t('filter.unknownOutlet')).join(', ') : t('filter.allOutlets')}`,
      `${t('filter.period')}: ${
        filters.from || filters.to
          ? `${filters.from ? period(filters.from) : '…'} – ${filters.to ? period(filters.to) : '…'}`
          : t('filter.allDates')
      }`,
    ]
    return parts.join(' · ')
  })

  const sourceText = computed(() => {
    const dataset = datasetStore.dataset
    if (!dataset) return ''
    return t('chart.source', { articles: dataset.articles.length, generated: dataset.generatedAt.slice(0, 10) })
  })

  return { filtersText, sourceText }
}
