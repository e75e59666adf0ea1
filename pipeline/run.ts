/**
 * One run of the preprocessing command, as named steps:
 *   plan (files, threads, temporary folder) → read pass → extract pass → merge (events, actors) → write.
 * The read and extract passes run the same functions (passes/) on the main thread or on worker threads;
 * results are taken in file and shard order, so the output is the same bytes with any number of threads.
 * Memory holds a few shards' texts and a few numbers per article at a time, at any corpus size.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { ActorSchema, ArticleSchema, DiplomaticEventSchema, FigureSchema, MentionSchema, QuoteSchema } from '../src/model/dataset.ts'
import type { Article, Figure, Mention, Quote } from '../src/model/dataset.ts'
import { DraftSpool } from './io/event-spool.ts'
import { createLayoutBuilder, indexFileFor, layoutPathsFor } from './io/layout-build.ts'
import { createEventLayoutBuilder } from './io/layout-events.ts'
import { createSearchIndexBuilder } from './io/search-index.ts'
import type { SearchIndexBuilder } from './io/search-index.ts'
import { openOutput } from './io/output.ts'
import type { OutputTarget } from './io/output.ts'
import { createProgress } from './io/progress.ts'
import type { ProgressSink } from './io/progress.ts'
import { listSources } from './io/list-sources.ts'
import { readInputs } from './io/read-inputs.ts'
import type { InputFiles, Inputs } from './io/read-inputs.ts'
import { readLines, RecordSpool } from './io/spool.ts'
import { writeEventParts, writeOutput } from './io/write-output.ts'
import type { BuiltDataset, OutputNames } from './io/write-output.ts'
import { bufferedWriter } from './io/write-all.ts'
import { checkRecord } from './passes/check-record.ts'
import { extractShard } from './passes/extract-pass.ts'
import type { ShardJob, ShardRecords } from './passes/extract-pass.ts'
import { planArticles, shardPathOf, threadCount } from './passes/plan.ts'
import { commitIncremental, openIncremental, staleNames } from './incremental.ts'
import { readStep } from './read-step.ts'
import { skipLines } from './stages/skip-lines.ts'
import type { ReadContext, ReadOutcome, RunReport } from './read-step.ts'
import type { ArticlePlan } from './passes/plan.ts'
import { actorsOf } from './stages/article-records.ts'
import { buildMatcher } from './stages/extract/actor-registry.ts'
import type { ActorMatcher } from './stages/extract/actor-registry.ts'
import type { ActorEntry } from './stages/types.ts'
import { WorkerPool } from './workers/pool.ts'

export type { BuiltDataset } from './io/write-output.ts'
export type { RunReport } from './read-step.ts'

export interface BuildOptions {
  /**
   * Worker threads for reading and extraction; 1 runs everything on the main thread. 'auto': one per
   * core, none for a folder too small to repay starting them.
   */
  workers: number | 'auto'
  progress?: ProgressSink
  /**
   * A folder for the run's temporary files (the read cache, the record spool), created if missing and
   * removed by the caller; default: a new folder in the system's temp folder, removed at the end.
   */
  workDir?: string
  /** The file each worker starts from (default: worker.ts, bundled). */
  workerEntry?: string
  /** The cache between runs (io/run-cache.ts); none: every file is read and extracted. */
  cacheDir?: string
  /** The folder the event month parts are written to (default: a folder in `workDir`). */
  eventPartDir?: string
}

/** What every step of a run works with. */
interface RunContext extends ReadContext {
  generatedAt: string
  /** The folder the text shards are written to, and their folder relative to the dataset file ("dataset.text"). */
  shardDir: string
  shardFolder: string
  /** The folder the event month parts are written to. */
  eventPartDir: string
}

/** What the extract pass leaves: the records in the spool, the layout counts, the event reports by year. */
interface ExtractOutcome {
  spool: RecordSpool
  layout: ReturnType<typeof createLayoutBuilder>
  search: SearchIndexBuilder
  drafts: DraftSpool
  usedActors: Set<string>
  matcher: ActorMatcher
  /** With a cache: the part files the shard jobs parked their records in. */
  cacheParts: string[]
}

/**
 * Step 1: the files to read (with a cache, what it knows of them), and the worker threads when the files to read are
 * worth them: `auto` counts the files not known unchanged, so an incremental run of a few new files stays on one
 * thread (starting workers and cloning every cached record to the main thread cost more than the few files).
 */
