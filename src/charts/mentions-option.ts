/**
 * Option builder for "Mentions over time": a line (or stacked area) per actor on one category time
 * axis without gaps, visits and calls as markers along the top, the peak of each line labelled with
 * its top article, and a slider (dataZoom) that reports its range once on release. Pure.
 */
import type { LineSeriesOption } from 'echarts/charts'
import type { ChartOption } from './echarts.ts'
import { STATUS_COLORS, STATUS_SYMBOLS } from './marks.ts'
import type { EventMarker, MentionsData } from '../lib/mentions/types.ts'
import { statusRank } from '../lib/visits/lifecycle.ts'
import { QUERY_SERIES } from '../lib/search/series-id.ts'

export interface MentionsLabels {
  period: (period: string) => string
  /** Formats a drawn value (a count or a share 0..1). */
  value: (value: number) => string
  /** "3 von 5 Artikeln" style detail for a cell. */
  detail: (articles: number, denominator: number, mentions: number) => string
  denominator: string
  events: string
  eventLabel: (eventId: string) => string
  axisName: string
}

/** Plot area insets in px; the e2e test uses them to click a point at its pixel. */
export const MENTIONS_GRID = { left: 56, right: 28, top: 56, bottom: 78 } as const
export const EVENT_STRIP_Y = 0.94

/** Most period labels along the time axis (a 360 px phone fits about five, a wide screen more, all readable). */
export const MAX_PERIOD_LABELS = 8
const LABEL_STEPS = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240] as const

/**
 * Which period labels the axis shows: every `step`-th, with months on a calendar rhythm (quarters,
 * half years, Januaries of every n-th year), about MAX_PERIOD_LABELS of them (one more where the
 * rhythm starts off the first period). Given to ECharts as
 * `axisLabel.interval`, so it never measures every label to pick an interval itself (on a throttled phone
 * that was a sixth of the first draw).
 */
export function periodLabelFilter(periods: readonly string[]): (index: number, period: string) => boolean {
  const step = LABEL_STEPS.find((candidate) => Math.ceil(periods.length / candidate) <= MAX_PERIOD_LABELS) ?? Math.ceil(periods.length / MAX_PERIOD_LABELS)
  if (step === 1) return () => true
  const month = (period: string): number | null => {
    const match = /^(\d{4})-(\d{2})$/.exec(period)
    return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null
  }
  const monthly = periods.length > 0 && periods.every((period) => month(period) !== null)
  if (monthly && (12 % step === 0 || step % 12 === 0)) return (_index, period) => (month(period) ?? 0) % step === 0
  return (index) => index % step === 0
}

