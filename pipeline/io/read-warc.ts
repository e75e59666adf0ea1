/**
 * The records of a WARC file (`.warc`, `.warc.gz`: warcio reads either), streamed: one record's payload in
 * memory at a time, never the file. `response` and `resource` records with an HTML payload come out as
 * pages; other responses (not HTML, not status 200, too large) as passed records with the reason, so the
 * caller can count them; request, metadata, warcinfo and revisit records are not articles and not counted.
 * A record warcio cannot parse ends its run of records: the file is searched on from there for the next
 * record (a gzip member, or a `WARC/1.` line), so one broken record loses only itself.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { WARCParser } from 'warcio'
import type { WARCRecord } from 'warcio'
import { openStream } from './read-lines.ts'

export type WarcItem =
  | { kind: 'page'; offset: number; uri: string | null; contentType: string | null; payload: Uint8Array; bytes: number }
  | { kind: 'passed'; offset: number; reason: string }
  | { kind: 'broken'; offset: number; reason: string }

/** Searches in a broken file are bounded: a file of nothing but garbage ends after this many. */
const MAX_RESYNCS = 10_000

function looksHtml(contentType: string | null | undefined, head: Uint8Array): boolean {
  if (contentType) return /html/i.test(contentType)
  return /<(?:!doctype html|html[\s>])/i.test(Buffer.from(head.subarray(0, 512)).toString('latin1'))
}

/** What a record is for the corpus: a page to read, a response passed over (with why), or nothing to count. */
async function itemOf(record: WARCRecord, offset: number, maxBytes: number): Promise<WarcItem | undefined> {
  const type = record.warcType
  if (type !== 'response' && type !== 'resource') return undefined
  const http = record.httpHeaders
  const status = http ? Number(http.statusCode) : 200
  if (status !== 200) return { kind: 'passed', offset, reason: `HTTP status ${status}` }
  const contentType = http ? (http.headers.get('content-type') ?? null) : (record.warcContentType ?? null)
  if (contentType && !/html/i.test(contentType)) return { kind: 'passed', offset, reason: `not HTML (${contentType.split(';')[0]?.trim()})` }
  if (record.warcContentLength > maxBytes) return { kind: 'passed', offset, reason: 'too large' }
  const payload = await record.readFully(true)
  if (!looksHtml(contentType, payload)) return { kind: 'passed', offset, reason: 'not HTML' }
  return { kind: 'page', offset, uri: record.warcTargetURI ?? null, contentType, payload, bytes: record.warcContentLength }
}

/** Where the next record may start at or after `from`: a gzip member header or "WARC/1."; -1 when none. */
function nextRecordStart(path: string, from: number, gzip: boolean): number {
  const marker = gzip ? Buffer.from([0x1f, 0x8b, 0x08]) : Buffer.from('WARC/1.')
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    for (let pos = from; ; ) {
      const n = readSync(fd, buffer, 0, buffer.length, pos)
      if (n < marker.length) return -1
      const at = buffer.subarray(0, n).indexOf(marker)
      if (at >= 0) return pos + at
      pos += n - marker.length + 1
    }
  } finally {
    closeSync(fd)
  }
}

/** Whether the file holds nothing but line breaks from `from` on (the separator after the last record of a plain WARC). */
function onlyLineBreaks(path: string, from: number, size: number): boolean {
  if (size - from > 64) return false
  const fd = openSync(path, 'r')
  try {
    const rest = Buffer.alloc(size - from)
    readSync(fd, rest, 0, rest.length, from)
    return rest.every((b) => b === 0x0d || b === 0x0a)
  } finally {
    closeSync(fd)
  }
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(2)
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b
  } finally {
    closeSync(fd)
  }
}

/** What is left of a record's declared length once it has been read (more than 0: the data ended first). */
function leftOver(record: WARCRecord): number {
  return (record._reader as { limit?: number }).limit ?? 0
}

/**
 * Reads past a record without keeping it. warcio's own `skipFully` loops for ever, without yielding to the
 * event loop, on a record whose declared length runs past the end of the data; reading its chunks ends there.
 */
async function drain(record: WARCRecord): Promise<void> {
  for await (const chunk of record._reader) void chunk
  record.consumed = 'skipped'
}

/** The records of the WARC file at `path`, in file order (offsets are the records' byte offsets in the file). */
export async function* readWarc(path: string, maxBytes: number): AsyncGenerator<WarcItem> {
  const size = statSync(path).size
  const gzip = size >= 2 && isGzip(path)
  let start = 0
  for (let tries = 0; start < size && tries < MAX_RESYNCS; tries++) {
    const stream = openStream(path, false, start)
    const parser = new WARCParser(stream)
    let end = start
    let failedAt = -1
    let reason = 'not a WARC record, or cut off'
    try {
      for (let record = await parser.parse(); record; record = await parser.parse()) {
        failedAt = start + parser.offset
        const item = await itemOf(record, failedAt, maxBytes)
        if (!item || item.kind !== 'page') await drain(record)
        if (leftOver(record) > 0) throw new Error('record cut off: its declared length runs past the end of the data')
        if (item) yield item
        end = start + parser.offset + parser.recordLength
        failedAt = -1
      }
    } catch (e) {
      reason = (e as Error).message.split('\n')[0] ?? reason
    } finally {
      stream.destroy()
    }
    if (end >= size || (failedAt < 0 && onlyLineBreaks(path, end, size))) return
    // the record that failed (or, when no record could even be parsed, where the parsing stopped)
    const at = Math.max(failedAt, end)
    yield { kind: 'broken', offset: at, reason }
    start = nextRecordStart(path, at + 1, gzip)
    if (start < 0) return
  }
}
