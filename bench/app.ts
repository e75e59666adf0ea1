/**
 * Browser benchmark of the BUILT app at growing dataset sizes (Playwright, Debian Chromium).
 *
 *   npm run bench:app [-- --sizes demo,10000,100000,1000000] [--runs N] [--source auto|planted|pipeline]
 *                     [--no-build] [--route /mentions] [--json FILE] [--profile SIZE] [--limit SECONDS] [--baseline DIST]
 *   npm run bench:app -- --route /together      the co-mention view: first matrix (index + dataset.comentions.json),
 *                                               then actor, date, focus and outlet changes
 *
 * For each size it copies dist/ to a temp folder, points its data/ at the dataset, serves it with
 * `vite preview` on a free port and measures, per fresh page:
 *   - first chart: time from navigation to the first performance.mark('chart:drawn') (the mark's startTime)
 *   - every control (bench/app-controls.ts: actors, outlet, from/to on and off a month boundary, grains,
 *     measure, stacking, back to defaults), one after another: time from a router.push of the new query to
 *     the next chart:drawn mark, printed per control and size
 *   - JS heap used once the first chart is drawn and the events file (loaded after it) is in
 *     (CDP Performance.getMetrics, after a forced GC)
 *   - bytes fetched before the first chart (Resource Timing: encoded bodies, and what gzip -6 would make of them)
 *   - initial JavaScript (scripts fetched before the first chart), gzip -6
 * Datasets: "demo" is the committed public/data. For N articles, "pipeline" uses the output of
 * `npm run bench:pipeline` for that size when present (its layout files); "planted" streams the
 * generator's planted answers (what a perfect pipeline would extract) through the app's layout builder
 * (bench/planted-layout.ts) — used for sizes the pipeline has not reached, and always for 1 M, where
 * the month parts and text shards are not written (marked in the table). Medians of 3 runs after one
 * unrecorded load; the budget is printed next to each number.
 * --baseline DIST serves another build (a dist/ folder) of the same dataset beside this one and measures
 * both run for run, so a before/after ratio comes from one run on the same machine load.
 * --profile SIZE loads the page once more under the CDP profiler (unminified build) and prints where
 * the time to the first chart went.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import type { Browser } from '@playwright/test'
import { CACHE, ROOT, fmt, log, machineLoad, median, option, runMeasured, table } from './common.ts'
import { summarizeProfile } from './cpu-profile.ts'
import { gzipSizeOf, measureSteps, settle } from './app-page.ts'
import { datasetFor as datasetOf, siteFor, startPreview, stopServer, type Dataset, type DatasetSource } from './app-site.ts'
import { measureSearch, type SearchResult } from './search-cases.ts'
import { controlsTable, mentionsSteps, togetherSteps, type IndexFacts, type StepTime } from './app-controls.ts'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const REDRAW_LIMIT_MS = 5_000

const argv = process.argv.slice(2)
const sizes = (option(argv, '--sizes') ?? 'demo,10000,100000,1000000')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .map((s) => (s === 'demo' ? 'demo' : Number(s.replace(/k$/, '000').replace(/m$/, '000000'))))
const source = (option(argv, '--source') ?? 'auto') as DatasetSource
const datasetFor = (size: number | 'demo'): Promise<Dataset> => datasetOf(size, source)
const route = option(argv, '--route') ?? '/mentions'
const runsOption = option(argv, '--runs')
/** A built dist/ of another checkout, measured beside this build (before/after in one run). */
const baselineDist = option(argv, '--baseline')
const FIRST_CHART_LIMIT_MS = Number(option(argv, '--limit') ?? '30') * 1000

interface Measurement {
  firstChartMs: number | null
  filterMs: (number | null)[]
  /** Each control changed, in order (bench/app-controls.ts), with its time to the drawn chart. */
  steps: StepTime[]
  heapMb: number | null
  /** JS heap right after the first chart, before the events file is in. */
  heapFirstMb: number | null
  /** Time from navigation until the events file had arrived (fetched after the first chart). */
  eventsMs: number | null
  bytesBeforeChart: number | null
  gzipBeforeChart: number | null
  initialJsGzip: number | null
  requests: { url: string; encoded: number; end: number }[]
  note: string | null
  /** The search cases (bench/search-cases.ts), when the layout has a search index. */
  search: SearchResult | null
}

// --- measuring ---------------------------------------------------------------------------------

