/**
 * The worker pool's failure paths, with stand-in workers (a few lines of JavaScript that answer, throw,
 * exit or crash on cue): every failure is a clear error, nothing hangs, a failed run leaves no temporaries.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../../pipeline/run.ts'
import { WorkerPool } from '../../../../pipeline/workers/pool.ts'
import type { WorkerSetup } from '../../../../pipeline/workers/protocol.ts'
import { GAZETTEERS } from '../gazetteers.ts'

/** A stand-in worker: a first-pass job of files [cue, …] answers [cue] after a delay, or fails as the cue says. */
const STAND_IN = `
import { parentPort } from 'node:worker_threads'
parentPort.on('message', (m) => {
  if (m.kind !== 'first') return
  const [cue = '', delay = '0'] = m.files
  setTimeout(() => {
    if (cue === 'throw') parentPort.postMessage({ job: m.job, ok: false, error: 'boom in job ' + m.job })
    else if (cue === 'exit') process.exit(3)
    else if (cue === 'crash') throw new Error('crashed in job ' + m.job)
    else parentPort.postMessage({ job: m.job, ok: true, result: [cue] })
  }, Number(delay))
})
`
const SETUP: WorkerSetup = { inDir: '.', registry: [], gazetteers: GAZETTEERS }

let work: string
let entry: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'press-pool-'))
  entry = join(work, 'stand-in.mjs')
  writeFileSync(entry, STAND_IN)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Runs jobs of the given cues ("a:30" = answer "a" after 30 ms) on a fresh pool of `threads`; returns what was taken, in order. */
async function runCues(pool: WorkerPool, cues: string[]): Promise<string[]> {
  const taken: string[] = []
  await pool.run<string[]>(
    cues.length,
    (i) => ({ kind: 'first', files: (cues[i] ?? '').split(':'), part: '' }),
    (i, r) => taken.push(`${i}=${r[0]}`),
  )
  return taken
}

describe('worker pool', { timeout: 20_000 }, () => {
  it('hands results back in job order, whichever worker answers first', async () => {
    const pool = await WorkerPool.start(3, SETUP, work, entry)
    try {
      expect(await runCues(pool, ['a:60', 'b:0', 'c:30', 'd:0', 'e:10'])).toEqual(['0=a', '1=b', '2=c', '3=d', '4=e'])
    } finally {
      await pool.close()
    }
  })

  it('a job that throws: the run fails with its error, and so does every later run', async () => {
    const pool = await WorkerPool.start(2, SETUP, work, entry)
    try {
      await expect(runCues(pool, ['a', 'throw:20', 'b:50'])).rejects.toThrow('boom in job 1')
      await expect(runCues(pool, ['a'])).rejects.toThrow('boom in job 1')
    } finally {
      await pool.close()
    }
  })

  it('a worker that exits (process.exit in the worker): the run fails naming the exit code, no hang', async () => {
    const pool = await WorkerPool.start(2, SETUP, work, entry)
    try {
      await expect(runCues(pool, ['a:50', 'exit', 'b:50', 'c'])).rejects.toThrow('a worker thread stopped (exit code 3)')
    } finally {
      await pool.close()
    }
  })

  it('a worker that crashes (uncaught exception): the run fails with the exception', async () => {
    const pool = await WorkerPool.start(2, SETUP, work, entry)
    try {
      await expect(runCues(pool, ['crash:10', 'a:50'])).rejects.toThrow(/a worker thread failed: crashed in job 0/)
    } finally {
      await pool.close()
    }
  })

  it('a worker that dies between runs: the next run fails at once instead of waiting for it', async () => {
    const pool = await WorkerPool.start(2, SETUP, work, entry)
    try {
      expect(await runCues(pool, ['a', 'b'])).toEqual(['0=a', '1=b'])
      // a message outside any run, as the matcher broadcast is: the stand-in exits on it
      pool.broadcast({ kind: 'first', files: ['exit'], part: '', job: 99 })
      await new Promise((r) => setTimeout(r, 300))
      await expect(runCues(pool, ['c'])).rejects.toThrow('a worker thread stopped (exit code 3)')
    } finally {
      await pool.close()
    }
  })

  it('a start from a missing entry: the first run fails with the load error', async () => {
    const pool = await WorkerPool.start(1, SETUP, work, join(work, 'missing.mjs'))
    try {
      await expect(runCues(pool, ['a'])).rejects.toThrow(/a worker thread (failed|stopped)/)
    } finally {
      await pool.close()
    }
  })
})

describe('a run whose worker dies', { timeout: 60_000 }, () => {
  it('exits 1 with one error line, leaves the old output as it was and no temporaries', async () => {
    const inDir = join(work, 'in')
    mkdirSync(inDir)
    for (const name of ['a', 'b', 'c']) writeFileSync(join(inDir, `${name}.txt`), `Titel ${name}\n\nChina und Russland handeln mit den Waren, die sie für die Industrie brauchen.`)
    const outDir = join(work, 'out')
    mkdirSync(outDir)
    writeFileSync(join(outDir, 'dataset.json'), 'OLD')
    const dying = join(work, 'dying.mjs')
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', (m) => { if (m.kind === 'first') process.exit(7) })\n")
    const root = new URL('../../../../', import.meta.url).pathname
    const lines: string[] = []
    const code = await run(
      {
        inDir,
        outFile: join(outDir, 'dataset.json'),
        actorsFile: join(root, 'data/actors.json'),
        placesFile: join(root, 'data/places.json'),
        occasionsFile: join(root, 'data/occasions.json'),
        workers: 2,
        generatedAt: 'x',
        workerEntry: dying,
      },
      { log: (line) => lines.push(line) },
    )
    expect(code).toBe(1)
    expect(lines).toEqual(['error: a worker thread stopped (exit code 7)'])
    expect(readdirSync(outDir)).toEqual(['dataset.json'])
    expect(readFileSync(join(outDir, 'dataset.json'), 'utf8')).toBe('OLD')
  })
})