async function planRun(inDir: string, inputs: Inputs, workDir: string, options: BuildOptions): Promise<Pick<RunContext, 'files' | 'report' | 'pool' | 'incremental'>> {
  const { files, skipped } = listSources(inDir)
  const report: RunReport = { read: 0, skipped: [...skipped], warnings: [] }
  const incremental = options.cacheDir === undefined ? undefined : openCache(options.cacheDir, inputs, inDir, files, workDir)
  const toRead = files.length - (incremental?.state.counts.unchanged ?? 0)
  const threads = threadCount(options.workers, toRead, availableParallelism())
  const setup = { inDir, registry: [...inputs.registry], gazetteers: inputs.gazetteers }
  const pool = threads > 1 ? await WorkerPool.start(threads, setup, workDir, options.workerEntry) : undefined
  return { files, report, pool, ...(incremental ? { incremental } : {}) }
}

/** The shard jobs of the extract pass: each shard's articles (their spans in the read cache), wire-copy links and files. */
function shardJobs(ctx: RunContext, read: ReadOutcome, plan: ArticlePlan): ShardJob[] {
  const inc = ctx.incremental
  const cache = read.cache
  const stale = inc ? staleNames(inc.state.cache.discovered, read.discovered) : null
  const partOf = Int32Array.from(plan.readIndex, (i) => read.partOf[i] ?? 0)
  const offsets = Float64Array.from(plan.readIndex, (i) => read.offsets[i] ?? 0)
  const lengths = Uint32Array.from(plan.readIndex, (i) => read.lengths[i] ?? 0)
  return plan.shards.shards.map(({ index, positions }) => {
    const shardPath = shardPathOf(ctx.shardFolder, index, plan.shards.count)
    return {
      sources: positions.map((p) => ({ file: read.parts[partOf[p] ?? 0] ?? '', offset: offsets[p] ?? 0, length: lengths[p] ?? 0 })),
      duplicateOf: positions.map((p) => plan.duplicateOf.get(plan.ids[p] ?? '') ?? null),
      shardPath,
      shardFile: join(ctx.shardDir, basename(shardPath)),
      ...(cache && inc ? { reuse: positions.map((p) => cache.reuse.get(plan.readIndex[p] ?? -1)), stale, cachePart: join(ctx.workDir, `x-${inc.stamp}-${index}.part`) } : {}),
    }
  })
}

/** With a cache: where each article's records are parked (by read position), for the manifest; the count of articles extracted again. */
function keepParked(ctx: RunContext, read: ReadOutcome, plan: ArticlePlan, job: number, result: ShardRecords): void {
  const counts = ctx.incremental?.state.counts
  if (!counts || !result.parked || !read.cache) return
  counts.redone += result.redone ?? 0
  const positions = plan.shards.shards[job]?.positions ?? []
  for (const [k, span] of result.parked.entries()) read.cache.extracted.set(plan.readIndex[positions[k] ?? -1] ?? -1, span)
}

/** Checks an article's records against the schema (records an earlier run of this code checked are not checked again). */
function checkRecords(a: Article, mentions: readonly Mention[], figures: readonly Figure[], quotes: readonly Quote[]): void {
  checkRecord(ArticleSchema, `articles.${a.id}`, a)
  for (const m of mentions) checkRecord(MentionSchema, `mentions.${a.id}`, m)
  for (const f of figures) checkRecord(FigureSchema, `figures.${f.id}`, f)
  for (const q of quotes) checkRecord(QuoteSchema, `quotes.${q.id}`, q)
}

/** Step 3: per shard, extract actors, events and figures where the job runs; check the records, spool them, count them for the layout. */
async function extractStep(ctx: RunContext, read: ReadOutcome): Promise<ExtractOutcome> {
  const plan = planArticles(read.ids, read.keys)
  const jobs = shardJobs(ctx, read, plan)
  read.ids.length = 0
  read.keys.length = 0
  const matcher = buildMatcher(ctx.inputs.registry, read.discovered)
  const spool = new RecordSpool(join(ctx.workDir, 'records.jsonl'), plan.ids)
  const cacheParts = jobs.flatMap((j) => (j.cachePart ? [j.cachePart] : []))
  const out: ExtractOutcome = { spool, layout: createLayoutBuilder(), search: createSearchIndexBuilder(ctx.workDir), drafts: new DraftSpool(ctx.workDir), usedActors: new Set(), matcher, cacheParts }
  const extracting = ctx.progress ? createProgress('extract', plan.ids.length, ctx.progress) : undefined
  let done = 0
  let doneBytes = 0
  const take = (result: ShardRecords, job: number): void => {
    ctx.report.warnings.push(...result.warnings)
    keepParked(ctx, read, plan, job, result)
    for (const r of result.records) {
      const a = r.article
      for (const m of r.mentions) out.usedActors.add(m.actorId)
      if (r.lines) spool.addLines(a, r.lines)
      else {
        const mentions = r.mentions as Mention[]
        if (!r.checked) checkRecords(a, mentions, r.figures, r.quotes)
        spool.add(a, mentions, r.figures, r.quotes)
      }
      out.layout.add(a, r.mentions, { inStory: a.duplicateOf !== null || plan.storyRoots.has(a.id) })
      out.search.addBlock(a, r.terms)
      for (const d of r.drafts) out.drafts.add(d)
      if (r.draftLines) out.drafts.addLines(r.draftLines)
    }
    done += result.records.length
    doneBytes += result.bytes
    extracting?.update(done, doneBytes)
  }
  try {
    if (ctx.pool) {
      ctx.pool.broadcast({ kind: 'matcher', discovered: read.discovered })
      await ctx.pool.run<ShardRecords>(jobs.length, (i) => ({ kind: 'shard', shard: jobs[i] as ShardJob }), (i, r) => take(r, i))
    } else {
      for (const [i, job] of jobs.entries()) take(extractShard(job, matcher, ctx.inputs.gazetteers), i)
    }
    extracting?.finish()
    spool.seal()
    return out
  } catch (e) {
    spool.close()
    out.search.close()
    out.drafts.close()
    throw e
  }
}