/** Smallest "nice" axis maximum (1, 2, 2.5, 5 × 10^n) at or above the value. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

/** Keeps rich-text markup out of tooltip and label text taken from articles. */
export function plainText(text: string): string {
  return text.replace(/[{}|]/g, ' ')
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

export function seriesId(actorId: string): string {
  return `m:${actorId}`
}

/**
 * Axis maximum for a largest value: a nice number with a fifth of headroom, so peak pins and their
 * titles stay clear of the visits-and-calls strip along the top.
 */
export function axisMaxFor(value: number): number {
  return niceMax(value / 0.8)
}

export function mentionsYMax(data: MentionsData, stacked: boolean): number {
  let max = 0
  data.periods.forEach((_period, i) => {
    const values = data.series.map((series) => series.cells[i]?.value ?? 0)
    max = Math.max(max, stacked ? values.reduce((sum, value) => sum + value, 0) : Math.max(0, ...values))
  })
  // Shares of different actors overlap (one article names several), so only unstacked shares stop at 100 %.
  if (data.measure === 'share' && !stacked) return Math.min(1, axisMaxFor(max))
  return axisMaxFor(max)
}

export interface MentionsChartOptions {
  stacked: boolean
  colors: ReadonlyMap<string, string>
  labels: MentionsLabels
  /** Narrow screens: no peak titles (they would not fit). */
  compact?: boolean
  /** Colour of the peak titles (the theme's text colour). */
  textColor?: string
  /** The selected mark (from `sel`), drawn as a larger ring. */
  selected?: { actorId: string; period: string }
}

/** The pin on a line's peak, labelled with the period's top article. */
function peakPin(data: MentionsData, seriesIndex: number, peak: { index: number; y: number } | undefined, options: MentionsChartOptions) {
  const cell = peak ? data.series[seriesIndex]?.cells[peak.index] : undefined
  if (!peak || !cell?.topTitle) return undefined
  const categories = data.periods
  return {
    symbol: 'pin',
    symbolSize: 34,
    silent: true,
    label: { show: false },
    data: [
      {
        name: plainText(cell.topTitle),
        coord: [categories[peak.index] ?? '', peak.y],
        value: options.labels.value(cell.value),
        label: {
          show: true,
          position: peak.index > categories.length * 0.6 ? ('left' as const) : ('right' as const),
          formatter: truncate(plainText(cell.topTitle), 34),
          fontSize: 11,
          color: options.textColor,
          textBorderWidth: 0,
          width: 220,
          overflow: 'truncate' as const,
        },
      },
    ],
  }
}

/** A line (or stacked area) per actor, the selected cell ringed, the peak pinned. */
function lineSeriesOf(data: MentionsData, options: MentionsChartOptions): LineSeriesOption[] {
  const { stacked, colors, compact = false, selected } = options
  const selectedIndex = selected ? data.periods.indexOf(selected.period) : -1
  const showSymbols = data.periods.length <= 120
  const peaks = compact ? new Map<number, { index: number; y: number }>() : peakLabels(data, stacked)
  return data.series.map((series, seriesIndex): LineSeriesOption => ({
    type: 'line' as const,
    id: seriesId(series.actorId),
    name: series.name,
    data: series.cells.map((cell, i) =>
      i === selectedIndex && series.actorId === selected?.actorId
        ? { value: cell.value, symbol: 'circle', symbolSize: 15, itemStyle: { borderWidth: 4 } }
        : cell.value,
    ),
    color: colors.get(series.actorId),
    stack: stacked ? 'total' : undefined,
    areaStyle: stacked ? { opacity: 0.35 } : undefined,
    showSymbol: showSymbols,
    // Only periods with mentions get a clickable dot; empty periods are just the line.
    symbolSize: (value: unknown) => (typeof value === 'number' && value > 0 ? 7 : 0),
    // search queries dashed: they count words, not actors
    lineStyle: series.actorId.startsWith(QUERY_SERIES) ? { width: 2.5, type: 'dashed' as const } : { width: 2 },
    emphasis: { focus: 'series' as const },
    markPoint: peakPin(data, seriesIndex, peaks.get(seriesIndex), options),
  }))
}

/**
 * The visits and calls along the top: one marker per period (thousands of events would be thousands of
 * canvas elements on top of each other), showing and opening the period's most advanced event and naming
 * the others; the data table lists each event with its own button. Dashed lines down where few periods have one.
 */
function eventSeriesOf(data: MentionsData, labels: MentionsLabels) {
  const style = (marker: EventMarker) => ({ color: STATUS_COLORS.light[marker.status], symbol: STATUS_SYMBOLS[marker.status] })
  return {
    type: 'scatter' as const,
    id: 'events',
    name: labels.events,
    yAxisIndex: 1,
    color: '#5a6476',
    symbolSize: 12,
    z: 5,
    data: markerGroups(data.events).map(({ shown, events }) => ({
      value: [shown.period, EVENT_STRIP_Y],
      id: shown.eventId,
      name: markerName(events, labels),
      symbol: shown.kind === 'call' ? `empty${capital(style(shown).symbol)}` : style(shown).symbol,
      itemStyle: { color: style(shown).color, borderColor: style(shown).color, borderWidth: 2 },
    })),
    markLine: {
      silent: true,
      symbol: 'none',
      label: { show: false },
      lineStyle: { type: 'dashed' as const, opacity: 0.35, width: 1 },
      // Where events mark most periods the lines would only hatch the chart: the marker row says it.
      data: eventLinePeriods(data).map((period) => ({ xAxis: period })),
    },
    tooltip: { trigger: 'item' as const },
  }
}

export function mentionsOption(data: MentionsData, options: MentionsChartOptions): ChartOption {
  const { stacked, labels } = options
  const categories = data.periods
  const shownLabel = periodLabelFilter(categories)
  return {
    // ECharts describes the series and their values itself (aria-label on the chart element).
    aria: { enabled: true },
    // No update animation: a filter change redraws at once (ECharts fires `finished` after animations).
    animationDurationUpdate: 0,
    // Fixed margins: no outer-bounds pass (ECharts 6 lays every axis out twice to fit labels into the
    // container: a third of the first draw on a throttled phone, and of every redraw).
    grid: { ...MENTIONS_GRID, containLabel: false, outerBoundsMode: 'none' },
    legend: { type: 'scroll', top: 4, left: 8, right: 8, icon: 'roundRect' },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      formatter: (params: unknown) => axisTooltip(params, data, labels),
    },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: false,
      axisLabel: { formatter: (value: string) => labels.period(value), interval: shownLabel, hideOverlap: true },
      axisTick: { interval: shownLabel },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: mentionsYMax(data, stacked),
        name: labels.axisName,
        nameLocation: 'end',
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: (value: number) => labels.value(value) },
      },
      { type: 'value', min: 0, max: 1, show: false },
    ],
    dataZoom:
      categories.length > 2
        ? [{ type: 'slider', xAxisIndex: 0, realtime: false, bottom: 12, height: 26, start: 0, end: 100, labelFormatter: (_index: number, value: string) => labels.period(value) }]
        : [],
    series: [...lineSeriesOf(data, options), eventSeriesOf(data, labels)],
  }
}

