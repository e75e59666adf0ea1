/**
 * The preprocessing command, and the only module that touches the file system:
 *   npm run preprocess -- --in DIR --out FILE [--actors FILE] [--places FILE] [--occasions FILE] [--workers N|auto]
 * Reads every *.txt in DIR (with an optional sibling NAME.meta.json), runs the stages in order,
 * validates the result against src/model/dataset.ts and writes FILE and its text shards atomically.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import {
  ActorSchema,
  ArticleSchema,
  DatasetSchema,
  DiplomaticEventSchema,
  FigureSchema,
  MentionSchema,
  PublishedDate,
  TextShardSchema,
} from '../src/model/dataset.ts'
import { DATASET_VERSION } from '../src/model/dataset.ts'
import type { Actor, Article, ArticleText, Dataset, Decision, DiplomaticEvent, Figure, Mention, TextShard } from '../src/model/dataset.ts'
import { createLayoutBuilder, indexFileFor, layoutPathsFor, partPath } from './io/layout-build.ts'
import type { LayoutBuilder, LayoutPaths } from './io/layout-build.ts'
import { actorsOf, articleRecords } from './stages/article-records.ts'
import { bodyKey, shardCountFor, shardPathOf, stableHash } from './passes/plan.ts'
import type { ArticleRecords, ProcessedArticle } from './stages/article-records.ts'
import { cleanText, looksGerman } from './stages/text/clean-text.ts'
import { decodeText } from './stages/text/decode-text.ts'
import { buildMatcher, discoveredEntry, parseRegistry, slugify } from './stages/extract/actor-registry.ts'
import { discoverPeople } from './stages/extract/discover-people.ts'
import { extractActors } from './stages/extract/extract-actors.ts'
import type { ActorMatcher } from './stages/extract/actor-registry.ts'
import { extractDate } from './stages/time/extract-date.ts'
import { estimateReference } from './stages/time/estimate-reference.ts'
import { extractEvents } from './stages/extract/extract-events.ts'
import { extractFigures } from './stages/extract/extract-figures.ts'
import { extractTitle } from './stages/text/extract-title.ts'
import { createProgress } from './io/progress.ts'
import type { ProgressSink } from './io/progress.ts'
import { listArticleFiles, readArticleBytes } from './io/read-article.ts'
import { segmentSentences } from './stages/text/segment-sentences.ts'
import { bufferedWriter } from './io/write-all.ts'
import { DraftSpool } from './io/event-spool.ts'
import { openOutput } from './io/output.ts'
import type { OutputTarget } from './io/output.ts'
import { readLines, RecordSpool } from './io/spool.ts'
import { eventsFilePieces, spooledDatasetPieces, spooledPartPieces } from './io/stream-dataset.ts'
import { WorkerPool } from './workers/pool.ts'
import type { ActorEntry, EventDraft, FigureDraft, Sentence } from './stages/types.ts'
import { parsePlaces, placesProblem } from './stages/extract/places.ts'
import type { Place } from './stages/extract/places.ts'
import { parseOccasions } from './stages/time/occasions.ts'
import type { Occasion } from './stages/time/occasions.ts'
import { byCodeUnit } from '../src/model/order.ts'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface CliOptions {
  inDir: string
  outFile: string
  actorsFile: string
  /** City gazetteer (data/places.json). */
  placesFile: string
  /** Dated occasions that date an undated page (data/occasions.json). */
  occasionsFile: string
  /**
   * Worker threads for reading and extraction; 1 runs everything on the main thread. 'auto': one per
   * core, none for a folder too small to repay starting them.
   */
  workers: number | 'auto'
}

/** Command line → options, or a one-line error. */
export function parseArgs(argv: readonly string[]): { ok: true; value: CliOptions } | { ok: false; error: string } {
  const value: CliOptions = {
    inDir: 'data/articles',
    outFile: 'public/data/dataset.json',
    actorsFile: join(PROJECT_ROOT, 'data/actors.json'),
    placesFile: join(PROJECT_ROOT, 'data/places.json'),
    occasionsFile: join(PROJECT_ROOT, 'data/occasions.json'),
    workers: 'auto',
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const next = (): string | undefined => inline ?? argv[++i]
    if (flag === '--in') {
      const v = next()
      if (!v) return { ok: false, error: '--in needs a folder' }
      value.inDir = v
    } else if (flag === '--out') {
      const v = next()
      if (!v) return { ok: false, error: '--out needs a file' }
      value.outFile = v
    } else if (flag === '--actors') {
      const v = next()
      if (!v) return { ok: false, error: '--actors needs a file' }
      value.actorsFile = v
    } else if (flag === '--places') {
      const v = next()
      if (!v) return { ok: false, error: '--places needs a file' }
      value.placesFile = v
    } else if (flag === '--occasions') {
      const v = next()
      if (!v) return { ok: false, error: '--occasions needs a file' }
      value.occasionsFile = v
    } else if (flag === '--workers') {
      const v = next()
      if (v === 'auto') value.workers = 'auto'
      else if (v && /^[1-9]\d*$/.test(v)) value.workers = Number(v)
      else return { ok: false, error: '--workers needs a whole number ≥ 1 or "auto"' }
    } else {
      return { ok: false, error: `unknown argument "${arg}" (usage: --in DIR --out FILE [--actors FILE] [--places FILE] [--occasions FILE] [--workers N|auto])` }
    }
  }
  return { ok: true, value }
}

