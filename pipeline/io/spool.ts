/**
 * The records of the dataset (articles, mentions, figures, quotes) parked in one temporary file while the
 * articles are processed, so memory holds a few numbers per article instead of its records. The
 * articles arrive in any order; each is filed under its position in id order, and the file is read
 * back in that order to stream dataset.json, and month by month to write the parts.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs'
import type { Article, Figure, Mention, Quote } from '../../src/model/dataset.ts'
import { partMonthOf } from '../../src/model/layout.ts'
import { writeAllSync } from './write-all.ts'
import { byCodeUnit } from '../../src/model/order.ts'

/** The kinds of record, in the order their JSON lines are stored for an article. */
export type RecordKind = 'articles' | 'mentions' | 'figures' | 'quotes'
const KINDS: readonly RecordKind[] = ['articles', 'mentions', 'figures', 'quotes']
const K = KINDS.length

/** An article's mention, figure and quote records as compact JSON lines, each ended by a newline, with their counts. */
export interface SpooledLines {
  mentions: string
  figures: string
  quotes: string
  counts: { mentions: number; figures: number; quotes: number }
}

/** Pending text is written to the file once it holds this many characters. */
const FLUSH_AT = 1 << 22


export class RecordSpool {
  private readonly fd: number
  /** Byte offset of each position's records in the file (-1: not added yet). */
  private readonly offsets: Float64Array
  /** Bytes of the article, mention, figure and quote lines of each position. */
  private readonly lengths: Uint32Array
  /** Part month of each position, as an index into `monthNames`. */
  private readonly monthOf: Int32Array
  private readonly monthNames: string[] = []
  private readonly monthNumbers = new Map<string, number>()
  private pending: string[] = []
  private pendingChars = 0
  private fileBytes = 0
  private buffer = Buffer.alloc(1 << 16)
  private added = 0
  /** Records added per kind. */
  readonly counts = { articles: 0, mentions: 0, figures: 0, quotes: 0 }

  /** `ids`: every article id that will be added, sorted (their positions). */
  constructor(
    private readonly path: string,
    private readonly ids: readonly string[],
  ) {
    this.fd = openSync(path, 'w+')
    this.offsets = new Float64Array(ids.length).fill(-1)
    this.lengths = new Uint32Array(ids.length * K)
    this.monthOf = new Int32Array(ids.length)
  }

