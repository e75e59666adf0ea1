/**
 * Option builder for the co-mention matrix: actors on both axes (the same order, the most named first),
 * each cell coloured by the articles naming both, its count written in it where it fits. The diagonal is
 * left blank (an actor with itself says nothing). Cells carry their own colour, so no visualMap. Pure.
 */
import { categoryGridFrame, nameAxis } from './category-grid.ts'
import { cellColor, RAMP } from './cell-color.ts'
import type { ChartOption } from './echarts.ts'
import type { ComentionModel } from '../lib/comentions/matrix.ts'

// the ramp is shared with the visits density, which loads without this builder
export { cellColor }

export interface ComentionsLabels {
  cell: (first: string, second: string, n: number) => string
  value: (n: number) => string
  description: string
}

export interface ComentionsChartInput {
  model: ComentionModel
  names: ReadonlyMap<string, string>
  labels: ComentionsLabels
  selected?: { first: string; second: string }
  compact: boolean
  dark: boolean
}

/** Pixel height for k actors (square cells on a wide screen). */
export function comentionsChartHeight(actors: number, compact: boolean): number {
  return Math.max(260, Math.max(1, actors) * (compact ? 26 : 40) + (compact ? 110 : 130))
}

export function comentionsOption(input: ComentionsChartInput): ChartOption {
  const { model, names, labels, compact, dark } = input
  const ramp = RAMP[dark ? 'dark' : 'light']
  const axisNames = model.actorIds.map((id) => names.get(id) ?? id)
  const sel = input.selected
  const at = (id: string): number => model.actorIds.indexOf(id)
  const isSelected = (x: number, y: number): boolean =>
    sel !== undefined && ((at(sel.first) === y && at(sel.second) === x) || (at(sel.first) === x && at(sel.second) === y))
  const highlight = dark ? '#ffd36b' : '#c2410c'
  const data: { value: [number, number, number]; itemStyle: { color: string; borderColor?: string; borderWidth?: number }; label: { color: string; show: boolean } }[] = []
  model.actorIds.forEach((_, y) => {
    model.actorIds.forEach((__, x) => {
      const n = x === y ? 0 : (model.counts[y]?.[x] ?? 0)
      const strong = model.max > 0 && Math.sqrt(n / model.max) > 0.55
      data.push({
        value: [x, y, n],
        itemStyle: {
          color: x === y ? ramp.empty : cellColor(n, model.max, dark),
          ...(isSelected(x, y) ? { borderColor: highlight, borderWidth: 3 } : {}),
        },
        label: { color: ramp.text[strong ? 1 : 0], show: x !== y && n > 0 && !compact },
      })
    })
  })
  const top = nameAxis(axisNames, compact ? 80 : 120)
  return {
    ...categoryGridFrame(labels.description, { left: 8, right: 16, top: 8, bottom: 8 }, (value) =>
      value[0] === value[1] ? '' : labels.cell(axisNames[Number(value[1])] ?? '', axisNames[Number(value[0])] ?? '', Number(value[2])),
    ),
    xAxis: { ...top, inverse: false, position: 'top', axisLine: { show: false }, axisLabel: { ...top.axisLabel, rotate: compact ? 60 : 50 }, splitLine: { show: false } },
    yAxis: { ...nameAxis(axisNames, compact ? 100 : 150), axisLine: { show: false }, splitLine: { show: false } },
    series: [
      {
        type: 'heatmap',
        name: labels.description,
        data,
        label: { show: !compact, formatter: (params) => (Array.isArray(params.value) && Number(params.value[2]) > 0 ? labels.value(Number(params.value[2])) : '') },
        itemStyle: { borderColor: ramp.line, borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: dark ? '#9cc0ff' : '#0b57d0', borderWidth: 2 } },
      },
    ],
  }
}