const MetaSchema = z.object({
  url: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
})
type Meta = z.infer<typeof MetaSchema>

/** A meta date as "YYYY-MM-DD" or "YYYY-MM" (a timestamp is cut to its day), or undefined when it is not one. */
export function metaPublished(raw: string): string | undefined {
  const prefix = /^(\d{4}-\d{2}(?:-\d{2})?)(?:$|T|\s)/.exec(raw.trim())?.[1]
  return prefix !== undefined && PublishedDate.safeParse(prefix).success ? prefix : undefined
}

interface ReadArticle {
  id: string
  file: string
  title: string
  outlet: string | null
  url: string | null
  published: string | null
  publishedFrom: ProcessedArticle['publishedFrom']
  /** How the text gave `published` (rule, words read, reference); absent for meta dates and undated pages. */
  publishedCue?: Decision
  sentences: Sentence[]
}

/** A stable article id from the file name: "002_436c9eb40a421347.txt" → "002_436c9eb40a421347". */
export function articleIdFor(file: string): string {
  const stem = basename(file).replace(/\.txt$/i, '')
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug || `article-${slugify(stem) || 'x'}`
}

/** Outlet named in the text: "Quelle: ntv.de, …" or a header field like "nd-aktuell.de / …". */
function outletFromText(text: string): string | null {
  const source = /^Quelle:\s*([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:de|at|ch|com|net|org))\b/im.exec(text)
  if (source?.[1]) return source[1]
  const header = /^\s*([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:de|at|ch|com|net|org))\s\/\s/im.exec(text)
  return header?.[1] ?? null
}

function readMeta(path: string, warn: (msg: string) => void): Meta | undefined {
  if (!existsSync(path)) return undefined
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    warn(`${basename(path)}: meta ignored (not valid JSON: ${(e as Error).message.split('\n')[0]})`)
    return undefined
  }
  const parsed = MetaSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    warn(`${basename(path)}: meta ignored (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`)
    return undefined
  }
  return parsed.data
}

type ReadResult = { ok: true; article: ReadArticle; bytes: number } | { ok: false; reason: string; bytes: number }

function readArticle(dir: string, file: string, occasions: readonly Occasion[], warn: (msg: string) => void): ReadResult {
  const read = readArticleBytes(join(dir, file))
  if (!read.ok) return { ok: false, reason: read.reason, bytes: 0 }
  const size = read.bytes.byteLength
  const decoded = decodeText(read.bytes)
  if (!decoded.ok) return { ok: false, reason: decoded.reason, bytes: size }
  const { lines } = cleanText(decoded.text)
  if (lines.length === 0) return { ok: false, reason: 'only boilerplate, no article text', bytes: size }
  if (!looksGerman(lines.join('\n'))) return { ok: false, reason: 'not German', bytes: size }
  const meta = readMeta(join(dir, file.replace(/\.txt$/i, '.meta.json')), warn)
  const titled = extractTitle(lines)
  const metaTitle = meta?.title?.trim()
  const title = metaTitle ? metaTitle : titled.title
  const sentences = segmentSentences(title, titled.body)
  let published: string | null = null
  let publishedFrom: ProcessedArticle['publishedFrom'] = null
  let publishedCue: Decision | undefined
  const fromMeta = meta?.published ? metaPublished(meta.published) : undefined
  if (meta?.published && !fromMeta) warn(`${file}: meta published "${meta.published}" is not a date, read the text instead`)
  if (fromMeta) {
    published = fromMeta
    publishedFrom = 'meta'
  } else {
    const found = extractDate(decoded.text, occasions)
    if (found) {
      published = found.date
      publishedFrom = found.from
      publishedCue = found.cue
    }
  }
  return {
    ok: true,
    bytes: size,
    article: {
      id: articleIdFor(file),
      file,
      title,
      outlet: meta?.outlet ?? outletFromText(decoded.text),
      url: meta?.url ?? null,
      published,
      publishedFrom,
      ...(publishedCue ? { publishedCue } : {}),
      sentences,
    },
  }
}