/** Most dashed event lines drawn across the chart; beyond it only the marker row shows the events. */
export const MAX_EVENT_LINES = 40

/** The periods that get a dashed event line: each period with an event, unless there are too many. */
export function eventLinePeriods(data: Pick<MentionsData, 'events'>): string[] {
  const periods = markerGroups(data.events).map(({ shown }) => shown.period)
  return periods.length <= MAX_EVENT_LINES ? periods : []
}

/**
 * The peak of each line, labelled with its top article; where several lines peak in the same period
 * only the highest keeps its label, so labels do not pile up.
 */
export function peakLabels(data: MentionsData, stacked: boolean): Map<number, { index: number; y: number }> {
  const best = new Map<number, { series: number; y: number }>()
  if (data.periods.length < 2) return new Map()
  data.series.forEach((series, seriesIndex) => {
    let peak = -1
    series.cells.forEach((cell, i) => {
      if (cell.value > 0 && cell.topTitle && (peak < 0 || cell.value > (series.cells[peak]?.value ?? 0))) peak = i
    })
    if (peak < 0) return
    // Stacked lines sit on the ones below: the label goes where the line is drawn.
    const y = stacked
      ? data.series.slice(0, seriesIndex + 1).reduce((sum, below) => sum + (below.cells[peak]?.value ?? 0), 0)
      : (series.cells[peak]?.value ?? 0)
    const current = best.get(peak)
    if (!current || y > current.y) best.set(peak, { series: seriesIndex, y })
  })
  return new Map([...best].map(([index, entry]) => [entry.series, { index, y: entry.y }]))
}

/** Event names listed in a marker's tooltip before "+N". */
const MARKER_NAMES = 3

const groupsCache = new WeakMap<readonly EventMarker[], { shown: EventMarker; events: EventMarker[] }[]>()

/**
 * The events of each period (in period order of first appearance) and the one its marker shows. Cached
 * by the events array: a filter change that keeps the markers (actor, measure) does not group 100 000s again.
 */
export function markerGroups(events: readonly EventMarker[]): { shown: EventMarker; events: EventMarker[] }[] {
  let groups = groupsCache.get(events)
  if (!groups) {
    groups = groupMarkers(events)
    groupsCache.set(events, groups)
  }
  return groups
}

function groupMarkers(events: readonly EventMarker[]): { shown: EventMarker; events: EventMarker[] }[] {
  const groups: { shown: EventMarker; events: EventMarker[] }[] = []
  let current: { shown: EventMarker; events: EventMarker[] } | undefined
  for (const event of events) {
    if (current && event.period === current.shown.period) {
      current.events.push(event)
      // The first of the most advanced status: a visit that happened outranks one only planned.
      if (statusRank(event.status) > statusRank(current.shown.status)) current.shown = event
      continue
    }
    // markers come sorted by date (eventMarkers), so a period's markers are one run; a list that is not
    // sorted is grouped by a map instead
    if (current && event.period < current.shown.period) return groupByMap(events)
    current = { shown: event, events: [event] }
    groups.push(current)
  }
  return groups
}

function groupByMap(events: readonly EventMarker[]): { shown: EventMarker; events: EventMarker[] }[] {
  const byPeriod = new Map<string, EventMarker[]>()
  for (const event of events) {
    const list = byPeriod.get(event.period)
    if (list) list.push(event)
    else byPeriod.set(event.period, [event])
  }
  return [...byPeriod.values()].map((list) => ({
    shown: list.reduce((best, event) => (statusRank(event.status) > statusRank(best.status) ? event : best)),
    events: list,
  }))
}

function markerName(events: readonly EventMarker[], labels: MentionsLabels): string {
  const names = events.slice(0, MARKER_NAMES).map((event) => plainText(labels.eventLabel(event.eventId)))
  if (events.length > MARKER_NAMES) names.push(`+${events.length - MARKER_NAMES}`)
  return names.join('\n')
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function axisTooltip(params: unknown, data: MentionsData, labels: MentionsLabels): string {
  const list = Array.isArray(params) ? params : [params]
  const first: unknown = list[0]
  const index = isRecord(first) && typeof first.dataIndex === 'number' ? first.dataIndex : -1
  const period = data.periods[index]
  if (period === undefined) return ''
  const lines = [labels.period(period)]
  for (const series of data.series) {
    const cell = series.cells[index]
    if (!cell) continue
    lines.push(`${plainText(series.name)}: ${labels.value(cell.value)} (${labels.detail(cell.articles, data.denominators[index] ?? 0, cell.mentions)})`)
  }
  lines.push(`${labels.denominator}: ${data.denominators[index] ?? 0}`)
  for (const event of data.events.filter((candidate) => candidate.period === period))
    lines.push(`◆ ${plainText(labels.eventLabel(event.eventId))}`)
  return lines.join('\n')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
