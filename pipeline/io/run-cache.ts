/**
 * The cache between runs (`--cache DIR`, default `<output>.cache/` beside the output; `--no-cache` bypasses it):
 * per input file, its content hash (with its meta file) and what the first pass made of it, and per article the
 * records the extract pass made, in part files the runs wrote. It holds only while the extraction code, the
 * registry and the gazetteers are those it was made with (`key`); an unchanged file is then neither read nor
 * decoded, cleaned or extracted again. The manifest is replaced atomically at the end of a good run.
 *
 * The manifest (`manifest.jsonl`) is JSON lines, read and written streamed, never one string: a head line (format
 * version and key), a line of the people found, then one line per input file in the order of the file list
 * (`byCodeUnit`), `{"hash","stat","file","results"}` in that order, so a line's head is read without parsing its
 * results. A cache of another format version (`manifest.json` of the first one) is not read: the run is cold and
 * says so in its summary line; its files are removed by the next commit.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArticleSource } from './read-cache.ts'
import { partSizes, partsToCompact, PartCopier } from './cache-compact.ts'
import type { Compaction } from './cache-compact.ts'
import { readLines } from './spool.ts'
import { bufferedWriter } from './write-all.ts'

/**
 * What the cache keeps of one input file: its hash, its size and modification time with those of its meta file
 * (`stat`), and the first pass's results (spans into part files named by their base name).
 */
export interface CachedSource<R> {
  hash: string
  stat?: string
  results: R[]
}

/** The manifest's first line. */
interface ManifestHead {
  cache: 'mbpm-run-cache'
  version: number
  key: string
}

/** The format of the manifest: a cache of another version is not read (a cold run). */
export const CACHE_VERSION = 2
const MANIFEST = 'manifest.jsonl'
/** The manifest of the first format (one JSON text): not read, removed by the next commit. */
const OLD_MANIFEST = 'manifest.json'
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
function mapSpans<R>(results: readonly R[], to: (span: ArticleSource) => ArticleSource): R[] {
  return results.map((r) => {
    const s = r as R & Spans
    if (!s.source && !s.extract) return r
    return { ...s, ...(s.source ? { source: to(s.source) } : {}), ...(s.extract ? { extract: to(s.extract) } : {}) }
  })
}

/** One input file the manifest knows: its head, and where its line is (to read its results later). */
export interface ManifestEntry {
  file: string
  hash: string
  stat: string
  offset: number
  length: number
}

/** The head of a source line — hash, stat, file — parsed without its results (JSON text never holds `,"results":` inside a string). */
function entryHead(line: string): { file: string; hash: string; stat: string } {
  const at = line.indexOf(',"results":')
  return JSON.parse(`${line.slice(0, at)}}`) as { file: string; hash: string; stat: string }
}

/** Reads the text at a span of an open file. */
function readSpan(fd: number, offset: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length)
  for (let done = 0; done < length; ) {
    const n = readSync(fd, buffer, done, length - done, offset + done)
    if (n <= 0) throw new Error('the cache manifest ended early')
    done += n
  }
  return buffer.toString('utf8')
}

/** The cache of a folder: what an earlier run left (read streamed), and what this run will leave. */
export class RunCache<R, D> {
  /** Whether the manifest was made under this key (else its files count as changed, none is looked up). */
  readonly usable: boolean
  /** The people found by the run that made the cache (empty without one, or under another key). */
  readonly discovered: readonly D[]
  /** Why the cache in the folder was not read (another format), for the summary line. */
  readonly discarded: string | undefined
  private readonly manifest: string | undefined
  private fd: number | undefined