/** Runs another stage without letting its failure stop the article. */
function guarded<T>(label: string, fallback: T, run: () => T, warn: (msg: string) => void): T {
  try {
    return run()
  } catch (e) {
    warn(`${label}: ${(e as Error).message}`)
    return fallback
  }
}

export interface RunReport {
  read: number
  skipped: { file: string; reason: string }[]
  warnings: string[]
}

export { datasetJsonPieces } from './io/stream-dataset.ts'

/** Checks every record against the schema, one at a time; says what is wrong or returns undefined. */
export function validateDataset(dataset: Dataset): string | undefined {
  const shell = DatasetSchema.safeParse({ ...dataset, articles: [], actors: [], mentions: [], events: [], figures: [] })
  if (!shell.success) return `${shell.error.issues[0]?.path.join('.')}: ${shell.error.issues[0]?.message}`
  const lists = [
    ['articles', dataset.articles, ArticleSchema],
    ['actors', dataset.actors, ActorSchema],
    ['mentions', dataset.mentions, MentionSchema],
    ['events', dataset.events, DiplomaticEventSchema],
    ['figures', dataset.figures, FigureSchema],
  ] as const
  for (const [name, items, schema] of lists) {
    for (const [i, item] of items.entries()) {
      const r = schema.safeParse(item)
      if (!r.success) return `${name}.${i}.${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`
    }
  }
  return undefined
}

/** Where the second pass finds an article as the first pass read it: a span of the read cache file. */
export interface ArticleSource {
  offset: number
  length: number
}

/** An article as read, parked by the first pass for the second: the same object `readArticle` returns. */
interface CachedRead {
  bytes: number
  article: ReadArticle
}

/** A person on no list the first pass found: the name and, when the text gave it, the state (actor id). */
export interface FoundPerson {
  name: string
  country?: string
  countryFrom?: Decision
  /** The registry person this is another spelling of. */
  sameAs?: string
}

/** What the first pass learns of one file (structured-cloneable: it crosses from a worker thread). */
export type FirstPassResult =
  | { file: string; ok: true; id: string; bodyKey: string | null; people: FoundPerson[]; warnings: string[]; bytes: number; cached: string }
  | { file: string; ok: false; reason: string; warnings: string[]; bytes: number }

/**
 * First pass over some files: read, clean, key for wire copies, people not in the registry; the
 * article as read goes back as JSON (`cached`), so the second pass need not read and clean it again.
 */
export function firstPass(inDir: string, files: readonly string[], baseMatcher: ActorMatcher, occasions: readonly Occasion[]): FirstPassResult[] {
  return files.map((file) => {
    const warnings: string[] = []
    const result = readArticle(inDir, file, occasions, (msg) => warnings.push(msg))
    if (!result.ok) return { file, ok: false, reason: result.reason, warnings, bytes: result.bytes }
    const { id, sentences } = result.article
    const people = discoverPeople(sentences, baseMatcher).map(({ name, country, countryFrom, sameAs }): FoundPerson => ({
      name,
      ...(country !== undefined ? { country, countryFrom } : {}),
      ...(sameAs !== undefined ? { sameAs } : {}),
    }))
    const cached: CachedRead = { bytes: result.bytes, article: result.article }
    return { file, ok: true, id, bodyKey: bodyKey(sentences), people, warnings, bytes: result.bytes, cached: JSON.stringify(cached) }
  })
}

/** Reads articles parked in the read cache file. */
function readCached(cacheFile: string, sources: readonly ArticleSource[]): CachedRead[] {
  const fd = openSync(cacheFile, 'r')
  try {
    let buffer = Buffer.alloc(1 << 16)
    return sources.map(({ offset, length }) => {
      if (buffer.length < length) buffer = Buffer.alloc(Math.max(length, buffer.length * 2))
      let done = 0
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done)
        if (n <= 0) throw new Error('read cache ended early')
        done += n
      }
      return JSON.parse(buffer.toString('utf8', 0, length)) as CachedRead
    })
  } finally {
    closeSync(fd)
  }
}

/** The articles of one shard, extracted (structured-cloneable), with the warnings in article order. */
export interface ShardResult {
  articles: ProcessedArticle[]
  warnings: string[]
  bytes: number
}

