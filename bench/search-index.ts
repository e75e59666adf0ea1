/**
 * The search index's layout measured against a kept library, and at 1 M stories (Node, no browser).
 *
 *   npx tsx bench/search-index.ts [--n 5000] [--stories 1000000]
 *
 * A. On the first N articles of the synthetic corpus (scripts/synth): our index (pipeline/io/search-index.ts,
 *    the pipeline's builder) and MiniSearch 7 (same folded terms), each asked the Mentions chart's question
 *    for a common word ("china"): matching stories per month. Per layout: bytes on disk against the text
 *    (the articles' texts as the text shards hold them), bytes a query must fetch (gzip -6), and the time to
 *    answer once fetched (parse, validate, evaluate, count; median of 5).
 * B. At `--stories` (1 M) stories, planted: dates uniform over 12 years of days, 20 outlet sets, a word in
 *    95 % of the stories ("china"), one in 45 % ("gas"), one in 0.5 %; the real encoder (search-encode.ts)
 *    writes meta and shards; the same query, timed and weighed as in A.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import MiniSearch from 'minisearch'
import { createSearchIndexBuilder } from '../pipeline/io/search-index.ts'
import { createShardCutter, numberStories, searchMeta, type StoryEntry } from '../pipeline/io/search-encode.ts'
import { DEFAULT_OPTIONS, generateArticle } from '../scripts/synth/corpus.ts'
import { plantedRecords } from '../scripts/synth/planted-dataset.ts'
import { countByPeriod } from '../src/lib/search/count.ts'
import { evaluate, termData } from '../src/lib/search/evaluate.ts'
import { parseQuery } from '../src/lib/search/query.ts'
import { articleTerms, foldTerm, tokenize } from '../src/lib/search/tokens.ts'
import { parseSearchMeta, parseTermShard, searchFilePath } from '../src/model/search.ts'
import { shardOf } from '../src/data/search-loader.ts'
import { log, median, option, table } from './common.ts'

const argv = process.argv.slice(2)
const n = Number(option(argv, '--n') ?? '5000')
const planted = Number(option(argv, '--stories') ?? '1000000')
const FILTERS = { outlets: [], from: null, to: null, grain: 'month' as const }
const gz = (text: string | Buffer): number => gzipSync(text, { level: 6 }).length
const mb = (bytes: number): string => (bytes / 1e6).toFixed(3)

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, f) => (statSync(join(dir, f)).isFile() ? sum + statSync(join(dir, f)).size : sum), 0)
}

function timed(run: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    run()
    times.push(performance.now() - t0)
  }
  return median(times)
}

/** Our query on a written index: meta + the term's shard read, parsed, validated, evaluated, counted per month. */
function ours(dir: string, term: string): { fetched: number; gzip: number; ms: number; stories: number } {
  const metaText = readFileSync(join(dir, 'meta.json'), 'utf8')
  const meta = parseSearchMeta(JSON.parse(metaText))
  if (!meta.ok) throw new Error(meta.error)
  const shardPath = join(dir, searchFilePath('terms', shardOf(meta.value.shards.first, term)))
  const shardText = readFileSync(shardPath, 'utf8')
  let stories = 0
  const ms = timed(() => {
    const m = parseSearchMeta(JSON.parse(metaText))
    const shard = parseTermShard(JSON.parse(shardText))
    if (!m.ok || !shard.ok) throw new Error('bad files')
    const i = shard.value.terms.indexOf(term)
    const data = termData(shard.value.stories[i] ?? '', shard.value.counts[i] ?? '')
    const { query } = parseQuery(term)
    const matches = evaluate(query ?? { must: [], not: [] }, { term: (t) => (t === term ? data : undefined), expand: () => [] })
    stories = countByPeriod(m.value, matches, FILTERS).total
  })
  return { fetched: metaText.length + shardText.length, gzip: gz(metaText) + gz(shardText), ms, stories }
}