  private positionOf(id: string): number {
    let lo = 0
    let hi = this.ids.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const at = this.ids[mid] ?? ''
      if (at === id) return mid
      if (at < id) lo = mid + 1
      else hi = mid - 1
    }
    throw new Error(`article ${id} was not listed for the spool`)
  }

  /** Files one article's records (mentions, figures and quotes already in the dataset's order). */
  add(article: Article, mentions: readonly Mention[], figures: readonly Figure[], quotes: readonly Quote[] = []): void {
    this.addLines(article, { mentions: lines(mentions), figures: lines(figures), quotes: lines(quotes), counts: { mentions: mentions.length, figures: figures.length, quotes: quotes.length } })
  }

  /** The same with the mention, figure and quote records given as compact JSON lines (each ended by a newline). */
  addLines(article: Article, records: SpooledLines): void {
    const position = this.positionOf(article.id)
    if (this.offsets[position] !== -1) throw new Error(`article ${article.id} added twice`)
    const texts = [`${JSON.stringify(article)}\n`, records.mentions, records.figures, records.quotes]
    this.offsets[position] = this.fileBytes
    for (const [k, text] of texts.entries()) {
      const bytes = Buffer.byteLength(text)
      this.lengths[position * K + k] = bytes
      this.fileBytes += bytes
      this.pending.push(text)
      this.pendingChars += text.length
    }
    const month = partMonthOf(article.published)
    let n = this.monthNumbers.get(month)
    if (n === undefined) {
      n = this.monthNames.length
      this.monthNames.push(month)
      this.monthNumbers.set(month, n)
    }
    this.monthOf[position] = n
    this.counts.articles += 1
    this.counts.mentions += records.counts.mentions
    this.counts.figures += records.counts.figures
    this.counts.quotes += records.counts.quotes
    this.added += 1
    if (this.pendingChars >= FLUSH_AT) this.flush()
  }

  private flush(): void {
    if (this.pending.length === 0) return
    writeAllSync(this.fd, this.pending.join(''))
    this.pending = []
    this.pendingChars = 0
  }

  /** Checks every listed article was added and makes the file readable. */
  seal(): void {
    this.flush()
    if (this.added !== this.ids.length) {
      const missing = this.ids.find((_, i) => this.offsets[i] === -1)
      throw new Error(`article ${missing ?? '?'} was never added to the spool`)
    }
  }

  /** The JSON lines (compact) of one kind for one position, as one text: each line ended by a newline ('' when none). */
  private block(position: number, kind: number): string {
    const length = this.lengths[position * K + kind] ?? 0
    if (length === 0) return ''
    let offset = this.offsets[position] ?? 0
    for (let k = 0; k < kind; k++) offset += this.lengths[position * K + k] ?? 0
    if (this.buffer.length < length) this.buffer = Buffer.alloc(Math.max(length, this.buffer.length * 2))
    let done = 0
    while (done < length) {
      const n = readSync(this.fd, this.buffer, done, length - done, offset + done)
      if (n <= 0) throw new Error('spool file ended early')
      done += n
    }
    return this.buffer.toString('utf8', 0, length)
  }

  /** Records of one kind as compact JSON, in id order (of `positions`, all articles by default). */
  *records(kind: RecordKind, positions?: Iterable<number>): Generator<string> {
    for (const block of this.blocks(kind, positions)) yield* block.split('\n')
  }

  /**
   * The same a position at a time: each position's records of the kind as one text, its compact JSON lines joined
   * by newlines (no newline after the last); positions without any are left out.
   */
  *blocks(kind: RecordKind, positions?: Iterable<number>): Generator<string> {
    const k = KINDS.indexOf(kind)
    const list = positions ?? this.ids.keys()
    for (const position of list) {
      const block = this.block(position, k)
      if (block !== '') yield block.slice(0, -1)
    }
  }

  /** Part months in the order of the index ("YYYY-MM" ascending, "undated" last), each with its positions in id order. */
  partPositions(): { month: string; positions: Int32Array }[] {
    const counts = new Int32Array(this.monthNames.length)
    for (const n of this.monthOf) counts[n] = (counts[n] ?? 0) + 1
    const byMonth = this.monthNames.map((_, n) => ({ positions: new Int32Array(counts[n] ?? 0), filled: 0 }))
    for (let position = 0; position < this.monthOf.length; position++) {
      const slot = byMonth[this.monthOf[position] ?? 0]
      if (slot) slot.positions[slot.filled++] = position
    }
    const order = this.monthNames.map((month, n) => ({ month, n }))
    order.sort((a, b) => (a.month === 'undated' ? 1 : b.month === 'undated' ? -1 : byCodeUnit(a.month, b.month)))
    return order.map(({ month, n }) => ({ month, positions: byMonth[n]?.positions ?? new Int32Array(0) }))
  }

  /** Closes and deletes the file. */
  close(): void {
    closeSync(this.fd)
    rmSync(this.path, { force: true })
  }
}

/** Records as JSON lines, each ended by a newline. */
function lines(records: readonly unknown[]): string {
  let text = ''
  for (const r of records) text += `${JSON.stringify(r)}\n`
  return text
}

/** The lines of a file (without their newline), read in blocks: never the whole file in memory. */
export function* readLines(path: string, blockSize = 1 << 20): Generator<string> {
  const fd = openSync(path, 'r')
  try {
    let pending: Buffer[] = []
    let position = 0
    for (;;) {
      const block = Buffer.allocUnsafe(blockSize)
      const n = readSync(fd, block, 0, blockSize, position)
      if (n <= 0) break
      position += n
      let start = 0
      for (let nl = block.indexOf(10, start); nl !== -1 && nl < n; nl = block.indexOf(10, start)) {
        const piece = block.subarray(start, nl)
        yield pending.length > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8')
        pending = []
        start = nl + 1
      }
      if (start < n) pending.push(block.subarray(start, n))
    }
    if (pending.length > 0) yield Buffer.concat(pending).toString('utf8')
  } finally {
    closeSync(fd)
  }
}