/** Second pass over one shard: take its articles as the first pass read them, run the extraction stages. */
export function extractShard(cacheFile: string, sources: readonly ArticleSource[], matcher: ActorMatcher, gazetteers: Gazetteers): ShardResult {
  const warnings: string[] = []
  const warn = (msg: string): void => {
    warnings.push(msg)
  }
  const articles: ProcessedArticle[] = []
  let bytes = 0
  for (const read of readCached(cacheFile, sources)) {
    bytes += read.bytes
    const a = read.article
    const file = a.file
    const matches = extractActors(a.sentences, matcher)
    // without a publication date, relative times resolve against the latest past point the text names
    const reference = a.published ?? estimateReference(a.sentences.map((s) => s.text).join('\n'), gazetteers.occasions)
    const events = guarded<EventDraft[]>(`${file}: events`, [], () => extractEvents(a.sentences, matches, matcher.registry, reference, gazetteers.places, gazetteers.occasions), warn)
    const figures = guarded<FigureDraft[]>(`${file}: figures`, [], () => extractFigures(a.sentences, a.published, reference), warn)
    articles.push({ ...a, matches, events, figures })
  }
  return { articles, warnings, bytes }
}

/** One shard of the second pass: where its articles are parked, their wire-copy links, where its texts go. */
export interface ShardJob {
  cacheFile: string
  sources: ArticleSource[]
  /** `duplicateOf` of each article, in the order of `sources`. */
  duplicateOf: (string | null)[]
  /** Path of the shard relative to the dataset file ("dataset.text/03.json"). */
  shardPath: string
  /** File the shard's texts are written to. */
  shardFile: string
}

/** The records of one shard's articles (structured-cloneable; their texts are already written). */
export interface ShardRecords {
  records: Omit<ArticleRecords, 'text'>[]
  warnings: string[]
  bytes: number
}

/**
 * Second pass over one shard, wherever it runs: extract, make the records, write the texts to the
 * shard file. Only the records go back to the main thread, not the texts.
 */
export function runShardJob(job: ShardJob, matcher: ActorMatcher, gazetteers: Gazetteers): ShardRecords {
  const { articles, warnings, bytes } = extractShard(job.cacheFile, job.sources, matcher, gazetteers)
  const texts: ArticleText[] = []
  const records = articles.map((a, i) => {
    const { text, ...rest } = articleRecords(a, job.shardPath, job.duplicateOf[i] ?? null)
    texts.push(text)
    return rest
  })
  const shard: TextShard = { texts }
  const ok = TextShardSchema.safeParse(shard)
  if (!ok.success) throw new Error(`text shard ${job.shardPath} does not match the schema: ${ok.error.issues[0]?.message}`)
  writeFileSync(job.shardFile, toJson(shard))
  return { records, warnings, bytes }
}

/** Most texts per shard. */
const SHARD_SIZE = 64

/** Most files per first-pass job: enough to keep a worker busy without many messages. */
const FIRST_PASS_CHUNK = 200
/** Below this many files worker threads cost more than they save: 'auto' uses none (a worker takes ≈ 1.6 s to start under tsx; 2 000 files are ≈ 16 s of work on one core). */
const MIN_FILES_FOR_WORKERS = 2000

export interface BuildOptions {
  workers: number | 'auto'
  /** The places and occasions the stages look things up in (parsed once, from `--places` and `--occasions`). */
  gazetteers: Gazetteers
  progress?: ProgressSink
  /**
   * A folder for the run's temporary files (the read cache, the record spool), created if missing and
   * removed by the caller; default: a new folder in the system's temp folder, removed at the end.
   */
  workDir?: string
}

/** Threads to use: as asked, or for 'auto' one per core once the folder is big enough. */
export function threadCount(workers: number | 'auto', files: number, cores = availableParallelism()): number {
  if (workers !== 'auto') return Math.max(1, Math.floor(workers))
  return files >= MIN_FILES_FOR_WORKERS ? Math.max(1, cores) : 1
}

/** The dataset of a run, its records parked in a spool file: what the output files are written from. */
export interface BuiltDataset {
  generatedAt: string
  /** Articles, mentions and figures, filed in id order (close it when done). */
  spool: RecordSpool
  actors: Actor[]
  /** The merged events, in the dataset's order, as compact JSON lines (read from a file in the run's folder). */
  events: { count: number; lines: () => Iterable<string> }
  /** Fed every article: the counts of the index and the day files. */
  layout: LayoutBuilder
  /** Deletes the spool (and the temporary folder when the run made its own). */
  close(): void
}

type SafeParseLike = { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }

/** Checks a record against its schema; throws what is wrong, naming the record. */
function checkRecord(schema: { safeParse: (value: unknown) => SafeParseLike }, what: string, record: unknown): void {
  const r = schema.safeParse(record)
  if (!r.success) throw new Error(`output does not match the dataset schema: ${what}.${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`)
}

