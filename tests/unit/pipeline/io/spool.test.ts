/** The record spool: records filed in any order come back in id order, as the same bytes as the in-memory writers. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { layoutFromDataset, layoutPathsFor } from '../../../../pipeline/io/layout-build.ts'
import { RecordSpool } from '../../../../pipeline/io/spool.ts'
import { compactJson, spooledDatasetPieces, spooledPartPieces, toJson } from '../../../../pipeline/io/stream-dataset.ts'
import { makeDataset } from '../../lib/dataset-fixture.ts'

const work = mkdtempSync(join(tmpdir(), 'press-spool-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function spoolOf(name: string, order: readonly string[]): RecordSpool {
  const dataset = makeDataset()
  const spool = new RecordSpool(join(work, name), dataset.articles.map((a) => a.id).sort())
  for (const id of order) {
    const article = dataset.articles.find((a) => a.id === id)
    if (!article) throw new Error(`no article ${id}`)
    spool.add(
      article,
      dataset.mentions.filter((m) => m.articleId === id),
      dataset.figures.filter((f) => f.articleId === id),
      (dataset.quotes ?? []).filter((q) => q.articleId === id),
    )
  }
  return spool
}

describe('RecordSpool', () => {
  it('streams dataset.json as the same bytes as the dataset in memory, whatever order the articles came in', () => {
    const dataset = makeDataset()
    const spool = spoolOf('a', ['a4', 'a2', 'a5', 'a1', 'a3'])
    spool.seal()
    const text = [...spooledDatasetPieces(dataset, dataset.actors, dataset.events.map((e) => JSON.stringify(e)), spool)].join('')
    expect(text).toBe(toJson(dataset))
    expect(spool.counts).toEqual({ articles: 5, mentions: 7, figures: 1, quotes: 2 })
    spool.close()
    expect(existsSync(join(work, 'a'))).toBe(false)
  })

  it('writes empty lists as [] like the in-memory writer', () => {
    const dataset = { ...makeDataset(), figures: [], events: [], quotes: [] }
    const spool = new RecordSpool(join(work, 'b'), dataset.articles.map((a) => a.id))
    for (const a of dataset.articles) spool.add(a, dataset.mentions.filter((m) => m.articleId === a.id), [])
    spool.seal()
    expect([...spooledDatasetPieces(dataset, dataset.actors, [], spool)].join('')).toBe(toJson(dataset))
    spool.close()
  })

  it('gives the month parts in the index order with the bytes of layoutFromDataset', () => {
    const dataset = makeDataset()
    const spool = spoolOf('c', ['a5', 'a3', 'a1', 'a4', 'a2'])
    spool.seal()
    const { parts } = layoutFromDataset(dataset, layoutPathsFor('dataset'))
    const months = spool.partPositions()
    expect(months.map((m) => m.month)).toEqual([...parts.values()].map((p) => p.month))
    for (const { month, positions } of months) {
      const expected = [...parts.values()].find((p) => p.month === month)
      expect([...spooledPartPieces(spool, month, positions)].join('')).toBe(compactJson(expected))
    }
    spool.close()
  })

  it('refuses an article it was not told of, one added twice, and sealing with one missing', () => {
    const dataset = makeDataset()
    const [a1, a2] = dataset.articles
    if (!a1 || !a2) throw new Error('fixture changed')
    const spool = new RecordSpool(join(work, 'd'), ['a1', 'a2'])
    expect(() => spool.add({ ...a1, id: 'zz' }, [], [])).toThrow(/not listed/)
    spool.add(a1, [], [])
    expect(() => spool.add(a1, [], [])).toThrow(/twice/)
    expect(() => spool.seal()).toThrow(/a2 was never added/)
    spool.close()
  })
})
