/**
 * Option builder for the Visits timeline when too many visits pass the filters to draw each: one row per
 * lane, one column per month, each cell coloured by the visits and calls (lifecycles) in it — a binned
 * density. A cell's name is "<lane>|<month>", which the view turns into a selection that opens its reports.
 * Pure.
 */
import type { ChartOption } from './echarts.ts'
import { cellColor } from './cell-color.ts'
import { laneLabel } from './visits-option.ts'
import { formatPeriod } from '../i18n/format.ts'
import type { Lang } from '../i18n/lang.ts'
import type { ActorNames } from '../i18n/names.ts'
import { translate } from '../i18n/translate.ts'
import type { Lane } from '../lib/filters.ts'
import type { VisitsDensity } from '../lib/visits/density.ts'

export interface DensityChartInput {
  density: VisitsDensity
  mode: Lane
  lang: Lang
  dark: boolean
  actorNames: ActorNames
  /** The selected cell ("<lane>|<month>"), outlined. */
  selected?: string | null
}

/** The name a density cell carries: lane and month. */
export function binName(lane: string, month: string): string {
  return `${lane}|${month}`
}

export function visitsDensityOption(input: DensityChartInput): ChartOption {
  const { density, mode, lang, dark, actorNames } = input
  const max = Math.max(0, ...density.bins.map((bin) => bin.lifecycles))
  const monthIndex = new Map(density.months.map((month, i) => [month, i]))
  const laneIndex = new Map(density.lanes.map((lane, i) => [lane, i]))
  const highlight = dark ? '#ffd36b' : '#c2410c'
  const lanes = density.lanes.map((lane) => laneLabel(lane, mode, lang, actorNames))
  const tooltips = new Map<string, string>()
  const data = density.bins.map((bin) => {
    const name = binName(bin.lane, bin.month)
    const count = translate(lang, 'visits.count', { n: bin.lifecycles })
    tooltips.set(name, `${formatPeriod(lang, bin.month)} · ${laneLabel(bin.lane, mode, lang, actorNames)}: ${count}\n${translate(lang, 'visits.density.open')}`)
    const selected = name === input.selected
    return {
      name,
      value: [monthIndex.get(bin.month) ?? 0, laneIndex.get(bin.lane) ?? 0, bin.lifecycles],
      itemStyle: { color: cellColor(bin.lifecycles, max, dark), borderColor: selected ? highlight : dark ? '#151a23' : '#ffffff', borderWidth: selected ? 3 : 1 },
    }
  })
  const description = `${translate(lang, 'visits.title')}: ${translate(lang, 'visits.density.description', { count: translate(lang, 'visits.count', { n: density.dated }), months: density.months.length })}`
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    grid: [{ top: 16, left: 8, right: 20, bottom: 8, containLabel: true }],
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
      type: 'category',
      data: density.months.map((month) => formatPeriod(lang, month)),
      axisLabel: { hideOverlap: true },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: lanes,
      axisTick: { show: false },
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [{ type: 'heatmap', name: translate(lang, 'visits.density.series'), data, emphasis: { itemStyle: { borderColor: highlight, borderWidth: 2 } }, progressive: 0 }],
  }
}
