/** What the build makes of a folder (the code a run runs, in-process): wire copies, mentions, the actor list, text shards. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetSchema, TextShardSchema } from '../../../src/model/dataset.ts'
import { bodyKey, normalizedBody, planArticles, stableHash } from '../../../pipeline/passes/plan.ts'
import { segmentSentences } from '../../../pipeline/stages/text/segment-sentences.ts'
import type { ActorEntry } from '../../../pipeline/stages/types.ts'
import { buildFolder } from './build-folder.ts'

const registry: ActorEntry[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: [], seats: ['Peking'] },
  { id: 'russia', name: 'Russland', kind: 'country', aliases: [], seats: ['Moskau'] },
]

/** An article of the test: a title and one German body sentence. */
const text = (id: string, body: string): string => `Titel ${id}\nStand: 14.02.2023 10:00 Uhr\n\n${body}`
const TRADE = 'China und Russland handeln seit dem Jahr mit den Waren, die sie für die Industrie brauchen.'

let work: string
let folders = 0

function folder(files: Record<string, string>): string {
  const dir = join(work, `f${folders++}`)
  mkdirSync(dir)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'press-build-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('building the dataset of a folder', { timeout: 60_000 }, () => {
  it('marks a wire copy as a duplicate of the earlier id, whatever the order the files were read in', async () => {
    const dir = folder({ 'b.txt': text('b', TRADE), 'a.txt': text('a', TRADE), 'c.txt': text('c', 'China wächst in diesem Jahr wieder schneller als die Wirtschaft in der Welt.') })
    const { dataset } = await buildFolder(dir, registry)
    expect(dataset.articles.map((a) => [a.id, a.duplicateOf])).toEqual([
      ['a', null],
      ['b', 'a'],
      ['c', null],
    ])
    expect(DatasetSchema.safeParse(dataset).success).toBe(true)
    const key = bodyKey(segmentSentences('T', [TRADE]))
    for (const order of [['b', 'a', 'c'], ['c', 'a', 'b'], ['a', 'b', 'c']]) {
      const plan = planArticles(order, order.map((id) => (id === 'c' ? 'other' : key)))
      expect(plan.ids).toEqual(['a', 'b', 'c'])
      expect([...plan.duplicateOf]).toEqual([['b', 'a']])
      expect([...plan.storyRoots]).toEqual(['a'])
    }
  })

  it('counts mentions per article and lists only actors that are named', async () => {
    const dir = folder({ 'a.txt': text('a', 'China wächst in diesem Jahr wieder schneller als die Wirtschaft in der Welt.') })
    const { dataset } = await buildFolder(dir, registry)
    expect(dataset.mentions).toEqual([{ articleId: 'a', actorId: 'china', count: 1, sentences: [1] }])
    expect(dataset.actors.map((a) => a.id)).toEqual(['china'])
    expect(dataset.actors[0]?.aliases).toContain('Peking')
  })

  it('groups texts into shards of at most 64 by a stable hash of the id', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) files[`art-${i}.txt`] = text(`art-${i}`, `Im Satz Nummer ${i} geht es um China und die Welt, die sich mit der Zeit ändert.`)
    const { dataset, shards } = await buildFolder(folder(files), registry)
    expect(shards.size).toBeGreaterThan(1)
    for (const [path, shard] of shards) {
      expect(shard.texts.length).toBeLessThanOrEqual(64)
      expect(TextShardSchema.safeParse(shard).success).toBe(true)
      for (const t of shard.texts) expect(dataset.articles.find((a) => a.id === t.articleId)?.textShard).toBe(path)
    }
    // the same article lands in the same shard whatever order the corpus was read in
    const ids = dataset.articles.map((a) => a.id)
    const shardOf = (order: string[]): Map<string, number> => {
      const plan = planArticles(order, order.map(() => null))
      return new Map(plan.shards.shards.flatMap(({ index, positions }) => positions.map((p) => [plan.ids[p] ?? '', index] as const)))
    }
    expect(shardOf([...ids].reverse())).toEqual(shardOf(ids))
    expect(planArticles(ids, ids.map(() => null)).shards.shards.length).toBe(shards.size)
  })

  it('hashes ids stably and reduces bodies to letters and digits', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'))
    expect(stableHash('abc')).not.toBe(stableHash('abd'))
    expect(normalizedBody(segmentSentences('T', ['„China“ – wächst!']))).toBe('china wächst')
  })
})

