/**
 * Where a query's first series goes, in Node, on a layout's search index (no browser, no network): per query,
 * the meta file read and validated, the term (and position) shards read, parsed and validated, the matches
 * evaluated, the counts per month — ms of each step, median of R rounds, each round with a fresh loader.
 *
 *   npx tsx bench/search-first.ts --dir LAYOUT_DIR [--q China] [--rounds 3]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSearchLoader, runSearch } from '../src/data/search-loader.ts'
import { countByPeriod } from '../src/lib/search/count.ts'
import { parseQuery } from '../src/lib/search/query.ts'
import { machineLoad, median, option } from './common.ts'

const argv = process.argv.slice(2)
const dir = option(argv, '--dir')
if (!dir) throw new Error('usage: search-first.ts --dir LAYOUT_DIR [--q China] [--rounds 3]')
const queries = (option(argv, '--q') ?? 'China,Gas*,"Gespräche in Peking"').split(',')
const rounds = Number(option(argv, '--rounds') ?? '3')

const index = JSON.parse(readFileSync(join(dir, 'dataset.index.json'), 'utf8')) as { search?: string }
if (!index.search) throw new Error(`${dir} has no search index`)
let readMs = 0
const fetcher = async (url: string): Promise<Response> => {
  const t = performance.now()
  const text = readFileSync(join(dir, url.replace(/^\//, '')), 'utf8')
  readMs += performance.now() - t
  return new Response(text)
}
for (const q of queries) {
  const times: Record<string, number[]> = { meta: [], search: [], count: [], total: [] }
  let stories = 0
  for (let r = 0; r < rounds; r++) {
    const loader = createSearchLoader(index.search, '/dataset.index.json', fetcher)
    const t0 = performance.now()
    const meta = await loader.meta()
    const t1 = performance.now()
    const { query } = parseQuery(q)
    if (!query) throw new Error(`no query in ${q}`)
    const { matches } = await runSearch(query, loader)
    const t2 = performance.now()
    countByPeriod(meta, matches, { outlets: [], from: null, to: null, grain: 'month' })
    const t3 = performance.now()
    times.meta?.push(t1 - t0)
    times.search?.push(t2 - t1)
    times.count?.push(t3 - t2)
    times.total?.push(t3 - t0)
    stories = matches.stories.length
  }
  const m = (k: string): string => median(times[k] ?? []).toFixed(0)
  console.log(`${q}: ${stories} stories; meta ${m('meta')} ms, shards + evaluation ${m('search')} ms, counts per month ${m('count')} ms, total ${m('total')} ms (median of ${rounds}; file reads ${(readMs / rounds / queries.length).toFixed(0)} ms a round on average)`)
}
console.log(machineLoad())
