/**
 * Step 2 of a run: the first pass over every input file — on the main thread or the workers, or taken from the
 * cache for a file that is unchanged — and the results taken in file order (skips, ids, wire-copy keys, people
 * not in the registry), so the output is the same bytes with any number of threads and with or without a cache.
 */
import { join } from 'node:path'
import { createProgress } from './io/progress.ts'
import type { ProgressSink } from './io/progress.ts'
import { SpanColumns } from './io/read-cache.ts'
import type { Inputs } from './io/read-inputs.ts'
import { CommitSpool } from './incremental.ts'
import type { CacheCounts, Incremental, KeptResult } from './incremental.ts'
import { readChunks } from './passes/plan.ts'
import { readFiles } from './passes/read-pass.ts'
import type { FoundPerson, SourceRead } from './passes/read-pass.ts'
import { buildMatcher, discoveredEntry } from './stages/extract/actor-registry.ts'
import type { ActorEntry } from './stages/types.ts'
import type { WorkerPool } from './workers/pool.ts'
import type { Skip } from './stages/skip-lines.ts'
import { byCodeUnit } from '../src/model/order.ts'

export interface RunReport {
  read: number
  /** A file, line or record skipped; `records`: how many records of a container one line stands for. */
  skipped: Skip[]
  warnings: string[]
  /** With a cache: the input files new, changed, unchanged and removed since the run that made it. */
  cache?: CacheCounts
}

/** What the read step works with. */
export interface ReadContext {
  inDir: string
  inputs: Inputs
  workDir: string
  files: string[]
  report: RunReport
  pool: WorkerPool | undefined
  progress: ProgressSink | undefined
  /** With a cache: what it knows (the files it knows unchanged, by position), and a stamp for this run's part files. */
  incremental?: { state: Incremental; stamp: string }
}

/** What the read pass leaves for the next steps, per article in the order read (a few numbers each). */
export interface ReadOutcome {
  /** The read cache's part files (this run's, and with a cache those of earlier runs). */
  parts: string[]
  /** This run's new part files. */
  newParts: string[]
  ids: string[]
  keys: (string | null)[]
  /** Where each article is parked: its part (index into `parts`), offset and length. */
  partOf: number[]
  offsets: number[]
  lengths: number[]
  /** People found in the text and not in the registry, sorted by id. */
  discovered: ActorEntry[]
  /**
   * With a cache: per article (read order) the records an earlier run made of it (`reuse`), where this run's
   * extract step parks them (`extracted`, filled in by it), and every file's results spooled for the next manifest.
   */
  cache?: { reuse: SpanColumns; extracted: SpanColumns; spool: CommitSpool }
}

/** Adds the people an article names and the registry does not: the first article decides, one that gives the state fills it in. */
function addDiscovered(discovered: Map<string, ActorEntry>, registryIds: ReadonlySet<string>, people: readonly FoundPerson[]): void {
  for (const person of people) {
    const entry = discoveredEntry(person.name, person.country, person.countryFrom, person.sameAs)
    if (registryIds.has(entry.id)) continue
    const earlier = discovered.get(entry.id)
    if (!earlier) discovered.set(entry.id, entry)
    else if (earlier.country === undefined && entry.country !== undefined) {
      earlier.country = entry.country
      earlier.countryFrom = entry.countryFrom
    }
  }
}

/** The results of the next file in order: read by its job (undefined while the job runs), or taken from the cache's manifest. */
function resultsAt(ctx: ReadContext, reads: (SourceRead | undefined)[], i: number): SourceRead | undefined {
  const read = reads[i]
  if (read) return read
  const inc = ctx.incremental?.state
  const offset = inc?.lineOffset[i] ?? -1
  if (!inc || offset < 0) return undefined
  return { file: ctx.files[i] ?? '', results: inc.cache.results(offset, inc.lineLength[i] ?? 0) }
}

