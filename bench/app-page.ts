/**
 * Driving a page of the built app for bench:app (bench/app.ts, bench/search-cases.ts): changing the
 * filters through the app's own router, waiting for the next `chart:drawn` mark or for the charts to
 * settle, main-thread CPU time, and what gzip -6 makes of a fetched file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { CDPSession, Page } from '@playwright/test'
import type { ControlStep, StepTime } from './app-controls.ts'

const gzipCache = new Map<string, number>()
/** What gzip -6 makes of a file the page fetched (vite preview serves uncompressed). */
export function gzipSizeOf(site: string, url: string): number | null {
  const path = decodeURIComponent(new URL(url).pathname)
  const file = join(site, path.endsWith('/') || !/\.[a-z0-9]+$/i.test(path) ? 'index.html' : path)
  if (!existsSync(file) || !statSync(file).isFile()) return null
  const key = `${file}:${statSync(file).size}`
  let size = gzipCache.get(key)
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 6 }).length
    gzipCache.set(key, size)
  }
  return size
}

interface RouterLike {
  push(to: { path: string; query: Record<string, string> }): Promise<unknown>
  currentRoute: { value: { path: string; query: Record<string, unknown> } }
}

/** Changes the filters through the app's own router and returns performance.now() at the change. */
export async function pushFilters(page: Page, query: Record<string, string>): Promise<number | null> {
  return page.evaluate((q) => {
    const root = document.querySelector('#app') as (Element & { __vue_app__?: { config: { globalProperties: { $router?: RouterLike } } } }) | null
    const router = root?.__vue_app__?.config.globalProperties.$router
    if (!router) return null
    const current = router.currentRoute.value
    const t0 = performance.now()
    void router.push({ path: current.path, query: q })
    return t0
  }, query)
}

/**
 * CPU time the page's main thread has used so far (CDP Performance metric ThreadTime), ms: unlike wall
 * time it does not grow while the thread waits for a core, so it compares runs on a busy machine.
 */
export async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000
}

export async function marksAfter(page: Page, t0: number, limitMs: number): Promise<number | null> {
  try {
    await page.waitForFunction((t) => performance.getEntriesByName('chart:drawn').some((m) => m.startTime > t), t0, { timeout: limitMs, polling: 20 })
  } catch {
    return null
  }
  const first = await page.evaluate((t) => performance.getEntriesByName('chart:drawn').find((m) => m.startTime > t)?.startTime ?? null, t0)
  return first === null ? null : first - t0
}

/** Waits until no chart has been drawn for `quietMs` (animations and later charts), at most `limitMs`. */
export async function settle(page: Page, quietMs = 400, limitMs = 8000): Promise<void> {
  const start = Date.now()
  let last = -1
  while (Date.now() - start < limitMs) {
    const count = await page.evaluate(() => performance.getEntriesByName('chart:drawn').length)
    if (count === last) return
    last = count
    await new Promise((r) => setTimeout(r, quietMs))
  }
}

/** Each step from a settled page to the next drawn chart; stops (fewer results) when the router cannot be reached. */
export async function measureSteps(page: Page, cdp: CDPSession, steps: readonly ControlStep[], limitMs: number): Promise<StepTime[]> {
  const out: StepTime[] = []
  for (const step of steps) {
    const cpu0 = await threadTimeMs(cdp)
    const t0 = await pushFilters(page, step.query)
    if (t0 === null) break
    const ms = await marksAfter(page, t0, limitMs)
    out.push({ name: step.name, ms, cpuMs: ms === null ? null : (await threadTimeMs(cdp)) - cpu0 })
    await settle(page)
  }
  return out
}
