/**
 * Lighthouse on the BUILT demo app, mobile and desktop, per route (Lighthouse from npm, Debian's Chromium).
 *
 *   npm run bench:lighthouse [-- --routes /mentions,/visits,/figures,/articles] [--runs N] [--port 4177] [--json FILE] [--lhr-dir DIR]
 *                            [--baseline DIR]
 *
 * Builds the app into a temp folder (the committed demo dataset in public/data), serves it with Vite's
 * preview server on PORT (env PORT or --port, default 4177) and runs Lighthouse against each route with its
 * mobile defaults (Moto G Power emulation, simulated slow 4G and 4× CPU slowdown) and its desktop config
 * (no CPU slowdown, desktop screen). No network beyond localhost: Chromium starts with background
 * networking, component updates and sync off. Prints, per route and form factor, the median over --runs of
 * the performance, accessibility and best-practices scores and of LCP, TBT, CLS, FCP and Speed Index, next
 * to the budgets (mobile performance ≥ 0.90 with TBT ≤ 200 ms, desktop ≥ 0.98, accessibility and best
 * practices 1), and what the main thread spent most of its time on (Lighthouse's main-thread work
 * breakdown and its longest task). Exit code 1 when a budget is missed. A measurement, not a test:
 * not part of `npm test`. Scores move with the load of the machine: the load average is printed.
 * --baseline DIR also builds the checkout in DIR (its own demo data; it uses this checkout's node_modules
 * when it has none) and serves it on a free port; every run then measures the baseline and this checkout
 * back to back, so a before/after ratio comes from one run on the same machine load.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Config, type Flags, type Result } from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { build, preview } from 'vite'
import { ROOT, fmt, freePort, log, machineLoad, median, option, table } from './common.ts'

const argv = process.argv.slice(2)
const routes = (option(argv, '--routes') ?? '/mentions,/visits,/figures,/articles').split(',').map((route) => route.trim())
const runs = Number(option(argv, '--runs') ?? '1')
const port = Number(option(argv, '--port') ?? process.env.PORT ?? '4177')
const jsonOut = option(argv, '--json')
/** Keeps every Lighthouse report (the whole LHR JSON) in this folder, named by build, route, form and run. */
const lhrDir = option(argv, '--lhr-dir')
let lhrCount = 0

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const BUDGET = { mobile: 0.9, desktop: 0.98, tbtMobileMs: 200 } as const
type FormFactor = 'mobile' | 'desktop'
const CONFIGS: Record<FormFactor, Config | undefined> = { mobile: undefined, desktop: desktopConfig }

interface Sample {
  performance: number
  accessibility: number
  bestPractices: number
  lcp: number
  tbt: number
  cls: number
  fcp: number
  si: number
  /** Main-thread time by group (Lighthouse's mainthread-work-breakdown), ms. */
  breakdown: Record<string, number>
  longestTaskMs: number
  failed: string[]
}

function numeric(result: Result, audit: string): number {
  return result.audits[audit]?.numericValue ?? NaN
}

/** The audits of the three categories that did not pass (so a score under 1 says why). */
function failedAudits(result: Result): string[] {
  const ids = ['accessibility', 'best-practices'].flatMap((category) => result.categories[category]?.auditRefs.map((ref) => ref.id) ?? [])
  return ids.filter((id) => {
    const audit = result.audits[id]
    return audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable'
  })
}

function sampleOf(result: Result): Sample {
  const breakdown: Record<string, number> = {}
  const items = (result.audits['mainthread-work-breakdown']?.details as { items?: { groupLabel: string; duration: number }[] } | undefined)?.items ?? []
  for (const item of items) breakdown[item.groupLabel] = item.duration
  const tasks = (result.audits['long-tasks']?.details as { items?: { duration: number }[] } | undefined)?.items ?? []
  return {
    performance: result.categories.performance?.score ?? NaN,
    accessibility: result.categories.accessibility?.score ?? NaN,
    bestPractices: result.categories['best-practices']?.score ?? NaN,
    lcp: numeric(result, 'largest-contentful-paint'),
    tbt: numeric(result, 'total-blocking-time'),
    cls: numeric(result, 'cumulative-layout-shift'),
    fcp: numeric(result, 'first-contentful-paint'),
    si: numeric(result, 'speed-index'),
    breakdown,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    failed: failedAudits(result),
  }
}

async function runOnce(url: string, formFactor: FormFactor): Promise<Sample> {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS })
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] }
    const runner = await lighthouse(url, flags, CONFIGS[formFactor])
    if (!runner) throw new Error(`no Lighthouse result for ${url}`)
    const { lhr } = runner
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    if (lhrDir) writeFileSync(join(lhrDir, `${String(++lhrCount).padStart(3, '0')}-${new URL(url).port}${new URL(url).pathname.replaceAll('/', '_')}-${formFactor}.json`), JSON.stringify(lhr))
    return sampleOf(lhr)
  } finally {
    chrome.kill()
  }
}