/**
 * Processes the articles of a folder in two passes, so memory holds a few shards' texts at a time and
 * a few numbers per article:
 * 1. read every file (skips, wire-copy keys, people not in the registry);
 * 2. per shard, read its articles again, extract actors, events and figures, write the shard, park
 *    the records in the spool file and count them for the layout.
 * Both passes run on worker threads when asked (`workers` > 1); results are taken in file and shard
 * order, so the output is the same bytes as with one thread. Every record is checked against the
 * schema as it is made.
 */
export async function processFolder(
  inDir: string,
  registry: readonly ActorEntry[],
  generatedAt: string,
  /** The folder the text shards are written to. */
  shardDir: string,
  /** Their folder relative to the dataset file ("dataset.text"): the start of `textShard`. */
  shardFolder: string,
  options: BuildOptions,
): Promise<{ built: BuiltDataset; report: RunReport }> {
  const report: RunReport = { read: 0, skipped: [], warnings: [] }
  const { files, skipped } = listArticleFiles(inDir)
  report.skipped.push(...skipped)
  const threads = threadCount(options.workers, files.length)
  const pool = threads > 1 ? new WorkerPool(threads, { inDir, registry: [...registry], gazetteers: options.gazetteers }) : undefined
  const sink = options.progress
  const ownWorkDir = options.workDir === undefined
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'mbpm-run-'))
  mkdirSync(workDir, { recursive: true })
  const cacheFile = join(workDir, 'read-cache.jsonl')
  const cacheFd = openSync(cacheFile, 'w')
  let cacheClosed = false
  let spool: RecordSpool | undefined
  let draftSpool: DraftSpool | undefined
  try {
    const cacheOut = bufferedWriter(cacheFd, 1 << 22)
    let cacheBytes = 0
    // pass 1
    const baseMatcher = buildMatcher(registry)
    const registryIds = new Set(registry.map((e) => e.id))
    const discovered = new Map<string, ActorEntry>()
    // per article read, in the order read: id, wire-copy key, span in the read cache
    const seenIds = new Set<string>()
    const readIds: string[] = []
    const readKeys: (string | null)[] = []
    const readOffsets: number[] = []
    const readLengths: number[] = []
    // several jobs per thread even for a small folder, so the threads share the work evenly
    const chunkSize = Math.max(1, Math.min(FIRST_PASS_CHUNK, Math.ceil(files.length / (threads * 8))))
    const chunks: string[][] = []
    for (let i = 0; i < files.length; i += chunkSize) chunks.push(files.slice(i, i + chunkSize))
    const reading = sink ? createProgress('read   ', files.length, sink) : undefined
    let seen = 0
    let seenBytes = 0
    const takeFirst = (results: readonly FirstPassResult[]): void => {
      for (const r of results) {
        report.warnings.push(...r.warnings)
        seen++
        seenBytes += r.bytes
        if (!r.ok) {
          report.skipped.push({ file: r.file, reason: r.reason })
          continue
        }
        if (seenIds.has(r.id)) {
          report.skipped.push({ file: r.file, reason: `same id "${r.id}" as an earlier file` })
          continue
        }
        const length = Buffer.byteLength(r.cached)
        seenIds.add(r.id)
        readIds.push(r.id)
        readKeys.push(r.bodyKey)
        readOffsets.push(cacheBytes)
        readLengths.push(length)
        cacheOut.write(r.cached)
        cacheBytes += length
        for (const person of r.people) {
          const entry = discoveredEntry(person.name, person.country, person.countryFrom, person.sameAs)
          if (registryIds.has(entry.id)) continue
          const earlier = discovered.get(entry.id)
          // the first article that names the person decides, one that gives the state fills it in
          if (!earlier) discovered.set(entry.id, entry)
          else if (earlier.country === undefined && entry.country !== undefined) {
            earlier.country = entry.country
            earlier.countryFrom = entry.countryFrom
          }
        }
      }
      reading?.update(seen, seenBytes)
    }
    if (pool) await pool.run<FirstPassResult[]>(chunks.length, (i) => ({ kind: 'first', files: chunks[i] ?? [] }), (_, r) => takeFirst(r))
    else for (const chunk of chunks) takeFirst(firstPass(inDir, chunk, baseMatcher, options.gazetteers.occasions))
    reading?.finish()
    cacheOut.flush()
    closeSync(cacheFd)
    cacheClosed = true
    seenIds.clear()
    report.read = readIds.length
    const discoveredList = [...discovered.values()].sort((x, y) => (x.id < y.id ? -1 : 1))
    const matcher = buildMatcher(registry, discoveredList)
    // from here on articles are known by their position in id order
    const order = readIds.map((_, i) => i).sort((x, y) => byCodeUnit(readIds[x] ?? '', readIds[y] ?? ''))
    const ids = order.map((i) => readIds[i] ?? '')
    const cacheOffsets = Float64Array.from(order, (i) => readOffsets[i] ?? 0)
    const cacheLengths = Uint32Array.from(order, (i) => readLengths[i] ?? 0)
    // wire copies: a later id (in id order) with the body key of an earlier one
    const duplicates = new Map<string, string>()
    const firstOfKey = new Map<string, string>()
    for (const i of order) {
      const key = readKeys[i]
      if (key === null || key === undefined) continue
      const earlier = firstOfKey.get(key)
      if (earlier === undefined) firstOfKey.set(key, readIds[i] ?? '')
      else duplicates.set(readIds[i] ?? '', earlier)
    }
    firstOfKey.clear()
    readIds.length = 0
    readKeys.length = 0
    readOffsets.length = 0
    readLengths.length = 0
    const storyRoots = new Set(duplicates.values())
    const shardCount = shardCountFor(ids, SHARD_SIZE)
    const byShard = new Map<number, number[]>()
    for (const [position, id] of ids.entries()) {
      const shard = stableHash(id) % shardCount
      const list = byShard.get(shard)
      if (list) list.push(position)
      else byShard.set(shard, [position])
    }

    // pass 2
    spool = new RecordSpool(join(workDir, 'records.jsonl'), ids)
    const records = spool
    const layout = createLayoutBuilder()
    const usedActors = new Set<string>()
    const drafts = new DraftSpool(workDir)
    draftSpool = drafts
    const shardList = [...byShard.keys()].sort((x, y) => x - y)
    const extracting = sink ? createProgress('extract', ids.length, sink) : undefined
    let done = 0
    let doneBytes = 0
    const jobOf = (shard: number): ShardJob => {
      const positions = byShard.get(shard) ?? []
      const shardPath = shardPathOf(shardFolder, shard, shardCount)
      return {
        cacheFile,
        sources: positions.map((p) => ({ offset: cacheOffsets[p] ?? 0, length: cacheLengths[p] ?? 0 })),
        duplicateOf: positions.map((p) => duplicates.get(ids[p] ?? '') ?? null),
        shardPath,
        shardFile: join(shardDir, basename(shardPath)),
      }
    }
    const takeShard = (result: ShardRecords): void => {
      report.warnings.push(...result.warnings)
      for (const r of result.records) {
        const a = r.article
        checkRecord(ArticleSchema, `articles.${a.id}`, r.article)
        for (const m of r.mentions) {
          checkRecord(MentionSchema, `mentions.${a.id}`, m)
          usedActors.add(m.actorId)
        }
        for (const f of r.figures) checkRecord(FigureSchema, `figures.${f.id}`, f)
        records.add(r.article, r.mentions, r.figures)
        layout.add(r.article, r.mentions, { inStory: r.article.duplicateOf !== null || storyRoots.has(a.id) })
        for (const d of r.drafts) drafts.add(d)
      }
      done += result.records.length
      doneBytes += result.bytes
      extracting?.update(done, doneBytes)
    }
    if (pool) {
      pool.broadcast({ kind: 'matcher', discovered: discoveredList })
      await pool.run<ShardRecords>(
        shardList.length,
        (i) => ({ kind: 'shard', shard: jobOf(shardList[i] ?? 0) }),
        (_, r) => takeShard(r),
      )
    } else {
      for (const shard of shardList) takeShard(runShardJob(jobOf(shard), matcher, options.gazetteers))
    }
    extracting?.finish()
    spool.seal()
    // events merged one year at a time, parked as JSON lines; the actors they name are used
    const eventsFile = join(workDir, 'events.jsonl')
    const eventsFd = openSync(eventsFile, 'w')
    let eventCount = 0
    try {
      const out = bufferedWriter(eventsFd)
      for (const yearEvents of drafts.merged()) {
        for (const event of yearEvents) {
          checkRecord(DiplomaticEventSchema, `events.${event.id}`, event)
          for (const id of [...event.visitors, ...event.hosts, ...(event.country ? [event.country] : [])]) usedActors.add(id)
          out.write(`${JSON.stringify(event)}\n`)
          eventCount += 1
        }
      }
      out.flush()
    } finally {
      closeSync(eventsFd)
    }
    drafts.close()
    const events = { count: eventCount, lines: () => readLines(eventsFile) }
    const actors = actorsOf(matcher.registry, usedActors, [], new Set(discovered.keys()))
    for (const actor of actors) checkRecord(ActorSchema, `actors.${actor.id}`, actor)
    const close = (): void => {
      records.close()
      if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
    }
    return { built: { generatedAt, spool, actors, events, layout, close }, report }
  } catch (e) {
    spool?.close()
    draftSpool?.close()
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
    throw e
  } finally {
    if (!cacheClosed) closeSync(cacheFd)
    rmSync(cacheFile, { force: true })
    await pool?.close()
  }
}

