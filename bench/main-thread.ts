/**
 * What blocks the main thread while a route loads on a throttled phone: an unminified build of the app
 * (the demo data) in Debian's Chromium at 412 × 823 px with the CPU slowed 4× (CDP), sampled by the CDP
 * profiler from navigation until the page has been quiet for 3 s. Prints the `chart:drawn` marks, every
 * long task (≥ 50 ms, from a PerformanceObserver) and, for the longest tasks, the functions that took the
 * most time inside them (inclusive: a function and what it called), file names of the build.
 *
 *   npx tsx bench/main-thread.ts [--route /mentions] [--tasks 3] [--top 25] [--port 4177] [--runs N] [--baseline DIR] [--baseline-port P]
 *
 * --runs N loads the route N times and prints, per load, the long tasks, their blocking time over 50 ms
 * and the main thread's busy time until the page was quiet (CDP Performance.getMetrics: TaskDuration,
 * the tasks' wall time, and ThreadTime, the thread's CPU time, steadier on a busy machine), then the medians; the function breakdown is printed
 * for the last load only. --baseline DIR builds another checkout too (it uses this checkout's
 * node_modules when it has none) and alternates the two, load by load, on the same machine load.
 *
 * A look at where the time goes, not a score (bench:lighthouse scores): the durations move with the load
 * of the machine, the ranking of the functions much less.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { build, preview } from 'vite'
import { ROOT, freePort, log, machineLoad, median, option, table } from './common.ts'

const argv = process.argv.slice(2)
const route = option(argv, '--route') ?? '/mentions'
const taskCount = Number(option(argv, '--tasks') ?? '3')
const top = Number(option(argv, '--top') ?? '25')
const port = Number(option(argv, '--port') ?? process.env.PORT ?? '4177')
const runs = Number(option(argv, '--runs') ?? '1')
const baseline = option(argv, '--baseline')
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

interface Load {
  marks: number[]
  tasks: [number, number][]
  blockingMs: number
  busyMs: number
  /** CPU time of the main thread (ThreadTime): what throttling and other processes inflate least. */
  cpuMs: number
  profile: Profile
  navigationOffset: number
}

/** One fresh page of `url` at 4× CPU, profiled until 6 s after navigation. */
async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } })
  try {
    await page.addInitScript(() => {
      const tasks: [number, number][] = []
      Object.assign(window, { __longTasks: tasks })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration])
      }).observe({ type: 'longtask', buffered: true })
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await cdp.send('Performance.enable')
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    // the profile starts a moment before navigation: task times are shifted into its clock below
    const started = Date.now()
    await page.goto(url)
    const navigationOffset = Date.now() - started - (await page.evaluate(() => performance.now()))
    await page.waitForTimeout(6000)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
    const busyMs = (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN) * 1000
    const cpuMs = (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000
    const marks = await page.evaluate(() => performance.getEntriesByName('chart:drawn').map((mark) => Math.round(mark.startTime)))
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks)
    const blockingMs = Math.round(tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0))
    return { marks, tasks, blockingMs, busyMs, cpuMs, profile, navigationOffset }
  } finally {
    await page.close()
  }
}

interface Site {
  label: string
  root: string
  port: number
  outDir: string
}

const sites: Site[] = [
  ...(baseline ? [{ label: 'baseline', root: baseline, port: Number(option(argv, '--baseline-port') ?? (await freePort())), outDir: mkdtempSync(join(tmpdir(), 'mbpm-main-thread-')) }] : []),
  { label: baseline ? 'this checkout' : 'this', root: ROOT, port, outDir: mkdtempSync(join(tmpdir(), 'mbpm-main-thread-')) },
]
const servers: Awaited<ReturnType<typeof preview>>[] = []
try {
  for (const site of sites) {
    if (!existsSync(join(site.root, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(site.root, 'node_modules'))
    log(`building an unminified copy of ${site.root} …`)
    await build({ root: site.root, logLevel: 'warn', build: { outDir: site.outDir, emptyOutDir: true, minify: false, reportCompressedSize: false } })
    servers.push(await preview({ root: site.root, logLevel: 'warn', build: { outDir: site.outDir }, preview: { port: site.port, strictPort: true, host: '127.0.0.1' } }))
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const loads = new Map<string, Load[]>(sites.map((site) => [site.label, []]))
    for (let run = 0; run < runs; run++) {
      for (const site of sites) {
        log(`${site.label} ${route} run ${run + 1}/${runs} …`)
        const load = await loadOnce(browser, `http://127.0.0.1:${site.port}${route}`)
        loads.get(site.label)?.push(load)
        console.log(
          `${site.label} run ${run + 1}: chart:drawn at ${load.marks.join(', ')} ms; long tasks ${load.tasks.map(([start, duration]) => `${Math.round(start)}+${Math.round(duration)}`).join(', ')}; ` +
            `blocking ${load.blockingMs} ms, busy ${Math.round(load.busyMs)} ms, CPU ${Math.round(load.cpuMs)} ms; ${machineLoad()}`,
        )
      }
    }
    console.log(`\n${route}, 4× CPU, 412 × 823 px, median of ${runs}; ${machineLoad()}`)
    const rows = sites.map((site) => {
      const list = loads.get(site.label) ?? []
      return [
        site.label,
        String(median(list.map((load) => load.marks[0] ?? NaN))),
        String(median(list.map((load) => load.tasks.length))),
        String(median(list.map((load) => Math.max(0, ...load.tasks.map(([, duration]) => Math.round(duration)))))),
        String(median(list.map((load) => load.blockingMs))),
        String(Math.round(median(list.map((load) => load.busyMs)))),
        String(Math.round(median(list.map((load) => load.cpuMs)))),
      ]
    })
    console.log(table(['build', 'first chart:drawn ms', 'long tasks', 'longest ms', 'blocking over 50 ms', 'busy ms (tasks)', 'CPU ms (thread)'], rows))
    for (const site of sites) {
      const last = loads.get(site.label)?.at(-1)
      if (!last) continue
      const longest = [...last.tasks].sort((a, b) => b[1] - a[1]).slice(0, taskCount)
      for (const [start, duration] of longest) {
        const from = start + Math.max(0, last.navigationOffset)
        console.log(`\n${site.label}, last run: task at ${Math.round(start)} ms, ${Math.round(duration)} ms — inclusive ms by function:`)
        for (const [name, ms] of inclusive(last.profile, from, from + duration).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`)
      }
    }
  } finally {
    await browser.close()
  }
} finally {
  for (const server of servers) await server.close()
  for (const site of sites) rmSync(site.outDir, { recursive: true, force: true })
}
