/**
 * Everything the Mentions view shows, for the current filters: the counts from the cells (loading the day
 * files the grain or a cut month needs), the events file after the first drawing (markers), the month
 * parts of the peak periods (the pins' titles), the ECharts option, and the exports (CSV rows with the
 * articles behind each cell, the PNG caption).
 */
import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'
import type { ECElementEvent } from 'echarts/core'
import type { ChartOption } from '../charts/echarts.ts'
import { mentionsOption, type MentionsLabels } from '../charts/mentions-option.ts'
import { mentionsCaption, type ExportCaption } from '../i18n/captions.ts'
import { eventTitle } from '../i18n/events.ts'
import { nameOf, type ActorNames } from '../i18n/names.ts'
import type { CsvTable } from '../lib/csv.ts'
import { seriesColor } from '../lib/colors.ts'
import { errorMessage } from '../lib/errors.ts'
import { queryString, queryWithoutSelection } from '../lib/filter-query.ts'
import { parseSelection, selectionToString } from '../lib/selection.ts'
import { dayYearsNeeded } from '../lib/mentions/cells.ts'
import { mentionsCsv } from '../lib/mentions/export.ts'
import { createMarkersMemo, eventMarkers } from '../lib/mentions/markers.ts'
import { isEmptyMentions, peakPeriods, withTopTitles } from '../lib/mentions/records.ts'
import { buildMentionsFromCells } from '../lib/mentions/series.ts'
import type { MentionSeries, MentionsData } from '../lib/mentions/types.ts'
import { periodBounds } from '../lib/periods.ts'
import { filterArticles } from '../lib/select.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useFiltersStore } from '../stores/filters.ts'
import { queryOfSeries, querySeriesId } from '../lib/search/series-id.ts'
import { useActorNames } from './useActorNames.ts'
import { useSearch } from './useSearch.ts'
import { useI18n } from './useI18n.ts'
import { useMediaQuery } from './useMediaQuery.ts'
import { useTheme } from './useTheme.ts'

/** The months a period touches (a week can touch two). */
function monthsOf(period: string): string[] {
  const { start, end } = periodBounds(period)
  return [...new Set([start.slice(0, 7), end.slice(0, 7)])]
}

interface MentionsNumbers {
  /** The counts from the cells; null while a day file they need is not loaded. */
  counts: ComputedRef<MentionsData | null>
  /** The counts with the top titles and article ids of the periods whose parts are loaded. */
  data: ComputedRef<MentionsData | null>
  dayError: Ref<string | null>
  eventsError: Ref<string | null>
  /** Call when the chart is first drawn: the events file and the peak months' parts load then. */
  onDrawn: () => void
  /** Loads the parts of the whole drawn range (newest months up to the record cap) and gives the data with them. */
  withAllRecords: () => Promise<MentionsData | null>
}

/** The numbers of the chart and what they need loaded. */
function useMentionsNumbers(): MentionsNumbers {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const filters = computed(() => filtersStore.filters)
  const memo = createMarkersMemo()

  const dayError = ref<string | null>(null)
  watch(
    () => (datasetStore.index ? dayYearsNeeded(datasetStore.index, filters.value) : []),
    (years) => {
      dayError.value = null
      if (years.length > 0) datasetStore.loadDays(years).catch((cause: unknown) => (dayError.value = errorMessage(cause)))
    },
    { immediate: true },
  )
  const counts = computed<MentionsData | null>(() => {
    const cells = datasetStore.cells
    if (!cells) return null
    const markers = eventMarkers(datasetStore.events ?? [], filters.value, filters.value.grain, memo)
    return buildMentionsFromCells(cells, filters.value, datasetStore.activeActors(filters.value), markers, memo) ?? null
  })

  const drawnOnce = ref(false)
  const eventsError = ref<string | null>(null)
  function onDrawn(): void {
    if (drawnOnce.value) return
    drawnOnce.value = true
    datasetStore.loadEvents().catch((cause: unknown) => (eventsError.value = errorMessage(cause)))
  }
  const peakMonths = computed(() => (counts.value ? [...new Set(peakPeriods(counts.value).flatMap(monthsOf))].sort() : []))
  watch([drawnOnce, peakMonths], ([ready, months]) => {
    // titles are a nicety: a part that fails leaves its pin without a label
    if (ready && months.length > 0) datasetStore.loadParts(months).catch(() => undefined)
  })

  const titles = createTitlesMemo()
  function withRecords(base: MentionsData): MentionsData {
    const { dataset, parts } = datasetStore
    if (!dataset || parts.size === 0) return base
    const complete = (period: string): boolean => monthsOf(period).every((month) => parts.has(month))
    const months = new Set(base.periods.filter(complete).flatMap(monthsOf))
    if (months.size === 0) return base
    // the titles of a series depend on the records, the axis and the outlet and date filters, not on the
    // measure, stacking, queries or the other series: computed once per (series, that key)
    const { outlets, from, to } = filters.value
    const key = JSON.stringify([base.grain, base.periods[0], base.periods[base.periods.length - 1], base.periods.length, outlets, from, to])
    return titles.apply(base, dataset, key, (missing) => {
      const records = [...months].flatMap((month) => parts.get(month)?.articles ?? [])
      return withTopTitles({ ...base, series: missing }, dataset, filterArticles({ articles: records }, filters.value), complete).series
    })
  }
  const data = computed(() => (counts.value ? withRecords(counts.value) : null))

  async function withAllRecords(): Promise<MentionsData | null> {
    const drawn = counts.value
    const first = drawn?.periods[0]
    const last = drawn?.periods[drawn.periods.length - 1]
    if (first && last) {
      const plan = datasetStore.monthsFor(periodBounds(first).start, periodBounds(last).end)
      await datasetStore.loadParts(plan.months).catch(() => undefined)
    }
    return counts.value ? withRecords(counts.value) : null
  }

  return { counts, data, dayError, eventsError, onDrawn, withAllRecords }
}

