/**
 * Per-stage micro benchmark of the extraction stages, without the pipeline's file layout and threads:
 *
 *   npx tsx bench/stages.ts --in DIR [--limit N] [--rounds R] [--dump FILE]
 *
 * Reads the *.txt files of DIR once into memory, then runs the stages in the pipeline's order (pass 1:
 * decode, clean, title, sentences, date, people discovery; pass 2: actors, reference, events, figures, quotes)
 * R times (default 1) and prints the time each stage took per MB of article text (the least of the
 * rounds: a busy machine only ever adds time) in wall and in process CPU time (the steadier one on a shared
 * machine), the stages' MB per second, the MB per CPU second of
 * the fastest round as a whole (process CPU time: asking for it per stage would cost more than some
 * stages), and a digest of every stage's output: the same digest before and after a change means the
 * stages give the same output on that corpus. --dump writes the outputs themselves (JSON lines) to
 * compare article by article.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanText, looksGerman } from '../pipeline/stages/text/clean-text.ts'
import { decodeText } from '../pipeline/stages/text/decode-text.ts'
import { buildMatcher, discoveredEntry, parseRegistry } from '../pipeline/stages/extract/actor-registry.ts'
import { discoverPeople } from '../pipeline/stages/extract/discover-people.ts'
import { extractActors } from '../pipeline/stages/extract/extract-actors.ts'
import { extractDate } from '../pipeline/stages/time/extract-date.ts'
import { estimateReference } from '../pipeline/stages/time/estimate-reference.ts'
import { extractEvents } from '../pipeline/stages/extract/extract-events.ts'
import { parsePlaces } from '../pipeline/stages/extract/places.ts'
import { parseOccasions } from '../pipeline/stages/time/occasions.ts'
import { extractFigures } from '../pipeline/stages/extract/extract-figures.ts'
import { extractQuotes } from '../pipeline/stages/extract/extract-quotes.ts'
import { parseOffices } from '../pipeline/stages/extract/quote-offices.ts'
import { extractTitle } from '../pipeline/stages/text/extract-title.ts'
import { listSources } from '../pipeline/io/list-sources.ts'
import { segmentSentences } from '../pipeline/stages/text/segment-sentences.ts'
import type { ActorEntry, Sentence } from '../pipeline/stages/types.ts'
import { ROOT, option, table } from './common.ts'

const STAGES = ['decode', 'clean', 'title', 'segment', 'date', 'discover', 'actors', 'reference', 'events', 'figures', 'quotes'] as const
type Stage = (typeof STAGES)[number]
/** Stages owned by other files than the extraction stages (reported, not tuned here). */
const OTHER_OWNERS: ReadonlySet<Stage> = new Set(['date', 'reference'])

const argv = process.argv.slice(2)
const inDir = option(argv, '--in')
if (!inDir) throw new Error('usage: npx tsx bench/stages.ts --in DIR [--limit N] [--rounds R] [--dump FILE]')
const limit = Number(option(argv, '--limit') ?? 'Infinity')
const rounds = Number(option(argv, '--rounds') ?? '1')
const dumpFile = option(argv, '--dump')

const registryJson: unknown = JSON.parse(readFileSync(join(ROOT, 'data/actors.json'), 'utf8'))
const parsed = parseRegistry(registryJson)
if (!parsed.ok) throw new Error(parsed.error)
const registry = parsed.value
const places = parsePlaces(JSON.parse(readFileSync(join(ROOT, 'data/places.json'), 'utf8')) as unknown)
const offices = parseOffices(JSON.parse(readFileSync(join(ROOT, 'data/offices.json'), 'utf8')) as unknown)
const occasions = parseOccasions(JSON.parse(readFileSync(join(ROOT, 'data/occasions.json'), 'utf8')) as unknown)

const files = listSources(inDir).files.filter((f) => f.endsWith('.txt')).slice(0, limit)
const inputs = files.map((file) => ({ file, bytes: readFileSync(join(inDir, file)) as Uint8Array }))
const totalBytes = inputs.reduce((sum, f) => sum + f.bytes.byteLength, 0)

/** Milliseconds per stage in the current round, and the least per stage over the rounds. */
let ms = new Map<Stage, number>()
const best = new Map<Stage, number>()
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
let bestCpu = Infinity
/** CPU milliseconds per stage in the current round (process CPU time: on a busy machine wall time mostly measures the others). */
let cpu = new Map<Stage, number>()
const bestCpuOf = new Map<Stage, number>()
function timed<T>(stage: Stage, run: () => T): T {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const out = run()
  ms.set(stage, (ms.get(stage) ?? 0) + performance.now() - t0)
  const { user, system } = process.cpuUsage(c0)
  cpu.set(stage, (cpu.get(stage) ?? 0) + (user + system) / 1000)
  return out
}

