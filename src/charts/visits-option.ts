/**
 * Option builder for the Visits timeline: one lane per direction or per visitor, a mark per event
 * coloured AND shaped by status, hollow for calls, sized and labelled by the number of reporting
 * articles, and a bar behind it when the date is only a month, a year or approximate. Pure.
 */
import type { CustomSeriesRenderItem } from 'echarts'
import type { ChartOption } from './echarts.ts'
import type { EventStatus } from '../model/dataset.ts'
import { dateFormat } from '../lib/i18n.ts'
import {
  STATUS_ORDER,
  UNKNOWN_VISITOR,
  VISITS_TEXT,
  actorName,
  formatEventDate,
  localeOf,
  type LaneMode,
  type LifecycleStep,
  type UiLang,
  type VisitRow,
  type VisitsModel,
  type VisitsText,
} from '../lib/visits.ts'

export interface VisitsChartInput {
  model: VisitsModel
  mode: LaneMode
  lang: UiLang
  dark: boolean
  actorNames: ReadonlyMap<string, { name: string }>
  /** The event selected in the URL (`sel=e.<id>`), ringed in the chart. */
  selectedId?: string | null
}

/** Colour-blind safe (Okabe–Ito) status colours, lighter variants for the dark theme. */
export const STATUS_COLORS: Readonly<Record<'light' | 'dark', Record<EventStatus, string>>> = {
  light: { happened: '#0b6aa8', ongoing: '#c47a00', planned: '#007a5a', invited: '#b4468f' },
  dark: { happened: '#56b4e9', ongoing: '#f0b54a', planned: '#3cc49a', invited: '#e08ac2' },
}

/** Symbol per status, so the status reads without colour too. */
export const STATUS_SYMBOLS: Readonly<Record<EventStatus, string>> = {
  happened: 'circle',
  ongoing: 'rect',
  planned: 'triangle',
  invited: 'diamond',
}

const DAY_MS = 86_400_000

/** Symbol size grows with the number of reporting articles, capped so marks stay readable. */
export function symbolSizeFor(reports: number): number {
  return Math.min(12 + 4 * (Math.max(1, reports) - 1), 28)
}

/** Rich-text tooltips treat "{name|…}" as markup: keep braces out of text taken from the data. */
function plain(text: string): string {
  return text.replace(/[{}|]/g, ' ')
}

export function laneLabel(lane: string, mode: LaneMode, text: VisitsText, names: VisitsChartInput['actorNames']): string {
  if (mode === 'direction') {
    return lane === 'to_russia' || lane === 'to_china' || lane === 'elsewhere' || lane === 'calls' ? text.lane[lane] : lane
  }
  return lane === UNKNOWN_VISITOR ? text.lane.unknown : actorName(lane, names)
}

/** The tooltip of one event, as plain text lines: who, where, when, status, lifecycle, sources. */
export function visitTooltip(row: VisitRow, lang: UiLang, names: VisitsChartInput['actorNames']): string {
  const text = VISITS_TEXT[lang]
  const { event } = row
  const who = event.visitors.map((id) => actorName(id, names)).join(', ') || text.lane.unknown
  const hosts = event.hosts.map((id) => actorName(id, names)).join(', ')
  const country = event.country === null ? null : actorName(event.country, names)
  const where =
    event.kind === 'call'
      ? text.callPlace
      : [event.place, country].filter((part): part is string => part !== null).join(', ') || text.unknownPlace
  const steps = row.steps.map((step) => stepText(step, lang)).join(' → ')
  const lines = [
    `${text.kind[event.kind]} · ${text.status[event.status]}`,
    `${text.who}: ${who}${hosts ? ` · ${text.host}: ${hosts}` : ''}`,
    `${text.where}: ${where}`,
    `${text.when}: ${formatEventDate(event.date, event.approx, lang)}`,
    `${text.lifecycle}: ${steps}`,
    row.outlets.length > 0 ? `${text.sources(row.reports, row.outlets.length)}: ${row.outlets.join(', ')}` : text.sources(row.reports, 0),
  ]
  return plain(lines.join('\n'))
}

