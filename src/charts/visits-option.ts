/**
 * Option builder for the Visits timeline: one lane per direction or per visitor, a mark per event
 * coloured AND shaped by status, hollow for calls, sized and labelled by the number of reporting
 * articles, and a bar behind it when the date is only a month, a year or approximate. Pure.
 */
import type { LineSeriesOption } from 'echarts/charts'
import type { ChartOption } from './echarts.ts'
import { STATUS_COLORS, STATUS_SYMBOLS } from './marks.ts'
import { placeName } from '../i18n/events.ts'
import { formatEventDate } from '../i18n/format.ts'
import { dateFormat } from '../i18n/intl.ts'
import { localeOf, type Lang } from '../i18n/lang.ts'
import { nameOf, type ActorNames } from '../i18n/names.ts'
import { translate } from '../i18n/translate.ts'
import type { Lane } from '../lib/filters.ts'
import { STATUS_ORDER, type LifecycleStep } from '../lib/visits/lifecycle.ts'
import { UNKNOWN_VISITOR, type VisitRow, type VisitsModel } from '../lib/visits/model.ts'

export interface VisitsChartInput {
  model: VisitsModel
  mode: Lane
  lang: Lang
  dark: boolean
  /** Actor names in the UI language. */
  actorNames: ActorNames
  /** The event selected in the URL (`sel=e.<id>`), ringed in the chart. */
  selectedId?: string | null
}

const DAY_MS = 86_400_000
/** Thickness of a span bar in px. */
const SPAN_HEIGHT = 10

/** Symbol size grows with the number of reporting articles, capped so marks stay readable. */
export function symbolSizeFor(reports: number): number {
  return Math.min(12 + 4 * (Math.max(1, reports) - 1), 28)
}

/** Rich-text tooltips treat "{name|…}" as markup: keep braces out of text taken from the data. */
function plain(text: string): string {
  return text.replace(/[{}|]/g, ' ')
}

export function laneLabel(lane: string, mode: Lane, lang: Lang, names: ActorNames): string {
  if (mode === 'direction') {
    return lane === 'to_russia' || lane === 'to_china' || lane === 'elsewhere' || lane === 'calls' ? translate(lang, `visits.lane.${lane}`) : lane
  }
  return lane === UNKNOWN_VISITOR ? translate(lang, 'common.unknown') : nameOf(lane, names)
}

/** "2 Artikel, 2 Medien": how many articles (and outlets, when known) report an event. */
export function sourcesText(reports: number, outlets: number, lang: Lang): string {
  const articles = translate(lang, 'visits.reports', { n: reports })
  return outlets > 0 ? `${articles}, ${translate(lang, 'visits.outlets', { n: outlets })}` : articles
}

/** Where an event took place in words: the place and host country, or the phone for a call. */
export function placeText(row: VisitRow, lang: Lang, names: ActorNames): string {
  const { event } = row
  if (event.kind === 'call') return translate(lang, 'visits.callPlace')
  const country = event.country === null ? null : nameOf(event.country, names)
  return [event.place === null ? null : placeName(event.place, lang), country].filter((part): part is string => part !== null).join(', ') || translate(lang, 'visits.unknownPlace')
}

/** "Besuch" or "Telefonat/Videoschalte". */
export function kindText(kind: VisitRow['event']['kind'], lang: Lang): string {
  return translate(lang, kind === 'visit' ? 'event.visit' : 'event.callOrVideo')
}

