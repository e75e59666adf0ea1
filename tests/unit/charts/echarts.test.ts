/** The on-demand parts of the ECharts registration: what is held back from the first frame, and when. */
import { describe, expect, it } from 'vitest'
import { isInteractionRegistered, registerInteraction, registerSeriesOf, withoutInteraction, type ChartOption } from '../../../src/charts/echarts.ts'

const lineOption: ChartOption = {
  xAxis: { type: 'category', data: ['2024-01', '2024-02'] },
  yAxis: { type: 'value' },
  tooltip: { trigger: 'axis' },
  dataZoom: [{ type: 'slider', start: 0, end: 100 }],
  series: [{ type: 'line', data: [1, 2] }],
}

describe('withoutInteraction', () => {
  it('drops tooltip and dataZoom, keeps everything else, leaves the input alone', () => {
    const first = withoutInteraction(lineOption)
    expect(first.tooltip).toBeUndefined()
    expect(first.dataZoom).toBeUndefined()
    expect(first.series).toBe(lineOption.series)
    expect(first.xAxis).toBe(lineOption.xAxis)
    expect(lineOption.tooltip).toEqual({ trigger: 'axis' })
  })

  it('drops the legend and the mark points and lines of each series, keeping the series data', () => {
    const marked: ChartOption = {
      ...lineOption,
      legend: { show: true },
      series: [
        { type: 'line', data: [1, 2], markPoint: { data: [{ name: 'Spitze', coord: [0, 1] }] }, markLine: { data: [{ xAxis: 1 }] } },
        { type: 'scatter', data: [[0, 1]] },
      ],
    }
    const first = withoutInteraction(marked)
    expect(first.legend).toBeUndefined()
    const series = Array.isArray(first.series) ? first.series : []
    expect(series.map((one) => ['markPoint' in one, 'markLine' in one, one.data])).toEqual([
      [false, false, [1, 2]],
      [false, false, [[0, 1]]],
    ])
    expect(Array.isArray(marked.series) && marked.series[0] && 'markPoint' in marked.series[0]).toBe(true)
  })
})

describe('registerSeriesOf', () => {
  it('has nothing to load for line and scatter series', () => {
    expect(registerSeriesOf(lineOption)).toBeUndefined()
    expect(registerSeriesOf({ series: { type: 'scatter', data: [[1, 2]] } })).toBeUndefined()
  })

  it('loads the custom series once; afterwards there is nothing left to wait for', async () => {
    const custom: ChartOption = { series: [{ type: 'line', data: [] }, { type: 'custom', renderItem: () => null, data: [] }] }
    const loading = registerSeriesOf(custom)
    expect(loading).toBeInstanceOf(Promise)
    await loading
    expect(registerSeriesOf(custom)).toBeUndefined()
  })
})

describe('registerInteraction', () => {
  it('registers tooltip and slider once, sharing one load between callers', async () => {
    expect(isInteractionRegistered()).toBe(false)
    const a = registerInteraction()
    expect(registerInteraction()).toBe(a)
    await a
    expect(isInteractionRegistered()).toBe(true)
  })
})
