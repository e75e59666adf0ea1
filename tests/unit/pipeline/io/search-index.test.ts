import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeTerms } from '../../../../pipeline/io/search-encode.ts'
import { createSearchIndexBuilder } from '../../../../pipeline/io/search-index.ts'
import { createSearchLoader, runSearch, type SearchLoader } from '../../../../src/data/search-loader.ts'
import { countByPeriod, keptMatches } from '../../../../src/lib/search/count.ts'
import { parseQuery } from '../../../../src/lib/search/query.ts'
import { articleTerms } from '../../../../src/lib/search/tokens.ts'
import type { Article } from '../../../../src/model/dataset.ts'
import type { SearchMeta } from '../../../../src/model/search.ts'

type Doc = Pick<Article, 'id' | 'published' | 'outlet' | 'duplicateOf'> & { sentences: string[] }

// Sentences written for this test.
const DOCS: Doc[] = [
  { id: 'a1', published: '2023-03-02', outlet: 'taz.de', duplicateOf: null, sentences: ['Neue Gaspipeline geplant', 'Die Leitung Kraft Sibiriens soll wachsen.'] },
  { id: 'a2', published: '2023-03-20', outlet: 'welt.de', duplicateOf: null, sentences: ['Gas gegen Yuan', 'Moskau verkauft Gas und nimmt Yuan.'] },
  { id: 'a3', published: '2023-04-05', outlet: 'taz.de', duplicateOf: null, sentences: ['Sanktionen wirken', 'Die Sanktionen treffen Banken; Taiwan bleibt Streitpunkt.'] },
  // a wire copy of a3 in another outlet, a day earlier: the story counts once, dated 2023-04-04
  { id: 'a4', published: '2023-04-04', outlet: 'welt.de', duplicateOf: 'a3', sentences: ['Sanktionen wirken', 'Die Sanktionen treffen Banken; Taiwan bleibt Streitpunkt.'] },
  { id: 'a5', published: null, outlet: null, duplicateOf: null, sentences: ['Getreide über Zölle', 'Die Zoelle auf Getreide steigen.'] },
  { id: 'a6', published: '2023-04', outlet: 'taz.de', duplicateOf: null, sentences: ['Kraft und Sibiriens Gas', 'Gase aus Sibirien, Sanktion ohne Ende.'] },
]