/** The tooltip of one event, as plain text lines: who, where, when, status, lifecycle, sources. */
export function visitTooltip(row: VisitRow, lang: Lang, names: ActorNames): string {
  const t = (key: Parameters<typeof translate>[1]): string => translate(lang, key)
  const { event } = row
  const who = event.visitors.map((id) => nameOf(id, names)).join(', ') || t('common.unknown')
  const hosts = event.hosts.map((id) => nameOf(id, names)).join(', ')
  const steps = row.steps.map((step) => stepText(step, lang)).join(' → ')
  const sources = sourcesText(row.reports, row.outlets.length, lang)
  const lines = [
    `${kindText(event.kind, lang)} · ${translate(lang, `status.${event.status}`)}`,
    `${t('visits.who')}: ${who}${hosts ? ` · ${t('visits.host')}: ${hosts}` : ''}`,
    `${t('visits.where')}: ${placeText(row, lang, names)}`,
    `${t('visits.when')}: ${formatEventDate(event.date, event.approx, lang)}`,
    `${t('visits.lifecycle')}: ${steps}`,
    row.outlets.length > 0 ? `${sources}: ${row.outlets.join(', ')}` : sources,
  ]
  return plain(lines.join('\n'))
}

/** One lifecycle step in words: "angekündigt am 10.02.2023", or "geplant (Bericht ohne Datum)". */
export function stepText(step: LifecycleStep, lang: Lang): string {
  return step.firstReported === null
    ? translate(lang, 'visits.stepUndated', { status: translate(lang, `status.${step.status}`) })
    : translate(lang, `visits.step.${step.status}`, { date: formatEventDate(step.firstReported, false, lang) })
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
export function timeLabel(lang: Lang): (value: number) => string {
  const locale = localeOf(lang)
  const month = dateFormat(locale, { month: 'short', timeZone: 'UTC' })
  const day = dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  return (value) => {
    const date = new Date(value)
    if (date.getUTCDate() !== 1) return day.format(date)
    return date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : month.format(date)
  }
}

interface Palette {
  colors: Record<string, string>
  background: string
  accent: string
  dark: boolean
}

/**
 * The bars behind marks whose date is a month, a year or approximate: thick line segments, one line series
 * per status and exact/approximate (paler), a gap between spans. Line series are in the chart chunk every
 * view loads, so the Visits view needs no custom series before its first frame. The bars are not clickable
 * (the mark on each is).
 */
function spanSeries(marks: readonly PlacedMark[], palette: Palette, name: string): LineSeriesOption[] {
  const spans = marks.filter((mark) => mark.row.span !== null && (mark.row.span.precision !== 'day' || mark.row.span.approx))
  const groups = new Map<string, { status: string; approx: boolean; data: [number, number][] }>()
  for (const mark of spans) {
    const { status, approx } = mark.row.event
    const key = `${status}|${approx ? 1 : 0}`
    let group = groups.get(key)
    if (!group) {
      group = { status, approx, data: [] }
      groups.set(key, group)
    }
    // NaN ends a segment (ECharts breaks a line at a point it cannot place)
    group.data.push([mark.row.span?.start ?? 0, mark.y], [mark.row.span?.end ?? 0, mark.y], [NaN, NaN])
  }
  return [...groups.values()].map((group) => {
    const color = palette.colors[group.status] ?? '#0b6aa8'
    return {
      type: 'line' as const,
      name,
      yAxisIndex: 1,
      silent: true,
      symbol: 'none',
      clip: true,
      z: 1,
      legendIcon: 'roundRect',
      itemStyle: { color },
      // an approximate span is paler (a dash pattern on a bar this thick reads as separate pills)
      lineStyle: { color, width: SPAN_HEIGHT, opacity: group.approx ? 0.18 : 0.34, cap: 'round' as const },
      data: group.data,
    }
  })
}

/** One scatter series per status (most advanced first), named in words; calls hollow. */
function statusSeries(marks: readonly PlacedMark[], palette: Palette, lang: Lang) {
  return STATUS_ORDER.slice()
    .reverse()
    .map((status) => ({
      type: 'scatter' as const,
      name: translate(lang, `status.${status}`),
      yAxisIndex: 1,
      symbol: STATUS_SYMBOLS[status],
      itemStyle: { color: palette.colors[status], borderColor: palette.background, borderWidth: 1, opacity: 1 },
      label: {
        show: true,
        position: 'right' as const,
        distance: 4,
        fontSize: 11,
        color: palette.dark ? '#d7dde4' : '#3a4350',
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
            ? { itemStyle: { color: palette.background, borderColor: palette.colors[status], borderWidth: 2.5, opacity: 1 } }
            : {}),
        })),
    }))
}