async function measure(browser: Browser, baseUrl: string, site: string): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('HeapProfiler.enable')
  const result: Measurement = { firstChartMs: null, filterMs: [], steps: [], heapMb: null, heapFirstMb: null, eventsMs: null, bytesBeforeChart: null, gzipBeforeChart: null, initialJsGzip: null, requests: [], note: null, search: null }
  try {
    await page.goto(`${baseUrl}${route}`, { waitUntil: 'commit', timeout: FIRST_CHART_LIMIT_MS })
    try {
      await page.waitForFunction(() => performance.getEntriesByName('chart:drawn').length > 0, undefined, { timeout: FIRST_CHART_LIMIT_MS, polling: 20 })
    } catch {
      const text = await page.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 160) ?? '').catch(() => '')
      const fetched = await page
        .evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.includes('/data/dataset.index.json'))?.responseEnd ?? null)
        .catch(() => null)
      result.note =
        `no chart:drawn mark within ${FIRST_CHART_LIMIT_MS / 1000} s` +
        (fetched !== null ? ` (dataset.index.json fetched after ${(fetched / 1000).toFixed(1)} s)` : '') +
        (errors.length ? `; page error: ${errors[0]?.slice(0, 120)}` : '') +
        (text ? `; page says: "${text}"` : '')
      return result
    }
    const timing = await page.evaluate(() => {
      const mark = performance.getEntriesByName('chart:drawn')[0]?.startTime ?? 0
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        url: r.name,
        encoded: r.encodedBodySize,
        end: r.responseEnd,
        initiator: r.initiatorType,
      }))
      if (nav) resources.unshift({ url: nav.name, encoded: nav.encodedBodySize, end: nav.responseEnd, initiator: 'navigation' })
      return { mark, resources }
    })
    result.firstChartMs = timing.mark
    const before = timing.resources.filter((r) => r.end <= timing.mark)
    result.requests = before.map((r) => ({ url: r.url, encoded: r.encoded, end: r.end }))
    result.bytesBeforeChart = before.reduce((sum, r) => sum + r.encoded, 0)
    result.gzipBeforeChart = before.reduce((sum, r) => sum + (gzipSizeOf(site, r.url) ?? r.encoded), 0)
    result.initialJsGzip = before.filter((r) => /\.m?js(\?|$)/.test(r.url)).reduce((sum, r) => sum + (gzipSizeOf(site, r.url) ?? r.encoded), 0)

    await cdp.send('HeapProfiler.collectGarbage')
    const firstHeap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value
    result.heapFirstMb = firstHeap === undefined ? null : firstHeap / 1e6
    // the events file loads after the first chart of the mentions view (markers): heap and filter changes are
    // measured once it is in; other routes do not fetch it
    result.eventsMs = !route.startsWith('/mentions') ? null : await page
      .waitForFunction(
        () => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.includes('/data/dataset.events.json'))?.responseEnd ?? null,
        undefined,
        { timeout: FIRST_CHART_LIMIT_MS, polling: 50 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null)
    await settle(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const metrics = await cdp.send('Performance.getMetrics')
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value
    result.heapMb = heap === undefined ? null : heap / 1e6

    // Filter changes, each from settled state to the next drawn chart.
    const facts = JSON.parse(readFileSync(join(site, 'data/dataset.index.json'), 'utf8')) as IndexFacts
    // the co-mention view also redraws when another actor's companions are ranked (the matrix's cell outline does not move)
    const steps = route.startsWith('/together') ? togetherSteps(facts) : mentionsSteps(facts)
    result.steps = await measureSteps(page, cdp, steps, REDRAW_LIMIT_MS)
    result.filterMs = result.steps.map((step) => step.ms)
    if (result.steps.length < steps.length) result.note = 'could not reach the app router (#app.__vue_app__)'
    if (existsSync(join(site, 'data/dataset.search/meta.json'))) result.search = await measureSearch(page, cdp, (url) => gzipSizeOf(site, url), REDRAW_LIMIT_MS)
    if (errors.length && !result.note) result.note = `page error: ${errors[0]?.slice(0, 160)}`
    return result
  } finally {
    await context.close()
  }
}

/**
 * One page load under the CDP profiler, on an unminified build, until the first chart: where the main
 * thread's time goes (fetch, JSON.parse, validation, selection, ECharts).
 */
