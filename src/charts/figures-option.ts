/**
 * Option builder for the Trade-figures ledger: one panel per currency (or one USD panel when
 * converted), x = the year a figure refers to, y = its value, one scatter series per kind so
 * actual trade and targets are never joined, and a ring around figures whose sources disagree. Pure.
 */
import type { ChartOption } from './echarts.ts'
import { KIND_COLORS, KIND_SYMBOLS } from './marks.ts'
import { formatAmount } from '../i18n/format.ts'
import { numberFormat } from '../i18n/intl.ts'
import { localeOf, type Lang } from '../i18n/lang.ts'
import { translate } from '../i18n/translate.ts'
import type { Fx } from '../lib/filters.ts'
import type { FigureRow, FiguresModel } from '../lib/figures/model.ts'
import { FIGURE_KINDS, type FigureKind } from '../model/dataset.ts'

export interface FiguresChartInput {
  model: FiguresModel
  fx: Fx
  lang: Lang
  dark: boolean
  /** The figure selected in the URL (`sel=f.<id>`), ringed in the chart. */
  selectedId?: string | null
}

/** Where in its year column each kind sits, so kinds never share a vertical line. */
const KIND_OFFSET: Readonly<Record<FigureKind, number>> = {
  trade_volume: -0.21,
  trade_target: -0.07,
  contract: 0.07,
  other: 0.21,
}

const HEADER = 44
const PANEL_TITLE = 26
const PANEL_PLOT = 190
const PANEL_FOOT = 52

/** Pixel height the chart needs for its panels. */
export function figuresChartHeight(panels: number): number {
  return HEADER + Math.max(1, panels) * (PANEL_TITLE + PANEL_PLOT + PANEL_FOOT)
}

function plain(text: string): string {
  return text.replace(/[{}|]/g, ' ')
}

/** The tooltip of one figure as plain text lines. */
export function figureTooltip(row: FigureRow, fx: Fx, lang: Lang, others: ReadonlyMap<string, FigureRow> = new Map()): string {
  const { figure, article } = row
  const unknownOutlet = translate(lang, 'source.unknownOutlet')
  const lines = [
    `${translate(lang, `figures.kind.${figure.kind}`)} · ${figure.year ?? '–'}`,
    `${translate(lang, 'figures.asWritten')}: ${figure.surface || formatAmount(figure.value, figure.currency, lang)}`,
  ]
  if (fx === 'usd' && figure.currency !== 'USD' && row.shownValue !== null) {
    lines.push(`${translate(lang, 'figures.converted')}: ≈ ${formatAmount(row.shownValue, 'USD', lang)}`)
  }
  lines.push(`${article?.outlet ?? unknownOutlet} · ${article?.published ?? translate(lang, 'common.undated')}`)
  if (row.disagreesWith.length > 0) {
    lines.push(`⚠ ${translate(lang, 'figures.disagreeWith', { n: row.disagreesWith.length })}:`)
    for (const id of row.disagreesWith) {
      const other = others.get(id)
      if (other) lines.push(`   ${formatAmount(other.figure.value, other.figure.currency, lang)} (${other.article?.outlet ?? unknownOutlet})`)
    }
  }
  return plain(lines.join('\n'))
}

interface PlacedFigure {
  row: FigureRow
  panel: number
  x: number
}

/** Places each figure at its year, shifted by kind, fanning out same-kind figures of one year. */
export function placeFigures(model: FiguresModel): PlacedFigure[] {
  const seen = new Map<string, number>()
  return model.dated.map((row) => {
    const panel = Math.max(0, model.currencies.indexOf(row.shownCurrency))
    const year = row.figure.year ?? 0
    const key = `${panel}|${year}|${row.figure.kind}`
    const k = seen.get(key) ?? 0
    seen.set(key, k + 1)
    const fan = Math.ceil(k / 2) * 0.03 * (k % 2 === 1 ? 1 : -1)
    return { row, panel, x: year + KIND_OFFSET[row.figure.kind] + fan }
  })
}

const point = (mark: PlacedFigure) => ({ name: mark.row.figure.id, value: [mark.x, mark.row.shownValue ?? 0] })

