/**
 * A chart drawn before the legend, slider and tooltip were loaded gets them by a setOption (no second
 * chart): their data processors run through the stand-ins (src/charts/late-processors.ts).
 */
import { describe, expect, it } from 'vitest'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { interactionSteps, registerInteraction, withoutInteraction, type ChartOption } from '../../../src/charts/echarts.ts'

use([SVGRenderer])

const PUTIN = '#c81e1e'
const XI = '#1e8c3c'
const option: ChartOption = {
  animation: false,
  legend: {},
  tooltip: { trigger: 'axis' },
  dataZoom: [{ type: 'slider', start: 0, end: 100 }],
  xAxis: { type: 'category', data: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'] },
  yAxis: { type: 'value' },
  series: [
    { type: 'line', id: 'putin', name: 'Putin', data: [1, 2, 3, 4, 5], color: PUTIN },
    { type: 'line', id: 'xi', name: 'Xi', data: [5, 4, 3, 2, 1], color: XI, markPoint: { data: [{ name: 'Spitze', coord: ['2024-01', 5] }] } },
  ],
}

function drawnEarly() {
  // created and drawn before registerInteraction: its processors were fixed without the lazy components
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 480, height: 320 })
  chart.setOption(withoutInteraction(option))
  return chart
}

describe('components registered after a chart was created', () => {
  // both created and drawn before registerInteraction (the first test to run registers it)
  const forLegend = drawnEarly()
  const forSlider = drawnEarly()

  it('the legend hides the series it turns off', async () => {
    await registerInteraction()
    forLegend.setOption(Object.assign({}, ...interactionSteps(option)) as ChartOption)
    expect(forLegend.renderToSVGString()).toContain(XI)
    forLegend.dispatchAction({ type: 'legendUnSelect', name: 'Xi' })
    const svg = forLegend.renderToSVGString()
    expect(svg).toContain(PUTIN)
    expect(svg).not.toContain(XI)
    forLegend.dispose()
  })

  it('the slider windows the axis', async () => {
    await registerInteraction()
    forSlider.setOption(Object.assign({}, ...interactionSteps(option)) as ChartOption)
    forSlider.dispatchAction({ type: 'dataZoom', start: 50, end: 100 })
    const zoom = (forSlider.getOption() as { dataZoom: { startValue?: number; endValue?: number }[] }).dataZoom[0]
    expect(zoom?.startValue).toBe(2)
    expect(zoom?.endValue).toBe(4)
    forSlider.dispose()
  })
})

describe('interactionSteps', () => {
  it('gives legend, slider, then tooltip with each series mark points by id, and nothing the option lacks', () => {
    const steps = interactionSteps(option)
    expect(steps.map((step) => Object.keys(step).sort())).toEqual([['legend'], ['dataZoom'], ['series', 'tooltip']])
    expect(steps[2]?.series).toEqual([
      { type: 'line', id: 'putin' },
      { type: 'line', id: 'xi', markPoint: { data: [{ name: 'Spitze', coord: ['2024-01', 5] }] } },
    ])
    expect(interactionSteps({ series: [{ type: 'line', data: [1] }], dataZoom: [] })).toEqual([])
  })
})