/** A ring around the selected event's marks. */
function selectionSeries(marks: readonly PlacedMark[], palette: Palette, selectedId: string | null | undefined) {
  return {
    type: 'scatter' as const,
    name: 'selection',
    yAxisIndex: 1,
    silent: true,
    tooltip: { show: false },
    symbol: 'circle',
    itemStyle: { color: 'transparent', borderColor: palette.accent, borderWidth: 3, opacity: 1 },
    z: 5,
    data: marks
      .filter((mark) => mark.row.event.id === selectedId)
      .map((mark) => ({ name: mark.row.event.id, value: [mark.row.span?.point ?? 0, mark.y], symbolSize: symbolSizeFor(mark.row.reports) + 12 })),
  }
}

/** The time axis, padded around the marks' spans. */
function timeAxis(marks: readonly PlacedMark[], lang: Lang) {
  const times = marks.flatMap((mark) => (mark.row.span ? [mark.row.span.start, mark.row.span.end] : []))
  const lo = times.length > 0 ? Math.min(...times) : Date.UTC(2020, 0, 1)
  const hi = times.length > 0 ? Math.max(...times) : Date.UTC(2021, 0, 1)
  const pad = Math.max(20 * DAY_MS, (hi - lo) * 0.06)
  return {
    type: 'time' as const,
    min: lo - pad,
    max: hi + pad,
    name: translate(lang, 'visits.timeAxis'),
    nameLocation: 'middle' as const,
    nameGap: 28,
    splitLine: { show: true, lineStyle: { type: 'dashed' as const, opacity: 0.5 } },
    axisLabel: { hideOverlap: true, formatter: timeLabel(lang) },
  }
}

/** The lane axis (names) and the value axis the marks are placed on (lane index plus fan-out). */
function laneAxes(input: VisitsChartInput) {
  const { model, mode, lang, dark, actorNames } = input
  return [
    {
      type: 'category' as const,
      inverse: true,
      name: translate(lang, `visits.laneAxis.${mode}`),
      nameLocation: 'start' as const,
      nameTextStyle: { align: 'left' as const, fontWeight: 'bold' as const },
      data: model.lanes.map((lane) => laneLabel(lane, mode, lang, actorNames)),
      axisTick: { show: false },
      splitLine: { show: true },
      splitArea: {
        show: true,
        areaStyle: { color: dark ? ['rgba(0,0,0,0)', 'rgba(255,255,255,0.035)'] : ['rgba(0,0,0,0)', 'rgba(90,100,118,0.06)'] },
      },
      axisLabel: { width: 110, overflow: 'truncate' as const },
    },
    { type: 'value' as const, show: false, inverse: true, min: -0.5, max: Math.max(0.5, model.lanes.length - 0.5) },
  ]
}

export function visitsOption(input: VisitsChartInput): ChartOption {
  const { model, lang, dark, actorNames } = input
  const palette: Palette = {
    colors: STATUS_COLORS[dark ? 'dark' : 'light'],
    background: dark ? '#151a23' : '#ffffff',
    accent: dark ? '#9cc0ff' : '#0b57d0',
    dark,
  }
  const marks = placeMarks(model)
  const tooltips = new Map(model.dated.map((row) => [row.event.id, visitTooltip(row, lang, actorNames)]))
  const byStatus = statusSeries(marks, palette, lang)
  const spanName = translate(lang, 'visits.span')
  const count = translate(lang, 'visits.count', { n: model.dated.length + model.undated.length })
  return {
    aria: { enabled: true, label: { description: `${translate(lang, 'visits.title')}: ${count}` } },
    animation: false,
    legend: { type: 'scroll', top: 0, left: 0, right: 0, itemGap: 14, data: [...byStatus.map((series) => series.name), spanName] },
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
    xAxis: timeAxis(marks, lang),
    yAxis: laneAxes(input),
    series: [...spanSeries(marks, palette, spanName), ...byStatus, selectionSeries(marks, palette, input.selectedId)],
  }
}
