import { describe, expect, it } from 'vitest'
import { DatasetSchema, TextShardSchema } from '../../../src/model/dataset.ts'
import { assembleDataset } from '../../../pipeline/assemble.ts'
import { normalizedBody, stableHash } from '../../../pipeline/passes/plan.ts'
import type { ProcessedArticle } from '../../../pipeline/stages/article-records.ts'
import { segmentSentences } from '../../../pipeline/stages/text/segment-sentences.ts'
import type { ActorEntry } from '../../../pipeline/stages/types.ts'

const registry: ActorEntry[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: [], seats: ['Peking'] },
  { id: 'russia', name: 'Russland', kind: 'country', aliases: [], seats: ['Moskau'] },
]

function article(id: string, body: string): ProcessedArticle {
  const sentences = segmentSentences(`Titel ${id}`, [body])
  return {
    id,
    file: `${id}.txt`,
    title: `Titel ${id}`,
    outlet: null,
    url: null,
    published: '2023-02',
    publishedFrom: 'text',
    sentences,
    matches: [{ actorId: 'china', sentence: 1, start: 0, end: 5, surface: 'China', viaSeat: false }],
    events: [],
    figures: [],
  }
}

describe('assembleDataset', () => {
  it('marks a wire copy as a duplicate of the earlier id, whatever the input order', () => {
    const { dataset } = assembleDataset(
      [article('b', 'China und Russland handeln.'), article('a', 'China und Russland handeln.'), article('c', 'China wächst.')],
      registry,
      new Set(),
      { generatedAt: '2026-01-01T00:00:00.000Z', shardFolder: 'dataset.text' },
    )
    expect(dataset.articles.map((a) => [a.id, a.duplicateOf])).toEqual([
      ['a', null],
      ['b', 'a'],
      ['c', null],
    ])
    expect(DatasetSchema.safeParse(dataset).success).toBe(true)
  })

  it('counts mentions per article and lists only actors that are named', () => {
    const { dataset } = assembleDataset([article('a', 'China wächst.')], registry, new Set(), {
      generatedAt: 'x',
      shardFolder: 'dataset.text',
    })
    expect(dataset.mentions).toEqual([{ articleId: 'a', actorId: 'china', count: 1, sentences: [1] }])
    expect(dataset.actors.map((a) => a.id)).toEqual(['china'])
    expect(dataset.actors[0]?.aliases).toContain('Peking')
  })

  it('groups texts into shards of at most the shard size by a stable hash of the id', () => {
    const many = Array.from({ length: 300 }, (_, i) => article(`art-${i}`, `Satz Nummer ${i} über China.`))
    const { dataset, shards } = assembleDataset(many, registry, new Set(), { generatedAt: 'x', shardFolder: 'dataset.text', shardSize: 64 })
    expect(shards.size).toBeGreaterThan(1)
    for (const [path, shard] of shards) {
      expect(path.startsWith('dataset.text/')).toBe(true)
      expect(shard.texts.length).toBeLessThanOrEqual(64)
      expect(TextShardSchema.safeParse(shard).success).toBe(true)
      for (const t of shard.texts) expect(dataset.articles.find((a) => a.id === t.articleId)?.textShard).toBe(path)
    }
    // the same article lands in the same shard whatever else is in the corpus
    const again = assembleDataset([...many].reverse(), registry, new Set(), { generatedAt: 'x', shardFolder: 'dataset.text', shardSize: 64 })
    expect(again.dataset.articles.map((a) => a.textShard)).toEqual(dataset.articles.map((a) => a.textShard))
  })

  it('carries how each figure’s year and kind were decided into its record', () => {
    const a = article('a', 'Im Vorjahr stieg der Handel auf 5 Milliarden Euro.')
    a.figures = [
      {
        value: 5e9,
        currency: 'EUR',
        year: 2022,
        kind: 'trade_volume',
        sentence: 1,
        quote: 'Im Vorjahr stieg der Handel auf 5 Milliarden Euro.',
        surface: '5 Milliarden Euro',
        yearFrom: { rule: 'relative-year', cue: 'Vorjahr', reference: '2023-02' },
        kindFrom: { rule: 'trade-cue', cue: 'Handel', reference: null },
      },
      { value: 1e6, currency: 'USD', year: null, kind: 'other', sentence: 1, quote: 'x', surface: '1 Mio. Dollar' },
    ]
    const { dataset } = assembleDataset([a], registry, new Set(), { generatedAt: 'x', shardFolder: 'dataset.text' })
    expect(dataset.figures[0]).toMatchObject({ yearFrom: { rule: 'relative-year', cue: 'Vorjahr', reference: '2023-02' }, kindFrom: { rule: 'trade-cue' } })
    expect(dataset.figures[1]).not.toHaveProperty('yearFrom')
    expect(DatasetSchema.safeParse(dataset).success).toBe(true)
  })

  it('hashes ids stably and reduces bodies to letters and digits', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'))
    expect(stableHash('abc')).not.toBe(stableHash('abd'))
    expect(normalizedBody(segmentSentences('T', ['„China“ – wächst!']))).toBe('china wächst')
  })

  it('carries how the date was read into the article record, and nothing for an article without one', () => {
    const cue = { rule: 'stand-stamp', cue: 'Stand: 14.03.2023', reference: null }
    const dated = { ...article('a', 'China wächst.'), published: '2023-03-14', publishedCue: cue }
    const undated = { ...article('b', 'Russland wächst.'), published: null, publishedFrom: null }
    const { dataset } = assembleDataset([dated, undated], registry, new Set(), { generatedAt: 'x', shardFolder: 'dataset.text' })
    expect(dataset.articles[0]?.publishedCue).toEqual(cue)
    expect(dataset.articles[1]).not.toHaveProperty('publishedCue')
    expect(DatasetSchema.safeParse(dataset).success).toBe(true)
  })
})