/** Per panel: one series per kind, the rings of disagreeing figures, the ring of the selected one. */
function panelSeries(placed: readonly PlacedFigure[], panels: readonly number[], input: FiguresChartInput) {
  const { lang, dark } = input
  const colors = KIND_COLORS[dark ? 'dark' : 'light']
  const ring = dark ? '#ff6b6b' : '#c62828'
  const accent = dark ? '#9cc0ff' : '#0b57d0'
  const kinds = panels.flatMap((panel) =>
    FIGURE_KINDS.map((kind) => ({
      type: 'scatter' as const,
      name: translate(lang, `figures.kind.${kind}`),
      xAxisIndex: panel,
      yAxisIndex: panel,
      symbol: KIND_SYMBOLS[kind],
      symbolSize: 13,
      itemStyle: { color: colors[kind], borderColor: dark ? '#151a23' : '#ffffff', borderWidth: 1, opacity: 1 },
      emphasis: { scale: 1.4 },
      z: 3,
      data: placed.filter((mark) => mark.panel === panel && mark.row.figure.kind === kind).map(point),
    })),
  )
  const rings = panels.map((panel) => ({
    type: 'scatter' as const,
    name: translate(lang, 'figures.disagree'),
    xAxisIndex: panel,
    yAxisIndex: panel,
    symbol: 'emptyCircle',
    symbolSize: 26,
    itemStyle: { color: ring, borderColor: ring, borderWidth: 2 },
    z: 2,
    data: placed.filter((mark) => mark.panel === panel && mark.row.disagreesWith.length > 0).map(point),
  }))
  const selection = panels.map((panel) => ({
    type: 'scatter' as const,
    name: 'selection',
    xAxisIndex: panel,
    yAxisIndex: panel,
    silent: true,
    tooltip: { show: false },
    symbol: 'circle',
    symbolSize: 34,
    itemStyle: { color: 'transparent', borderColor: accent, borderWidth: 3, opacity: 1 },
    z: 5,
    data: placed.filter((mark) => mark.panel === panel && mark.row.figure.id === input.selectedId).map(point),
  }))
  return [...rings, ...kinds, ...selection]
}

/** Per panel: the year axis (whole years, every second or fifth when there are many) and the value axis. */
function panelAxes(model: FiguresModel, panels: readonly number[], lang: Lang) {
  const years = model.dated.map((row) => row.figure.year ?? 0)
  const minYear = years.length > 0 ? Math.min(...years) : new Date().getUTCFullYear()
  const maxYear = years.length > 0 ? Math.max(...years) : minYear
  const span = maxYear - minYear
  const yearStep = span > 24 ? 5 : span > 12 ? 2 : 1
  const yearTicks = Array.from({ length: span + 1 }, (_, i) => minYear + i).filter((year) => year % yearStep === 0)
  const compact = numberFormat(localeOf(lang), { notation: 'compact', maximumFractionDigits: 1 })
  const xAxis = panels.map((panel) => ({
    type: 'value' as const,
    gridIndex: panel,
    min: minYear - 0.5,
    max: maxYear + 0.5,
    name: translate(lang, 'figures.yearAxis'),
    nameLocation: 'middle' as const,
    nameGap: 26,
    splitLine: { show: false },
    axisTick: { customValues: yearTicks },
    axisLabel: { customValues: yearTicks, margin: 14, formatter: (value: number) => String(value) },
  }))
  const yAxis = panels.map((panel) => ({
    type: 'value' as const,
    gridIndex: panel,
    min: 0,
    name: translate(lang, 'figures.panel', { currency: model.currencies[panel] ?? 'USD' }),
    nameTextStyle: { align: 'left' as const, fontWeight: 'bold' as const, fontSize: 13 },
    nameGap: 12,
    axisLabel: { formatter: (value: number) => compact.format(value) },
    splitLine: { lineStyle: { type: 'dashed' as const, opacity: 0.6 } },
  }))
  return { xAxis, yAxis }
}

export function figuresOption(input: FiguresChartInput): ChartOption {
  const { model, fx, lang } = input
  const placed = placeFigures(model)
  const rowsById = new Map([...model.dated, ...model.undated, ...model.unconverted].map((row) => [row.figure.id, row]))
  const tooltips = new Map(model.dated.map((row) => [row.figure.id, figureTooltip(row, fx, lang, rowsById)]))
  const panels = Array.from({ length: Math.max(1, model.currencies.length) }, (_, i) => i)
  const top = (i: number): number => HEADER + i * (PANEL_TITLE + PANEL_PLOT + PANEL_FOOT) + PANEL_TITLE
  const usedKinds = FIGURE_KINDS.filter((kind) => model.dated.some((row) => row.figure.kind === kind))
  const { xAxis, yAxis } = panelAxes(model, panels, lang)
  return {
    aria: { enabled: true, label: { description: `${translate(lang, 'figures.title')}: ${translate(lang, 'figures.count', { n: model.dated.length })}` } },
    animation: false,
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemGap: 14,
      data: [...usedKinds.map((kind) => translate(lang, `figures.kind.${kind}`)), ...(model.disagreements > 0 ? [translate(lang, 'figures.disagree')] : [])],
    },
    grid: panels.map((panel) => ({ left: 8, right: 16, top: top(panel), height: PANEL_PLOT })),
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (params) => {
        const name = Array.isArray(params) ? params[0]?.name : params.name
        return (name !== undefined && tooltips.get(name)) || ''
      },
    },
    xAxis,
    yAxis,
    series: panelSeries(placed, panels, input),
  }
}
