/** A random dataset for the layout tests: wire stories, month-only and undated articles, several outlets. */
import type { Article, Dataset, Mention } from '../../../../src/model/dataset.ts'
import { makeDataset } from '../../lib/dataset-fixture.ts'

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A dataset of `n` articles with wire stories, month-only and undated articles, several outlets. */
export function randomDataset(n: number, seed: number): Dataset {
  const rnd = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T
  const base = makeDataset()
  const articles: Article[] = []
  const mentions: Mention[] = []
  for (let i = 0; i < n; i++) {
    const id = `r${String(i).padStart(4, '0')}`
    const roots = articles.filter((a) => a.duplicateOf === null)
    const duplicateOf = roots.length > 0 && rnd() < 0.3 ? pick(roots).id : null
    const day = 1 + Math.floor(rnd() * 28)
    const month = 1 + Math.floor(rnd() * 12)
    const year = pick(['2022', '2023'])
    const r = rnd()
    const published = r < 0.1 ? null : r < 0.2 ? `${year}-${String(month).padStart(2, '0')}` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    articles.push({
      id,
      file: `${id}.txt`,
      title: 'Ein Titel',
      outlet: pick(['tagesschau.de', 'zeit.de', 'n-tv.de', null]),
      url: null,
      published,
      publishedFrom: published === null ? null : 'meta',
      sentenceCount: 3,
      textShard: 'dataset.text/00.json',
      duplicateOf,
    })
    for (const actor of base.actors) {
      if (rnd() < 0.5) mentions.push({ articleId: id, actorId: actor.id, count: Math.floor(rnd() * 4), sentences: [0] })
    }
  }
  return { ...base, articles, mentions, figures: [] }
}
