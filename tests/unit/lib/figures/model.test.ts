import { describe, expect, it } from 'vitest'
import type { Article, Figure } from '../../../../src/model/dataset.ts'
import { buildFiguresModel, findDisagreements, figureMatches, toUsd } from '../../../../src/lib/figures/model.ts'

function article(id: string, outlet: string | null, published: string | null, duplicateOf: string | null = null): Article {
  return {
    id,
    file: `${id}.txt`,
    title: `Titel ${id}`,
    outlet,
    url: null,
    published,
    publishedFrom: published === null ? null : 'meta',
    sentenceCount: 8,
    textShard: 'texts/0.json',
    duplicateOf,
  }
}

function figure(id: string, articleId: string, patch: Partial<Figure>): Figure {
  return {
    id,
    articleId,
    quote: 'Der Handel erreichte 200 Milliarden Dollar.',
    value: 200e9,
    currency: 'USD',
    year: 2023,
    kind: 'trade_volume',
    sentence: 3,
    surface: '200 Milliarden Dollar',
    ...patch,
  }
}

const ARTICLES = [
  article('a1', 'tagesschau.de', '2024-01-15'),
  article('a2', 'n-tv.de', '2024-02-01'),
  article('a3', 'zeit.de', '2024-02-01', 'a2'),
  article('a4', null, null),
]
const BY_ID = new Map(ARTICLES.map((a) => [a.id, a]))

describe('toUsd', () => {
  it('converts on the rate table and refuses unknown currencies', () => {
    expect(toUsd(100, 'USD')).toBe(100)
    expect(toUsd(100, 'EUR')).toBeCloseTo(108)
    expect(toUsd(100, 'XAU')).toBeNull()
  })
})

describe('figureMatches', () => {
  const f = figure('f1', 'a1', {})
  it('filters by the citing article outlet', () => {
    expect(figureMatches(f, { outlets: ['tagesschau.de'], from: null, to: null }, BY_ID)).toBe(true)
    expect(figureMatches(f, { outlets: ['n-tv.de'], from: null, to: null }, BY_ID)).toBe(false)
  })
  it('filters by the citing article date, dropping undated articles from a bounded range', () => {
    expect(figureMatches(f, { outlets: [], from: '2024-01-15', to: '2024-01-15' }, BY_ID)).toBe(true)
    expect(figureMatches(f, { outlets: [], from: '2024-01-16', to: null }, BY_ID)).toBe(false)
    expect(figureMatches(figure('f2', 'a4', {}), { outlets: [], from: null, to: null }, BY_ID)).toBe(true)
    expect(figureMatches(figure('f2', 'a4', {}), { outlets: [], from: '2020-01-01', to: null }, BY_ID)).toBe(false)
  })
})

describe('findDisagreements', () => {
  it('flags two sources whose volumes for one year differ by more than 5 %', () => {
    const figures = [figure('f1', 'a1', { value: 240e9 }), figure('f2', 'a2', { value: 200e9 })]
    const result = findDisagreements(figures, BY_ID)
    expect(result.get('f1')).toEqual(['f2'])
    expect(result.get('f2')).toEqual(['f1'])
  })
  it('tolerates rounding within 5 %', () => {
    const figures = [figure('f1', 'a1', { value: 240e9 }), figure('f2', 'a2', { value: 235e9 })]
    expect(findDisagreements(figures, BY_ID).size).toBe(0)
  })
  it('never compares a volume with a target, two currencies, or two years', () => {
    const figures = [
      figure('f1', 'a1', { value: 240e9 }),
      figure('f2', 'a2', { value: 100e9, kind: 'trade_target' }),
      figure('f3', 'a2', { value: 100e9, currency: 'EUR' }),
      figure('f4', 'a2', { value: 100e9, year: 2022 }),
    ]
    expect(findDisagreements(figures, BY_ID).size).toBe(0)
  })
  it('does not count one article, or a wire copy of it, as two sources', () => {
    const figures = [
      figure('f1', 'a2', { value: 12e9, quote: 'Die Exporte betrugen 12 Milliarden Dollar.' }),
      figure('f2', 'a2', { value: 24e9 }),
      figure('f3', 'a3', { value: 30e9 }),
    ]
    expect(findDisagreements(figures, BY_ID).size).toBe(0)
  })
  it('ignores contracts and other sums', () => {
    const figures = [figure('f1', 'a1', { kind: 'contract' }), figure('f2', 'a2', { kind: 'contract', value: 1e9 })]
    expect(findDisagreements(figures, BY_ID).size).toBe(0)
  })
})

describe('buildFiguresModel', () => {
  const figures = [
    figure('f1', 'a1', { value: 240e9 }),
    figure('f2', 'a2', { value: 100e9, currency: 'EUR', kind: 'trade_target', year: 2024 }),
    figure('f3', 'a2', { value: 5e9, currency: 'CNY', year: null, kind: 'contract' }),
    figure('f4', 'a4', { value: 1e6, currency: 'XAU', year: 2023, kind: 'other' }),
    figure('f5', 'a2', { value: 200e9 }),
  ]
  it('keeps currencies apart in native mode, with a panel per currency', () => {
    const model = buildFiguresModel(figures, ARTICLES, { outlets: [], from: null, to: null }, 'native')
    expect(model.currencies).toEqual(['USD', 'EUR', 'XAU'])
    expect(model.dated.map((r) => r.figure.id)).toEqual(['f4', 'f5', 'f1', 'f2'])
    expect(model.undated.map((r) => r.figure.id)).toEqual(['f3'])
    expect(model.disagreements).toBe(2)
  })
  it('converts to USD and lists what has no rate apart', () => {
    const model = buildFiguresModel(figures, ARTICLES, { outlets: [], from: null, to: null }, 'usd')
    expect(model.currencies).toEqual(['USD'])
    expect(model.unconverted.map((r) => r.figure.id)).toEqual(['f4'])
    expect(model.dated.find((r) => r.figure.id === 'f2')?.shownValue).toBeCloseTo(108e9)
    expect(model.undated[0]?.shownValue).toBeCloseTo(0.7e9)
  })
  it('keeps the disagreement judged in the native currency when converting', () => {
    const model = buildFiguresModel(figures, ARTICLES, { outlets: ['tagesschau.de'], from: null, to: null }, 'usd')
    expect(model.dated.map((r) => r.figure.id)).toEqual(['f1'])
    expect(model.disagreements).toBe(0)
  })
})

describe('kind and unknown-outlet filters', () => {
  const figures = [figure('f1', 'a1', {}), figure('f2', 'a4', { kind: 'trade_target' })]
  it('keeps only the chosen kinds', () => {
    const model = buildFiguresModel(figures, ARTICLES, { outlets: [], from: null, to: null, kind: ['trade_target'] }, 'native')
    expect(model.dated.map((r) => r.figure.id)).toEqual(['f2'])
  })
  it('matches "" against articles without a known outlet', () => {
    const model = buildFiguresModel(figures, ARTICLES, { outlets: [''], from: null, to: null }, 'native')
    expect(model.dated.map((r) => r.figure.id)).toEqual(['f2'])
  })
})
