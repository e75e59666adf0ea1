/**
 * The search cases of bench:app (bench/app.ts), on a page whose first chart is drawn: a query's first
 * series (a common word), a change of query (a prefix), a phrase (positions too); per case the time from
 * the URL change to the chart drawn with the query's series, the search files fetched (as served and what
 * gzip -6 makes of them), and the JS heap after the last case. Then, with the common word drawn, the
 * Mentions controls changed one after another (the redraw the ≤ 50 ms budget is about): time from the
 * router push to the next chart drawn, and main-thread CPU time.
 */
import type { CDPSession, Page } from '@playwright/test'
import type { ControlStep, StepTime } from './app-controls.ts'
import { measureSteps, pushFilters, settle } from './app-page.ts'

export interface SearchCase {
  label: string
  q: string
}

/** Common in the synthetic corpus ("China": in ~95 % of its stories), a prefix, a phrase of a common word. */
export const SEARCH_CASES: readonly SearchCase[] = [
  { label: 'first series: China', q: 'China' },
  { label: 'change: Gas*', q: 'Gas*' },
  { label: 'change: "Gespräche in Peking"', q: '"Gespräche in Peking"' },
]

export interface SearchMeasurement {
  label: string
  ms: number | null
  bytes: number
  gzip: number
}

/** The controls changed while the query `q` is drawn, ending where they started. */
function redrawSteps(q: string): ControlStep[] {
  const actor = { q, actor: 'putin,xi-jinping' }
  return [
    { name: 'q + actor: one', query: { q, actor: 'china' } },
    { name: 'q + actor: two', query: actor },
    { name: 'q + from (month start)', query: { ...actor, from: '2020-01-01' } },
    { name: 'q + dates cleared', query: actor },
    { name: 'q + grain: week', query: { ...actor, grain: 'week' } },
    { name: 'q + grain: month', query: actor },
    { name: 'q + measure: share', query: { ...actor, measure: 'share' } },
    { name: 'q + back (actor: two)', query: actor },
    { name: 'q + actor: one again', query: { q, actor: 'china' } },
  ]
}

/** Waits for the chip to show its count (the matches are in), then for the chart drawn after that. */
async function seriesDrawn(page: Page, t0: number, limitMs: number): Promise<number | null> {
  try {
    const ready = await page.waitForFunction(
      () => {
        const status = document.querySelector('[data-testid="search-chip"] [role="status"]')?.textContent ?? ''
        return /\d/.test(status) ? performance.now() : null
      },
      undefined,
      { timeout: limitMs, polling: 10 },
    )
    const readyAt = (await ready.jsonValue()) as number
    // the series is in the option once the matches are: the next drawing (or one just before the poll saw them) has it
    await page.waitForFunction((t) => performance.getEntriesByName('chart:drawn').some((m) => m.startTime > t - 15), readyAt, { timeout: limitMs, polling: 10 })
    const mark = await page.evaluate((t) => performance.getEntriesByName('chart:drawn').filter((m) => m.startTime > t - 15).pop()?.startTime ?? null, readyAt)
    return mark === null ? null : mark - t0
  } catch {
    return null
  }
}

export interface SearchResult {
  cases: SearchMeasurement[]
  heapMb: number | null
  /** The controls changed with the first case's query drawn. */
  redraws: StepTime[]
}

export async function measureSearch(page: Page, cdp: CDPSession, gzipOf: (url: string) => number | null, limitMs: number): Promise<SearchResult> {
  const cases: SearchMeasurement[] = []
  for (const { label, q } of SEARCH_CASES) {
    const t0 = await pushFilters(page, { q })
    if (t0 === null) break
    const ms = await seriesDrawn(page, t0, limitMs)
    const fetched = await page.evaluate(
      (t) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.startTime >= t && r.name.includes('/dataset.search/'))
          .map((r) => ({ url: r.name, encoded: r.encodedBodySize })),
      t0,
    )
    cases.push({ label, ms, bytes: fetched.reduce((s, r) => s + r.encoded, 0), gzip: fetched.reduce((s, r) => s + (gzipOf(r.url) ?? r.encoded), 0) })
    await new Promise((r) => setTimeout(r, 500))
  }
  const common = SEARCH_CASES[0]?.q ?? 'China'
  await pushFilters(page, { q: common, actor: 'putin,xi-jinping' })
  await settle(page)
  const redraws = await measureSteps(page, cdp, redrawSteps(common), limitMs)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value
  return { cases, heapMb: heap === undefined ? null : heap / 1e6, redraws }
}
