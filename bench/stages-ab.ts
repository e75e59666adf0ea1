/**
 * A/B of the extraction stages (second pass, and discovery and the date of the first) in one process: the stage code of two trees, run alternately on the same
 * articles, so a ratio is measured under the same machine load.
 *
 *   npx tsx bench/stages-ab.ts --a DIR --b DIR --in CORPUS [--stages quotes,events,figures,actors,discover,date] [--rounds R] [--limit N]
 *
 * DIR is a tree of this project (e.g. `git archive REV | tar -x -C DIR`, with node_modules linked). The
 * articles are read, cleaned, dated and their actors found once, by this tree's code; then per stage and
 * round the A code and the B code each run over all of them. Prints the least CPU ms per MB of each
 * (process CPU time), B/A, and a digest of each output: equal digests = the same output.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { listSources } from '../pipeline/io/list-sources.ts'
import { buildMatcher, parseRegistry } from '../pipeline/stages/extract/actor-registry.ts'
import { extractActors } from '../pipeline/stages/extract/extract-actors.ts'
import { cleanText, looksGerman } from '../pipeline/stages/text/clean-text.ts'
import { decodeText } from '../pipeline/stages/text/decode-text.ts'
import { extractTitle } from '../pipeline/stages/text/extract-title.ts'
import { segmentSentences } from '../pipeline/stages/text/segment-sentences.ts'
import { estimateReference } from '../pipeline/stages/time/estimate-reference.ts'
import { extractDate } from '../pipeline/stages/time/extract-date.ts'
import { parseOccasions } from '../pipeline/stages/time/occasions.ts'
import type { ActorMatch, Sentence } from '../pipeline/stages/types.ts'
import { option, table } from './common.ts'

interface Input {
  /** The decoded text (what the date stage reads). */
  text: string
  sentences: Sentence[]
  matches: ActorMatch[]
  published: string | null
  reference: string | null
}
type Run = (a: Input) => unknown

const argv = process.argv.slice(2)
const rootA = option(argv, '--a')
const rootB = option(argv, '--b')
const inDir = option(argv, '--in')
if (!rootA || !rootB || !inDir) throw new Error('usage: npx tsx bench/stages-ab.ts --a DIR --b DIR --in CORPUS [--stages …] [--rounds R] [--limit N]')
const stages = (option(argv, '--stages') ?? 'quotes,events,figures,actors').split(',')
const rounds = Number(option(argv, '--rounds') ?? '5')
const limit = Number(option(argv, '--limit') ?? 'Infinity')

const json = (root: string, file: string): unknown => JSON.parse(readFileSync(join(root, 'data', file), 'utf8'))

/** The articles as the second pass gets them, made by this tree's code. */
function inputs(): { bytes: number; articles: Input[] } {
  const parsed = parseRegistry(json('.', 'actors.json'))
  if (!parsed.ok) throw new Error(parsed.error)
  const occasions = parseOccasions(json('.', 'occasions.json'))
  const matcher = buildMatcher(parsed.value)
  const articles: Input[] = []
  let bytes = 0
  for (const file of listSources(inDir as string).files.filter((f) => f.endsWith('.txt')).slice(0, limit)) {
    const raw = readFileSync(join(inDir as string, file))
    const decoded = decodeText(raw)
    if (!decoded.ok) continue
    const { lines } = cleanText(decoded.text)
    if (lines.length === 0 || !looksGerman(lines.join('\n'))) continue
    const titled = extractTitle(lines)
    const sentences = segmentSentences(titled.title, titled.body)
    const published = extractDate(decoded.text, occasions)?.date ?? null
    const reference = published ?? estimateReference(sentences.map((s) => s.text).join('\n'), occasions)
    bytes += raw.byteLength
    articles.push({ text: decoded.text, sentences, matches: extractActors(sentences, matcher), published, reference })
  }
  return { bytes, articles }
}