/** Step 4: events merged one year at a time, parked as JSON lines; the actors the dataset lists (named in an article or an event). */
function mergeStep(ctx: RunContext, extracted: ExtractOutcome, discovered: readonly ActorEntry[]): Pick<BuiltDataset, 'events' | 'actors' | 'eventLayout'> {
  const { drafts, usedActors } = extracted
  const eventsFile = join(ctx.workDir, 'events.jsonl')
  const fd = openSync(eventsFile, 'w')
  let count = 0
  const eventLayout = createEventLayoutBuilder()
  mkdirSync(ctx.eventPartDir, { recursive: true })
  try {
    const out = bufferedWriter(fd)
    for (const { events: yearEvents, reports } of drafts.chunks()) {
      for (const event of yearEvents) {
        checkRecord(DiplomaticEventSchema, `events.${event.id}`, event)
        for (const id of [...event.visitors, ...event.hosts, ...(event.country ? [event.country] : [])]) usedActors.add(id)
        out.write(`${JSON.stringify(event)}\n`)
        count += 1
      }
      writeEventParts(ctx.eventPartDir, eventLayout.addChunk(yearEvents, (id) => reports.get(id)))
    }
    out.flush()
  } finally {
    closeSync(fd)
    drafts.close()
  }
  const actors = actorsOf(extracted.matcher.registry, usedActors, [], new Set(discovered.map((d) => d.id)))
  for (const actor of actors) checkRecord(ActorSchema, `actors.${actor.id}`, actor)
  return { events: { count, lines: () => readLines(eventsFile) }, actors, eventLayout }
}

/**
 * Steps 1–4: the dataset of the articles in `inDir`, its records parked in a spool, the text shards
 * written to `shardDir`. Every record is checked against the schema as it is made.
 */
export async function buildDataset(
  inDir: string,
  inputs: Inputs,
  generatedAt: string,
  shardDir: string,
  shardFolder: string,
  options: BuildOptions,
): Promise<{ built: BuiltDataset; report: RunReport; keepCache?: () => void }> {
  const ownWorkDir = options.workDir === undefined
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'mbpm-run-'))
  mkdirSync(workDir, { recursive: true })
  let pool: WorkerPool | undefined
  let newParts: string[] = []
  let spool: RecordSpool | undefined
  let commitSpool: { close(): void } | undefined
  try {
    const planned = await planRun(inDir, inputs, workDir, options)
    pool = planned.pool
    const incremental = planned.incremental
    const eventPartDir = options.eventPartDir ?? join(workDir, 'event-parts')
    const ctx: RunContext = { inDir, inputs, generatedAt, shardDir, shardFolder, eventPartDir, workDir, progress: options.progress, ...planned }
    const read = await readStep(ctx)
    commitSpool = read.cache?.spool
    newParts = read.newParts
    const extracted = await extractStep(ctx, read)
    spool = extracted.spool
    const { events, actors, eventLayout } = mergeStep(ctx, extracted, read.discovered)
    const close = (): void => {
      read.cache?.spool.close()
      extracted.spool.close()
      extracted.search.close()
      if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
    }
    const built = { generatedAt, spool: extracted.spool, actors, events, eventLayout, layout: extracted.layout, search: extracted.search, close }
    const cache = read.cache
    if (!incremental || !cache) return { built, report: ctx.report }
    ctx.report.cache = incremental.state.counts
    const keepCache = (): void => commitIncremental(incremental.state, cache.spool, cache.extracted, read.discovered, [...read.newParts, ...extracted.cacheParts])
    return { built, report: ctx.report, keepCache }
  } catch (e) {
    spool?.close()
    commitSpool?.close()
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
    throw e
  } finally {
    if (options.cacheDir === undefined) for (const part of newParts) rmSync(part, { force: true })
    await pool?.close()
  }
}

