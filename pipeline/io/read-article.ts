/**
 * Reading one input file whole (a .txt or .html article, a .json export; gunzipped when it is .gz), with a
 * one-line reason when it cannot be: not a regular file, a symlink loop, a dangling symlink, a file that
 * cannot be opened, too large to be an article, a broken or truncated gzip stream.
 */
import { readFileSync, statSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

/** Real articles are well under 1 MB; anything above this is not read at all (no memory or time spent on it). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024

export interface Skipped {
  file: string
  reason: string
}

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string }

function megabytes(bytes: number): string {
  return String(Math.round((bytes / 2 ** 20) * 10) / 10)
}

/** Why a path cannot be opened, from the error `stat` or `read` gave. */
export function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ELOOP') return 'unreadable (symlink loop: ELOOP)'
  if (code === 'ENOENT') return 'unreadable (dangling symlink or vanished file: ENOENT)'
  return `unreadable (${code ?? (e as Error).message})`
}

export function notAFile(isDirectory: boolean, ext = 'txt'): string {
  return isDirectory ? `not a file (a folder named .${ext})` : 'not a regular file (device, pipe or socket)'
}

/** What a gzip stream holds, or why it cannot be read: truncated, not gzip, or more than `maxBytes` unpacked. */
export function gunzipped(bytes: Uint8Array, maxBytes: number): BytesResult {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }) }
  } catch (e) {
    return { ok: false, reason: gzipReason(e, maxBytes) }
  }
}

/** A one-line reason for a gzip error ("truncated gzip (unexpected end of file)"). */
export function gzipReason(e: unknown, maxBytes?: number): string {
  const err = e as NodeJS.ErrnoException
  if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return `too large unpacked (limit ${megabytes(maxBytes ?? 0)} MB)`
  if (err.code === 'Z_BUF_ERROR') return 'truncated gzip (unexpected end of file)'
  return `broken gzip (${err.message})`
}

/** The bytes of one article file, or why they are not read (checked by size before reading). */
export function readArticleBytes(path: string, maxBytes: number = MAX_ARTICLE_BYTES, gzip = false): BytesResult {
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return { ok: false, reason: notAFile(stat.isDirectory()) }
    if (stat.size > maxBytes) return { ok: false, reason: `too large (${megabytes(stat.size)} MB, limit ${megabytes(maxBytes)} MB)` }
    const bytes = readFileSync(path)
    return gzip ? gunzipped(bytes, maxBytes) : { ok: true, bytes }
  } catch (e) {
    return { ok: false, reason: unreadableReason(e) }
  }
}
