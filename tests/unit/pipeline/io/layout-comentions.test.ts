/** Co-mention cells of the layout: stories naming both actors of a pair, wire copies folded as the mention cells fold them. */
import { describe, expect, it } from 'vitest'
import type { Dataset } from '../../../../src/model/dataset.ts'
import { parseComentionsFile, type ComentionsFile, type DatasetIndex } from '../../../../src/model/layout.ts'
import { createLayoutBuilder, layoutFromDataset, layoutPathsFor } from '../../../../pipeline/io/layout-build.ts'
import { dedupeWireCopies } from '../../../../src/lib/mentions/records.ts'
import { makeDataset } from '../../lib/dataset-fixture.ts'
import { randomDataset } from './random-dataset.ts'

const paths = layoutPathsFor('dataset')

function comentionsOf(dataset: Dataset): { index: DatasetIndex; file: ComentionsFile } {
  const layout = layoutFromDataset(dataset, paths)
  const parsed = parseComentionsFile(layout.files.get(paths.comentions))
  if (!parsed.ok) throw new Error(parsed.error)
  return { index: layout.index, file: parsed.value }
}

/** "month|first id|second id|outlet,outlet" → stories, from the cells. */
function cellMap({ index, file }: { index: DatasetIndex; file: ComentionsFile }): Map<string, number> {
  const out = new Map<string, number>()
  const c = file.cells
  c.period.forEach((p, i) => {
    const a = index.actors[c.first[i] ?? -1]?.id
    const b = index.actors[c.second[i] ?? -1]?.id
    const outlets = (index.outletSets[c.outletSet[i] ?? -1] ?? []).map((o) => index.outlets[o]).join(',')
    const key = `${p === -1 ? 'undated' : index.months[p]}|${a}|${b}|${outlets}`
    out.set(key, (out.get(key) ?? 0) + (c.articles[i] ?? 0))
  })
  return out
}

describe('co-mention cells', () => {
  it('counts a pair once per story, the wire copy under both outlets, and names the file in the index', () => {
    const dataset = makeDataset()
    // a2 (n-tv.de) and its copy a3 (zeit.de) both name Putin and China: one story
    dataset.mentions.push({ articleId: 'a2', actorId: 'china', count: 1, sentences: [1] }, { articleId: 'a3', actorId: 'china', count: 1, sentences: [1] })
    const counted = comentionsOf(dataset)
    expect(counted.index.comentions).toBe('dataset.comentions.json')
    expect(cellMap(counted)).toEqual(
      new Map([
        ['2023-02|putin|china|tagesschau.de', 1],
        ['2023-02|putin|china|n-tv.de,zeit.de', 1],
        ['2023-04|putin|xi|tagesschau.de', 1],
      ]),
    )
    // first < second in the index's actor order (putin is listed before china in the fixture)
    const { first, second } = counted.file.cells
    first.forEach((a, i) => expect(a).toBeLessThan(second[i] ?? -1))
  })

  it('leaves out a story naming one actor, and actors counted zero', () => {
    const dataset = makeDataset()
    dataset.mentions = [
      { articleId: 'a1', actorId: 'putin', count: 2, sentences: [0] },
      { articleId: 'a1', actorId: 'xi', count: 0, sentences: [] },
    ]
    expect(comentionsOf(dataset).file.cells.period).toEqual([])
  })

  it('equals the per-article count over the stories dedupeWireCopies keeps, on a random dataset', () => {
    const dataset = randomDataset(400, 5)
    const { index, file } = comentionsOf(dataset)
    const expected = new Map<string, number>()
    const order = new Map(index.actors.map((a, i) => [a.id, i]))
    for (const article of dedupeWireCopies(dataset.articles)) {
      const named = dataset.mentions
        .filter((m) => m.articleId === article.id && m.count > 0)
        .map((m) => m.actorId)
        .sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))
      const month = article.published?.slice(0, 7) ?? 'undated'
      for (let i = 0; i < named.length; i++)
        for (let j = i + 1; j < named.length; j++) {
          const key = `${month}|${named[i]}|${named[j]}`
          expected.set(key, (expected.get(key) ?? 0) + 1)
        }
    }
    const got = new Map<string, number>()
    for (const [key, n] of cellMap({ index, file })) {
      const short = key.split('|').slice(0, 3).join('|')
      got.set(short, (got.get(short) ?? 0) + n)
    }
    expect(got).toEqual(expected)
  })

  it('is the same whatever order the articles come in', () => {
    const dataset = randomDataset(200, 9)
    const build = (reverse: boolean): string => {
      const builder = createLayoutBuilder()
      const articles = reverse ? [...dataset.articles].reverse() : dataset.articles
      const members = new Set(dataset.articles.flatMap((a) => (a.duplicateOf ? [a.id, a.duplicateOf] : [])))
      for (const a of articles) builder.add(a, dataset.mentions.filter((m) => m.articleId === a.id), { inStory: members.has(a.id) })
      return JSON.stringify([...builder.finish({ generatedAt: 'x', actors: dataset.actors, events: 0, figures: 0, paths }).files])
    }
    expect(build(true)).toBe(build(false))
  })
})
