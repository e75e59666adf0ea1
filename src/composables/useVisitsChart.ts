/**
 * Everything the Visits view shows, for the current filters: the events file, the month parts of the
 * date range (the reporting articles' titles, outlets and dates) and the few reporting articles published
 * outside them, the lifecycle rows, the ECharts option, and the exports (CSV of the events shown, the PNG
 * caption).
 */
import { computed, ref, watch } from 'vue'
import type { ECElementEvent } from 'echarts/core'
import { visitsOption } from '../charts/visits-option.ts'
import { visitsCaption, type ExportCaption } from '../i18n/captions.ts'
import { errorMessage } from '../lib/errors.ts'
import { queryString, queryWithoutSelection } from '../lib/filter-query.ts'
import { parseSelection, selectionToString } from '../lib/selection.ts'
import type { Lane } from '../lib/filters.ts'
import { visitsCsv } from '../lib/visits/export.ts'
import { buildVisitsModel, rowOfEvent, type VisitRow, type VisitsModel } from '../lib/visits/model.ts'
import { EVENT_STATUSES, type EventStatus } from '../model/dataset.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useSearchFilter } from './useSearchFilter.ts'
import { useActorNames } from './useActorNames.ts'
import { useI18n } from './useI18n.ts'
import { useRecords } from './useRecords.ts'
import { useTheme } from './useTheme.ts'

/** The events file and the records behind the events, loaded for the filters. */
function useVisitsRecords() {
  const datasetStore = useDatasetStore()
  const eventsError = ref<string | null>(null)
  datasetStore.loadEvents().catch((cause: unknown) => (eventsError.value = errorMessage(cause)))
  const records = useRecords()
  watch(
    () => [datasetStore.events, records.loading.value] as const,
    ([events, loading]) => {
      if (!events || loading) return
      const known = datasetStore.articlesById
      const missing = [...new Set(events.flatMap((event) => event.evidence.map((item) => item.articleId)))].filter((id) => !known.has(id))
      if (missing.length > 0) void datasetStore.findArticles(missing, events[0]?.date ?? null, 12)
    },
    { immediate: true },
  )
  const error = computed(() => eventsError.value ?? records.error.value)
  const loading = computed(() => !datasetStore.events || records.loading.value)
  return { error, loading, capped: records.capped }
}

/** Toggles: the lane mode, and which statuses are shown (all shown is the default, the last shown stays). */
function useVisitsControls() {
  const filtersStore = useFiltersStore()
  const filters = computed(() => filtersStore.filters)
  function setLane(lane: Lane): void {
    if (lane !== filters.value.lane) filtersStore.patch({ lane })
  }
  function toggleStatus(status: EventStatus): void {
    const shown = filters.value.status.length === 0 ? EVENT_STATUSES : filters.value.status
    const next = shown.includes(status) ? shown.filter((s) => s !== status) : [...shown, status]
    if (next.length === 0) return
    filtersStore.patch({ status: next.length === EVENT_STATUSES.length ? [] : [...next].sort(), sel: null })
  }
  function statusShown(status: EventStatus): boolean {
    return filters.value.status.length === 0 || filters.value.status.includes(status)
  }
  function select(eventId: string): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'event', eventId }) })
  }
  function onSelect(event: ECElementEvent): void {
    if (typeof event.name === 'string' && event.name !== '') select(event.name)
  }
  return { setLane, toggleStatus, statusShown, select, onSelect }
}

export function useVisitsChart() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, lang } = useI18n()
  const theme = useTheme()
  const names = useActorNames()
  const filters = computed(() => filtersStore.filters)
  const records = useVisitsRecords()
  const search = useSearchFilter({ byDate: false })

  const model = computed<VisitsModel>(() => {
    const dataset = datasetStore.dataset
    const events = datasetStore.events
    if (!dataset || !events) return { lanes: [], dated: [], undated: [] }
    // a search keeps the events some article reporting them matches
    const matched = search.matched.value
    const kept = search.active.value ? events.filter((event) => event.evidence.some((item) => matched?.has(item.articleId) ?? false)) : events
    return buildVisitsModel(kept, dataset.articles, filters.value, filters.value.lane)
  })
  const allRows = computed<VisitRow[]>(() => [...model.value.dated, ...model.value.undated])
  /** The event in `sel=e.<id>` may be any stage of a lifecycle; its row (and mark) carries the lead stage's id. */
  const selectedId = computed(() => {
    const selection = filters.value.sel === null ? undefined : parseSelection(filters.value.sel)
    const eventId = selection?.kind === 'event' ? selection.eventId : null
    return rowOfEvent(allRows.value, eventId)?.event.id ?? eventId
  })
  const option = computed(() =>
    visitsOption({ model: model.value, mode: filters.value.lane, lang: lang.value, dark: theme.value === 'dark', actorNames: names.value, selectedId: selectedId.value }),
  )
  const summary = computed(() => {
    const count = t('visits.count', { n: model.value.dated.length + model.value.undated.length })
    const undated = model.value.undated.length
    return undated > 0 ? t('visits.withUndated', { count, undated }) : count
  })
  const exportCaption = computed<ExportCaption>(() => {
    const index = datasetStore.index
    return index ? visitsCaption(filters.value, records.capped.value, index, names.value, lang.value) : { filters: '', source: '' }
  })
  function csv() {
    const canonical = (ids: readonly string[]): string => ids.map((id) => datasetStore.actorsById.get(id)?.name ?? id).join('; ')
    const query = queryString(queryWithoutSelection(filters.value))
    return visitsCsv(allRows.value, canonical, datasetStore.index?.generatedAt ?? '', query)
  }

  return { records, model, allRows, selectedId, option, summary, exportCaption, csv, names, search, ...useVisitsControls() }
}