/** One lifecycle step in words: "angekündigt am 10.02.2023", or "geplant (Bericht ohne Datum)". */
export function stepText(step: LifecycleStep, lang: UiLang): string {
  const text = VISITS_TEXT[lang]
  return step.firstReported === null
    ? `${text.status[step.status]} (${text.reportUndated})`
    : `${text.step[step.status]} ${formatEventDate(step.firstReported, false, lang)}`
}

interface PlacedMark {
  row: VisitRow
  laneIndex: number
  /** Lane index plus a small offset when several events share a lane and day. */
  y: number
}

/** Places every event in each of its lanes, fanning out events that would sit on the same spot. */
export function placeMarks(model: VisitsModel): PlacedMark[] {
  const seen = new Map<string, number>()
  const marks: PlacedMark[] = []
  for (const row of model.dated) {
    if (row.span === null) continue
    for (const lane of row.lanes) {
      const laneIndex = model.lanes.indexOf(lane)
      if (laneIndex < 0) continue
      const key = `${laneIndex}|${Math.round(row.span.point / DAY_MS)}`
      const k = seen.get(key) ?? 0
      seen.set(key, k + 1)
      const step = Math.ceil(k / 2) * 0.22 * (k % 2 === 1 ? -1 : 1)
      marks.push({ row, laneIndex, y: laneIndex + Math.max(-0.4, Math.min(0.4, step)) })
    }
  }
  return marks
}

/** Time-axis labels in the UI language: the year on 1 January, the month on the 1st, else day and month. */
export function timeLabel(lang: UiLang): (value: number) => string {
  const locale = localeOf(lang)
  const month = dateFormat(locale, { month: 'short', timeZone: 'UTC' })
  const day = dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  return (value) => {
    const date = new Date(value)
    if (date.getUTCDate() !== 1) return day.format(date)
    return date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : month.format(date)
  }
}