async function profileFirstChart(browser: Browser, dataset: Dataset): Promise<void> {
  const dist = join(CACHE, 'dist-unminified')
  log('building an unminified copy of the app for the profile …')
  const build = await runMeasured(join(ROOT, 'node_modules/.bin/vite'), ['build', '--minify', 'false', '--outDir', dist, '--emptyOutDir'], 600)
  if (build.code !== 0) throw new Error(`unminified build failed: ${build.stderr.slice(-800)}`)
  const site = siteFor(dataset, dist, '-profile')
  const { url, server } = await startPreview(site)
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(`${url}${route}`, { waitUntil: 'commit' })
    const drawn = await page
      .waitForFunction(() => performance.getEntriesByName('chart:drawn').length > 0, undefined, { timeout: 60_000, polling: 50 })
      .then(() => true)
      .catch(() => false)
    const { profile } = await cdp.send('Profiler.stop')
    const file = join(CACHE, `app-${dataset.label}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    const summary = summarizeProfile(file, 20)
    console.log(`\nBrowser CPU profile, ${dataset.label} articles, navigation → ${drawn ? 'first chart' : '60 s without a chart'} (${(summary.totalMs / 1000).toFixed(1)} s sampled, ${file})`)
    console.log(table(['self ms', 'share', 'function'], summary.byFunction.map((f) => [f.ms.toFixed(0), `${(f.share * 100).toFixed(1)}%`, f.name.replace(/http:\/\/127\.0\.0\.1:\d+/, '')])))
  } finally {
    await context.close()
    stopServer(server)
  }
}

// --- main ------------------------------------------------------------------------------------

interface SizeSummary {
  dataset: Dataset
  datasetMb: number
  runs: Measurement[]
}

/** One dataset measured on this build and, with --baseline DIST, on that build too, run for run back to back. */
async function measureSize(browser: Browser, dataset: Dataset): Promise<SizeSummary[]> {
  const datasetMb = statSync(join(dataset.dir, 'dataset.index.json')).size / 1e6
  const builds = [...(baselineDist ? [{ tag: '-baseline', label: `${dataset.label} baseline`, dist: baselineDist }] : []), { tag: '', label: dataset.label, dist: join(ROOT, 'dist') }]
  const servers = await Promise.all(
    builds.map(async (build) => {
      const site = siteFor(dataset, build.dist, build.tag)
      return { ...build, site, ...(await startPreview(site)), summary: { dataset: { ...dataset, label: build.label }, datasetMb, runs: [] } as SizeSummary }
    }),
  )
  try {
    // one unrecorded load first: the browser's own first-page costs are not the app's
    for (const server of servers) await measure(browser, server.url, server.site)
    for (let r = 0; r < Number(runsOption ?? 3); r++) {
      for (const server of servers) {
        const m = await measure(browser, server.url, server.site)
        server.summary.runs.push(m)
        log(
          `  ${server.label}: run ${r + 1}: first chart ${fmt(m.firstChartMs, 0)} ms, filter ${m.filterMs.map((x) => fmt(x, 0)).join('/')} ms, heap ${fmt(m.heapMb, 1)} MB, before chart ${fmt((m.gzipBeforeChart ?? NaN) / 1e6, 2)} MB gzip${m.note ? ` — ${m.note}` : ''}`,
        )
      }
    }
  } finally {
    for (const server of servers) stopServer(server.server)
  }
  return servers.map((server) => server.summary)
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build') || !existsSync(join(ROOT, 'dist/index.html'))) {
    log('building the app (npm run build) …')
    const build = await runMeasured('npm', ['run', 'build'], 600)
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout.slice(-1500)}${build.stderr.slice(-1500)}`)
  }
  mkdirSync(CACHE, { recursive: true })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const browserVersion = browser.version()
  const summaries: SizeSummary[] = []
  try {
    for (const size of sizes) {
      if (size !== 'demo' && (!Number.isInteger(size) || size < 1)) throw new Error(`bad size ${size}`)
      const dataset = await datasetFor(size)
      summaries.push(...(await measureSize(browser, dataset)))
    }
    const profileSize = option(argv, '--profile')
    if (profileSize) await profileFirstChart(browser, await datasetFor(profileSize === 'demo' ? 'demo' : Number(profileSize)))
  } finally {
    await browser.close()
  }

  const med = (pick: (m: Measurement) => number | null | undefined, runs: Measurement[]): number | null => {
    const values = runs.map(pick).filter((v): v is number => typeof v === 'number')
    return values.length ? median(values) : null
  }
  const rows = summaries.map(({ dataset, datasetMb, runs }) => {
    const filters = runs.flatMap((m) => m.filterMs).filter((v): v is number => typeof v === 'number')
    const first = med((m) => m.firstChartMs, runs)
    return [
      dataset.label,
      dataset.source,
      datasetMb.toFixed(2),
      first === null ? `none in ${FIRST_CHART_LIMIT_MS / 1000} s` : `${first.toFixed(0)} (≤ 1000)`,
      filters.length ? `${median(filters).toFixed(0)} (≤ 50)` : 'n/a',
      filters.length ? Math.max(...filters).toFixed(0) : 'n/a',
      fmt(med((m) => m.heapFirstMb, runs), 1),
      `${fmt(med((m) => m.heapMb, runs), 1)} (≤ 100)`,
      fmt(med((m) => m.eventsMs, runs), 0),
      fmt((med((m) => m.bytesBeforeChart, runs) ?? NaN) / 1e6, 2),
      `${fmt((med((m) => m.gzipBeforeChart, runs) ?? NaN) / 1e6, 2)} (≤ 1)`,
      `${fmt((med((m) => m.initialJsGzip, runs) ?? NaN) / 1e3, 0)} (≤ 250)`,
      String(runs.length),
    ]
  })
  console.log(`\nApp (vite preview of dist/, Chromium ${browserVersion}), route ${route}, median of runs; ${machineLoad()}`)
  console.log(
    table(
      ['articles', 'dataset', 'index MB', 'first chart ms', 'filter→chart ms (median)', 'filter max ms', 'heap MB at first chart', 'heap MB (events in)', 'events file in at ms', 'before chart MB (as served)', 'before chart MB gzip', 'initial JS KB gzip', 'runs'],
      rows,
    ),
  )
  console.log(`\nEvery control of ${route}, one after another from the defaults (time from the router push to the next chart:drawn)`)
  console.log(controlsTable(summaries.map(({ dataset, runs }) => ({ label: dataset.label, runs }))))
  console.log('Budgets at 1 M: first chart ≤ 1000 ms; filter → chart ≤ 50 ms; ≤ 1 MB gzip before the first chart; heap ≤ 100 MB; initial JS ≤ 250 KB gzip.')
  for (const { dataset, runs } of summaries) {
    const notes = [...new Set(runs.map((m) => m.note).filter(Boolean))]
    for (const note of notes) console.log(`${dataset.label}: ${note}`)
    const last = runs[runs.length - 1]
    if (last?.requests.length) {
      const biggest = [...last.requests].sort((a, b) => b.encoded - a.encoded).slice(0, 4)
      console.log(`${dataset.label}: largest fetches before the first chart: ${biggest.map((r) => `${new URL(r.url).pathname} ${(r.encoded / 1e3).toFixed(0)} KB`).join(', ')}`)
    }
  }
  const searchRows = summaries.flatMap(({ dataset, runs }) => {
    const labels = [...new Set(runs.flatMap((m) => m.search?.cases.map((c) => c.label) ?? []))]
    return labels.map((label) => {
      const of = (m: Measurement) => m.search?.cases.find((c) => c.label === label)
      return [dataset.label, label, fmt(med((m) => of(m)?.ms, runs), 0), fmt((med((m) => of(m)?.bytes, runs) ?? NaN) / 1e6, 3), fmt((med((m) => of(m)?.gzip, runs) ?? NaN) / 1e6, 3), fmt(med((m) => m.search?.heapMb, runs), 1)]
    })
  })
  if (searchRows.length > 0) {
    console.log('\nSearch (q pushed through the router; ms to the chart drawn with the series; search files fetched for the case)')
    console.log(table(['articles', 'case', 'ms (first ≤ 1000)', 'fetched MB', 'fetched MB gzip (≤ 1)', 'heap MB after'], searchRows))
    console.log(`\nWith the query "China" drawn: every control, one after another (time from the router push to the next chart:drawn)`)
    console.log(controlsTable(summaries.map(({ dataset, runs }) => ({ label: dataset.label, runs: runs.map((m) => ({ steps: m.search?.redraws ?? [] })) }))))
  }
  const jsonOut = option(argv, '--json')
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(summaries, null, 2)}\n`)
}

main().catch((error: unknown) => {
  log(`bench:app: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
