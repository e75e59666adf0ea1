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
 * Copies the spans that point into a chosen part file (in `dir`) to the new part file `to`, in the order
 * given, and points them there (the spans are changed in place). Undefined when no part needs it.
 */
export function compactParts(dir: string, spans: readonly Span[], to: string): Compaction | undefined {
  const live = new Map<string, number>()
  for (const s of spans) live.set(s.file, (live.get(s.file) ?? 0) + s.length)
  const sizes = new Map<string, number>()
  const sizeOf = (f: string): number => {
    let n = sizes.get(f)
    if (n === undefined) {
      n = statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0
      sizes.set(f, n)
    }
    return n
  }
  const chosen = new Set(partsToCompact(live, sizeOf))
  if (chosen.size === 0) return undefined
  const fds = new Map<string, number>()
  const out = openSync(join(dir, to), 'w')
  let bytes = 0
  try {
    let buffer = Buffer.alloc(1 << 16)
    for (const s of spans) {
      if (!chosen.has(s.file)) continue
      let fd = fds.get(s.file)
      if (fd === undefined) {
        fd = openSync(join(dir, s.file), 'r')
        fds.set(s.file, fd)
      }
      if (buffer.length < s.length) buffer = Buffer.alloc(Math.max(s.length, buffer.length * 2))
      for (let done = 0; done < s.length; ) {
        const n = readSync(fd, buffer, done, s.length - done, s.offset + done)
        if (n <= 0) throw new Error(`cache part ${s.file} ended early`)
        done += n
      }
      writeAllSync(out, buffer.subarray(0, s.length))
      s.file = to
      s.offset = bytes
      bytes += s.length
    }
  } finally {
    closeSync(out)
    for (const fd of fds.values()) closeSync(fd)
  }
  return { from: [...chosen].sort(), to, bytes }
}