/** A series' top titles and article ids by period (the cells `withTopTitles` filled). */
type SeriesTitles = ReadonlyMap<string, Pick<MentionSeries['cells'][number], 'topTitle' | 'articleIds'>>

/**
 * The peak titles per (dataset, series, filter key): a redraw that changes the measure, the stacking, a query
 * or another series reuses them instead of rereading the month parts (≈ 29 ms a redraw at 100 k).
 */
function createTitlesMemo() {
  const byDataset = new WeakMap<object, Map<string, SeriesTitles>>()
  const MAX = 64
  return {
    apply(base: MentionsData, dataset: object, key: string, compute: (missing: MentionSeries[]) => MentionSeries[]): MentionsData {
      let memo = byDataset.get(dataset)
      if (!memo) byDataset.set(dataset, (memo = new Map()))
      const keyOf = (series: MentionSeries): string => `${series.actorId}\u0000${key}`
      const missing = base.series.filter((series) => !memo.has(keyOf(series)))
      if (missing.length > 0) {
        if (memo.size + missing.length > MAX) memo.clear()
        for (const series of compute(missing)) {
          const found = new Map<string, Pick<MentionSeries['cells'][number], 'topTitle' | 'articleIds'>>()
          series.cells.forEach((cell, i) => {
            const period = base.periods[i]
            if (period !== undefined && (cell.topTitle !== null || cell.articleIds.length > 0)) found.set(period, { topTitle: cell.topTitle, articleIds: cell.articleIds })
          })
          memo.set(keyOf(series), found)
        }
      }
      return {
        ...base,
        series: base.series.map((series) => {
          const found = memo.get(keyOf(series))
          if (!found || found.size === 0) return series
          const cells = series.cells.map((cell, i) => {
            const at = found.get(base.periods[i] ?? '')
            return at ? { ...cell, ...at } : cell
          })
          return { ...series, cells }
        }),
      }
    },
  }
}

/** The words and number formats the option builder writes into the chart. */
function useMentionsLabels(names: ComputedRef<ActorNames>): ComputedRef<MentionsLabels> {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, period, number, lang } = useI18n()
  const share = computed(() => filtersStore.filters.measure === 'share')
  const value = (x: number): string => (share.value ? number(x, { style: 'percent', maximumFractionDigits: 0 }) : number(x))
  function eventLabel(eventId: string): string {
    const event = datasetStore.eventsById.get(eventId)
    if (!event) return eventId
    return `${eventTitle(event, names.value, lang.value)} · ${event.date ? period(event.date) : ''} (${t(`status.${event.status}`)})`
  }
  return computed(() => ({
    period,
    value,
    detail: (articles, denominator, mentions) =>
      share.value
        ? t('mentions.detailShare', { articles, denominator })
        : t('mentions.detailMentions', { articles: t('mentions.articleCount', { n: articles }), mentions: t('mentions.mentionCount', { n: mentions }) }),
    denominator: t('mentions.denominator'),
    events: t('mentions.events'),
    eventLabel,
    axisName: share.value ? t('mentions.share') : t('mentions.mentions'),
  }))
}

