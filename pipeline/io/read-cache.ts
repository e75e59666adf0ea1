/**
 * The read cache of a run: each first-pass job parks its articles as read in a part file of its own (one
 * JSON text per article, one after another); the second pass takes a shard's articles back by their spans.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { bufferedWriter } from './write-all.ts'
import type { BufferedWriter } from './write-all.ts'

/** Where the second pass finds an article as the first pass read it: a span of the read cache file. */
export interface ArticleSource {
  /** The part file. */
  file: string
  offset: number
  length: number
}

/** Appends texts to the cache file and says where each went. */
export class ReadCacheWriter {
  private readonly fd: number
  private readonly out: BufferedWriter
  private bytes = 0
  private closed = false

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w')
    this.out = bufferedWriter(this.fd, 1 << 22)
  }

  /** Appends one article's text; returns its span. */
  add(text: string): ArticleSource {
    const length = Buffer.byteLength(text)
    const source = { file: this.file, offset: this.bytes, length }
    this.out.write(text)
    this.bytes += length
    return source
  }

  /** Closes the file without writing what is buffered (a failed run); nothing once closed. */
  abort(): void {
    if (this.closed) return
    this.closed = true
    closeSync(this.fd)
  }

  /** Flushes and closes the file (a second call does nothing). */
  close(): void {
    if (this.closed) return
    this.closed = true
    try {
      this.out.flush()
    } finally {
      closeSync(this.fd)
    }
  }
}

/** The texts at `sources` (spans of part files), parsed, in the order given. */
export function readCached<T>(sources: readonly ArticleSource[]): T[] {
  return readCachedTexts(sources).map((text) => JSON.parse(text) as T)
}

/** The texts at `sources` (spans of part files), in the order given. */
export function readCachedTexts(sources: readonly ArticleSource[]): string[] {
  const fds = new Map<string, number>()
  try {
    let buffer = Buffer.alloc(1 << 16)
    return sources.map(({ file, offset, length }) => {
      let fd = fds.get(file)
      if (fd === undefined) {
        fd = openSync(file, 'r')
        fds.set(file, fd)
      }
      if (buffer.length < length) buffer = Buffer.alloc(Math.max(length, buffer.length * 2))
      let done = 0
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done)
        if (n <= 0) throw new Error('read cache ended early')
        done += n
      }
      return buffer.toString('utf8', 0, length)
    })
  } finally {
    for (const fd of fds.values()) closeSync(fd)
  }
}

/**
 * Spans by position (an article's place in read order), a few numbers each: the part file as an index into the
 * names, its offset and length; a position with none reads null. What the main thread keeps of every article's
 * records in the cache, instead of an object per article.
 */
export class SpanColumns {
  private readonly names: string[] = []
  private readonly numbers = new Map<string, number>()
  private readonly part: number[] = []
  private readonly offset: number[] = []
  private readonly length: number[] = []

  /** Sets the span at position `p` (null: none); positions not set yet read null. */
  set(p: number, span: ArticleSource | null | undefined): void {
    while (this.part.length <= p) {
      this.part.push(-1)
      this.offset.push(0)
      this.length.push(0)
    }
    if (!span) {
      this.part[p] = -1
      return
    }
    let n = this.numbers.get(span.file)
    if (n === undefined) {
      n = this.names.push(span.file) - 1
      this.numbers.set(span.file, n)
    }
    this.part[p] = n
    this.offset[p] = span.offset
    this.length[p] = span.length
  }

  get(p: number): ArticleSource | null {
    const n = this.part[p] ?? -1
    return n < 0 ? null : { file: this.names[n] ?? '', offset: this.offset[p] ?? 0, length: this.length[p] ?? 0 }
  }

  /** Every span set, in position order. */
  *spans(): Generator<ArticleSource> {
    for (let p = 0; p < this.part.length; p++) {
      const s = this.get(p)
      if (s) yield s
    }
  }
}