/** The dataset of spooled records, in memory (for tests and small folders). */
export function datasetOf(built: BuiltDataset): Dataset {
  const parse = <T>(lines: Iterable<string>): T[] => [...lines].map((line) => JSON.parse(line) as T)
  return {
    schemaVersion: DATASET_VERSION,
    generatedAt: built.generatedAt,
    articles: parse<Article>(built.spool.records('articles')),
    actors: built.actors,
    mentions: parse<Mention>(built.spool.records('mentions')),
    events: parse<DiplomaticEvent>(built.events.lines()),
    figures: parse<Figure>(built.spool.records('figures')),
  }
}

/** `processFolder`, with the dataset returned in memory. */
export async function buildFromFolder(
  inDir: string,
  registry: readonly ActorEntry[],
  generatedAt: string,
  writeShard: (path: string, shard: TextShard) => void,
  shardFolder: string,
  options: BuildOptions,
): Promise<{ dataset: Dataset; report: RunReport }> {
  const shardDir = mkdtempSync(join(tmpdir(), 'mbpm-shards-'))
  try {
    const { built, report } = await processFolder(inDir, registry, generatedAt, shardDir, shardFolder, options)
    try {
      for (const name of readdirSync(shardDir).sort()) {
        writeShard(`${shardFolder}/${name}`, JSON.parse(readFileSync(join(shardDir, name), 'utf8')) as TextShard)
      }
      return { dataset: datasetOf(built), report }
    } finally {
      built.close()
    }
  } finally {
    rmSync(shardDir, { recursive: true, force: true })
  }
}

