/**
 * The files of one run, written under temporary names beside their targets and swapped in together at
 * the end: a failed run removes its temporaries and leaves the files of the last good run untouched.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** One file or folder of the output: written at `tmp`, renamed to `final` on commit. */
interface Entry {
  final: string
  tmp: string
  folder: boolean
}

export interface OutputTarget {
  /** Temporary path of each output name (a file name or folder name beside the dataset file). */
  tmp(name: string): string
  commit(): void
  discard(): void
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes temporary files that a killed earlier run left beside the output (their process is gone). */
function removeStaleTemporaries(outDir: string, names: readonly string[]): void {
  if (!existsSync(outDir)) return
  for (const entry of readdirSync(outDir)) {
    for (const name of names) {
      const m = entry.startsWith(`${name}.`) ? /^\.(?:tmp|old|spool)-(\d+)-\d+$/.exec(entry.slice(name.length)) : null
      if (m?.[1] && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) rmSync(join(outDir, entry), { recursive: true, force: true })
    }
  }
}

/**
 * Creates the temporaries of the output: `files` and `folders` are names beside `outFile` (which is
 * one of the files). An unwritable target fails here, before any work.
 */
export function openOutput(outFile: string, files: readonly string[], folders: readonly string[]): OutputTarget {
  if (existsSync(outFile) && statSync(outFile).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' })
  const outDir = dirname(outFile)
  mkdirSync(outDir, { recursive: true })
  removeStaleTemporaries(outDir, [...files, ...folders, basename(outFile)])
  const tag = `.tmp-${process.pid}-${Date.now()}`
  const entries = new Map<string, Entry>()
  // folders first, files after, the dataset file last but one and the index (first read by the app) last
  for (const name of folders) entries.set(name, { final: join(outDir, name), tmp: join(outDir, `${name}${tag}`), folder: true })
  for (const name of files) entries.set(name, { final: join(outDir, name), tmp: join(outDir, `${name}${tag}`), folder: false })
  const discard = (): void => {
    for (const e of entries.values()) rmSync(e.tmp, { recursive: true, force: true })
  }
  try {
    for (const e of entries.values()) {
      if (e.folder) mkdirSync(e.tmp, { recursive: true })
      else writeFileSync(e.tmp, '')
    }
  } catch (error) {
    discard()
    throw error
  }
  return {
    tmp(name) {
      const e = entries.get(name)
      if (!e) throw new Error(`${name} is not part of the output`)
      return e.tmp
    },
    discard,
    /** Moves the old files aside, renames the new ones in, then deletes the old; puts everything back if a rename fails. */
    commit() {
      const stamp = `.old-${process.pid}-${Date.now()}`
      const done: { entry: Entry; old: string | null }[] = []
      try {
        for (const entry of entries.values()) {
          const old = existsSync(entry.final) ? `${entry.final}${stamp}` : null
          if (old) renameSync(entry.final, old)
          done.push({ entry, old })
          renameSync(entry.tmp, entry.final)
        }
      } catch (error) {
        for (const { entry, old } of done.reverse()) {
          if (existsSync(entry.final) && !existsSync(entry.tmp)) renameSync(entry.final, entry.tmp)
          if (old) renameSync(old, entry.final)
        }
        throw error
      }
      for (const { old } of done) if (old) rmSync(old, { recursive: true, force: true })
    },
  }
}
