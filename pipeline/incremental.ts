/**
 * An incremental run: which input files the cache (io/run-cache.ts) already knows unchanged, which people
 * were found otherwise than in the run that made it (their names make the articles naming them extracted
 * again), and what this run leaves for the next one. The counts go into the summary line.
 */
import { join } from 'node:path'
import type { ArticleSource } from './io/read-cache.ts'
import { cacheKey, RunCache, sourceHash, sourceStat } from './io/run-cache.ts'
import type { CachedSource } from './io/run-cache.ts'
import type { Inputs } from './io/read-inputs.ts'
import type { FirstPassResult, SourceRead } from './passes/read-pass.ts'
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
}

export interface Incremental {
  cache: RunCache<KeptResult, ActorEntry>
  /** The content hash of each input file, by position. */
  hashes: string[]
  /** The size and modification time of each input file and its meta file, by position (io/run-cache.ts#sourceStat). */
  stats: string[]
  counts: CacheCounts
}

/** The meta file a .txt or .html file may have beside it. */
function metaPathOf(inDir: string, file: string): string | undefined {
  return /\.(?:txt|html?)(?:\.gz)?$/i.test(file) ? join(inDir, file.replace(/(?:\.gz)?$/i, '').replace(/\.[^./]+$/, '.meta.json')) : undefined
}

/**
 * Opens the cache in `dir` for this run's code and lookup tables and takes what it knows of the input files: a
 * file whose size and modification time (and its meta file's) are those the cache saw is not read at all; any
 * other is hashed, and its hash decides.
 */
export function openIncremental(dir: string, inputs: Inputs, inDir: string, files: readonly string[]): { incremental: Incremental; known: (SourceRead | undefined)[] } {
  const cache = new RunCache<KeptResult, ActorEntry>(dir, cacheKey({ registry: inputs.registry, gazetteers: inputs.gazetteers }))
  const counts: CacheCounts = { new: 0, changed: 0, unchanged: 0, removed: cache.removed(files), redone: 0 }
  const hashes: string[] = []
  const stats: string[] = []
  const known = files.map((file): SourceRead | undefined => {
    const path = join(inDir, file)
    const metaPath = metaPathOf(inDir, file)
    let hash: string
    let stat = ''
    try {
      stat = sourceStat(path, metaPath)
      hash = cache.hashByStat(file, stat) ?? sourceHash(path, metaPath)
    } catch {
      hash = ''
    }
    hashes.push(hash)
    stats.push(stat)
    const results = hash ? cache.lookup(file, hash) : undefined
    if (results) counts.unchanged++
    else if (cache.knew(file)) counts.changed++
    else counts.new++
    return results ? { file, results } : undefined
  })
  return { incremental: { cache, hashes, stats, counts }, known }
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

/** What this run leaves: each input file's hash and results (the extract spans filled in), the people found, the new part files. */
export function commitIncremental(inc: Incremental, files: readonly string[], reads: readonly (SourceRead | undefined)[], discovered: readonly ActorEntry[], newParts: readonly string[]): void {
  const sources: Record<string, CachedSource<KeptResult>> = {}
  for (const [i, file] of files.entries()) {
    const read = reads[i]
    const hash = inc.hashes[i]
    if (read && hash) sources[file] = { hash, ...(inc.stats[i] ? { stat: inc.stats[i] } : {}), results: read.results }
  }
  inc.cache.commit(sources, discovered, newParts)
}
