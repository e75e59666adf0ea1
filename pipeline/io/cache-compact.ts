/**
 * Compaction of the cache's part files (io/run-cache.ts). A run appends the records of the files it read to new
 * part files and points the manifest at them; the spans of changed and removed files are left behind, dead. A
 * part file whose dead bytes exceed its live ones, and, once there are more than MAX_PARTS part files, every
 * small one, is copied span by span into one new part file, and the entries pointed at it; the old files go once
 * the manifest no longer names them. So the cache stays within about twice its live bytes, in a few files.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeAllSync } from './write-all.ts'

/** A span of a part file (the part's base name). */
export interface Span {
  file: string
  offset: number
  length: number
}

/** More part files than this and the small ones are merged. */
export const MAX_PARTS = 32
/** A part file under this many bytes counts as small. */
export const SMALL_PART = 8 << 20

/** What a compaction did: the part files it emptied and the one it wrote, with the bytes copied. */
export interface Compaction {
  from: string[]
  to: string
  bytes: number
}

/** The part files to copy: those mostly dead, and with too many files the small ones. */
export function partsToCompact(live: ReadonlyMap<string, number>, sizeOf: (file: string) => number): string[] {
  const files = [...live.keys()].sort()
  const chosen = new Set(files.filter((f) => sizeOf(f) - (live.get(f) ?? 0) > (live.get(f) ?? 0)))
  if (files.length - chosen.size > MAX_PARTS) for (const f of files) if (sizeOf(f) < SMALL_PART) chosen.add(f)
  return chosen.size > 1 || [...chosen].some((f) => sizeOf(f) > (live.get(f) ?? 0)) ? [...chosen].sort() : []
}

/**
 * Copies spans out of the chosen part files (in `dir`) into one new part file `to`, one at a time in the order
 * they come (the manifest is streamed through it, never held whole): `copy` gives a span's new place, or the span
 * itself when its part is not chosen; `close` says what was done (undefined when nothing was chosen).
 */
export class PartCopier {
  private readonly fds = new Map<string, number>()
  private out: number | undefined
  private buffer = Buffer.alloc(1 << 16)
  private bytes = 0

  constructor(
    private readonly dir: string,
    private readonly chosen: ReadonlySet<string>,
    private readonly to: string,
  ) {}

  copy(s: Span): Span {
    if (!this.chosen.has(s.file)) return s
    let fd = this.fds.get(s.file)
    if (fd === undefined) {
      fd = openSync(join(this.dir, s.file), 'r')
      this.fds.set(s.file, fd)
    }
    this.out ??= openSync(join(this.dir, this.to), 'w')
    if (this.buffer.length < s.length) this.buffer = Buffer.alloc(Math.max(s.length, this.buffer.length * 2))
    for (let done = 0; done < s.length; ) {
      const n = readSync(fd, this.buffer, done, s.length - done, s.offset + done)
      if (n <= 0) throw new Error(`cache part ${s.file} ended early`)
      done += n
    }
    writeAllSync(this.out, this.buffer.subarray(0, s.length))
    const moved = { file: this.to, offset: this.bytes, length: s.length }
    this.bytes += s.length
    return moved
  }

  /** Closes the files (also after a failure). */
  close(): Compaction | undefined {
    if (this.out !== undefined) closeSync(this.out)
    for (const fd of this.fds.values()) closeSync(fd)
    this.fds.clear()
    return this.chosen.size === 0 ? undefined : { from: [...this.chosen].sort(), to: this.to, bytes: this.bytes }
  }
}

/** The live bytes of each part file of `spans`. */
export function liveBytes(spans: Iterable<Span>): Map<string, number> {
  const live = new Map<string, number>()
  for (const s of spans) live.set(s.file, (live.get(s.file) ?? 0) + s.length)
  return live
}

/** The size of a part file in `dir`, asked once per file. */
export function partSizes(dir: string): (file: string) => number {
  const sizes = new Map<string, number>()
  return (f) => {
    let n = sizes.get(f)
    if (n === undefined) {
      n = statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0
      sizes.set(f, n)
    }
    return n
  }
}

/**
 * Copies the spans that point into a chosen part file (in `dir`) to the new part file `to`, in the order
 * given, and points them there (the spans are changed in place). Undefined when no part needs it.
 */
export function compactParts(dir: string, spans: readonly Span[], to: string): Compaction | undefined {
  const chosen = new Set(partsToCompact(liveBytes(spans), partSizes(dir)))
  if (chosen.size === 0) return undefined
  const copier = new PartCopier(dir, chosen, to)
  try {
    for (const s of spans) Object.assign(s, copier.copy(s))
  } finally {
    copier.close()
  }
  return { from: [...chosen].sort(), to, bytes: spans.filter((s) => s.file === to).reduce((n, s) => n + s.length, 0) }
}