/** Where each output file goes: the dataset file, its text shards and its layout, under temporary names. */
interface OutputNames {
  outFile: string
  shardFolder: string
  indexFile: string
  paths: LayoutPaths
}

/** Writes dataset.json, the month parts, the day files, the index and the events file into the temporaries of `target`. */
export function writeOutput(built: BuiltDataset, target: OutputTarget, names: OutputNames): void {
  const { spool } = built
  const inFolder = (path: string): string => {
    const [folder, ...rest] = path.split('/')
    return join(target.tmp(folder ?? ''), ...rest)
  }
  const writePieces = (file: string, pieces: Iterable<string>): void => {
    const fd = openSync(file, 'w')
    try {
      const out = bufferedWriter(fd)
      for (const piece of pieces) out.write(piece)
      out.flush()
    } finally {
      closeSync(fd)
    }
  }
  const head = { schemaVersion: DATASET_VERSION, generatedAt: built.generatedAt }
  writePieces(target.tmp(basename(names.outFile)), spooledDatasetPieces(head, built.actors, built.events.lines(), spool))
  for (const { month, positions } of spool.partPositions()) {
    writePieces(inFolder(partPath(names.paths, month)), spooledPartPieces(spool, month, positions))
  }
  const { index, dayFiles } = built.layout.finish({
    generatedAt: built.generatedAt,
    actors: built.actors,
    events: built.events.count,
    figures: spool.counts.figures,
    paths: names.paths,
  })
  for (const [path, day] of dayFiles) writeFileSync(inFolder(path), compactJson(day))
  writePieces(target.tmp(names.paths.events), eventsFilePieces(built.events.lines()))
  writeFileSync(target.tmp(names.indexFile), compactJson(index))
}

/** ISO time from SOURCE_DATE_EPOCH (seconds) when set, else now. */
export function generatedAtFrom(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const raw = env.SOURCE_DATE_EPOCH
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return new Date(Number(raw.trim()) * 1000).toISOString()
  return now.toISOString()
}