/** The stage functions of one tree, with its own lookup files. */
async function load(root: string, stage: string): Promise<Run> {
  const at = (path: string): string => resolve(root, 'pipeline/stages', path)
  const registryModule = (await import(at('extract/actor-registry.ts'))) as typeof import('../pipeline/stages/extract/actor-registry.ts')
  const parsed = registryModule.parseRegistry(json(root, 'actors.json'))
  if (!parsed.ok) throw new Error(parsed.error)
  const registry = parsed.value
  if (stage === 'quotes') {
    const { extractQuotes } = (await import(at('extract/extract-quotes.ts'))) as typeof import('../pipeline/stages/extract/extract-quotes.ts')
    const { parseOffices } = (await import(at('extract/quote-offices.ts'))) as typeof import('../pipeline/stages/extract/quote-offices.ts')
    const offices = parseOffices(json(root, 'offices.json'))
    return (a) => extractQuotes(a.sentences, a.matches, { registry, offices, date: a.reference })
  }
  if (stage === 'events') {
    const { extractEvents } = (await import(at('extract/extract-events.ts'))) as typeof import('../pipeline/stages/extract/extract-events.ts')
    const { parsePlaces } = (await import(at('extract/places.ts'))) as typeof import('../pipeline/stages/extract/places.ts')
    const { parseOccasions: occasionsOf } = (await import(at('time/occasions.ts'))) as typeof import('../pipeline/stages/time/occasions.ts')
    const places = parsePlaces(json(root, 'places.json'))
    const occasions = occasionsOf(json(root, 'occasions.json'))
    return (a) => extractEvents(a.sentences, a.matches, registry, a.reference, places, occasions)
  }
  if (stage === 'figures') {
    const { extractFigures } = (await import(at('extract/extract-figures.ts'))) as typeof import('../pipeline/stages/extract/extract-figures.ts')
    return (a) => extractFigures(a.sentences, a.published, a.reference)
  }
  if (stage === 'discover') {
    const { discoverPeople } = (await import(at('extract/discover-people.ts'))) as typeof import('../pipeline/stages/extract/discover-people.ts')
    const matcher = registryModule.buildMatcher(registry)
    return (a) => discoverPeople(a.sentences, matcher)
  }
  if (stage === 'date') {
    const { extractDate: dateOf } = (await import(at('time/extract-date.ts'))) as typeof import('../pipeline/stages/time/extract-date.ts')
    const { parseOccasions: occasionsOf } = (await import(at('time/occasions.ts'))) as typeof import('../pipeline/stages/time/occasions.ts')
    const occasions = occasionsOf(json(root, 'occasions.json'))
    return (a) => dateOf(a.text, occasions)
  }
  if (stage === 'actors') {
    const { extractActors: actorsOf } = (await import(at('extract/extract-actors.ts'))) as typeof import('../pipeline/stages/extract/extract-actors.ts')
    const matcher = registryModule.buildMatcher(registry)
    return (a) => actorsOf(a.sentences, matcher)
  }
  throw new Error(`unknown stage ${stage} (quotes, events, figures, actors, discover, date)`)
}

/** One pass of a stage over every article: CPU ms and the digest of the outputs. */
function pass(run: Run, articles: readonly Input[]): { ms: number; digest: string } {
  const hash = createHash('sha256')
  let ms = 0
  for (const a of articles) {
    const c0 = process.cpuUsage()
    const out = run(a)
    const { user, system } = process.cpuUsage(c0)
    ms += (user + system) / 1000
    hash.update(JSON.stringify(out) ?? 'undefined')
  }
  return { ms, digest: hash.digest('hex').slice(0, 16) }
}

const { bytes, articles } = inputs()
const mb = bytes / 1e6
const rows: string[][] = []
for (const stage of stages) {
  const runs = [await load(rootA, stage), await load(rootB, stage)] as const
  const best = [Infinity, Infinity]
  const digests = ['', '']
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, v) => {
      const { ms, digest } = pass(run, articles)
      best[v] = Math.min(best[v] ?? Infinity, ms)
      digests[v] = digest
    })
  }
  const [a = 0, b = 0] = best
  rows.push([stage, (a / mb).toFixed(1), (b / mb).toFixed(1), (b / a).toFixed(2), digests[0] === digests[1] ? 'equal' : `DIFFER ${digests[0]} ${digests[1]}`])
}
console.log(`${articles.length} articles, ${mb.toFixed(2)} MB; A ${rootA}, B ${rootB}; least of ${rounds} rounds`)
console.log(table(['stage', 'A CPU ms per MB', 'B CPU ms per MB', 'B/A', 'output'], rows))
