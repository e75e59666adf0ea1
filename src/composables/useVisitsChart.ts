/**
 * Everything the Visits view shows, for the current filters: the event summary and the density it gives,
 * the event month parts when few enough visits pass to draw each (their reports' dates and outlets come
 * with them), the lifecycle rows, the ECharts option (density or marks, and the note saying which and why),
 * and the exports (CSV of the events shown, the PNG caption).
 */
import { computed, ref, watch } from 'vue'
import type { ECElementEvent } from 'echarts/core'
import { visitsOption } from '../charts/visits-option.ts'
import { binName, visitsDensityOption } from '../charts/visits-density-option.ts'
import { MARKS_LIMIT, visitsDensity, visitsMode, type VisitsDensity } from '../lib/visits/density.ts'
import { visitsCaption, type ExportCaption } from '../i18n/captions.ts'
import type { CsvTable } from '../lib/csv.ts'
import { errorMessage } from '../lib/errors.ts'
import { queryString, queryWithoutSelection } from '../lib/filter-query.ts'
import { parseSelection, selectionToString } from '../lib/selection.ts'
import type { Lane } from '../lib/filters.ts'
import { buildVisitsModel, rowOfEvent, type VisitRow, type VisitsModel } from '../lib/visits/model.ts'
import { EVENT_STATUSES, type EventStatus } from '../model/dataset.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { useSearchFilter } from './useSearchFilter.ts'
import { useActorNames } from './useActorNames.ts'
import { useI18n } from './useI18n.ts'
import { useTheme } from './useTheme.ts'

/**
 * The event summary, the density it gives for the filters, and — when few enough visits pass to draw each —
 * the event month parts holding them (whole lifecycles, with their reports' dates and outlets).
 */
function useVisitsRecords() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const summaryError = ref<string | null>(null)
  const partsError = ref<string | null>(null)
  datasetStore.loadEventSummary().catch((cause: unknown) => (summaryError.value = errorMessage(cause)))
  const density = computed<VisitsDensity | null>(() => {
    const { eventSummary, index } = datasetStore
    return eventSummary && index ? visitsDensity(eventSummary, index, filtersStore.filters, filtersStore.filters.lane) : null
  })
  const mode = computed(() => (density.value ? visitsMode(density.value) : null))
  /** The parts the single marks need, once all are in. */
  const partsReady = computed(() => density.value !== null && density.value.parts.every((month) => datasetStore.eventParts.has(month)))
  watch(
    () => (mode.value === 'marks' ? (density.value?.parts.join(',') ?? '') : null),
    (wanted) => {
      partsError.value = null
      if (wanted === null || wanted === '') return
      datasetStore.loadEventParts(wanted.split(',')).catch((cause: unknown) => (partsError.value = errorMessage(cause)))
    },
    { immediate: true },
  )
  const error = computed(() => summaryError.value ?? partsError.value)
  const loading = computed(() => mode.value === null || (mode.value === 'marks' && !partsReady.value))
  return { error, loading, density, mode }
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
  function selectBin(lane: string, month: string): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'bin', lane, month }) })
  }
  function onSelect(event: ECElementEvent): void {
    if (typeof event.name !== 'string' || event.name === '') return
    const [lane, month] = event.name.split('|')
    if (event.seriesType === 'heatmap' && lane && month) selectBin(lane, month)
    else select(event.name)
  }
  return { setLane, toggleStatus, statusShown, select, selectBin, onSelect }
}

export function useVisitsChart() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, lang, number } = useI18n()
  const theme = useTheme()
  const names = useActorNames()
  const filters = computed(() => filtersStore.filters)
  const records = useVisitsRecords()
  const search = useSearchFilter({ byDate: false })

  const model = computed<VisitsModel>(() => {
    if (records.mode.value !== 'marks' || records.loading.value) return { lanes: [], dated: [], undated: [] }
    const events = datasetStore.partEvents
    // a search keeps the events some article reporting them matches
    const matched = search.matched.value
    const kept = search.active.value ? events.filter((event) => event.evidence.some((item) => matched?.has(item.articleId) ?? false)) : events
    const reports = [...datasetStore.eventReports.values()].map((report) => ({ id: report.articleId, outlet: report.outlet, published: report.published }))
    return buildVisitsModel(kept, reports, filters.value, filters.value.lane)
  })
  const allRows = computed<VisitRow[]>(() => [...model.value.dated, ...model.value.undated])
  /** The event in `sel=e.<id>` may be any stage of a lifecycle; its row (and mark) carries the lead stage's id. */
  const selectedId = computed(() => {
    const selection = filters.value.sel === null ? undefined : parseSelection(filters.value.sel)
    const eventId = selection?.kind === 'event' ? selection.eventId : null
    return rowOfEvent(allRows.value, eventId)?.event.id ?? eventId
  })
  const selectedBin = computed(() => {
    const selection = filters.value.sel === null ? undefined : parseSelection(filters.value.sel)
    return selection?.kind === 'bin' ? binName(selection.lane, selection.month) : null
  })
  const option = computed(() => {
    const common = { mode: filters.value.lane, lang: lang.value, dark: theme.value === 'dark', actorNames: names.value }
    const density = records.density.value
    if (records.mode.value === 'density' && density) return visitsDensityOption({ ...common, density, selected: selectedBin.value })
    return visitsOption({ ...common, model: model.value, selectedId: selectedId.value })
  })
  /** Which drawing is shown and why (density above MARKS_LIMIT visits, single marks at or below it). */
  const modeNote = computed(() => {
    const density = records.density.value
    if (!density || records.mode.value === null) return null
    const count = t('visits.count', { n: density.dated })
    return t(records.mode.value === 'density' ? 'visits.mode.density' : 'visits.mode.marks', { count, limit: number(MARKS_LIMIT) })
  })
  const summary = computed(() => {
    if (records.mode.value === 'density') return t('visits.count', { n: records.density.value?.dated ?? 0 })
    const count = t('visits.count', { n: model.value.dated.length + model.value.undated.length })
    const undated = model.value.undated.length
    return undated > 0 ? t('visits.withUndated', { count, undated }) : count
  })
  /** The PNG's caption lines, made when a PNG is (not with every draw: they need plural rules and names). */
  function exportCaption(): ExportCaption {
    const index = datasetStore.index
    return index ? visitsCaption(filters.value, null, index, names.value, lang.value) : { filters: '', source: '' }
  }
  /** The CSV (its writer loads with the first click: nothing before the first chart needs it). */
  async function csv(): Promise<CsvTable> {
    const { visitsCsv } = await import('../lib/visits/export.ts')
    const canonical = (ids: readonly string[]): string => ids.map((id) => datasetStore.actorsById.get(id)?.name ?? id).join('; ')
    const query = queryString(queryWithoutSelection(filters.value))
    return visitsCsv(allRows.value, canonical, datasetStore.index?.generatedAt ?? '', query)
  }

  return { records, model, allRows, selectedId, selectedBin, option, modeNote, summary, exportCaption, csv, names, search, ...useVisitsControls() }
}
