/**
 * The run cache's manifest at size, without a corpus: `node --max-old-space-size=512 --import tsx bench/cache-manifest.ts
 * [--n 1000000] [--old]`. Writes a manifest of N input files (lines shaped like a synthetic corpus's: one article each,
 * ≈ 530 bytes) through `RunCache.commit` from a generator, opens it again and streams every entry's head (what a run's
 * open does), then reads every entry's results by its span (what the read step does for unchanged files), printing
 * seconds, CPU seconds and the main thread's peak heap and RSS. `--old` instead builds the first format's one object
 * and `JSON.stringify`s it, as the cache did before (in this process: it may fail — that is the point).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RunCache } from '../pipeline/io/run-cache.ts'
import type { KeptResult } from '../pipeline/incremental.ts'
import { machineLoad, option } from './common.ts'

const argv = process.argv.slice(2)
const n = Number(option(argv, '--n') ?? '1000000')
const dir = mkdtempSync(join(tmpdir(), 'mbpm-manifest-'))
const hex = (i: number, salt: number): string => ((i * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(8)
const file = (i: number): string => `${String(i).padStart(7, '0')}_${hex(i, 1).slice(0, 16)}.txt`
const entry = (i: number): { file: string; hash: string; stat: string; results: KeptResult[] } => ({
  file: file(i),
  hash: hex(i, 2),
  stat: `2153:1796408182135960339/106:1796408182135960339`,
  results: [
    {
      file: file(i),
      ok: true,
      id: file(i).slice(0, -4),
      bodyKey: hex(i, 3),
      people: [],
      warnings: [],
      bytes: 2153,
      source: { file: join(dir, 'p.part'), offset: i * 10, length: 5 },
      extract: { file: join(dir, 'p.part'), offset: i * 10 + 5, length: 5 },
    },
  ],
})

let peakHeap = 0
const sample = (): void => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
}
const timer = setInterval(sample, 20)
const measure = (label: string, work: () => string): void => {
  peakHeap = 0
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const note = work()
  sample()
  const c = process.cpuUsage(c0)
  console.log(`| ${label} | ${((performance.now() - t0) / 1000).toFixed(1)} | ${((c.user + c.system) / 1e6).toFixed(1)} | ${(peakHeap / 2 ** 20).toFixed(0)} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} | ${note} |`)
}

console.log(`\n${n} input files, ${machineLoad()}\n`)
console.log('| step | s | CPU s | peak heap MB | peak RSS MB (so far) | |')
console.log('| --- | --- | --- | --- | --- | --- |')
try {
  if (argv.includes('--old')) {
    measure('first format: one object, JSON.stringify', () => {
      const sources: Record<string, unknown> = {}
      for (let i = 0; i < n; i++) sources[file(i)] = entry(i)
      try {
        return `${(JSON.stringify({ key: 'k', discovered: [], sources }).length / 2 ** 20).toFixed(0)} MB string`
      } catch (e) {
        return `failed: ${(e as Error).message}`
      }
    })
  } else {
    writeFileSync(join(dir, 'p.part'), Buffer.alloc(n * 10))
    const cache = new RunCache<KeptResult, unknown>(dir, 'k')
    measure('commit: N entries streamed into manifest.jsonl', () => {
      cache.commit((function* () {
        for (let i = 0; i < n; i++) yield entry(i)
      })(), [], [], new Map([['p.part', n * 10]]))
      return `${(statSync(join(dir, 'manifest.jsonl')).size / 2 ** 20).toFixed(0)} MB`
    })
    const reopened = new RunCache<KeptResult, unknown>(dir, 'k')
    const offsets = new Float64Array(n)
    const lengths = new Uint32Array(n)
    measure('open: every head streamed (hash, stat, file)', () => {
      let k = 0
      for (const e of reopened.entries()) {
        offsets[k] = e.offset
        lengths[k++] = e.length
      }
      return `${k} entries`
    })
    measure('read step: every entry\'s results by its span', () => {
      let articles = 0
      for (let i = 0; i < n; i++) articles += reopened.results(offsets[i] ?? 0, lengths[i] ?? 0).length
      reopened.closeReader()
      return `${articles} results`
    })
  }
} finally {
  clearInterval(timer)
  rmSync(dir, { recursive: true, force: true })
}
