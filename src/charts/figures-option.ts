/**
 * Option builder for the Trade-figures ledger: one panel per currency (or one USD panel when
 * converted), x = the year a figure refers to, y = its value, one scatter series per kind so
 * actual trade and targets are never joined, and a ring around figures whose sources disagree. Pure.
 */
import type { ChartOption } from './echarts.ts'
import type { FigureKind } from '../model/dataset.ts'
import { numberFormat } from '../lib/i18n.ts'
import {
  FIGURES_TEXT,
  FIGURE_KINDS,
  formatAmount,
  type FigureRow,
  type FiguresModel,
  type FxMode,
  type UiLang,
} from '../lib/figures.ts'

export interface FiguresChartInput {
  model: FiguresModel
  fx: FxMode
  lang: UiLang
  dark: boolean
  /** The figure selected in the URL (`sel=f.<id>`), ringed in the chart. */
  selectedId?: string | null
}

export const KIND_COLORS: Readonly<Record<'light' | 'dark', Record<FigureKind, string>>> = {
  light: { trade_volume: '#0b6aa8', trade_target: '#c47a00', contract: '#007a5a', other: '#6b6f76' },
  dark: { trade_volume: '#56b4e9', trade_target: '#f0b54a', contract: '#3cc49a', other: '#b3b8bf' },
}

export const KIND_SYMBOLS: Readonly<Record<FigureKind, string>> = {
  trade_volume: 'circle',
  trade_target: 'diamond',
  contract: 'rect',
  other: 'triangle',
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
export function figureTooltip(
  row: FigureRow,
  fx: FxMode,
  lang: UiLang,
  others: ReadonlyMap<string, FigureRow> = new Map(),
): string {
  const text = FIGURES_TEXT[lang]
  const { figure, article } = row
  const lines = [
    `${text.kind[figure.kind]} · ${figure.year ?? '–'}`,
    `${text.asWritten}: ${figure.surface || formatAmount(figure.value, figure.currency, lang)}`,
  ]
  if (fx === 'usd' && figure.currency !== 'USD' && row.shownValue !== null) {
    lines.push(`${text.converted}: ≈ ${formatAmount(row.shownValue, 'USD', lang)}`)
  }
  lines.push(
    `${article?.outlet ?? text.unknownOutlet} · ${article?.published ?? text.undatedArticle}`,
  )
  if (row.disagreesWith.length > 0) {
    lines.push(`⚠ ${text.disagreeWith(row.disagreesWith.length)}:`)
    for (const id of row.disagreesWith) {
      const other = others.get(id)
      if (other) {
        const outlet = other.article?.outlet ?? text.unknownOutlet
        lines.push(`   ${formatAmount(other.figure.value, other.figure.currency, lang)} (${outlet})`)
      }
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

export function figuresOption(input: FiguresChartInput): ChartOption {
  const { model, fx, lang, dark } = input
  const text = FIGURES_TEXT[lang]
  const colors = KIND_COLORS[dark ? 'dark' : 'light']
  const ring = dark ? '#ff6b6b' : '#c62828'
  const placed = placeFigures(model)
  const rowsById = new Map([...model.dated, ...model.undated, ...model.unconverted].map((row) => [row.figure.id, row]))
  const tooltips = new Map(model.dated.map((row) => [row.figure.id, figureTooltip(row, fx, lang, rowsById)]))
  const years = model.dated.map((row) => row.figure.year ?? 0)
  const minYear = years.length > 0 ? Math.min(...years) : new Date().getUTCFullYear()
  const maxYear = years.length > 0 ? Math.max(...years) : minYear
  const panels = Math.max(1, model.currencies.length)
  // Label every year when there are few, else every second or fifth, always on whole years.
  const span = maxYear - minYear
  const yearStep = span > 24 ? 5 : span > 12 ? 2 : 1
  const yearTicks = Array.from({ length: span + 1 }, (_, i) => minYear + i).filter((year) => year % yearStep === 0)
  const top = (i: number): number => HEADER + i * (PANEL_TITLE + PANEL_PLOT + PANEL_FOOT) + PANEL_TITLE
  const compact = numberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 })

  const panelIndexes = Array.from({ length: panels }, (_, i) => i)
  const kindSeries = panelIndexes.flatMap((panel) =>
    FIGURE_KINDS.map((kind) => ({
      type: 'scatter' as const,
      name: text.kind[kind],
      xAxisIndex: panel,
      yAxisIndex: panel,
      symbol: KIND_SYMBOLS[kind],
      symbolSize: 13,
      itemStyle: { color: colors[kind], borderColor: dark ? '#151a23' : '#ffffff', borderWidth: 1, opacity: 1 },
      emphasis: { scale: 1.4 },
      z: 3,
      data: placed
        .filter((mark) => mark.panel === panel && mark.row.figure.kind === kind)
        .map((mark) => ({ name: mark.row.figure.id, value: [mark.x, mark.row.shownValue ?? 0] })),
    })),
  )
  const ringSeries = panelIndexes.map((panel) => ({
    type: 'scatter' as const,
    name: text.disagree,
    xAxisIndex: panel,
    yAxisIndex: panel,
    symbol: 'emptyCircle',
    symbolSize: 26,
    itemStyle: { color: ring, borderColor: ring, borderWidth: 2 },
    z: 2,
    data: placed
      .filter((mark) => mark.panel === panel && mark.row.disagreesWith.length > 0)
      .map((mark) => ({ name: mark.row.figure.id, value: [mark.x, mark.row.shownValue ?? 0] })),
  }))
  const accent = dark ? '#9cc0ff' : '#0b57d0'
  const selectionSeries = panelIndexes.map((panel) => ({
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
    data: placed
      .filter((mark) => mark.panel === panel && mark.row.figure.id === input.selectedId)
      .map((mark) => ({ name: mark.row.figure.id, value: [mark.x, mark.row.shownValue ?? 0] })),
  }))
  const usedKinds = FIGURE_KINDS.filter((kind) => model.dated.some((row) => row.figure.kind === kind))

  return {
    aria: { enabled: true, label: { description: `${text.title}: ${text.count(model.dated.length)}` } },
    animation: false,
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemGap: 14,
      data: [...usedKinds.map((kind) => text.kind[kind]), ...(model.disagreements > 0 ? [text.disagree] : [])],
    },
    grid: panelIndexes.map((panel) => ({ left: 8, right: 16, top: top(panel), height: PANEL_PLOT })),
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (params) => {
        const name = Array.isArray(params) ? params[0]?.name : params.name
        return (name !== undefined && tooltips.get(name)) || ''
      },
    },
    xAxis: panelIndexes.map((panel) => ({
      type: 'value' as const,
      gridIndex: panel,
      min: minYear - 0.5,
      max: maxYear + 0.5,
      name: text.yearAxis,
      nameLocation: 'middle' as const,
      nameGap: 26,
      splitLine: { show: false },
      axisTick: { customValues: yearTicks },
      axisLabel: { customValues: yearTicks, margin: 14, formatter: (value: number) => String(value) },
    })),
    yAxis: panelIndexes.map((panel) => ({
      type: 'value' as const,
      gridIndex: panel,
      min: 0,
      name: text.panel(model.currencies[panel] ?? 'USD'),
      nameTextStyle: { align: 'left' as const, fontWeight: 'bold' as const, fontSize: 13 },
      nameGap: 12,
      axisLabel: { formatter: (value: number) => compact.format(value) },
      splitLine: { lineStyle: { type: 'dashed' as const, opacity: 0.6 } },
    })),
    series: [...ringSeries, ...kindSeries, ...selectionSeries],
  }
}
