/**
 * The first-screen layout of a synthetic corpus, from the generator's planted answers (what a perfect
 * pipeline would extract) streamed through the app's layout builder (pipeline/io/layout-build.ts): the
 * files bench:app serves at 10 k, 100 k and 1 M articles, without writing a per-article dataset.json.
 *
 *   npx tsx bench/planted-layout.ts --n 1000000 --out DIR [--no-records]
 *
 * Writes DIR/dataset.index.json, dataset.days/, dataset.events.json, the event summary and month parts
 * (dataset.events.summary.json, dataset.events/), the id shards (dataset.ids/), the search index dataset.search/
 * (the pipeline's builder, pipeline/io/search-index.ts, fed each article's words) and, unless
 * --no-records, the month parts and text shards. Event reports are merged as a pipeline would (same kind, people, place, date and
 * status), keeping the first 3 reports of each as evidence. Memory: counts, story state of wire copies,
 * merged events and (with records) the parts until they are written.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_OPTIONS, generateArticle, sourceOf } from '../scripts/synth/corpus.ts'
import { SHARD_SIZE, plantedActors, plantedRecords } from '../scripts/synth/planted-dataset.ts'
import type { ArticleText, DiplomaticEvent } from '../src/model/dataset.ts'
import type { DatasetPart } from '../src/model/layout.ts'
import { createLayoutBuilder, eventPartPath, indexFileFor, layoutPathsFor, partPath } from '../pipeline/io/layout-build.ts'
import { createEventLayoutBuilder } from '../pipeline/io/layout-events.ts'
import type { ReportInfo } from '../pipeline/io/layout-events.ts'
import { createSearchIndexBuilder } from '../pipeline/io/search-index.ts'
import { articleTerms } from '../src/lib/search/tokens.ts'
import { partMonthOf } from '../src/model/layout.ts'
import { log, option } from './common.ts'

const EVIDENCE_PER_EVENT = 3

const argv = process.argv.slice(2)
const n = Number(option(argv, '--n') ?? '10000')
const out = option(argv, '--out')
const records = !argv.includes('--no-records')
if (!out || !Number.isInteger(n) || n < 1) throw new Error('usage: planted-layout.ts --n N --out DIR [--no-records]')

const started = performance.now()
const tmp = `${out}.tmp-${process.pid}`
rmSync(tmp, { recursive: true, force: true })
const paths = layoutPathsFor('dataset')
for (const folder of [paths.dayFolder, paths.eventFolder, paths.idFolder]) mkdirSync(join(tmp, folder), { recursive: true })
if (records) {
  mkdirSync(join(tmp, paths.partFolder), { recursive: true })
  mkdirSync(join(tmp, 'dataset.text'), { recursive: true })
}

// Wire stories: an article is in one when it copies another or is copied (copies reach ≤ 50 back).
const inStory = new Uint8Array(n)
for (let i = 0; i < n; i++) {
  const source = sourceOf(i, DEFAULT_OPTIONS)
  if (source !== i) {
    inStory[i] = 1
    inStory[source] = 1
  }
}

const builder = createLayoutBuilder()
const search = createSearchIndexBuilder(join(tmp, '.search-spool'))
let textBytes = 0
const events = new Map<string, DiplomaticEvent>()
const parts = new Map<string, DatasetPart>()
let reports = 0
/** Date and outlet of the articles reporting an event (the event parts carry them). */
const reporting = new Map<string, ReportInfo>()
let figures = 0
let shard: ArticleText[] = []
const flushShard = (index: number): void => {
  if (shard.length === 0) return
  writeFileSync(join(tmp, 'dataset.text', `${String(index).padStart(5, '0')}.json`), JSON.stringify({ texts: shard }))
  shard = []
}

for (let i = 0; i < n; i++) {
  const r = plantedRecords(generateArticle(i, DEFAULT_OPTIONS), 'dataset')
  builder.add(r.article, r.mentions, { inStory: inStory[i] === 1 })
  search.add(r.article, r.article.duplicateOf === null ? articleTerms(r.text.sentences) : null)
  textBytes += Buffer.byteLength(JSON.stringify(r.text))
  figures += r.figures.length
  if (r.events.length > 0) reporting.set(r.article.id, { published: r.article.published, outlet: r.article.outlet })
  for (const event of r.events) {
    reports++
    const key = [event.kind, event.visitors.join('+'), event.hosts.join('+'), event.place ?? '', event.country ?? '', event.date ?? '', event.status].join('|')
    const merged = events.get(key)
    if (!merged) events.set(key, event)
    else if (merged.evidence.length < EVIDENCE_PER_EVENT) merged.evidence.push(...event.evidence)
  }
  if (records) {
    const month = partMonthOf(r.article.published)
    let part = parts.get(month)
    if (!part) {
      part = { month, articles: [], mentions: [], figures: [] }
      parts.set(month, part)
    }
    part.articles.push(r.article)
    part.mentions.push(...r.mentions)
    part.figures.push(...r.figures)
    shard.push(r.text)
    if (shard.length === SHARD_SIZE) flushShard(Math.floor(i / SHARD_SIZE))
  }
  if (i > 0 && i % 100_000 === 0) log(`  ${i} articles …`)
}
if (records) flushShard(Math.floor((n - 1) / SHARD_SIZE))

const eventList = [...events.values()]
const eventLayout = createEventLayoutBuilder()
for (const part of eventLayout.addChunk(eventList, (id) => reporting.get(id))) writeFileSync(join(tmp, eventPartPath(paths, part.month)), JSON.stringify(part))
const { index, dayFiles, files } = builder.finish({
  generatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  actors: plantedActors(),
  events: eventList.length,
  figures,
  paths,
  eventLayout,
})
writeFileSync(join(tmp, indexFileFor('dataset')), JSON.stringify(index))
writeFileSync(join(tmp, paths.events), JSON.stringify({ events: eventList }))
for (const [path, file] of dayFiles) writeFileSync(join(tmp, path), JSON.stringify(file))
for (const [path, file] of files) writeFileSync(join(tmp, path), JSON.stringify(file))
const searchStarted = performance.now()
search.write(join(tmp, 'dataset.search'), 'dataset.search', index.generatedAt)
search.close()
rmSync(join(tmp, '.search-spool'), { recursive: true, force: true })
writeFileSync(join(tmp, 'sizes.json'), JSON.stringify({ textBytes, searchWriteMs: performance.now() - searchStarted }))
if (records) for (const [month, part] of parts) writeFileSync(join(tmp, partPath(paths, month)), JSON.stringify(part))
rmSync(out, { recursive: true, force: true })
renameSync(tmp, out)
log(
  `planted layout of ${n} articles in ${((performance.now() - started) / 1000).toFixed(0)} s: ${index.months.length} months, ` +
    `${index.mentionCells.period.length} mention cells, ${eventList.length} events merged from ${reports} reports` +
    (records ? `, ${parts.size} parts` : ', no parts or text shards'),
)