function medianSample(samples: readonly Sample[]): Sample {
  const pick = (key: keyof Omit<Sample, 'breakdown' | 'failed'>): number => median(samples.map((sample) => sample[key]))
  const groups = new Set(samples.flatMap((sample) => Object.keys(sample.breakdown)))
  const breakdown = Object.fromEntries([...groups].map((group) => [group, median(samples.map((sample) => sample.breakdown[group] ?? 0))]))
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcp: pick('lcp'),
    tbt: pick('tbt'),
    cls: pick('cls'),
    fcp: pick('fcp'),
    si: pick('si'),
    longestTaskMs: pick('longestTaskMs'),
    breakdown,
    failed: [...new Set(samples.flatMap((sample) => sample.failed))],
  }
}

function verdict(sample: Sample, formFactor: FormFactor): string {
  const misses: string[] = []
  if (!(sample.performance >= BUDGET[formFactor])) misses.push('perf')
  if (formFactor === 'mobile' && !(sample.tbt <= BUDGET.tbtMobileMs)) misses.push('TBT')
  if (sample.accessibility !== 1) misses.push('a11y')
  if (sample.bestPractices !== 1) misses.push('bp')
  return misses.length ? `MISSED ${misses.join(', ')}` : 'ok'
}

function topGroups(breakdown: Record<string, number>): string {
  return Object.entries(breakdown)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([group, ms]) => `${group} ${Math.round(ms)}`)
    .join(', ')
}

interface Site {
  label: string
  root: string
  port: number
  outDir: string
}

async function measureSites(sites: readonly Site[]): Promise<{ site: string; route: string; formFactor: FormFactor; sample: Sample }[]> {
  const samples = new Map<string, Sample[]>()
  for (const route of routes)
    for (const formFactor of ['mobile', 'desktop'] as const)
      for (let run = 0; run < runs; run++)
        for (const site of sites) {
          log(`${site.label} ${route} ${formFactor} run ${run + 1}/${runs} …`)
          const key = `${site.label}\u0000${route}\u0000${formFactor}`
          samples.set(key, [...(samples.get(key) ?? []), await runOnce(`http://127.0.0.1:${site.port}${route}`, formFactor)])
        }
  return [...samples.entries()].map(([key, list]) => {
    const [site = '', route = '', formFactor = 'mobile'] = key.split('\u0000')
    return { site, route, formFactor: formFactor as FormFactor, sample: medianSample(list) }
  })
}

const baseline = option(argv, '--baseline')
const sites: Site[] = [
  ...(baseline ? [{ label: 'baseline', root: baseline, port: await freePort(), outDir: mkdtempSync(join(tmpdir(), 'mbpm-lighthouse-')) }] : []),
  { label: baseline ? 'this checkout' : 'demo', root: ROOT, port, outDir: mkdtempSync(join(tmpdir(), 'mbpm-lighthouse-')) },
]
const servers: { close(): Promise<void> }[] = []
try {
  for (const site of sites) {
    log(`building ${site.root} …`)
    await build({ root: site.root, logLevel: 'warn', build: { outDir: site.outDir, emptyOutDir: true, reportCompressedSize: false } })
    servers.push(await preview({ root: site.root, logLevel: 'warn', build: { outDir: site.outDir }, preview: { port: site.port, strictPort: true, host: '127.0.0.1' } }))
  }
  const results = await measureSites(sites)
  console.log(`\nLighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}on the demo build; ${machineLoad()}`)
  console.log('Budgets: mobile performance ≥ 0.90 and TBT ≤ 200 ms, desktop ≥ 0.98, accessibility and best practices 1.\n')
  const rows = results.map(({ site, route, formFactor, sample }) => [
    ...(baseline ? [site] : []),
    route,
    formFactor,
    fmt(sample.performance, 2),
    fmt(sample.accessibility, 2),
    fmt(sample.bestPractices, 2),
    fmt(sample.lcp, 0),
    fmt(sample.tbt, 0),
    fmt(sample.cls, 3),
    fmt(sample.fcp, 0),
    fmt(sample.si, 0),
    fmt(sample.longestTaskMs, 0),
    verdict(sample, formFactor),
  ])
  const header = [...(baseline ? ['build'] : []), 'route', 'form', 'perf', 'a11y', 'bp', 'LCP ms', 'TBT ms', 'CLS', 'FCP ms', 'SI ms', 'longest task ms', '']
  console.log(table(header, rows))
  console.log('\nMain thread (ms, Lighthouse mainthread-work-breakdown, top 3):')
  for (const { site, route, formFactor, sample } of results) console.log(`  ${baseline ? `${site} ` : ''}${route} ${formFactor}: ${topGroups(sample.breakdown)}`)
  const failed = [...new Set(results.flatMap((result) => result.sample.failed))]
  if (failed.length) console.log(`\nAudits below 1 (accessibility, best practices): ${failed.join(', ')}`)
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2))
  const mine = results.filter((result) => result.site === sites[sites.length - 1]?.label)
  if (mine.some(({ sample, formFactor }) => verdict(sample, formFactor) !== 'ok')) process.exitCode = 1
} finally {
  for (const server of servers) await server.close()
  for (const site of sites) rmSync(site.outDir, { recursive: true, force: true })
}
