/**
 * The cache between runs (`--cache DIR`, default `<output>.cache/` beside the output; `--no-cache` bypasses it):
 * per input file, its content hash (with its meta file) and what the first pass made of it, and per article the
 * records the extract pass made, in part files the runs wrote. It holds only while the extraction code, the
 * registry and the gazetteers are those it was made with (`key`); an unchanged file is then neither read nor
 * decoded, cleaned or extracted again. The manifest is replaced atomically at the end of a good run.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArticleSource } from './read-cache.ts'
import { compactParts } from './cache-compact.ts'
import type { Compaction, Span } from './cache-compact.ts'

/**
 * What the cache keeps of one input file: its hash, its size and modification time with those of its meta file
 * (`stat`), and the first pass's results (spans into part files named by their base name).
 */
export interface CachedSource<R> {
  hash: string
  stat?: string
  results: R[]
}

interface Manifest<R, D> {
  key: string
  discovered: D[]
  sources: Record<string, CachedSource<R>>
}

const MANIFEST = 'manifest.json'
const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Every file the extraction runs: pipeline/, the shared model, the locked package versions. */
function codeFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name))
      else if (/\.ts$/.test(e.name)) files.push(join(dir, e.name))
    }
  }
  walk(join(PROJECT_ROOT, 'pipeline'))
  walk(join(PROJECT_ROOT, 'src/model'))
  const lock = join(PROJECT_ROOT, 'package-lock.json')
  if (existsSync(lock)) files.push(lock)
  return files.sort()
}

/** The hash of the extraction code and the lookup tables a run uses: a cache made under another key is not used. */
export function cacheKey(lookups: unknown): string {
  const hash = createHash('sha256')
  for (const file of codeFiles()) hash.update(relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
  return hash.update(JSON.stringify(lookups)).digest('hex')
}

/** The buffer files are hashed through (one for the run: a new one per file was most of the time a warm run spent hashing). */
const HASH_BUFFER = Buffer.allocUnsafe(1 << 20)

/** The content hash of an input file and of the meta file beside it (streamed: a WARC file is never held whole). */
export function sourceHash(path: string, metaPath: string | undefined): string {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  try {
    const buffer = HASH_BUFFER
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) hash.update(buffer.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  hash.update('\0meta\0')
  if (metaPath && existsSync(metaPath)) hash.update(readFileSync(metaPath))
  return hash.digest('hex')
}

/** Size and modification time (ns) of an input file and of its meta file: while they are those the cache saw, the file is not hashed again. */
export function sourceStat(path: string, metaPath: string | undefined): string {
  const of = (p: string): string => {
    const st = statSync(p, { bigint: true, throwIfNoEntry: false })
    return st ? `${st.size}:${st.mtimeNs}` : '-'
  }
  const own = of(path)
  if (own === '-') throw new Error(`${path} is gone`)
  return `${own}/${metaPath ? of(metaPath) : '-'}`
}

type Spans = { source?: ArticleSource; extract?: ArticleSource }

/** Rewrites the part files of an entry's spans (base name ↔ path in `dir`). */
function mapSpans<R>(results: readonly R[], to: (file: string) => string): R[] {
  return results.map((r) => {
    const s = r as R & Spans
    if (!s.source && !s.extract) return r
    return { ...s, ...(s.source ? { source: { ...s.source, file: to(s.source.file) } } : {}), ...(s.extract ? { extract: { ...s.extract, file: to(s.extract.file) } } : {}) }
  })
}

/** The cache of a folder: what an earlier run left, and what this run will leave. */
export class RunCache<R, D> {
  private readonly old: Manifest<R, D> | undefined
  private readonly knownFiles: Set<string>

  constructor(
    readonly dir: string,
    readonly key: string,
  ) {
    this.old = RunCache.load<R, D>(dir, key)
    this.knownFiles = RunCache.knownFiles(dir)
  }

  private static load<R, D>(dir: string, key: string): Manifest<R, D> | undefined {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest<R, D>
      return manifest.key === key ? manifest : undefined
    } catch {
      return undefined
    }
  }

  /** The people found by the run that made the cache (empty without one). */
  get discovered(): readonly D[] {
    return this.old?.discovered ?? []
  }

  /** Whether the earlier run knew the file at all (under any key: then a change of key makes it "changed"). */
  knew(file: string): boolean {
    return this.old?.sources[file] !== undefined || this.knownFiles.has(file)
  }

  private static knownFiles(dir: string): Set<string> {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest<unknown, unknown>
      return new Set(Object.keys(manifest.sources))
    } catch {
      return new Set()
    }
  }

  /** The files the earlier run read that are gone now. */
  removed(files: readonly string[]): number {
    const now = new Set(files)
    return [...this.knownFiles].filter((f) => !now.has(f)).length
  }

  /** The first pass's results for `file` when its hash is unchanged (spans as paths in the cache folder). */
  lookup(file: string, hash: string): R[] | undefined {
    const entry = this.old?.sources[file]
    if (!entry || entry.hash !== hash) return undefined
    return mapSpans(entry.results, (f) => join(this.dir, f))
  }

  /** The hash the cache knows for `file` when its size and modification time (`sourceStat`) are those it saw. */
  hashByStat(file: string, stat: string): string | undefined {
    const entry = this.old?.sources[file]
    return entry && entry.stat === stat ? entry.hash : undefined
  }

  /** What the last commit compacted (io/cache-compact.ts), if anything. */
  compaction: Compaction | undefined

  /**
   * Keeps this run's entries: moves its new part files into the cache folder, copies the live records of part
   * files that are mostly dead (or too many and small) into one new part, writes the manifest under a temporary
   * name and renames it, then removes the part files no entry points to any more.
   */
  commit(sources: Record<string, CachedSource<R>>, discovered: readonly D[], newParts: readonly string[]): void {
    mkdirSync(this.dir, { recursive: true })
    for (const part of newParts) if (existsSync(part)) renameSync(part, join(this.dir, basename(part)))
    const spans: Span[] = []
    const entries: Record<string, CachedSource<R>> = {}
    for (const [file, entry] of Object.entries(sources)) {
      entries[file] = { hash: entry.hash, ...(entry.stat ? { stat: entry.stat } : {}), results: mapSpans(entry.results, (f) => basename(f)) }
      for (const r of entries[file].results as (R & Spans)[]) {
        if (r.source) spans.push(r.source)
        if (r.extract) spans.push(r.extract)
      }
    }
    this.compaction = compactParts(this.dir, spans, `c-${Date.now().toString(36)}-${process.pid}.part`)
    const used = new Set(spans.map((s) => s.file))
    const manifest: Manifest<R, D> = { key: this.key, discovered: [...discovered], sources: entries }
    const tmp = join(this.dir, `${MANIFEST}.tmp-${process.pid}`)
    writeFileSync(tmp, JSON.stringify(manifest))
    renameSync(tmp, join(this.dir, MANIFEST))
    for (const name of readdirSync(this.dir)) if (name.endsWith('.part') && !used.has(name)) rmSync(join(this.dir, name), { force: true })
  }
}
