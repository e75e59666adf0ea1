/**
 * The pipeline's search index builder (pipeline/io/search-index.ts) at corpus size, without the pipeline:
 *
 *   node --max-old-space-size=512 --import tsx bench/search-spool.ts --in DIR [--n 1000000] [--prefix b] [--tree DIR]
 *
 * Takes the words of the .txt files of DIR (a synthetic corpus; `articleTerms` of their lines) and feeds them
 * again and again, under new ids, dates and outlets, to the builder until N stories are in, then writes the
 * index. `--prefix` keeps only the terms that begin with it (the largest buckets at 1 M are "be…", "ge…",
 * "ve…": the bucket read at the end is the full size for that prefix, the rest of the spool is left out so a
 * run takes minutes); `--tree` takes the builder from another checkout (A/B). Prints the time to add and to
 * write, the spool size and the peak RSS and heap, under the same heap limit as `npm run preprocess`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { getHeapStatistics } from 'node:v8'
import type { ArticleTerms } from '../src/lib/search/tokens.ts'
import { articleTerms } from '../src/lib/search/tokens.ts'
import { ROOT, log, machineLoad, option, table } from './common.ts'

const argv = process.argv.slice(2)
const inDir = option(argv, '--in')
if (!inDir) throw new Error('usage: bench/search-spool.ts --in DIR [--n 1000000] [--prefix P] [--tree DIR]')
const n = Number(option(argv, '--n') ?? '1000000')
const prefix = option(argv, '--prefix') ?? ''
const tree = resolve(option(argv, '--tree') ?? ROOT)
const { createSearchIndexBuilder } = (await import(join(tree, 'pipeline/io/search-index.ts'))) as typeof import('../pipeline/io/search-index.ts')

const samples: ArticleTerms[] = readdirSync(inDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const all = articleTerms(readFileSync(join(inDir, f), 'utf8').split('\n'))
    const keep = all.terms.flatMap((t, i) => (t.startsWith(prefix) ? [i] : []))
    return { terms: keep.map((i) => all.terms[i] ?? ''), positions: keep.map((i) => all.positions[i] ?? []) }
  })
log(`${samples.length} articles' words (prefix "${prefix}"), ${n} stories, builder of ${tree}; load ${machineLoad()}`)

const cpuS = (u: NodeJS.CpuUsage): string => ((u.user + u.system) / 1e6).toFixed(1)
let peakHeap = 0
const heap = (): void => {
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)
}
const work = mkdtempSync(join(tmpdir(), 'mbpm-search-spool-'))
try {
  const builder = createSearchIndexBuilder(work)
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')
    const article = { id: `a${String(i).padStart(7, '0')}`, published: `${2014 + (i % 12)}-${month}-${day}`, outlet: `o${i % 20}`, duplicateOf: null }
    builder.add(article, samples[i % samples.length] ?? null)
    if (i % 10000 === 0) heap()
    if (i % 200000 === 0) log(`  ${i} added, heap ${(getHeapStatistics().used_heap_size / 1e6).toFixed(0)} MB`)
  }
  const added = performance.now() - t0
  const addCpu = process.cpuUsage(c0)
  heap()
  log(`  all added in ${(added / 1000).toFixed(1)} s; writing`)
  const t1 = performance.now()
  const c1 = process.cpuUsage()
  builder.write(join(work, 'out'), 'dataset.search', '2026-01-01T00:00:00.000Z')
  const written = performance.now() - t1
  const writeCpu = process.cpuUsage(c1)
  const spoolBytes = readdirSync(join(work, 'search-spool')).reduce((sum, f) => sum + statSync(join(work, 'search-spool', f)).size, 0)
  heap()
  builder.close()
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(
    table(
      ['stories', 'prefix', 'add s (CPU s)', 'write s (CPU s)', 'spool MB', 'peak heap MB (sampled)', 'peak RSS MB'],
      [[String(n), prefix || '(all)', `${(added / 1000).toFixed(1)} (${cpuS(addCpu)})`, `${(written / 1000).toFixed(1)} (${cpuS(writeCpu)})`, (spoolBytes / 1e6).toFixed(0), (peakHeap / 1e6).toFixed(0), rss.toFixed(0)]],
    ),
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