export function visitsOption(input: VisitsChartInput): ChartOption {
  const { model, mode, lang, dark, actorNames } = input
  const text = VISITS_TEXT[lang]
  const colors = STATUS_COLORS[dark ? 'dark' : 'light']
  const background = dark ? '#151a23' : '#ffffff'
  const accent = dark ? '#9cc0ff' : '#0b57d0'
  const marks = placeMarks(model)
  const tooltips = new Map(model.dated.map((row) => [row.event.id, visitTooltip(row, lang, actorNames)]))

  const spans = marks.filter((mark) => mark.row.span !== null && (mark.row.span.precision !== 'day' || mark.row.span.approx))
  const spanColors = spans.map((mark) => colors[mark.row.event.status])
  const spanDashed = spans.map((mark) => mark.row.event.approx)
  const renderSpan: CustomSeriesRenderItem = (params, api) => {
    const start = api.coord([api.value(0), api.value(2)])
    const end = api.coord([api.value(1), api.value(2)])
    const band = api.size ? api.size([0, 1]) : [0, 24]
    const bandHeight = Array.isArray(band) ? (band[1] ?? 24) : band
    const height = Math.max(6, Math.min(14, bandHeight * 0.3))
    const [x0, y0] = [start[0] ?? 0, start[1] ?? 0]
    const color = spanColors[params.dataIndex] ?? colors.happened
    return {
      type: 'rect',
      shape: { x: x0, y: y0 - height / 2, width: Math.max(3, (end[0] ?? x0) - x0), height, r: 3 },
      style: {
        fill: color,
        opacity: 0.28,
        stroke: color,
        lineWidth: 1,
        lineDash: spanDashed[params.dataIndex] ? [4, 3] : undefined,
      },
    }
  }

  const times = marks.flatMap((mark) => (mark.row.span ? [mark.row.span.start, mark.row.span.end] : []))
  const lo = times.length > 0 ? Math.min(...times) : Date.UTC(2020, 0, 1)
  const hi = times.length > 0 ? Math.max(...times) : Date.UTC(2021, 0, 1)
  const pad = Math.max(20 * DAY_MS, (hi - lo) * 0.06)

  const statusSeries = STATUS_ORDER.slice()
    .reverse()
    .map((status) => ({
      type: 'scatter' as const,
      name: text.status[status],
      yAxisIndex: 1,
      symbol: STATUS_SYMBOLS[status],
      itemStyle: { color: colors[status], borderColor: background, borderWidth: 1, opacity: 1 },
      label: {
        show: true,
        position: 'right' as const,
        distance: 4,
        fontSize: 11,
        color: dark ? '#d7dde4' : '#3a4350',
        formatter: (params: { value?: unknown }) => {
          const value = params.value
          // Only repeated reports get a number; a single report is the plain mark.
          return Array.isArray(value) && typeof value[2] === 'number' && value[2] > 1 ? String(value[2]) : ''
        },
      },
      emphasis: { scale: 1.3 },
      data: marks
        .filter((mark) => mark.row.event.status === status)
        .map((mark) => ({
          name: mark.row.event.id,
          value: [mark.row.span?.point ?? 0, mark.y, mark.row.reports],
          symbolSize: symbolSizeFor(mark.row.reports),
          ...(mark.row.event.kind === 'call'
            ? { itemStyle: { color: background, borderColor: colors[status], borderWidth: 2.5, opacity: 1 } }
            : {}),
        })),
    }))

  const selected = marks.filter((mark) => mark.row.event.id === input.selectedId)
  const selectionSeries = {
    type: 'scatter' as const,
    name: 'selection',
    yAxisIndex: 1,
    silent: true,
    tooltip: { show: false },
    symbol: 'circle',
    itemStyle: { color: 'transparent', borderColor: accent, borderWidth: 3, opacity: 1 },
    z: 5,
    data: selected.map((mark) => ({
      name: mark.row.event.id,
      value: [mark.row.span?.point ?? 0, mark.y],
      symbolSize: symbolSizeFor(mark.row.reports) + 12,
    })),
  }

  return {
    aria: { enabled: true, label: { description: `${text.title}: ${text.count(model.dated.length + model.undated.length)}` } },
    animation: false,
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemGap: 14,
      data: [...statusSeries.map((series) => series.name), text.span],
    },
    grid: [{ top: 64, left: 8, right: 28, bottom: 8 }],
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (params) => {
        const name = Array.isArray(params) ? params[0]?.name : params.name
        return (name !== undefined && tooltips.get(name)) || ''
      },
    },
    xAxis: {
      type: 'time',
      min: lo - pad,
      max: hi + pad,
      name: text.timeAxis,
      nameLocation: 'middle',
      nameGap: 28,
      splitLine: { show: true, lineStyle: { type: 'dashed', opacity: 0.5 } },
      axisLabel: { hideOverlap: true, formatter: timeLabel(lang) },
    },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        name: text.laneAxis[mode],
        nameLocation: 'start',
        nameTextStyle: { align: 'left', fontWeight: 'bold' },
        data: model.lanes.map((lane) => laneLabel(lane, mode, text, actorNames)),
        axisTick: { show: false },
        splitLine: { show: true },
        splitArea: {
          show: true,
          areaStyle: { color: dark ? ['rgba(0,0,0,0)', 'rgba(255,255,255,0.035)'] : ['rgba(0,0,0,0)', 'rgba(90,100,118,0.06)'] },
        },
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      { type: 'value', show: false, inverse: true, min: -0.5, max: Math.max(0.5, model.lanes.length - 0.5) },
    ],
    series: [
      {
        type: 'custom',
        name: text.span,
        yAxisIndex: 1,
        itemStyle: { color: colors.happened, opacity: 0.4 },
        encode: { x: [0, 1], y: 2 },
        renderItem: renderSpan,
        clip: true,
        z: 1,
        data: spans.map((mark) => ({
          name: mark.row.event.id,
          value: [mark.row.span?.start ?? 0, mark.row.span?.end ?? 0, mark.y],
        })),
      },
      ...statusSeries,
      selectionSeries,
    ],
  }
}
