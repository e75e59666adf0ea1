import { describe, expect, it } from 'vitest'
import type { Article, Figure } from '../../../src/model/dataset.ts'
import { buildFiguresModel } from '../../../src/lib/figures/model.ts'
import { figureTooltip, figuresChartHeight, figuresOption, placeFigures } from '../../../src/charts/figures-option.ts'

const ARTICLES: Article[] = ['a1', 'a2'].map((id, i) => ({
  id,
  file: `${id}.txt`,
  title: `Titel ${id}`,
  outlet: i === 0 ? 'tagesschau.de' : 'n-tv.de',
  url: null,
  published: '2024-01-10',
  publishedFrom: 'meta',
  sentenceCount: 5,
  textShard: 'texts/0.json',
  duplicateOf: null,
}))

function figure(id: string, articleId: string, patch: Partial<Figure>): Figure {
  return {
    id,
    articleId,
    quote: 'Der Handel erreichte 240 Milliarden Dollar.',
    value: 240e9,
    currency: 'USD',
    year: 2023,
    kind: 'trade_volume',
    sentence: 2,
    surface: '240 Milliarden Dollar',
    ...patch,
  }
}

const FIGURES = [
  figure('f1', 'a1', {}),
  figure('f2', 'a2', { value: 200e9, surface: '200 Milliarden Dollar' }),
  figure('f3', 'a2', { value: 200e9, kind: 'trade_target', year: 2024 }),
  figure('f4', 'a1', { value: 50e9, currency: 'EUR', kind: 'contract', surface: '50 Milliarden Euro' }),
  figure('f5', 'a1', { year: null, kind: 'other' }),
]
const ALL = { outlets: [], from: null, to: null }

type SeriesList = { type?: string; name?: string; xAxisIndex?: number; data?: { name: string; value: number[] }[] }[]
const seriesOf = (option: ReturnType<typeof figuresOption>): SeriesList =>
  (Array.isArray(option.series) ? option.series : []) as SeriesList

describe('figuresOption', () => {
  it('gives each currency its own panel in native mode', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'native')
    const option = figuresOption({ model, fx: 'native', lang: 'de', dark: false })
    expect((option.grid as unknown[]).length).toBe(2)
    expect((option.yAxis as { name: string }[]).map((axis) => axis.name)).toEqual(['Beträge in USD', 'Beträge in EUR'])
    const xAxis = (option.xAxis as { axisLabel: { customValues: number[] } }[])[0]
    expect(xAxis?.axisLabel.customValues).toEqual([2023, 2024])
    const contract = seriesOf(option).find((s) => s.name === 'Vertrag' && s.xAxisIndex === 1)
    expect(contract?.data?.map((d) => d.name)).toEqual(['f4'])
  })
  it('never puts actual trade and targets in one series', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'native')
    const series = seriesOf(figuresOption({ model, fx: 'native', lang: 'de', dark: false }))
    const volume = series.find((s) => s.name === 'Handelsvolumen (tatsächlich)' && s.xAxisIndex === 0)
    const target = series.find((s) => s.name === 'Ziel/Prognose' && s.xAxisIndex === 0)
    expect(volume?.data?.map((d) => d.name).sort()).toEqual(['f1', 'f2'])
    expect(target?.data?.map((d) => d.name)).toEqual(['f3'])
    expect(series.every((s) => s.type === 'scatter')).toBe(true)
  })
  it('rings the figures whose sources disagree', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'native')
    const option = figuresOption({ model, fx: 'native', lang: 'de', dark: false })
    const rings = seriesOf(option).filter((s) => s.name === 'Quellen widersprechen sich')
    expect(rings.flatMap((s) => s.data ?? []).map((d) => d.name).sort()).toEqual(['f1', 'f2'])
    expect((option.legend as { data: string[] }).data).toContain('Quellen widersprechen sich')
  })
  it('uses one USD panel when converting, with converted values', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'usd')
    const option = figuresOption({ model, fx: 'usd', lang: 'en', dark: true })
    expect((option.grid as unknown[]).length).toBe(1)
    const contract = seriesOf(option).find((s) => s.name === 'Contract')
    expect(contract?.data?.[0]?.value[1]).toBeCloseTo(54e9)
  })
  it('rings the selected figure in its currency panel', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'native')
    const option = figuresOption({ model, fx: 'native', lang: 'de', dark: false, selectedId: 'f4' })
    const rings = seriesOf(option).filter((s) => s.name === 'selection')
    expect(rings.map((s) => (s.data ?? []).map((d) => d.name))).toEqual([[], ['f4']])
  })
  it('grows taller with each panel', () => {
    expect(figuresChartHeight(2)).toBeGreaterThan(figuresChartHeight(1))
  })
})

describe('placeFigures', () => {
  it('puts kinds of one year side by side, never on the same x', () => {
    const model = buildFiguresModel(
      [figure('f1', 'a1', {}), figure('f2', 'a1', { kind: 'trade_target' })],
      ARTICLES,
      ALL,
      'native',
    )
    const xs = placeFigures(model).map((p) => p.x)
    expect(xs[0]).not.toBe(xs[1])
    expect(xs.every((x) => Math.abs(x - 2023) < 0.5)).toBe(true)
  })
})

describe('figureTooltip', () => {
  it('names the values and outlets of the sources a figure disagrees with', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'native')
    const byId = new Map(model.dated.map((r) => [r.figure.id, r]))
    const row = byId.get('f1')
    if (!row) throw new Error('missing row')
    const tip = figureTooltip(row, 'native', 'de', byId)
    expect(tip).toContain('weicht von 1 anderer Quelle ab:')
    expect(tip).toMatch(/200\sMrd\. USD \(n-tv\.de\)/)
  })
  it('gives the amount as written, the conversion, outlet and date', () => {
    const model = buildFiguresModel(FIGURES, ARTICLES, ALL, 'usd')
    const row = model.dated.find((r) => r.figure.id === 'f4')
    if (!row) throw new Error('missing row')
    const tip = figureTooltip(row, 'usd', 'de')
    expect(tip).toContain('Vertrag · 2023')
    expect(tip).toContain('im Text: 50 Milliarden Euro')
    expect(tip).toMatch(/umgerechnet: ≈ 54\sMrd\. USD/)
    expect(tip).toContain('tagesschau.de · 2024-01-10')
  })
})