let work: string
let loader: SearchLoader
let meta: SearchMeta

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mbpm-search-'))
  const builder = createSearchIndexBuilder(join(work, 'spool'), { shardTarget: 60, idChunk: 2 })
  // the copy arrives before its story's first article, as shards may hand them over
  for (const doc of [DOCS[3], DOCS[0], DOCS[1], DOCS[2], DOCS[4], DOCS[5]] as Doc[]) builder.add(doc, doc.duplicateOf === null ? articleTerms(doc.sentences) : null)
  builder.write(join(work, 'out', 'dataset.search'), 'dataset.search', '2026-01-01T00:00:00.000Z')
  builder.close()
  const fetcher = async (url: string): Promise<Response> => new Response(readFileSync(join(work, 'out', url.replace(/^\//, '')), 'utf8'))
  loader = createSearchLoader('dataset.search/meta.json', '/dataset.index.json', fetcher)
  meta = await loader.meta()
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function storiesOf(text: string): Promise<string[]> {
  const { query } = parseQuery(text)
  if (!query) throw new Error(text)
  const { matches } = await runSearch(query, loader)
  const ids = await loader.ids([...matches.stories])
  return [...matches.stories].map((s) => ids.get(s)?.[0] ?? '?').sort()
}

describe('the search index', () => {
  it('cuts the terms into several shards and the ids into chunks, and removes its spool', () => {
    expect(meta.shards.first.length).toBeGreaterThan(3)
    expect(meta.ids.chunks).toBe(3)
    expect(readdirSync(join(work, 'spool'))).toEqual([])
  })
  it('counts a wire story once, dated by its earliest copy, under both outlets', () => {
    expect(meta.stories).toBe(5)
    const story = meta.runs.date.findIndex((d) => meta.dates[d] === '2023-04-04')
    expect(meta.outletSets[meta.runs.outletSet[story] ?? 0]).toEqual(['taz.de', 'welt.de'])
  })
  it('finds words, prefixes, phrases, OR and exclusions across shards', async () => {
    expect(await storiesOf('Gas')).toEqual(['a2', 'a6'])
    expect(await storiesOf('Gas*')).toEqual(['a1', 'a2', 'a6'])
    expect(await storiesOf('"Kraft Sibiriens"')).toEqual(['a1'])
    expect(await storiesOf('Yuan OR Getreide')).toEqual(['a2', 'a5'])
    expect(await storiesOf('Sanktion* -Taiwan')).toEqual(['a6'])
    expect(await storiesOf('Zölle')).toEqual(['a5'])
    expect(await storiesOf('Weizen')).toEqual([])
  })
  it('gives the wire copies with their story', async () => {
    const { query } = parseQuery('Banken')
    const { matches } = await runSearch(query ?? { must: [], not: [] }, loader)
    expect([...(await loader.ids([...matches.stories])).values()]).toEqual([['a3', 'a4']])
  })
  it('counts matches per period under outlet and date filters', async () => {
    const { query } = parseQuery('Gas* OR Sanktionen OR Getreide')
    const { matches } = await runSearch(query ?? { must: [], not: [] }, loader)
    const all = countByPeriod(meta, matches, { outlets: [], from: null, to: null, grain: 'month' })
    expect(Object.fromEntries(all.counts)).toEqual({ '2023-03': 2, '2023-04': 2 })
    expect(all.unplaced).toBe(1)
    const welt = countByPeriod(meta, matches, { outlets: ['welt.de'], from: null, to: null, grain: 'month' })
    expect(Object.fromEntries(welt.counts)).toEqual({ '2023-03': 1, '2023-04': 1 })
    const days = countByPeriod(meta, matches, { outlets: [], from: '2023-03-10', to: null, grain: 'day' })
    expect(Object.fromEntries(days.counts)).toEqual({ '2023-03-20': 1, '2023-04-04': 1 })
    expect(days.unplaced).toBe(1)
    expect(keptMatches(meta, matches.stories, { outlets: [], from: null, to: null, grain: 'month' }, '2023-04', 10)).toHaveLength(2)
  })
})

describe('the search index spool', () => {
  it('keeps every term once and in code-unit order across its buckets, astral letters included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbpm-search-buckets-'))
    try {
      // words written for this test: short terms, terms sharing their first units, letters outside the BMP (a bucket key
      // may end in half a surrogate pair: 'ab' + the high half of U+1D49C or of U+20000 are two buckets)
      const words = ['ab', 'aba', 'abz', 'a\u{1D49C}b', 'a\u{1D49C}c', 'a\u{1D4B6}b', 'ab\u{1D49C}', 'ab\u{20000}', 'b', 'zz', 'Ärger', 'aerger']
      const builder = createSearchIndexBuilder(join(dir, 'spool'), { shardTarget: 20 })
      words.forEach((word, i) => builder.add({ id: `w${i}`, published: '2024-01-02', outlet: 'taz.de', duplicateOf: null }, articleTerms([`${word} und ${word}`])))
      builder.write(join(dir, 'out'), 'dataset.search', '2026-01-01T00:00:00.000Z')
      builder.close()
      const shards = readdirSync(join(dir, 'out', 'terms')).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
      const terms = shards.flatMap((f) => (JSON.parse(readFileSync(join(dir, 'out', 'terms', f), 'utf8')) as { terms: string[] }).terms)
      const expected = [...new Set(articleTerms(words).terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      expect(terms).toEqual(expected)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the search index write', () => {
  it('puts each term in story order with its own positions, for rare and frequent terms and an article given twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbpm-search-order-'))
    try {
      // 100 stories whose arrival order is not their date order (story numbers follow the date; s41 is dated after s53, s07 after s12): "Gas" in every
      // one (walked in story order), the phrase "Gas und Yuan" in 3 of them and "Yuan und Gas" in 2 (sorted),
      // so a posting whose positions belonged to another story would match the wrong articles ("yuan": 5 of 100
      // stories, sorted; "gas": all, walked).
      const builder = createSearchIndexBuilder(join(dir, 'spool'))
      const forward = new Set([41, 53, 66])
      const backward = new Set([7, 12])
      for (let i = 0; i < 100; i += 1) {
        const day = String(1 + ((i * 37) % 28)).padStart(2, '0')
        const month = String(1 + ((i * 11) % 12)).padStart(2, '0')
        const words = forward.has(i) ? 'Heute Gas und Yuan im Handel.' : backward.has(i) ? 'Yuan und Gas stehen im Vertrag.' : `Gas kostet ${i} Euro.`
        const doc = { id: `s${String(i).padStart(2, '0')}`, published: `2022-${month}-${day}`, outlet: i % 2 === 0 ? 'taz.de' : 'welt.de', duplicateOf: null }
        builder.add(doc, articleTerms(['Titel', words]))
        if (i === 30) builder.add(doc, articleTerms(['Titel', words])) // the same article handed over twice
      }
      builder.write(join(dir, 'out', 'dataset.search'), 'dataset.search', '2026-01-01T00:00:00.000Z')
      builder.close()
      const fetcher = async (url: string): Promise<Response> => new Response(readFileSync(join(dir, 'out', url.replace(/^\//, '')), 'utf8'))
      const orderLoader = createSearchLoader('dataset.search/meta.json', '/dataset.index.json', fetcher)
      const found = async (text: string): Promise<string[]> => {
        const { query } = parseQuery(text)
        const { matches } = await runSearch(query ?? { must: [], not: [] }, orderLoader)
        const ids = await orderLoader.ids([...matches.stories])
        return [...matches.stories].map((s) => ids.get(s)?.[0] ?? '?').sort()
      }
      expect(await found('"Gas und Yuan"')).toEqual(['s41', 's53', 's66'])
      expect(await found('"Yuan und Gas"')).toEqual(['s07', 's12'])
      // the article handed over twice stands twice in its terms' postings (as the builder always kept it)
      expect(await found('Gas')).toHaveLength(101)
      expect(await found('30')).toEqual(['s30', 's30'])
      // every term's stories ascending (the delta after the first is never negative), rare and frequent alike
      const shardDir = join(dir, 'out', 'dataset.search', 'terms')
      const unsorted = readdirSync(shardDir).flatMap((file) => {
        const shard = JSON.parse(readFileSync(join(shardDir, file), 'utf8')) as { terms: string[]; stories: string[] }
        return shard.terms.filter((_, i) => (shard.stories[i] ?? '').split(',').slice(1).some((delta) => Number(delta) < 0))
      })
      expect(unsorted).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('takes the words as one text (addBlock, as the run cache parks them) with the bytes of add: lines in any order, with or without the last newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbpm-search-block-'))
    try {
      const filesOf = (build: (builder: ReturnType<typeof createSearchIndexBuilder>) => void): Map<string, string> => {
        const builder = createSearchIndexBuilder(join(dir, 'spool'), { shardTarget: 60, idChunk: 2 })
        build(builder)
        const out = join(dir, 'out', 'dataset.search')
        rmSync(out, { recursive: true, force: true })
        builder.write(out, 'dataset.search', '2026-01-01T00:00:00.000Z')
        builder.close()
        return new Map((readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(join(out, f), 'utf8')]))
      }
      const lines = (doc: Doc): string[] => encodeTerms(articleTerms(doc.sentences))
      const byAdd = filesOf((b) => {
        for (const doc of DOCS) b.add(doc, doc.duplicateOf === null ? articleTerms(doc.sentences) : null)
      })
      const byBlock = filesOf((b) => {
        for (const [i, doc] of DOCS.entries()) {
          if (doc.duplicateOf !== null) b.addBlock(doc, null)
          else if (i % 2 === 0) b.addBlock(doc, `${lines(doc).join('\n')}\n`)
          else b.addBlock(doc, [...lines(doc)].reverse().join('\n'))
        }
      })
      expect(byBlock.size).toBeGreaterThan(3)
      expect(byBlock).toEqual(byAdd)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