  constructor(
    readonly dir: string,
    readonly key: string,
  ) {
    const path = join(dir, MANIFEST)
    let head: ManifestHead | undefined
    let discovered: D[] = []
    let discarded: string | undefined
    if (existsSync(path)) {
      try {
        const lines = readLines(path)
        head = JSON.parse(lines.next().value ?? '') as ManifestHead
        if (head.cache !== 'mbpm-run-cache' || head.version !== CACHE_VERSION) throw new Error('another version')
        discovered = (JSON.parse(lines.next().value ?? '') as { discovered: D[] }).discovered
        lines.return(undefined)
      } catch {
        head = undefined
        discarded = `the cache in ${dir} is of another format: discarded, every file read`
      }
    } else if (existsSync(join(dir, OLD_MANIFEST))) discarded = `the cache in ${dir} is of an older format: discarded, every file read`
    this.manifest = head ? path : undefined
    this.usable = head?.key === key
    this.discovered = this.usable ? discovered : []
    this.discarded = discarded
  }

  /** The input files the manifest knows, in its order (the file list's), streamed; each head read, its results left in the file. */
  *entries(): Generator<ManifestEntry> {
    if (!this.manifest) return
    let offset = 0
    let n = 0
    for (const line of readLines(this.manifest)) {
      const length = Buffer.byteLength(line)
      if (n++ >= 2 && line !== '') yield { ...entryHead(line), offset, length }
      offset += length + 1
    }
  }

  /** The first pass's results of the line at `offset` (an entry's), its spans as paths in the cache folder. */
  results(offset: number, length: number): R[] {
    if (!this.manifest) throw new Error('no manifest to read')
    this.fd ??= openSync(this.manifest, 'r')
    const entry = JSON.parse(readSpan(this.fd, offset, length)) as CachedSource<R>
    return mapSpans(entry.results, (s) => ({ ...s, file: join(this.dir, s.file) }))
  }

  /** Closes the manifest read by `results` (a later call opens it again). */
  closeReader(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  /** What the last commit compacted (io/cache-compact.ts), if anything. */
  compaction: Compaction | undefined

  /**
   * Keeps this run's entries: moves its new part files into the cache folder, then streams the entries (in the
   * file list's order) into a new manifest under a temporary name, copying the live records of part files that are
   * mostly dead (or too many and small) into one new part on the way, renames it, and removes the part files no
   * entry points to any more. `live`: the bytes the entries point to per part file (base name).
   */
  commit(sources: Iterable<CachedSource<R> & { file: string }>, discovered: readonly D[], newParts: readonly string[], live: ReadonlyMap<string, number>): void {
    this.closeReader()
    mkdirSync(this.dir, { recursive: true })
    for (const part of newParts) if (existsSync(part)) renameSync(part, join(this.dir, basename(part)))
    const chosen = new Set(partsToCompact(live, partSizes(this.dir)))
    const copier = new PartCopier(this.dir, chosen, `c-${Date.now().toString(36)}-${process.pid}.part`)
    const used = new Set<string>()
    const tmp = join(this.dir, `${MANIFEST}.tmp-${process.pid}`)
    const fd = openSync(tmp, 'w')
    try {
      const out = bufferedWriter(fd)
      const head: ManifestHead = { cache: 'mbpm-run-cache', version: CACHE_VERSION, key: this.key }
      out.write(`${JSON.stringify(head)}\n${JSON.stringify({ discovered })}\n`)
      const place = (s: ArticleSource): ArticleSource => {
        const moved = copier.copy({ file: basename(s.file), offset: s.offset, length: s.length })
        used.add(moved.file)
        return moved
      }
      for (const { file, hash, stat, results } of sources) out.write(`${JSON.stringify({ hash, stat: stat ?? '', file, results: mapSpans(results, place) })}\n`)
      out.flush()
    } catch (e) {
      closeSync(fd)
      copier.close()
      rmSync(tmp, { force: true })
      throw e
    }
    closeSync(fd)
    this.compaction = copier.close()
    renameSync(tmp, join(this.dir, MANIFEST))
    rmSync(join(this.dir, OLD_MANIFEST), { force: true })
    for (const name of readdirSync(this.dir)) if (name.endsWith('.part') && !used.has(name)) rmSync(join(this.dir, name), { force: true })
  }
}
