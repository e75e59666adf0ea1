/**
 * What blocks the main thread while a route loads on a throttled phone: an unminified build of the app
 * (the demo data) in Debian's Chromium at 412 × 823 px with the CPU slowed 4× (CDP), sampled by the CDP
 * profiler from navigation until the page has been quiet for 3 s. Prints the `chart:drawn` marks, every
 * long task (≥ 50 ms, from a PerformanceObserver) and, for the longest tasks, the functions that took the
 * most time inside them (inclusive: a function and what it called), file names of the build.
 *
 *   npx tsx bench/main-thread.ts [--route /mentions] [--tasks 3] [--top 25] [--port 4177]
 *
 * A look at where the time goes, not a score (bench:lighthouse scores): the durations move with the load
 * of the machine, the ranking of the functions much less.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { ROOT, log, machineLoad, option } from './common.ts'

const argv = process.argv.slice(2)
const route = option(argv, '--route') ?? '/mentions'
const taskCount = Number(option(argv, '--tasks') ?? '3')
const top = Number(option(argv, '--top') ?? '25')
const port = Number(option(argv, '--port') ?? process.env.PORT ?? '4177')
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Inclusive time per function over the samples between two times (ms since the profile started). */
function inclusive(profile: Profile, from: number, to: number): [string, number][] {
  const parent = new Map<number, number>()
  const byId = new Map<number, ProfileNode>()
  for (const node of profile.nodes) {
    byId.set(node.id, node)
    for (const child of node.children ?? []) parent.set(child, node.id)
  }
  const totals = new Map<string, number>()
  let time = 0
  for (let i = 0; i < profile.samples.length; i++) {
    time += (profile.timeDeltas[i] ?? 0) / 1000
    if (time < from || time > to) continue
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const seen = new Set<string>()
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame
      if (!frame || frame.functionName === '(root)') continue
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`
      if (seen.has(name)) continue
      seen.add(name)
      totals.set(name, (totals.get(name) ?? 0) + dt)
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1])
}

const outDir = mkdtempSync(join(tmpdir(), 'mbpm-main-thread-'))
try {
  log('building an unminified copy of the app …')
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false } })
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } })
    await page.addInitScript(() => {
      const tasks: [number, number][] = []
      Object.assign(window, { __longTasks: tasks })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration])
      }).observe({ type: 'longtask', buffered: true })
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    // the profile starts a moment before navigation: task times are shifted into its clock below
    const started = Date.now()
    await page.goto(`http://127.0.0.1:${port}${route}`)
    const navigationOffset = Date.now() - started - (await page.evaluate(() => performance.now()))
    await page.waitForTimeout(6000)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    const marks = await page.evaluate(() => performance.getEntriesByName('chart:drawn').map((mark) => Math.round(mark.startTime)))
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks)
    console.log(`\n${route}, 4× CPU, 412 × 823 px; ${machineLoad()}`)
    console.log(`chart:drawn at ${marks.join(', ')} ms`)
    console.log(`long tasks (start ms + duration ms): ${tasks.map(([start, duration]) => `${Math.round(start)}+${Math.round(duration)}`).join(', ')}`)
    console.log(`total blocking time over 50 ms: ${Math.round(tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0))} ms`)
    const longest = [...tasks].sort((a, b) => b[1] - a[1]).slice(0, taskCount)
    for (const [start, duration] of longest) {
      const from = start + Math.max(0, navigationOffset)
      console.log(`\ntask at ${Math.round(start)} ms, ${Math.round(duration)} ms — inclusive ms by function:`)
      for (const [name, ms] of inclusive(profile, from, from + duration).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
