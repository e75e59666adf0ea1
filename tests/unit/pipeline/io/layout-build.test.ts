/** The layout builder: counts per month / day × actor × outlet set, wire stories folded once, parts by month. */
import { describe, expect, it } from 'vitest'
import type { Article, Mention } from '../../../../src/model/dataset.ts'
import { parseDayFile, parseEventsFile, parseIndex, parsePart } from '../../../../src/model/layout.ts'
import type { MentionCells } from '../../../../src/model/layout.ts'
import { createLayoutBuilder, layoutFromDataset, layoutPathsFor, storyMembers } from '../../../../pipeline/io/layout-build.ts'
import { dedupeWireCopies } from '../../../../src/lib/mentions/records.ts'
import { makeDataset } from '../../lib/dataset-fixture.ts'
import { random, randomDataset } from './random-dataset.ts'

const paths = layoutPathsFor('dataset')

/** Mention cells as rows, for readable expectations. */
function rows(cells: MentionCells): number[][] {
  return cells.period.map((p, i) => [p, cells.actor[i] ?? -9, cells.outletSet[i] ?? -9, cells.mentions[i] ?? -9, cells.articles[i] ?? -9])
}

describe('layoutFromDataset', () => {
  it('counts the fixture: wire copies once under both outlets, month-only dates in month cells, undated at -1', () => {
    const { index } = layoutFromDataset(makeDataset(), paths)
    expect(parseIndex(JSON.parse(JSON.stringify(index))).ok).toBe(true)
    expect(index.outlets).toEqual(['', 'n-tv.de', 'tagesschau.de', 'zeit.de'])
    // a2 + its copy a3 form one story under {n-tv.de, zeit.de}
    expect(index.outletSets).toEqual([[0], [1, 3], [2]])
    expect(index.months).toEqual(['2023-02', '2023-04'])
    expect(index.totals).toEqual({ articles: 5, wireCopies: 1, mentions: 7, events: 1, figures: 1, quotes: 2 })
    // actors: putin 0, xi 1, china 2, eu 3
    expect(rows(index.mentionCells)).toEqual([
      [-1, 2, 0, 1, 1],
      [0, 0, 1, 2, 1],
      [0, 0, 2, 3, 1],
      [0, 2, 2, 1, 1],
      [1, 0, 2, 1, 1],
      [1, 1, 2, 2, 1],
    ])
    expect(index.articleCells).toEqual({ period: [-1, 0, 0, 1], outletSet: [0, 1, 2, 2], articles: [1, 1, 1, 1] })
    expect(index.parts).toEqual([
      { month: '2023-02', path: 'dataset.parts/2023-02.json', articles: 3 },
      { month: '2023-04', path: 'dataset.parts/2023-04.json', articles: 1 },
      { month: 'undated', path: 'dataset.parts/undated.json', articles: 1 },
    ])
    expect(index.dayFiles).toEqual([{ year: '2023', path: 'dataset.days/2023.json' }])
    expect(index.events).toBe('dataset.events.json')
  })

  it('writes days per year, with "YYYY-MM" for month-only articles and no undated ones', () => {
    const { dayFiles } = layoutFromDataset(makeDataset(), paths)
    const day = dayFiles.get('dataset.days/2023.json')
    expect(day && parseDayFile(JSON.parse(JSON.stringify(day))).ok).toBe(true)
    expect(day?.days).toEqual(['2023-02-22', '2023-02-23', '2023-04'])
    expect(day && rows(day.mentionCells)).toEqual([
      [0, 0, 2, 3, 1],
      [0, 2, 2, 1, 1],
      [1, 0, 1, 2, 1],
      [2, 0, 2, 1, 1],
      [2, 1, 2, 2, 1],
    ])
    expect(day?.articleCells).toEqual({ period: [0, 1, 2], outletSet: [2, 1, 2], articles: [1, 1, 1] })
  })

  it('dates a story by its earliest copy and counts that copy’s mentions', () => {
    const dataset = makeDataset()
    const copy = dataset.articles.find((a) => a.id === 'a3')
    if (copy) copy.published = '2023-01-30'
    const mention = dataset.mentions.find((m) => m.articleId === 'a3')
    if (mention) mention.count = 5
    const { index } = layoutFromDataset(dataset, paths)
    expect(index.months).toEqual(['2023-01', '2023-02', '2023-04'])
    expect(rows(index.mentionCells).filter((r) => r[2] === 1)).toEqual([[0, 0, 1, 5, 1]])
    // the part of a copy is its own month: parts hold every article
    expect(index.parts.map((p) => [p.month, p.articles])).toEqual([
      ['2023-01', 1],
      ['2023-02', 2],
      ['2023-04', 1],
      ['undated', 1],
    ])
  })

  it('breaks a date tie by the lowest id, and an undated copy never dates its story', () => {
    const dataset = makeDataset()
    const root = dataset.articles.find((a) => a.id === 'a2')
    if (root) root.published = null
    const { index } = layoutFromDataset(dataset, paths)
    // the story a2 + a3 is dated by a3 (2023-02-23), with a3's mentions
    expect(rows(index.mentionCells).filter((r) => r[2] === 1)).toEqual([[0, 0, 1, 2, 1]])
    expect(index.articleCells.period.filter((_, i) => index.articleCells.outletSet[i] === 1)).toEqual([0])
  })

  it('splits articles, mentions and figures into month parts in the dataset’s order', () => {
    const dataset = makeDataset()
    const { parts, events } = layoutFromDataset(dataset, paths)
    expect([...parts.keys()]).toEqual(['dataset.parts/2023-02.json', 'dataset.parts/2023-04.json', 'dataset.parts/undated.json'])
    for (const part of parts.values()) expect(parsePart(JSON.parse(JSON.stringify(part))).ok).toBe(true)
    const feb = parts.get('dataset.parts/2023-02.json')
    expect(feb?.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3'])
    expect(feb?.mentions.map((m) => `${m.articleId}:${m.actorId}`)).toEqual(['a1:putin', 'a1:china', 'a2:putin', 'a3:putin'])
    expect(feb?.figures.map((f) => f.id)).toEqual(['f1'])
    expect(parts.get('dataset.parts/undated.json')?.mentions.map((m) => m.articleId)).toEqual(['a5'])
    expect(parseEventsFile(events).ok).toBe(true)
    expect(events.events).toBe(dataset.events)
  })

  it('counts per month what dedupeWireCopies keeps, on a random dataset', () => {
    const dataset = randomDataset(400, 7)
    const { index, dayFiles } = layoutFromDataset(dataset, paths)
    const expected = new Map<string, number>()
    for (const a of dedupeWireCopies(dataset.articles)) {
      const key = a.published?.slice(0, 7) ?? 'undated'
      expected.set(key, (expected.get(key) ?? 0) + 1)
    }
    const got = new Map<string, number>()
    index.articleCells.period.forEach((p, i) => {
      const key = p === -1 ? 'undated' : (index.months[p] ?? '?')
      got.set(key, (got.get(key) ?? 0) + (index.articleCells.articles[i] ?? 0))
    })
    expect(got).toEqual(expected)
    // the day files add up to the dated month cells
    const dayTotal = [...dayFiles.values()].reduce((sum, d) => sum + d.mentionCells.mentions.reduce((s, x) => s + x, 0), 0)
    const monthTotal = index.mentionCells.mentions.reduce((s, x, i) => s + (index.mentionCells.period[i] === -1 ? 0 : x), 0)
    expect(dayTotal).toBe(monthTotal)
    expect(index.totals.wireCopies).toBe(dataset.articles.filter((a) => a.duplicateOf !== null).length)
  })

  it('gives the same index whatever order the articles come in', () => {
    const dataset = randomDataset(300, 11)
    const members = storyMembers(dataset.articles)
    const build = (order: readonly Article[]): string => {
      const builder = createLayoutBuilder()
      for (const a of order) builder.add(a, dataset.mentions.filter((m) => m.articleId === a.id), { inStory: members.has(a.id) })
      const { index, dayFiles } = builder.finish({ generatedAt: 'x', actors: dataset.actors, events: 0, figures: 0, paths })
      return JSON.stringify([index, [...dayFiles]])
    }
    const rnd = random(3)
    const shuffled = [...dataset.articles].map((a) => ({ a, k: rnd() })).sort((x, y) => x.k - y.k).map((x) => x.a)
    expect(build(shuffled)).toBe(build(dataset.articles))
    expect(build([...dataset.articles].reverse())).toBe(build(dataset.articles))
  })
})

describe('createLayoutBuilder', () => {
  it('refuses a wire copy added outside its story, a stray mention and an unknown actor', () => {
    const dataset = makeDataset()
    const [a1, , a3] = dataset.articles
    if (!a1 || !a3) throw new Error('fixture changed')
    expect(() => createLayoutBuilder().add(a3, [], { inStory: false })).toThrow(/wire copy/)
    const stray: Mention = { articleId: 'a2', actorId: 'putin', count: 1, sentences: [0] }
    expect(() => createLayoutBuilder().add(a1, [stray], { inStory: false })).toThrow(/mention of a2/)
    const builder = createLayoutBuilder()
    builder.add(a1, [{ articleId: 'a1', actorId: 'merkel', count: 1, sentences: [0] }], { inStory: false })
    expect(() => builder.finish({ generatedAt: 'x', actors: dataset.actors, events: 0, figures: 0, paths })).toThrow(/merkel/)
  })

  it('leaves out mentions counted zero', () => {
    const dataset = makeDataset()
    const [a1] = dataset.articles
    if (!a1) throw new Error('fixture changed')
    const builder = createLayoutBuilder()
    builder.add(a1, [{ articleId: 'a1', actorId: 'xi', count: 0, sentences: [] }], { inStory: false })
    const { index } = builder.finish({ generatedAt: 'x', actors: dataset.actors, events: 0, figures: 0, paths })
    expect(index.mentionCells.period).toEqual([])
    expect(index.articleCells.articles).toEqual([1])
  })
})
