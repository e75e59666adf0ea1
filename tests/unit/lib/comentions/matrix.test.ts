/** The co-mention matrix and companion ranking from the layout's cells, against the per-article count. */
import { describe, expect, it } from 'vitest'
import type { Dataset } from '../../../../src/model/dataset.ts'
import { layoutFromDataset } from '../../../../pipeline/io/layout-build.ts'
import { comentionsCsv } from '../../../../src/lib/comentions/export.ts'
import { buildComentions, cutsMonths, pairMonths, wholeMonths } from '../../../../src/lib/comentions/matrix.ts'
import { comentionTable } from '../../../../src/lib/comentions/table.ts'
import { parseComentionsFile } from '../../../../src/model/layout.ts'
import { dedupeWireCopies } from '../../../../src/lib/mentions/records.ts'
import { filterArticles } from '../../../../src/lib/select.ts'
import type { Filters } from '../../../../src/lib/filters.ts'
import { randomDataset } from '../../pipeline/io/random-dataset.ts'
import { makeDataset } from '../dataset-fixture.ts'

function cellsOf(dataset: Dataset) {
  const layout = layoutFromDataset(dataset)
  const file = parseComentionsFile(layout.files.get('dataset.comentions.json'))
  if (!file.ok) throw new Error(file.error)
  return { index: layout.index, table: comentionTable(file.value) }
}

/** Stories naming both, from the records: the outlet and whole-month filters on articles, wire copies once. */
function perArticle(dataset: Dataset, filters: Pick<Filters, 'outlets' | 'from' | 'to'>, a: string, b: string): number {
  const named = new Map<string, Set<string>>()
  for (const m of dataset.mentions) if (m.count > 0) named.set(m.articleId, (named.get(m.articleId) ?? new Set()).add(m.actorId))
  // a story is dated by its earliest copy and counts when any of its copies is in a kept outlet
  const stories = filterArticles({ articles: dedupeWireCopies(dataset.articles) }, { outlets: [], ...wholeMonths(filters) })
  const kept = new Set(filterArticles(dataset, { outlets: filters.outlets, from: null, to: null }).map((x) => x.duplicateOf ?? x.id))
  return stories.filter((s) => kept.has(s.duplicateOf ?? s.id) && named.get(s.id)?.has(a) && named.get(s.id)?.has(b)).length
}

describe('buildComentions', () => {
  it('counts stories naming both on the fixture, symmetric, blank diagonal, companions of the focus', () => {
    const dataset = makeDataset()
    const { index, table } = cellsOf(dataset)
    const model = buildComentions(index, table, { outlets: [], from: null, to: null }, ['putin', 'xi', 'china'], null)
    expect(model.counts).toEqual([
      [0, 1, 1],
      [1, 0, 0],
      [1, 0, 0],
    ])
    expect(model.max).toBe(1)
    expect(model.focus).toBe('putin')
    expect(model.companions).toEqual([
      { actorId: 'china', articles: 1 },
      { actorId: 'xi', articles: 1 },
    ])
  })

  it('equals the per-article count for every pair under outlet and date filters, on a random dataset', () => {
    const dataset = randomDataset(300, 13)
    const { index, table } = cellsOf(dataset)
    const ids = dataset.actors.map((a) => a.id)
    const cases: Pick<Filters, 'outlets' | 'from' | 'to'>[] = [
      { outlets: [], from: null, to: null },
      { outlets: ['zeit.de'], from: null, to: null },
      { outlets: [''], from: '2022-03-15', to: '2023-01-10' },
      { outlets: ['tagesschau.de', 'n-tv.de'], from: '2023-01-01', to: null },
    ]
    for (const filters of cases) {
      const model = buildComentions(index, table, filters, ids, ids[0] ?? null)
      ids.forEach((a, i) =>
        ids.forEach((b, j) => {
          if (i !== j) expect(model.counts[i]?.[j], `${a}+${b} ${JSON.stringify(filters)}`).toBe(perArticle(dataset, filters, a, b))
        }),
      )
      for (const companion of model.companions) expect(companion.articles).toBe(perArticle(dataset, filters, ids[0] ?? '', companion.actorId))
    }
  })

  it('counts a cut month whole and says so; lists the months a pair is named in, newest first', () => {
    expect(wholeMonths({ from: '2023-02-10', to: '2023-04-05' })).toEqual({ from: '2023-02-01', to: '2023-04-30' })
    expect(cutsMonths({ from: '2023-02-10', to: null })).toBe(true)
    expect(cutsMonths({ from: '2023-02-01', to: '2023-02-28' })).toBe(false)
    const { index, table } = cellsOf(makeDataset())
    expect(pairMonths(index, table, { outlets: [], from: null, to: null }, 'xi', 'putin')).toEqual(['2023-04'])
    expect(pairMonths(index, table, { outlets: [], from: '2023-02-23', to: '2023-02-23' }, 'china', 'putin')).toEqual(['2023-02'])
    expect(pairMonths(index, table, { outlets: ['zeit.de'], from: null, to: null }, 'china', 'putin')).toEqual([])
  })

  it('exports each pair drawn once, with the whole months counted', () => {
    const { index, table } = cellsOf(makeDataset())
    const model = buildComentions(index, table, { outlets: [], from: null, to: null }, ['putin', 'xi', 'china'], null)
    const csv = comentionsCsv(model, new Map([['putin', 'Wladimir Putin']]), { from: '2023-02-10', to: null }, 'g', 'q')
    expect(csv.rows.map((row) => row.slice(0, 7))).toEqual([
      ['putin', 'Wladimir Putin', 'xi', 'xi', 1, '2023-02-01', null],
      ['putin', 'Wladimir Putin', 'china', 'china', 1, '2023-02-01', null],
      ['xi', 'xi', 'china', 'china', 0, '2023-02-01', null],
    ])
  })
})
