/**
 * An incremental run: which input files the cache (io/run-cache.ts) already knows unchanged, which people
 * were found otherwise than in the run that made it (their names make the articles naming them extracted
 * again), and what this run leaves for the next one. The counts go into the summary line.
 *
 * Nothing here holds every file's results: the old manifest is read streamed (merged with the sorted file list),
 * an unchanged file's results are read from its line when the read step reaches it, and what the next manifest
 * needs is spooled in file order (`CommitSpool`) and streamed into it at the end.
 */
import { closeSync, openSync } from 'node:fs'
import { basename, join } from 'node:path'
import { byCodeUnit } from '../src/model/order.ts'
import { SpanColumns } from './io/read-cache.ts'
import type { ArticleSource } from './io/read-cache.ts'
import { cacheKey, RunCache, sourceHash, sourceStat } from './io/run-cache.ts'
import type { CachedSource, ManifestEntry } from './io/run-cache.ts'
import type { Inputs } from './io/read-inputs.ts'
import { readLines } from './io/spool.ts'
import { bufferedWriter } from './io/write-all.ts'
import type { BufferedWriter } from './io/write-all.ts'
import type { FirstPassResult } from './passes/read-pass.ts'
import type { ActorEntry } from './stages/types.ts'

/** A first-pass result as the cache keeps it: with the span of the records the extract pass made of the article. */
export type KeptResult = FirstPassResult & { extract?: ArticleSource }

export interface CacheCounts {
  new: number
  changed: number
  unchanged: number
  removed: number
  /** Articles of unchanged files extracted again: they name a person found otherwise this time. */
  redone: number
  /** Why the cache in the folder was not read (another format: the run is cold). */
  discarded?: string
}

export interface Incremental {
  cache: RunCache<KeptResult, ActorEntry>
  /** Per input file (by position): where its line is in the old manifest when the file is unchanged (offset −1: it is not). */
  lineOffset: Float64Array
  lineLength: Uint32Array
  /** One line per input file, in file order: "hash TAB stat" (io/run-cache.ts#sourceStat; an empty hash: unreadable). */
  hashFile: string
  counts: CacheCounts
}

/** The meta file a .txt or .html file may have beside it. */
function metaPathOf(inDir: string, file: string): string | undefined {
  return /\.(?:txt|html?)(?:\.gz)?$/i.test(file) ? join(inDir, file.replace(/(?:\.gz)?$/i, '').replace(/\.[^./]+$/, '.meta.json')) : undefined
}

/** The file's content hash and stat: the hash the cache knows while the stat is the one it saw, else hashed now (empty when unreadable). */
function hashOf(inDir: string, file: string, old: ManifestEntry | undefined): { hash: string; stat: string } {
  const path = join(inDir, file)
  const metaPath = metaPathOf(inDir, file)
  try {
    const stat = sourceStat(path, metaPath)
    return { stat, hash: old && old.stat === stat ? old.hash : sourceHash(path, metaPath) }
  } catch {
    return { hash: '', stat: '' }
  }
}

/**
 * Opens the cache in `dir` for this run's code and lookup tables and takes what it knows of the input files
 * (`files` sorted by code unit, as the manifest is), the manifest streamed beside the list: a file whose size and
 * modification time (and its meta file's) are those the cache saw is not read at all; any other is hashed, and
 * its hash decides. The hashes go to a file in `workDir`, in file order.
 */
export function openIncremental(dir: string, inputs: Inputs, inDir: string, files: readonly string[], workDir: string): Incremental {
  const cache = new RunCache<KeptResult, ActorEntry>(dir, cacheKey({ registry: inputs.registry, gazetteers: inputs.gazetteers }))
  const counts: CacheCounts = { new: 0, changed: 0, unchanged: 0, removed: 0, redone: 0, ...(cache.discarded ? { discarded: cache.discarded } : {}) }
  const lineOffset = new Float64Array(files.length).fill(-1)
  const lineLength = new Uint32Array(files.length)
  const hashFile = join(workDir, 'hashes.tsv')
  const fd = openSync(hashFile, 'w')
  try {
    const out = bufferedWriter(fd)
    const entries = cache.entries()
    let next = entries.next()
    let last = ''
    const advance = (): void => {
      if (!next.done && last !== '' && byCodeUnit(last, next.value.file) >= 0) throw new Error(`the cache manifest in ${dir} is out of order at ${next.value.file}`)
      if (!next.done) last = next.value.file
      next = entries.next()
    }
    for (const [i, file] of files.entries()) {
      while (!next.done && byCodeUnit(next.value.file, file) < 0) {
        counts.removed++
        advance()
      }
      const old = !next.done && next.value.file === file ? next.value : undefined
      if (old) advance()
      const { hash, stat } = hashOf(inDir, file, old)
      out.write(`${hash}\t${stat}\n`)
      if (old && hash && cache.usable && old.hash === hash) {
        counts.unchanged++
        lineOffset[i] = old.offset
        lineLength[i] = old.length
      } else if (old) counts.changed++
      else counts.new++
    }
    for (; !next.done; advance()) counts.removed++
    out.flush()
  } finally {
    closeSync(fd)
  }
  return { cache, lineOffset, lineLength, hashFile, counts }
}

