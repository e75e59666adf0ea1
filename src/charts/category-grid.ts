/**
 * What the two category-grid charts (Zitate strip, Gemeinsam-genannt matrix) share: an aria description,
 * no animation, a tooltip per mark kept inside the chart, and category axes of names that truncate rather
 * than overlap. Pure.
 */
import type { ChartOption } from './echarts.ts'

type Frame = Pick<ChartOption, 'aria' | 'animation' | 'grid' | 'tooltip'>
type Grid = { left: number; right: number; top: number; bottom: number }

/** The frame: `tooltip` gets the hovered mark's value array ('' hides the tooltip). */
export function categoryGridFrame(description: string, grid: Grid, tooltip: (value: readonly unknown[]) => string): Frame {
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    grid: { ...grid, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const one = Array.isArray(params) ? params[0] : params
        const value = one?.value
        return Array.isArray(value) ? tooltip(value) : ''
      },
    },
  }
}

/** A category axis of names, one label per row, cut at `width` px with an ellipsis, no ticks. */
export function nameAxis(names: readonly string[], width: number) {
  return {
    type: 'category' as const,
    data: [...names],
    inverse: true,
    axisTick: { show: false },
    axisLabel: { interval: 0, width, overflow: 'truncate' as const },
  }
}