export function useMentionsChart() {
  const datasetStore = useDatasetStore()
  const filtersStore = useFiltersStore()
  const { t, lang } = useI18n()
  const theme = useTheme()
  // Peak titles do not fit on phones; the chart drops them below 720 px.
  const narrow = useMediaQuery('(max-width: 720px)')
  const filters = computed(() => filtersStore.filters)
  const numbers = useMentionsNumbers()
  const names = useActorNames()
  const search = useSearch()
  /** The numbers as drawn: the lines named in the UI language, then a line per search query. */
  const data = computed(() => {
    const value = numbers.data.value
    if (!value) return value
    const queries = search.seriesFor(value, filters.value)
    const actors = value.series.map((series) => ({ ...series, name: nameOf(series.actorId, names.value) }))
    return { ...value, series: [...actors, ...queries], unplaced: Math.max(value.unplaced, ...queries.map((q) => q.unplaced)) }
  })
  const labels = useMentionsLabels(names)

  const empty = computed(() => !data.value || data.value.periods.length === 0 || isEmptyMentions(data.value))
  const waiting = computed(() => numbers.counts.value === null && datasetStore.cells !== null)
  const palette = computed(() => datasetStore.colorOrder)
  const selected = computed(() => {
    const selection = filters.value.sel ? parseSelection(filters.value.sel) : undefined
    if (selection?.kind === 'query') return { actorId: querySeriesId(selection.query), period: selection.period }
    return selection?.kind === 'mention' ? { actorId: selection.actorId, period: selection.period } : undefined
  })
  const option = computed<ChartOption>(() =>
    data.value
      ? mentionsOption(data.value, {
          stacked: filters.value.stack,
          colors: new Map([...palette.value, ...(data.value?.series.map((series) => series.actorId) ?? [])].map((id) => [id, seriesColor(palette.value, id)])),
          labels: labels.value,
          compact: narrow.value,
          textColor: theme.value === 'dark' ? '#e6e9ef' : '#1c2330',
          selected: selected.value,
        })
      : {},
  )
  const caption = computed(() => {
    const share = filters.value.measure === 'share'
    const base = t(share ? 'mentions.captionShare' : 'mentions.captionMentions', { grain: t(`grain.${filters.value.grain}`) })
    return share && filters.value.stack ? `${base} ${t('mentions.stackedShare')}` : base
  })
  /** The PNG's caption lines, made when a PNG is (not with every draw: they need plural rules and names). */
  function exportCaption(): ExportCaption {
    const index = datasetStore.index
    const drawn = { actorIds: data.value?.series.map((series) => series.actorId) ?? [] }
    return index ? mentionsCaption(drawn, filters.value, index, names.value, lang.value) : { filters: '', source: '' }
  }
  /** The CSV names the articles behind each cell: it first loads the parts of the drawn range. */
  async function csv(): Promise<CsvTable> {
    const withRecords = await numbers.withAllRecords()
    const query = queryString(queryWithoutSelection(filters.value))
    return mentionsCsv(withRecords, datasetStore.index?.generatedAt ?? '', query)
  }

  /** The table twin: the periods with stories or events, each actor's cell and the events there. */
  const tableRows = computed(() => {
    const current = data.value
    if (!current) return []
    return current.periods
      .map((period, i) => ({
        period,
        denominator: current.denominators[i] ?? 0,
        cells: current.series.map((series) => ({ actorId: series.actorId, name: series.name, cell: series.cells[i] })),
        events: current.events.filter((event) => event.period === period),
      }))
      .filter((row) => row.denominator > 0 || row.events.length > 0)
  })

  return { ...numbers, data, labels, empty, waiting, palette, option, caption, exportCaption, csv, tableRows, queries: search.queries, ...useMentionsSelection(data) }
}

/** Clicks on the chart and its table: a mark selects its evidence, the slider sets the date filter. */
function useMentionsSelection(data: ComputedRef<MentionsData | null>) {
  const filtersStore = useFiltersStore()
  function selectMention(actorId: string, period: string): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'mention', actorId, period }) })
  }
  /** The selection of a series' cell: an actor's mentions or a query's hits. */
  function cellSelection(seriesId: string, period: string): string {
    const query = queryOfSeries(seriesId)
    return selectionToString(query === undefined ? { kind: 'mention', actorId: seriesId, period } : { kind: 'query', query, period })
  }
  function selectCell(seriesId: string, period: string): void {
    filtersStore.patch({ sel: cellSelection(seriesId, period) })
  }
  function selectEvent(eventId: string): void {
    filtersStore.patch({ sel: selectionToString({ kind: 'event', eventId }) })
  }
  function onSelect(event: ECElementEvent): void {
    const current = data.value
    if (!current) return
    const series = current.series[event.seriesIndex ?? -1]
    const period = typeof event.dataIndex === 'number' ? current.periods[event.dataIndex] : undefined
    if (series && period) return selectCell(series.actorId, period)
    const datum: unknown = event.data
    if (typeof datum === 'object' && datum !== null && 'id' in datum && typeof datum.id === 'string') selectEvent(datum.id)
  }
  function onZoom(range: { startValue: number; endValue: number }): void {
    const periods = data.value?.periods ?? []
    const first = periods[Math.max(0, range.startValue)]
    const last = periods[Math.min(periods.length - 1, range.endValue)]
    if (!first || !last) return
    if (range.startValue <= 0 && range.endValue >= periods.length - 1) return
    filtersStore.patch({ from: periodBounds(first).start, to: periodBounds(last).end, sel: null })
  }
  return { selectMention, selectCell, cellSelection, selectEvent, onSelect, onZoom }
}