/** JSON as written: 2-space indentation, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** JSON of the layout files: one line, no indentation (they are fetched by the app), trailing newline. */
export function compactJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`
}

/** The places and occasions the stages look things up in: parsed once, passed to every pass and worker. */
export interface Gazetteers {
  places: readonly Place[]
  occasions: readonly Occasion[]
}

function readJsonFile(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    fail(`cannot read ${what} ${path}: ${(e as Error).message.split('\n')[0]}`)
  }
}

/** The gazetteer files, checked: a broken one is a one-line error naming the file and what is wrong. */
function readGazetteers(placesFile: string, occasionsFile: string): Gazetteers {
  const placesJson = readJsonFile(placesFile, 'place list')
  const problem = placesProblem(placesJson)
  if (problem) fail(`invalid place list ${placesFile}: ${problem}`)
  const occasionsJson = readJsonFile(occasionsFile, 'occasion table')
  let occasions: Occasion[]
  try {
    occasions = parseOccasions(occasionsJson)
  } catch (e) {
    fail(`invalid occasion table ${occasionsFile}: ${(e as Error).message}`)
  }
  return { places: parsePlaces(placesJson), occasions }
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`)
  process.exit(1)
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv)
  if (!args.ok) fail(args.error)
  const { inDir, outFile, actorsFile, placesFile, occasionsFile, workers } = args.value
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) fail(`input folder not found: ${inDir}`)
  let registryJson: unknown
  try {
    registryJson = JSON.parse(readFileSync(actorsFile, 'utf8'))
  } catch (e) {
    fail(`cannot read actor registry ${actorsFile}: ${(e as Error).message.split('\n')[0]}`)
  }
  const registry = parseRegistry(registryJson)
  if (!registry.ok) fail(`invalid actor registry ${actorsFile}: ${registry.error}`)
  const gazetteers = readGazetteers(placesFile, occasionsFile)

  const base = basename(outFile).replace(/\.json$/i, '')
  const shardFolder = `${base}.text`
  const paths = layoutPathsFor(base)
  const indexFile = indexFileFor(base)
  let target: OutputTarget
  try {
    target = openOutput(outFile, [paths.events, basename(outFile), indexFile], [shardFolder, paths.dayFolder, paths.partFolder])
  } catch (e) {
    fail(`cannot write ${outFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  let report: RunReport
  let summary: string
  let workDir: string | undefined
  try {
    workDir = join(dirname(outFile), `${basename(outFile)}.spool-${process.pid}-${Date.now()}`)
    let built: BuiltDataset
    ;({ built, report } = await processFolder(inDir, registry.value, generatedAtFrom(process.env), target.tmp(shardFolder), shardFolder, {
      workers,
      gazetteers,
      progress: process.stderr,
      workDir,
    }))
    try {
      for (const s of report.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`)
      for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`)
      if (report.read === 0) throw new Error(`no article could be read in ${inDir} (${report.skipped.length} skipped)`)
      writeOutput(built, target, { outFile, shardFolder, indexFile, paths })
      const discovered = built.actors.filter((a) => a.discovered).length
      summary =
        `actors ${built.actors.length} (${discovered} discovered), mentions ${built.spool.counts.mentions}, events ${built.events.count}, ` +
        `figures ${built.spool.counts.figures} → ${outFile}`
    } finally {
      built.close()
    }
    target.commit()
  } catch (e) {
    target.discard()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
    const err = e as NodeJS.ErrnoException
    fail(err.code ? `cannot write ${outFile}: ${err.code}` : err.message)
  } finally {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  }
  const reasons = [...new Set(report.skipped.map((s) => s.reason))]
  process.stderr.write(
    `read ${report.read}, skipped ${report.skipped.length}${reasons.length ? ` (${reasons.join('; ')})` : ''}; ${summary}\n`,
  )
}

/**
 * Heap limit of the command, MB. The main thread keeps little (≈ 25 MB of records' bookkeeping at
 * 100 k articles after a GC) but makes much short-lived garbage; with V8's default limit it let the
 * heap grow to ≈ 180 MB of mostly garbage at 100 k (peak RSS 647 MB); with 512 MB the peak is 439 MB
 * (384 MB: 438, 160 MB: 428) at no CPU cost. Workers take the same limit (a process-wide flag).
 */
export const HEAP_LIMIT_MB = 512
const HEAP_FLAG = '--max-old-space-size'

/** Runs the command again in a child with the heap limit when it was started without one; returns its exit code. */
function relaunchWithHeapLimit(): number | undefined {
  if (process.env.MBPM_HEAP_LIMITED === '1') return undefined
  if (process.execArgv.some((arg) => arg.startsWith(HEAP_FLAG)) || (process.env.NODE_OPTIONS ?? '').includes(HEAP_FLAG)) return undefined
  const child = spawnSync(process.execPath, [...process.execArgv, `${HEAP_FLAG}=${HEAP_LIMIT_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MBPM_HEAP_LIMITED: '1' },
  })
  if (child.error) return undefined
  return child.status ?? 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = relaunchWithHeapLimit()
  if (code !== undefined) process.exit(code)
  main(process.argv.slice(2)).catch((e: unknown) => fail((e as Error).message))
}
