/**
 * The preprocessing command, and the only module that touches the file system:
 *   npm run preprocess -- --in DIR --out FILE [--actors FILE]
 * Reads every *.txt in DIR (with an optional sibling NAME.meta.json), runs the stages in order,
 * validates the result against src/model/dataset.ts and writes FILE and its text shards atomically.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DatasetSchema, PublishedDate, TextShardSchema } from '../src/model/dataset.ts'
import type { TextShard } from '../src/model/dataset.ts'
import { assembleDataset } from './assemble.ts'
import type { ProcessedArticle } from './assemble.ts'
import { cleanText, looksGerman } from './clean-text.ts'
import { decodeText } from './decode-text.ts'
import { buildMatcher, discoverPeople, discoveredEntry, extractActors, parseRegistry, slugify } from './extract-actors.ts'
import { extractDate } from './extract-date.ts'
import { extractEvents } from './extract-events.ts'
import { extractFigures } from './extract-figures.ts'
import { extractTitle } from './extract-title.ts'
import { segmentSentences } from './segment-sentences.ts'
import type { ActorEntry, EventDraft, FigureDraft, Sentence } from './types.ts'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface CliOptions {
  inDir: string
  outFile: string
  actorsFile: string
}

/** Command line → options, or a one-line error. */
export function parseArgs(argv: readonly string[]): { ok: true; value: CliOptions } | { ok: false; error: string } {
  const value: CliOptions = {
    inDir: 'data/articles',
    outFile: 'public/data/dataset.json',
    actorsFile: join(PROJECT_ROOT, 'data/actors.json'),
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
    } else {
      return { ok: false, error: `unknown argument "${arg}" (usage: --in DIR --out FILE [--actors FILE])` }
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

type ReadResult = { ok: true; article: ReadArticle } | { ok: false; reason: string }

function readArticle(dir: string, file: string, warn: (msg: string) => void): ReadResult {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(join(dir, file))
  } catch (e) {
    return { ok: false, reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return { ok: false, reason: decoded.reason }
  const { lines } = cleanText(decoded.text)
  if (lines.length === 0) return { ok: false, reason: 'only boilerplate, no article text' }
  if (!looksGerman(lines.join('\n'))) return { ok: false, reason: 'not German' }
  const meta = readMeta(join(dir, file.replace(/\.txt$/i, '.meta.json')), warn)
  const titled = extractTitle(lines)
  const metaTitle = meta?.title?.trim()
  const title = metaTitle ? metaTitle : titled.title
  const sentences = segmentSentences(title, titled.body)
  let published: string | null = null
  let publishedFrom: ProcessedArticle['publishedFrom'] = null
  const fromMeta = meta?.published ? metaPublished(meta.published) : undefined
  if (meta?.published && !fromMeta) warn(`${file}: meta published "${meta.published}" is not a date, read the text instead`)
  if (fromMeta) {
    published = fromMeta
    publishedFrom = 'meta'
  } else {
    const found = extractDate(decoded.text)
    if (found) {
      published = found.date
      publishedFrom = found.from
    }
  }
  return {
    ok: true,
    article: {
      id: articleIdFor(file),
      file,
      title,
      outlet: meta?.outlet ?? outletFromText(decoded.text),
      url: meta?.url ?? null,
      published,
      publishedFrom,
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

/** Processes the articles of a folder into a dataset (no writing). */
export function buildFromFolder(
  inDir: string,
  registry: readonly ActorEntry[],
  generatedAt: string,
  shardFolder: string,
): { assembled: ReturnType<typeof assembleDataset>; report: RunReport } {
  const report: RunReport = { read: 0, skipped: [], warnings: [] }
  const warn = (msg: string): void => {
    report.warnings.push(msg)
  }
  const files = readdirSync(inDir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.txt$/i.test(d.name))
    .map((d) => d.name)
    .sort()
  const read: ReadArticle[] = []
  const ids = new Set<string>()
  for (const file of files) {
    const result = readArticle(inDir, file, warn)
    if (!result.ok) {
      report.skipped.push({ file, reason: result.reason })
      continue
    }
    if (ids.has(result.article.id)) {
      report.skipped.push({ file, reason: `same id "${result.article.id}" as an earlier file` })
      continue
    }
    ids.add(result.article.id)
    read.push(result.article)
  }
  report.read = read.length

  // people not in the registry, found across all articles, then matched everywhere
  const baseMatcher = buildMatcher(registry)
  const registryIds = new Set(registry.map((e) => e.id))
  const discovered = new Map<string, ActorEntry>()
  for (const a of read) {
    for (const person of discoverPeople(a.sentences, baseMatcher)) {
      const entry = discoveredEntry(person.name)
      if (!registryIds.has(entry.id) && !discovered.has(entry.id)) discovered.set(entry.id, entry)
    }
  }
  const discoveredList = [...discovered.values()].sort((x, y) => (x.id < y.id ? -1 : 1))
  const matcher = buildMatcher(registry, discoveredList)

  const processed: ProcessedArticle[] = read.map((a) => {
    const matches = extractActors(a.sentences, matcher)
    const events = guarded<EventDraft[]>(`${a.file}: events`, [], () => extractEvents(a.sentences, matches, matcher.registry, a.published), warn)
    const figures = guarded<FigureDraft[]>(`${a.file}: figures`, [], () => extractFigures(a.sentences, a.published), warn)
    return { ...a, matches, events, figures }
  })
  const assembled = assembleDataset(processed, matcher.registry, new Set(discovered.keys()), { generatedAt, shardFolder })
  return { assembled, report }
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

/** Writes the shards and then the dataset, each through a temporary file in the same folder and a rename. */
function writeOutput(outFile: string, dataset: unknown, shards: ReadonlyMap<string, TextShard>, shardFolder: string): void {
  const outDir = dirname(outFile)
  mkdirSync(outDir, { recursive: true })
  const tmpTag = `.tmp-${process.pid}-${Date.now()}`
  const finalShardDir = join(outDir, shardFolder)
  const tmpShardDir = `${finalShardDir}${tmpTag}`
  const tmpFile = `${outFile}${tmpTag}`
  try {
    // the dataset first goes to its temporary file: an unwritable target fails here, before anything moves
    writeFileSync(tmpFile, toJson(dataset))
    mkdirSync(tmpShardDir, { recursive: true })
    for (const [path, shard] of shards) writeFileSync(join(outDir, path.replace(shardFolder, relative(outDir, tmpShardDir))), toJson(shard))
    const oldShardDir = `${finalShardDir}.old${tmpTag}`
    if (existsSync(finalShardDir)) renameSync(finalShardDir, oldShardDir)
    renameSync(tmpShardDir, finalShardDir)
    renameSync(tmpFile, outFile)
    rmSync(oldShardDir, { recursive: true, force: true })
  } finally {
    rmSync(tmpFile, { force: true })
    rmSync(tmpShardDir, { recursive: true, force: true })
  }
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`)
  process.exit(1)
}

export function main(argv: readonly string[]): void {
  const args = parseArgs(argv)
  if (!args.ok) fail(args.error)
  const { inDir, outFile, actorsFile } = args.value
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) fail(`input folder not found: ${inDir}`)
  let registryJson: unknown
  try {
    registryJson = JSON.parse(readFileSync(actorsFile, 'utf8'))
  } catch (e) {
    fail(`cannot read actor registry ${actorsFile}: ${(e as Error).message.split('\n')[0]}`)
  }
  const registry = parseRegistry(registryJson)
  if (!registry.ok) fail(`invalid actor registry ${actorsFile}: ${registry.error}`)

  const shardFolder = `${basename(outFile).replace(/\.json$/i, '')}.text`
  const { assembled, report } = buildFromFolder(inDir, registry.value, generatedAtFrom(process.env), shardFolder)
  for (const s of report.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`)
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`)
  if (report.read === 0) fail(`no article could be read in ${inDir} (${report.skipped.length} skipped)`)

  const valid = DatasetSchema.safeParse(assembled.dataset)
  if (!valid.success) fail(`output does not match the dataset schema: ${valid.error.issues[0]?.path.join('.')}: ${valid.error.issues[0]?.message}`)
  for (const [path, shard] of assembled.shards) {
    const ok = TextShardSchema.safeParse(shard)
    if (!ok.success) fail(`text shard ${path} does not match the schema: ${ok.error.issues[0]?.message}`)
  }
  try {
    writeOutput(outFile, assembled.dataset, assembled.shards, shardFolder)
  } catch (e) {
    fail(`cannot write ${outFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const d = assembled.dataset
  const reasons = [...new Set(report.skipped.map((s) => s.reason))]
  const discovered = d.actors.filter((a) => a.discovered).length
  process.stderr.write(
    `read ${report.read}, skipped ${report.skipped.length}${reasons.length ? ` (${reasons.join('; ')})` : ''}; ` +
      `actors ${d.actors.length} (${discovered} discovered), mentions ${d.mentions.length}, events ${d.events.length}, ` +
      `figures ${d.figures.length} → ${outFile}\n`,
  )
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2))
