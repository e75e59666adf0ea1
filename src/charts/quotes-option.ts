/**
 * Option builder for the Quotes chart: a strip per speaker (rows, most quoted on top), time on the x axis,
 * one dot per speaker and period whose area grows with the number of quotes. One scatter series per
 * speaker, so each keeps its actor colour and a screen reader hears its name. Pure.
 */
import { categoryGridFrame, nameAxis } from './category-grid.ts'
import type { ChartOption } from './echarts.ts'
import type { QuotesModel } from '../lib/quotes/model.ts'

export interface QuotesLabels {
  period: (period: string) => string
  tooltip: (speaker: string, period: string, n: number) => string
  /** What the aria description says first (title and count). */
  description: string
}

export interface QuotesChartInput {
  model: QuotesModel
  /** Speaker id → the name drawn. */
  names: ReadonlyMap<string, string>
  colors: ReadonlyMap<string, string>
  labels: QuotesLabels
  selected?: { speaker: string | null; period: string }
  /** Phones: fewer axis labels, smaller dots. */
  compact: boolean
  dark: boolean
}

const ROW = 44
const CHROME = 60

/** Pixel height the chart needs for its rows. */
export function quotesChartHeight(rows: number): number {
  return CHROME + Math.max(1, rows) * ROW
}

/** The dot's diameter: its area grows with the count, the largest at `max`. */
export function dotSize(n: number, max: number, compact: boolean): number {
  const [least, most] = compact ? [6, 22] : [8, 32]
  return max <= 0 ? least : least + (most - least) * Math.sqrt(n / max)
}

export function quotesOption(input: QuotesChartInput): ChartOption {
  const { model, names, colors, labels, compact, dark } = input
  const periodIndex = new Map(model.periods.map((period, i) => [period, i]))
  const max = Math.max(0, ...model.cells.map((cell) => cell.quotes))
  const name = (id: string): string => names.get(id) ?? id
  const series = model.drawn.map((speaker, row) => ({
    type: 'scatter' as const,
    name: name(speaker),
    symbolSize: (value: number[]) => dotSize(value[2] ?? 0, max, compact),
    itemStyle: { color: colors.get(speaker) ?? '#2f6fdf', opacity: 0.85, borderColor: dark ? '#151a23' : '#ffffff', borderWidth: 1 },
    emphasis: { scale: 1.15 },
    data: model.cells
      .filter((cell) => cell.speaker === speaker && periodIndex.has(cell.period))
      .map((cell) => ({ name: cell.period, value: [periodIndex.get(cell.period) ?? 0, row, cell.quotes] })),
  }))
  const selected = input.selected
  const selectedRow = selected && selected.speaker !== null ? model.drawn.indexOf(selected.speaker) : -1
  const selectedCell = selected ? model.cells.find((cell) => cell.speaker === selected.speaker && cell.period === selected.period) : undefined
  const ring = {
    type: 'scatter' as const,
    name: 'selection',
    silent: true,
    tooltip: { show: false },
    symbolSize: (value: number[]) => dotSize(value[2] ?? 0, max, compact) + 10,
    itemStyle: { color: 'transparent', borderColor: dark ? '#9cc0ff' : '#0b57d0', borderWidth: 3, opacity: 1 },
    z: 5,
    data: selectedCell && selectedRow >= 0 ? [{ value: [periodIndex.get(selectedCell.period) ?? 0, selectedRow, selectedCell.quotes] }] : [],
  }
  const every = Math.max(1, Math.ceil(model.periods.length / (compact ? 4 : 12)))
  return {
    ...categoryGridFrame(labels.description, { left: 8, right: 24, top: 12, bottom: 40 }, (value) => {
      const speaker = model.drawn[Number(value[1])]
      const period = model.periods[Number(value[0])]
      return speaker && period ? labels.tooltip(name(speaker), labels.period(period), Number(value[2])) : ''
    }),
    xAxis: {
      type: 'category',
      data: model.periods,
      boundaryGap: true,
      axisLabel: { interval: every - 1, formatter: (value: string) => labels.period(value), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { ...nameAxis(model.drawn.map(name), compact ? 110 : 160), splitLine: { show: true, lineStyle: { type: 'dashed', opacity: 0.5 } } },
    series: [...series, ring],
  }
}
