/**
 * What a first-screen file would weigh: builds, from the planted answers of N synthetic articles, the
 * aggregates the first view needs (mentions per month × actor × outlet, articles per month × outlet,
 * events merged across reports, figures summed per year × kind × currency) in a columnar JSON layout,
 * and prints raw and gzip sizes and the parse time, next to the per-article layout of DATASET.md.
 *
 *   npx tsx bench/layout.ts [--n 1000000] [--out FILE]
 */
import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { DEFAULT_OPTIONS, generateArticle } from '../scripts/synth/corpus.ts'
import { plantedRecords } from '../scripts/synth/planted-dataset.ts'
import { intern } from '../pipeline/io/layout-cells.ts'
import { fmt, log, option, table } from './common.ts'

const argv = process.argv.slice(2)
const n = Number(option(argv, '--n') ?? '1000000')

const started = performance.now()
const outlets: string[] = []
const outletIndex = new Map<string, number>()
const actors: string[] = []
const actorIndex = new Map<string, number>()
const months: string[] = []
const monthIndex = new Map<string, number>()

/** key = month * 2^16 + actor * 2^8 + outlet → [mentions, articles] */
const mentionCells = new Map<number, [number, number]>()
const articleCells = new Map<number, number>()
const events = new Map<string, { reports: number }>()
const figureCells = new Map<string, [number, number]>()
let perArticleBytes = 0
let mentionRecords = 0
let figureRecords = 0
let eventReports = 0

for (let i = 0; i < n; i++) {
  const a = generateArticle(i, DEFAULT_OPTIONS)
  const month = intern(months, monthIndex, a.published ? a.published.slice(0, 7) : 'undated')
  const outlet = intern(outlets, outletIndex, a.outlet.domain)
  articleCells.set(month * 256 + outlet, (articleCells.get(month * 256 + outlet) ?? 0) + 1)
  const counts = new Map<string, number>()
  for (const span of a.content.spans) counts.set(span.actorId, (counts.get(span.actorId) ?? 0) + 1)
  for (const [actorId, count] of counts) {
    const key = month * 65536 + intern(actors, actorIndex, actorId) * 256 + outlet
    const cell = mentionCells.get(key) ?? [0, 0]
    cell[0] += count
    cell[1] += 1
    mentionCells.set(key, cell)
    mentionRecords++
  }
  for (const e of a.content.events) {
    const key = [e.kind, e.visitors.join('+'), e.hosts.join('+'), e.place ?? '', e.country ?? '', e.date ?? '', e.status].join('|')
    const merged = events.get(key) ?? { reports: 0 }
    merged.reports++
    events.set(key, merged)
    eventReports++
  }
  for (const f of a.content.figures) {
    const key = `${f.year ?? ''}|${f.kind}|${f.currency}`
    const cell = figureCells.get(key) ?? [0, 0]
    cell[0] += 1
    cell[1] += f.value
    figureCells.set(key, cell)
    figureRecords++
  }
  // this article's records in the DATASET.md layout, 2-space JSON as the pipeline writes it
  const r = plantedRecords(a, 'dataset')
  for (const record of [r.article, ...r.mentions, ...r.events, ...r.figures]) perArticleBytes += JSON.stringify(record, null, 2).length + 6
  if (i % 100_000 === 0 && i) log(`  ${i} articles …`)
}

const mentionKeys = [...mentionCells.keys()].sort((x, y) => x - y)
const firstScreen = {
  months,
  actors,
  outlets,
  // columnar: one array per field, same length
  mentions: {
    month: mentionKeys.map((k) => Math.floor(k / 65536)),
    actor: mentionKeys.map((k) => Math.floor(k / 256) % 256),
    outlet: mentionKeys.map((k) => k % 256),
    count: mentionKeys.map((k) => mentionCells.get(k)?.[0] ?? 0),
    articles: mentionKeys.map((k) => mentionCells.get(k)?.[1] ?? 0),
  },
  articles: [...articleCells.entries()].sort((x, y) => x[0] - y[0]).flatMap(([k, count]) => [Math.floor(k / 256), k % 256, count]),
  figures: [...figureCells.entries()].map(([key, [count, sum]]) => [...key.split('|'), count, sum]),
}
const eventList = [...events.entries()].map(([key, e]) => [...key.split('|'), e.reports])

const measure = (label: string, value: unknown): string[] => {
  const json = JSON.stringify(value)
  const raw = Buffer.byteLength(json)
  const gz = gzipSync(json, { level: 6 }).length
  const t = performance.now()
  JSON.parse(json)
  const parseMs = performance.now() - t
  return [label, (raw / 1e6).toFixed(2), (gz / 1e6).toFixed(3), parseMs.toFixed(0)]
}

const rows = [
  measure('first screen: mentions month×actor×outlet + articles month×outlet + figure sums', firstScreen),
  measure(`events merged across reports (${eventList.length} of ${eventReports} reports)`, eventList),
]
console.log(`\nDataset layout at ${n} synthetic articles (${((performance.now() - started) / 1000).toFixed(0)} s to build)`)
console.log(table(['file', 'MB raw', 'MB gzip', 'JSON.parse ms (node)'], rows))
console.log(
  `per-article layout of DATASET.md (dataset.json without text): ${(perArticleBytes / 1e6).toFixed(0)} MB raw (${mentionRecords} mentions, ${eventReports} event reports, ${figureRecords} figures); ` +
    `mention cells ${mentionKeys.length} (${fmt(mentionRecords / Math.max(1, mentionKeys.length), 0)} article mentions per cell)`,
)
const out = option(argv, '--out')
if (out) writeFileSync(out, JSON.stringify(firstScreen))