/** A regular expression of the name words of people found otherwise than in the cache's run (added, gone or changed); null when none. */
export function staleNames(before: readonly ActorEntry[], now: readonly ActorEntry[]): string | null {
  const key = (e: ActorEntry): string => JSON.stringify(e)
  const was = new Map(before.map((e) => [e.id, key(e)]))
  const is = new Map(now.map((e) => [e.id, key(e)]))
  const changed = [...before.filter((e) => is.get(e.id) !== key(e)), ...now.filter((e) => was.get(e.id) !== key(e))]
  const words = new Set<string>()
  for (const e of changed) for (const name of [e.name, ...e.aliases]) for (const w of name.split(/[\s-]+/)) if (w.length >= 2) words.add(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return words.size > 0 ? [...words].sort().join('|') : null
}

/** A result as the commit spool holds it: `at`, the article's position in read order (−1: a skip, or an id taken already). */
type SpooledResult = KeptResult & { at: number }

/**
 * What the next manifest needs of each input file, spooled in file order as the read step takes the files (their
 * hash and stat, their results with each article's read position), and the bytes each part file holds for it.
 */
export class CommitSpool {
  readonly file: string
  private readonly fd: number
  private readonly out: BufferedWriter
  private readonly hashes: Generator<string>
  /** Live bytes per part file (base name) of the first-pass spans; the extract spans are added at the commit. */
  readonly live = new Map<string, number>()
  private closed = false

  constructor(workDir: string, inc: Pick<Incremental, 'hashFile'>) {
    this.file = join(workDir, 'commit.jsonl')
    this.fd = openSync(this.file, 'w')
    this.out = bufferedWriter(this.fd)
    this.hashes = readLines(inc.hashFile)
  }

  /** The next input file's results (files in order, every one once); `at[k]`: result k's read position or −1. */
  add(file: string, results: readonly FirstPassResult[], at: readonly number[]): void {
    const [hash = '', stat = ''] = (this.hashes.next().value ?? '').split('\t')
    if (!hash) return
    const spooled = results.map((r, k): SpooledResult => {
      if (r.ok) this.live.set(basename(r.source.file), (this.live.get(basename(r.source.file)) ?? 0) + r.source.length)
      const spooled: SpooledResult = { ...(r as KeptResult), at: at[k] ?? -1 }
      delete spooled.extract
      return spooled
    })
    this.out.write(`${JSON.stringify({ hash, stat, file, results: spooled })}\n`)
  }

  /** Flushes the spool (a second call does nothing). */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.hashes.return(undefined)
    try {
      this.out.flush()
    } finally {
      closeSync(this.fd)
    }
  }
}

/** The spooled entries with each article's extract span set (read position → span), as the manifest keeps them. */
function* committed(spool: string, extracted: SpanColumns): Generator<CachedSource<KeptResult> & { file: string }> {
  for (const line of readLines(spool)) {
    if (line === '') continue
    const entry = JSON.parse(line) as CachedSource<SpooledResult> & { file: string }
    const results = entry.results.map(({ at, ...r }): KeptResult => {
      const extract = at >= 0 ? extracted.get(at) : null
      return extract ? { ...r, extract } : r
    })
    yield { ...entry, results }
  }
}

/** What this run leaves: each input file's hash and results (the extract spans filled in), the people found, the new part files. */
export function commitIncremental(inc: Incremental, spool: CommitSpool, extracted: SpanColumns, discovered: readonly ActorEntry[], newParts: readonly string[]): void {
  spool.close()
  const live = new Map(spool.live)
  for (const s of extracted.spans()) live.set(basename(s.file), (live.get(basename(s.file)) ?? 0) + s.length)
  inc.cache.commit(committed(spool.file, extracted), discovered, newParts, live)
}
