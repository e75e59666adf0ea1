/**
 * Finding and reading the article files of a folder, with a one-line reason for every *.txt entry
 * that cannot be read as an article: a folder or device named *.txt, a symlink loop, a dangling
 * symlink, a file that cannot be opened, a file too large to be an article.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

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
function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ELOOP') return 'unreadable (symlink loop: ELOOP)'
  if (code === 'ENOENT') return 'unreadable (dangling symlink or vanished file: ENOENT)'
  return `unreadable (${code ?? (e as Error).message})`
}

function notAFile(isDirectory: boolean): string {
  return isDirectory ? 'not a file (a folder named .txt)' : 'not a regular file (device, pipe or socket)'
}

/**
 * The *.txt entries of a folder, sorted: regular files and symlinks to regular files are read;
 * every other entry is skipped with its reason (never silently dropped, never opened if it could block).
 */
export function listArticleFiles(dir: string): { files: string[]; skipped: Skipped[] } {
  const files: string[] = []
  const skipped: Skipped[] = []
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((d) => /\.txt$/i.test(d.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.isFile()) {
      files.push(entry.name)
    } else if (entry.isSymbolicLink()) {
      try {
        const target = statSync(join(dir, entry.name))
        if (target.isFile()) files.push(entry.name)
        else skipped.push({ file: entry.name, reason: notAFile(target.isDirectory()) })
      } catch (e) {
        skipped.push({ file: entry.name, reason: unreadableReason(e) })
      }
    } else {
      skipped.push({ file: entry.name, reason: notAFile(entry.isDirectory()) })
    }
  }
  return { files, skipped }
}

/** The bytes of one article file, or why they are not read (checked by size before reading). */
export function readArticleBytes(path: string, maxBytes: number = MAX_ARTICLE_BYTES): BytesResult {
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return { ok: false, reason: notAFile(stat.isDirectory()) }
    if (stat.size > maxBytes) return { ok: false, reason: `too large (${megabytes(stat.size)} MB, limit ${megabytes(maxBytes)} MB)` }
    return { ok: true, bytes: readFileSync(path) }
  } catch (e) {
    return { ok: false, reason: unreadableReason(e) }
  }
}