/** The cache of an incremental run, opened on the files of this one. */
function openCache(dir: string, inputs: Inputs, inDir: string, files: readonly string[], workDir: string): NonNullable<RunContext['incremental']> {
  return { state: openIncremental(dir, inputs, inDir, files, workDir), stamp: `${Date.now().toString(36)}-${process.pid}` }
}

export interface RunOptions extends InputFiles {
  inDir: string
  outFile: string
  workers: number | 'auto'
  generatedAt: string
  /** The file each worker starts from (default: worker.ts, bundled). */
  workerEntry?: string
  /** The cache between runs (default `<outFile>.cache`); null: none (`--no-cache`). */
  cacheDir?: string | null
}

/** Where a run reports: one line at a time (stderr), and the progress bar's sink. */
export interface RunIo {
  log(line: string): void
  progress?: ProgressSink
}

/** The output names for `outFile`: the dataset file, its shard folder and its layout files. */
function outputNames(outFile: string): OutputNames {
  const base = basename(outFile).replace(/\.json$/i, '')
  return { outFile, shardFolder: `${base}.text`, indexFile: indexFileFor(base), paths: layoutPathsFor(base), searchFolder: `${base}.search` }
}

/** The summary's account of the cache: "; sources 3 new, 1 changed, 96 unchanged, 0 removed (2 extracted again)". */
function cacheLine(report: RunReport): string {
  const c = report.cache
  if (!c) return ''
  return `; sources ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed${c.redone ? ` (${c.redone} unchanged articles extracted again: a person found otherwise names them)` : ''}${c.discarded ? ` (${c.discarded})` : ''}`
}

/** Step 5: the report lines, then every output file under its temporary name; returns the summary. */
function writeStep(built: BuiltDataset, report: RunReport, target: OutputTarget, names: OutputNames, inDir: string, io: RunIo): string {
  for (const line of skipLines(report.skipped)) io.log(line)
  for (const w of report.warnings) io.log(`warning: ${w}`)
  if (report.read === 0) throw new Error(`no article could be read in ${inDir} (${report.skipped.length} skipped)`)
  writeOutput(built, target, names)
  const discovered = built.actors.filter((a) => a.discovered).length
  const reasons = [...new Set(report.skipped.map((s) => s.reason))]
  const skipped = report.skipped.reduce((n, s) => n + (s.records ?? 1), 0)
  return (
    `read ${report.read}, skipped ${skipped}${reasons.length ? ` (${reasons.join('; ')})` : ''}; ` +
    `actors ${built.actors.length} (${discovered} discovered), mentions ${built.spool.counts.mentions}, events ${built.events.count}, ` +
    `figures ${built.spool.counts.figures}, quotes ${built.spool.counts.quotes} → ${names.outFile}` +
    cacheLine(report)
  )
}

/**
 * The whole run: checks the input folder and the lookup files, builds the dataset, writes every output
 * file under a temporary name and swaps them in together. Returns the exit code: 0, or 1 after one
 * `error:` line (a failed run leaves the last good output as it was and no temporaries).
 */
export async function run(options: RunOptions, io: RunIo): Promise<number> {
  const { inDir, outFile } = options
  const fail = (message: string): number => {
    io.log(`error: ${message}`)
    return 1
  }
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) return fail(`input folder not found: ${inDir}`)
  const inputs = readInputs(options)
  if (!inputs.ok) return fail(inputs.error)
  const names = outputNames(outFile)
  let target: OutputTarget
  try {
    const { paths } = names
    target = openOutput(
      outFile,
      [paths.events, paths.eventSummary, paths.comentions, basename(outFile), names.indexFile],
      [names.shardFolder, paths.dayFolder, paths.partFolder, paths.eventFolder, paths.idFolder, names.searchFolder],
    )
  } catch (e) {
    return fail(`cannot write ${outFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const workDir = join(dirname(outFile), `${basename(outFile)}.spool-${process.pid}-${Date.now()}`)
  try {
    const cacheDir = options.cacheDir === undefined ? `${outFile}.cache` : (options.cacheDir ?? undefined)
    const eventPartDir = target.tmp(names.paths.eventFolder)
    const build = { workers: options.workers, progress: io.progress, workDir, workerEntry: options.workerEntry, eventPartDir, ...(cacheDir ? { cacheDir } : {}) }
    const { built, report, keepCache } = await buildDataset(inDir, inputs.value, options.generatedAt, target.tmp(names.shardFolder), names.shardFolder, build)
    let summary: string
    try {
      summary = writeStep(built, report, target, names, inDir, io)
    } finally {
      built.close()
    }
    target.commit()
    keepCache?.()
    io.log(summary)
    return 0
  } catch (e) {
    target.discard()
    const err = e as NodeJS.ErrnoException
    return fail(err.code ? `cannot write ${outFile}: ${err.code}` : err.message)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}