/** Takes the results of each file in file order, as they come (cached ones at once, read ones when their job is done). */
function inOrder(ctx: ReadContext, out: ReadOutcome, reads: (SourceRead | undefined)[]): { arrived: () => void; bytes: () => number } {
  const registryIds = new Set(ctx.inputs.registry.map((e) => e.id))
  const discovered = new Map<string, ActorEntry>()
  const seenIds = new Set<string>()
  const partIndex = new Map<string, number>()
  const partOf = (file: string): number => {
    let i = partIndex.get(file)
    if (i === undefined) {
      i = out.parts.push(file) - 1
      partIndex.set(file, i)
    }
    return i
  }
  let next = 0
  let bytes = 0
  const arrived = (): void => {
    for (let read = resultsAt(ctx, reads, next); read !== undefined; read = resultsAt(ctx, reads, next)) {
      reads[next] = undefined
      next++
      const at: number[] = []
      for (const r of read.results) {
        ctx.report.warnings.push(...r.warnings)
        bytes += r.bytes
        at.push(-1)
        if (!r.ok) ctx.report.skipped.push({ file: r.file, reason: r.reason, ...(r.records ? { records: r.records } : {}), ...(r.folded ? { folded: r.folded } : {}) })
        else if (seenIds.has(r.id)) ctx.report.skipped.push({ file: r.file, reason: `same id "${r.id}" as an earlier file` })
        else {
          seenIds.add(r.id)
          at[at.length - 1] = out.ids.length
          out.cache?.reuse.set(out.ids.length, (r as KeptResult).extract)
          out.ids.push(r.id)
          out.keys.push(r.bodyKey)
          out.partOf.push(partOf(r.source.file))
          out.offsets.push(r.source.offset)
          out.lengths.push(r.source.length)
          addDiscovered(discovered, registryIds, r.people)
        }
      }
      out.cache?.spool.add(read.file, read.results, at)
    }
    if (next === reads.length) out.discovered = [...discovered.values()].sort((x, y) => byCodeUnit(x.id, y.id))
  }
  return { arrived, bytes: () => bytes }
}

/** Step 2: read every file not known unchanged, each article parked in the job's part of the read cache. */
export async function readStep(ctx: ReadContext): Promise<ReadOutcome> {
  const reads: (SourceRead | undefined)[] = ctx.files.map(() => undefined)
  const known = ctx.incremental?.state.lineOffset
  const positions = ctx.files.flatMap((_, i) => ((known?.[i] ?? -1) >= 0 ? [] : [i]))
  const chunks = readChunks(positions, ctx.pool ? ctx.pool.size : 1)
  const stamp = ctx.incremental?.stamp ?? 'run'
  const newParts = chunks.map((_, i) => join(ctx.workDir, `r-${stamp}-${i}.part`))
  const cache = ctx.incremental ? { reuse: new SpanColumns(), extracted: new SpanColumns(), spool: new CommitSpool(ctx.workDir, ctx.incremental.state) } : undefined
  const out: ReadOutcome = { parts: [], newParts, ids: [], keys: [], partOf: [], offsets: [], lengths: [], discovered: [], ...(cache ? { cache } : {}) }
  const taking = inOrder(ctx, out, reads)
  const reading = ctx.progress ? createProgress('read   ', ctx.files.length, ctx.progress) : undefined
  let done = ctx.files.length - positions.length
  const take = (i: number, results: readonly SourceRead[]): void => {
    for (const [k, read] of results.entries()) reads[chunks[i]?.[k] ?? -1] = read
    done += results.length
    taking.arrived()
    reading?.update(done, taking.bytes())
  }
  const files = (i: number): string[] => (chunks[i] ?? []).map((p) => ctx.files[p] ?? '')
  try {
    taking.arrived()
    if (ctx.pool) await ctx.pool.run<SourceRead[]>(chunks.length, (i) => ({ kind: 'first', files: files(i), part: newParts[i] ?? '' }), take)
    else {
      const baseMatcher = buildMatcher(ctx.inputs.registry)
      for (let i = 0; i < chunks.length; i++) take(i, await readFiles(ctx.inDir, files(i), newParts[i] ?? '', baseMatcher, ctx.inputs.gazetteers.occasions))
    }
    if (positions.length === 0) taking.arrived()
  } catch (e) {
    cache?.spool.close()
    throw e
  } finally {
    ctx.incremental?.state.cache.closeReader()
  }
  reading?.finish()
  ctx.report.read = out.ids.length
  return out
}

