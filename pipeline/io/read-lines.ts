/**
 * The lines of a JSON Lines file (`.jsonl`, `.ndjson`, gzipped or not), streamed: the file is never held
 * whole, a line at most. A line longer than `maxBytes` is passed over (yielded as `tooLong`); a broken or
 * truncated gzip stream ends the lines with a `GzipError` after those read before it.
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'
import { gzipReason } from './read-article.ts'

export interface Line {
  /** 1-based. */
  number: number
  text: string
  /** Bytes of the line (without its newline). */
  bytes: number
  tooLong?: true
}

/** The stream has ended in a broken gzip stream (its message is the reason). */
export class GzipError extends Error {}

/** The file's bytes as a stream, gunzipped when `gzip`; a gzip error comes out as a GzipError. */
export function openStream(path: string, gzip: boolean, start = 0): Readable {
  const file = createReadStream(path, { start, highWaterMark: 1 << 16 })
  if (!gzip) return file
  const unzip = createGunzip()
  file.on('error', (e) => unzip.destroy(e))
  return file.pipe(unzip)
}

/** The lines of a file, in order, with their numbers. */
export async function* readLinesOf(path: string, gzip: boolean, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let pendingBytes = 0
  let dropping = false
  let number = 0
  const line = (text: string, bytes: number): Line => {
    number += 1
    const clean = (number === 1 ? text.replace(/^\uFEFF/, '') : text).replace(/\r$/, '')
    return dropping ? { number, text: '', bytes, tooLong: true } : { number, text: clean, bytes }
  }
  try {
    for await (const chunk of openStream(path, gzip)) {
      const text = decoder.write(chunk as Buffer)
      let from = 0
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        const piece = text.slice(from, nl)
        yield line(pending + piece, pendingBytes + Buffer.byteLength(piece))
        pending = ''
        pendingBytes = 0
        dropping = false
        from = nl + 1
      }
      const rest = text.slice(from)
      pendingBytes += Buffer.byteLength(rest)
      if (pendingBytes > maxBytes) dropping = true
      if (!dropping) pending += rest
    }
  } catch (e) {
    if (gzip) throw new GzipError(`${gzipReason(e)} after line ${number}`)
    throw e
  }
  const last = pending + decoder.end()
  if (last.trim() || dropping) yield line(last, pendingBytes)
}
