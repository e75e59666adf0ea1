/**
 * The input files under a folder, found recursively: `.txt` (with `NAME.meta.json` beside it), `.html`/`.htm`,
 * `.json`/`.jsonl`/`.ndjson`, `.warc`, each of them also gzipped (`.gz`). Sorted by path (code units), with a
 * one-line reason for every entry of those kinds that cannot be read: a folder named like one, a device, a
 * symlink loop, a dangling symlink (a folder named like an input file is not entered). Hidden folders (`.git`, `.cache`) and symlinked folders are not entered.
 */
import { opendirSync, statSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { join } from 'node:path'
import { byCodeUnit } from '../../src/model/order.ts'
import { notAFile, unreadableReason } from './read-article.ts'
import type { Skipped } from './read-article.ts'

export type SourceFormat = 'txt' | 'html' | 'json' | 'jsonl' | 'warc'

export interface SourceKind {
  format: SourceFormat
  gzip: boolean
}

const EXTENSIONS: Record<string, SourceFormat> = { txt: 'txt', html: 'html', htm: 'html', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', warc: 'warc' }

/** The format of a file by its name ("a.warc.gz" → warc, gzipped); undefined for other files and `NAME.meta.json`. */
export function sourceKind(name: string): SourceKind | undefined {
  const lower = name.toLowerCase()
  if (/\.meta\.json(?:\.gz)?$/.test(lower)) return undefined
  const gzip = lower.endsWith('.gz')
  const ext = /\.([a-z]+)$/.exec(gzip ? lower.slice(0, -3) : lower)?.[1]
  const format = ext === undefined ? undefined : EXTENSIONS[ext]
  return format ? { format, gzip } : undefined
}

function entryProblem(dir: string, entry: Dirent): string | undefined {
  if (entry.isFile()) return undefined
  if (!entry.isSymbolicLink()) return notAFile(entry.isDirectory())
  try {
    const target = statSync(join(dir, entry.name))
    return target.isFile() ? undefined : notAFile(target.isDirectory())
  } catch (e) {
    return unreadableReason(e)
  }
}

/** The input files under `root` (paths relative to it, "/" between folders), and the entries skipped with their reason. */
export function listSources(root: string): { files: string[]; skipped: Skipped[] } {
  const files: string[] = []
  const skipped: Skipped[] = []
  const walk = (rel: string): void => {
    const dir = rel ? join(root, rel) : root
    // one entry at a time: a folder of millions of files is never held as entries, only its input files' paths
    const handle = opendirSync(dir, { bufferSize: 512 })
    try {
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) visit(dir, rel, entry)
    } finally {
      handle.closeSync()
    }
  }
  const visit = (dir: string, rel: string, entry: Dirent): void => {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    const kind = sourceKind(entry.name)
    if (entry.isDirectory() && kind) skipped.push({ file: path, reason: notAFile(true, entry.name.replace(/^.*\.(?=[^.]+(?:\.gz)?$)/, '')) })
    else if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) walk(path)
    }
    if (entry.isDirectory() || !kind) return
    const problem = entryProblem(dir, entry)
    if (problem) skipped.push({ file: path, reason: problem })
    else files.push(path)
  }
  walk('')
  files.sort(byCodeUnit)
  skipped.sort((a, b) => byCodeUnit(a.file, b.file))
  return { files, skipped }
}
