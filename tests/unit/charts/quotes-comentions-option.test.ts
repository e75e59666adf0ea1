/** The Quotes strip chart and the co-mention matrix: what their option builders draw. */
import { describe, expect, it } from 'vitest'
import { cellColor, comentionsChartHeight, comentionsOption } from '../../../src/charts/comentions-option.ts'
import { dotSize, quotesChartHeight, quotesOption } from '../../../src/charts/quotes-option.ts'
import type { ComentionModel } from '../../../src/lib/comentions/matrix.ts'
import type { QuotesModel } from '../../../src/lib/quotes/model.ts'

const quotes: QuotesModel = {
  rows: [],
  speakers: [],
  drawn: ['putin', 'xi'],
  periods: ['2023-02', '2023-03', '2023-04'],
  cells: [
    { speaker: 'putin', period: '2023-02', quotes: 4 },
    { speaker: 'xi', period: '2023-04', quotes: 1 },
  ],
  unplaced: 0,
  foldedCopies: 0,
}
const labels = { period: (p: string) => p, tooltip: (s: string, p: string, n: number) => `${s} ${p} ${n}`, description: 'Zitate' }

describe('quotesOption', () => {
  it('draws one series per speaker (top row first), dots at period × row, the selected one ringed', () => {
    const option = quotesOption({ model: quotes, names: new Map([['putin', 'Wladimir Putin']]), colors: new Map(), labels, compact: false, dark: false, selected: { speaker: 'xi', period: '2023-04' } })
    const series = option.series as { name: string; data: { value: number[] }[] }[]
    expect(series.map((s) => s.name)).toEqual(['Wladimir Putin', 'xi', 'selection'])
    expect(series[0]?.data.map((d) => d.value)).toEqual([[0, 0, 4]])
    expect(series[1]?.data.map((d) => d.value)).toEqual([[2, 1, 1]])
    expect(series[2]?.data.map((d) => d.value)).toEqual([[2, 1, 1]])
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['Wladimir Putin', 'xi'])
    expect(quotesChartHeight(2)).toBeGreaterThan(quotesChartHeight(1))
  })

  it('grows a dot’s area with its count', () => {
    expect(dotSize(4, 4, false)).toBe(32)
    expect(dotSize(1, 4, false)).toBe(8 + 24 * 0.5)
    expect(dotSize(0, 0, true)).toBe(6)
  })
})

describe('comentionsOption', () => {
  const model: ComentionModel = {
    actorIds: ['putin', 'china'],
    counts: [
      [0, 3],
      [3, 0],
    ],
    max: 3,
    focus: 'putin',
    companions: [],
  }
  it('draws k × k cells, the diagonal blank and unlabelled, the selected pair outlined both ways', () => {
    const option = comentionsOption({ model, names: new Map(), labels: { cell: () => '', value: String, description: 'Matrix' }, compact: false, dark: false, selected: { first: 'china', second: 'putin' } })
    const [heatmap] = option.series as { data: { value: number[]; label: { show: boolean }; itemStyle: { borderWidth?: number } }[] }[]
    expect(heatmap?.data.map((d) => d.value)).toEqual([
      [0, 0, 0],
      [1, 0, 3],
      [0, 1, 3],
      [1, 1, 0],
    ])
    expect(heatmap?.data.map((d) => d.label.show)).toEqual([false, true, true, false])
    expect(heatmap?.data.map((d) => d.itemStyle.borderWidth ?? 0)).toEqual([0, 3, 3, 0])
  })

  it('darkens with the count on the light ramp and keeps a minimum height', () => {
    const channel = (color: string): number => Number(/rgb\((\d+)/.exec(color)?.[1])
    expect(channel(cellColor(3, 3, false))).toBeLessThan(channel(cellColor(1, 3, false)))
    expect(comentionsChartHeight(1, true)).toBe(260)
  })
})