interface Read {
  file: string
  title: string
  sentences: Sentence[]
  published: string | null
}

let lines: string[] = []
for (let round = 0; round < rounds; round++) {
  lines = []
  ms = new Map(STAGES.map((s) => [s, 0]))
  cpu = new Map(STAGES.map((s) => [s, 0]))
  const cpu0 = cpuMs()
  const baseMatcher = buildMatcher(registry)
  const read: Read[] = []
  const discovered = new Map<string, ActorEntry>()
  for (const { file, bytes } of inputs) {
    const decoded = timed('decode', () => decodeText(bytes))
    if (!decoded.ok) {
      lines.push(JSON.stringify({ file, skipped: decoded.reason }))
      continue
    }
    const cleaned = timed('clean', () => {
      const { lines: kept } = cleanText(decoded.text)
      return kept.length > 0 && looksGerman(kept.join('\n')) ? kept : null
    })
    if (!cleaned) {
      lines.push(JSON.stringify({ file, skipped: 'clean' }))
      continue
    }
    const titled = timed('title', () => extractTitle(cleaned))
    const sentences = timed('segment', () => segmentSentences(titled.title, titled.body))
    const published = timed('date', () => extractDate(decoded.text, occasions)?.date ?? null)
    const people = timed('discover', () => discoverPeople(sentences, baseMatcher))
    for (const p of people) {
      const entry = discoveredEntry(p.name)
      if (!registry.some((e) => e.id === entry.id) && !discovered.has(entry.id)) discovered.set(entry.id, entry)
    }
    read.push({ file, title: titled.title, sentences, published })
    lines.push(JSON.stringify({ file, cleaned, sentences, published, people }))
  }
  const matcher = buildMatcher(registry, [...discovered.values()].sort((x, y) => (x.id < y.id ? -1 : 1)))
  for (const a of read) {
    const matches = timed('actors', () => extractActors(a.sentences, matcher))
    const reference = timed('reference', () => a.published ?? estimateReference(a.sentences.map((s) => s.text).join('\n'), occasions))
    const events = timed('events', () => extractEvents(a.sentences, matches, matcher.registry, reference, places, occasions))
    const figures = timed('figures', () => extractFigures(a.sentences, a.published, reference))
    const context = { registry: matcher.registry, offices, date: reference }
    const quotes = timed('quotes', () => extractQuotes(a.sentences, matches, context))
    lines.push(JSON.stringify({ file: a.file, matches, reference, events, figures, quotes }))
  }
  for (const s of STAGES) best.set(s, Math.min(best.get(s) ?? Infinity, ms.get(s) ?? 0))
  for (const s of STAGES) bestCpuOf.set(s, Math.min(bestCpuOf.get(s) ?? Infinity, cpu.get(s) ?? 0))
  bestCpu = Math.min(bestCpu, cpuMs() - cpu0)
}

const mb = totalBytes / 1e6
const total = [...best.values()].reduce((a, b) => a + b, 0)
const totalCpu = [...bestCpuOf.values()].reduce((a, b) => a + b, 0)
const own = STAGES.filter((s) => !OTHER_OWNERS.has(s)).reduce((sum, s) => sum + (best.get(s) ?? 0), 0)
console.log(`${inputs.length} files, ${(totalBytes / 1e6).toFixed(2)} MB, ${rounds} round(s)`)
console.log(
  table(
    ['stage', 'ms (least)', 'ms per MB', 'share', 'CPU ms per MB', 'CPU share'],
    STAGES.map((s) => {
      const t = best.get(s) ?? 0
      const c = bestCpuOf.get(s) ?? 0
      return [`${s}${OTHER_OWNERS.has(s) ? ' *' : ''}`, t.toFixed(0), (t / mb).toFixed(1), `${((t / total) * 100).toFixed(1)}%`, (c / mb).toFixed(1), `${((c / totalCpu) * 100).toFixed(1)}%`]
    }),
  ),
)
console.log(`all stages: ${(total / mb).toFixed(1)} ms per MB = ${(mb / (total / 1000)).toFixed(2)} MB/s; without * (date, reference): ${(mb / (own / 1000)).toFixed(2)} MB/s`)
console.log(`all stages, CPU time: ${(totalCpu / mb).toFixed(1)} ms per MB = ${(mb / (totalCpu / 1000)).toFixed(2)} MB per CPU second`)
console.log(`fastest round, process CPU time (with the digest's JSON): ${(bestCpu / mb).toFixed(1)} ms per MB = ${(mb / (bestCpu / 1000)).toFixed(2)} MB per CPU second`)
console.log(`digest of the stage outputs: ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`)
if (dumpFile) writeFileSync(dumpFile, `${lines.join('\n')}\n`)