function partA(work: string): string[][] {
  log(`A: ${n} synthetic articles …`)
  const builder = createSearchIndexBuilder(join(work, 'spool'))
  const mini = new MiniSearch<{ id: string; text: string; month: string }>({ fields: ['text'], storeFields: ['month'], tokenize: (text) => tokenize(text).map((t) => t.term), processTerm: (term) => foldTerm(term) })
  let textBytes = 0
  for (let i = 0; i < n; i++) {
    const r = plantedRecords(generateArticle(i, DEFAULT_OPTIONS), 'dataset')
    textBytes += JSON.stringify(r.text).length
    builder.add(r.article, r.article.duplicateOf === null ? articleTerms(r.text.sentences) : null)
    if (r.article.duplicateOf === null) mini.add({ id: r.article.id, text: r.text.sentences.join('\n'), month: (r.article.published ?? '').slice(0, 7) })
  }
  const t0 = performance.now()
  builder.write(join(work, 'dataset.search'), 'dataset.search', '2026-01-01T00:00:00.000Z')
  const buildMs = performance.now() - t0
  builder.close()
  const ourBytes = folderBytes(join(work, 'dataset.search'))
  const q = ours(join(work, 'dataset.search'), 'china')
  const miniJson = JSON.stringify(mini)
  const miniOptions = { fields: ['text'], storeFields: ['month'], tokenize: (text: string) => tokenize(text).map((t) => t.term), processTerm: (term: string) => foldTerm(term) }
  let miniStories = 0
  const miniMs = timed(() => {
    const loaded = MiniSearch.loadJSON(miniJson, miniOptions)
    const byMonth = new Map<string, number>()
    for (const hit of loaded.search('china', { prefix: false, fuzzy: false })) byMonth.set(String(hit.month), (byMonth.get(String(hit.month)) ?? 0) + 1)
    miniStories = [...byMonth.values()].reduce((a, b) => a + b, 0)
  })
  return [
    [`${n}`, 'ours: term → story postings, range shards', mb(ourBytes), (ourBytes / textBytes).toFixed(2), mb(q.fetched), mb(q.gzip), q.ms.toFixed(1), String(q.stories), `written in ${(buildMs / 1000).toFixed(1)} s`],
    [`${n}`, 'MiniSearch 7.2 (whole index, loadJSON)', mb(miniJson.length), (miniJson.length / textBytes).toFixed(2), mb(miniJson.length), mb(gz(miniJson)), miniMs.toFixed(1), String(miniStories), 'one file: every query fetches it all'],
  ]
}

/** Random numbers from a seed (mulberry32), so the planted index is the same on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function partB(work: string): string[][] {
  log(`B: ${planted} planted stories …`)
  const rand = random(7)
  const day0 = Date.UTC(2014, 0, 1)
  const outletSets = Array.from({ length: 20 }, (_, i) => (i < 15 ? [`outlet${i}.de`] : [`outlet${i - 15}.de`, `outlet${i - 10}.de`]))
  const stories: StoryEntry[] = Array.from({ length: planted }, (_, i) => ({
    date: new Date(day0 + Math.floor(rand() * 4383) * 86_400_000).toISOString().slice(0, 10),
    outlets: outletSets[Math.floor(rand() * outletSets.length)] ?? [],
    ids: [`s${i}`],
  }))
  const numbered = numberStories(stories)
  const dir = join(work, 'planted.search')
  mkdirSync(join(dir, 'terms'), { recursive: true })
  mkdirSync(join(dir, 'pos'), { recursive: true })
  const cutter = createShardCutter((k, terms, positions) => {
    writeFileSync(join(dir, searchFilePath('terms', k)), JSON.stringify(terms))
    writeFileSync(join(dir, searchFilePath('pos', k)), JSON.stringify(positions))
  })
  for (const [term, share] of [['china', 0.95], ['gas', 0.45], ['getreide', 0.005]] as const) {
    const list: number[] = []
    for (let s = 0; s < planted; s++) if (rand() < share) list.push(s)
    cutter.add({ term, stories: list, positions: list.map(() => Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, k) => 10 + k * 40)) })
  }
  const firsts = cutter.finish()
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(searchMeta('2026-01-01T00:00:00.000Z', numbered, firsts, 'dataset.search')))
  const rows: string[][] = []
  for (const term of ['china', 'gas', 'getreide']) {
    const q = ours(dir, term)
    rows.push([`${planted} (planted)`, `ours: "${term}"`, mb(folderBytes(dir)), '—', mb(q.fetched), mb(q.gzip), q.ms.toFixed(1), String(q.stories), `meta ${mb(statSync(join(dir, 'meta.json')).size)} MB, ${numbered.runs.date.length} runs`])
  }
  return rows
}

const work = mkdtempSync(join(tmpdir(), 'mbpm-search-bench-'))
try {
  const rows = [...partA(work), ...partB(work)]
  console.log(`\nSearch index: a common word's matches per month (Node ${process.version}; fetch = bytes a query needs; ms = parse + validate + evaluate + count, median of 5)`)
  console.log(table(['stories', 'layout', 'on disk MB', '× text', 'fetched MB', 'fetched MB gzip', 'answer ms', 'stories found', 'note'], rows))
} finally {
  rmSync(work, { recursive: true, force: true })
}
