/**
 * Initial JavaScript per route: builds the app into a temp folder (with a Vite manifest there only) and
 * prints, for each route, the gzip size of the JavaScript fetched before that route's first chart is
 * drawn (or, for routes without a chart, before the view renders), and checks the budgets.
 *
 *   npm run bench:bundle [-- --keep]
 *
 * Fetched = the classic scripts of index.html + the static import closure of the entry chunk + the
 * static import closure of the route's view chunk + the chunks the view loads on demand before drawing
 * (the chart chunk, src/charts/echarts.ts, which BaseChart imports on demand; the visits lanes' custom
 * series). Dynamic imports that wait for a click (PNG export) are not
 * counted. Sizes are gzip level 6 (as bench/app.ts) of the built files. Budgets (issue "Fast at a
 * million articles"): the shell ≤ 100 KB and the default route ≤ 250 KB are gates (exit code 1 when
 * exceeded); the other chart routes are shown against the same 250 KB as a target, not a gate.
 * A size check, not a timed one: it is not part of `npm test`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { ROOT, table } from './common.ts'

/** Budgets in KB gzip. */
const BUDGET = { firstChart: 250, shell: 100 } as const

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
type Manifest = Record<string, ManifestChunk>

interface RouteEntry {
  route: string
  /** Manifest keys (source paths) whose static closures are fetched before the first chart. */
  modules: string[]
  /** Whether the route draws a chart (otherwise the size is what the view needs to render). */
  chart: boolean
  /** Whether exceeding the first-chart budget fails the run (the default route) or is only reported. */
  gated: boolean
}

/** The chart chunk: chart views import it on demand (src/charts/load.ts) and draw nothing without it. */
const CHARTS = 'src/charts/echarts.ts'

const ROUTES: RouteEntry[] = [
  { route: '/mentions (default)', modules: ['src/views/MentionsView.vue', CHARTS], chart: true, gated: true },
  { route: '/visits', modules: ['src/views/VisitsView.vue', CHARTS], chart: true, gated: false },
  { route: '/figures', modules: ['src/views/FiguresView.vue', CHARTS], chart: true, gated: false },
  { route: '/articles', modules: ['src/views/ArticlesView.vue'], chart: false, gated: false },
  { route: '/articles/:id', modules: ['src/views/ArticleReaderView.vue'], chart: false, gated: false },
]

function closure(manifest: Manifest, keys: readonly string[], into: Set<string>): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not a chunk of the build (renamed? update ROUTES in bench/bundle.ts)`)
    if (into.has(chunk.file)) continue
    into.add(chunk.file)
    closure(manifest, chunk.imports ?? [], into)
  }
  return into
}

const keep = process.argv.includes('--keep')
const outDir = mkdtempSync(join(tmpdir(), 'mbpm-bundle-'))
try {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false },
  })
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest
  const gzipKb = new Map<string, number>()
  const kb = (file: string): number => {
    let size = gzipKb.get(file)
    if (size === undefined) {
      size = gzipSync(readFileSync(join(outDir, file)), { level: 6 }).length / 1024
      gzipKb.set(file, size)
    }
    return size
  }
  const sum = (files: Iterable<string>): number => [...files].reduce((total, file) => total + kb(file), 0)

  // Classic (non-module) scripts of index.html load before anything else.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const classic = [...html.matchAll(/<script(?![^>]*type="module")[^>]*\ssrc="\/([^"]+)"/g)].map((m) => m[1] ?? '')
  for (const file of classic) if (!existsSync(join(outDir, file))) throw new Error(`index.html loads missing ${file}`)
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entryKey) throw new Error('no entry chunk in the manifest')
  const shell = closure(manifest, [entryKey], new Set(classic))
  const shellKb = sum(shell)

  const rows: string[][] = [['shell (header, filters, error page)', String(shell.size), shellKb.toFixed(1), String(BUDGET.shell), shellKb <= BUDGET.shell ? 'ok' : 'OVER']]
  let over = shellKb > BUDGET.shell
  for (const entry of ROUTES) {
    const files = closure(manifest, entry.modules, new Set(shell))
    const total = sum(files)
    const budget = entry.chart ? BUDGET.firstChart : null
    const ok = budget === null || total <= budget
    if (entry.gated) over ||= !ok
    const status = ok ? 'ok' : entry.gated ? 'OVER' : 'over target'
    rows.push([entry.route, String(files.size), total.toFixed(1), budget === null ? '-' : `${budget}${entry.gated ? '' : ' (target)'}`, budget === null ? '' : status])
  }
  const all = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js'))
  rows.push(['all JS of the build', String(all.length), sum(new Set(all.map((chunk) => chunk.file))).toFixed(1), '-', ''])

  console.log('\nJavaScript fetched before the first chart (gzip -6, KB)\n')
  console.log(table(['route', 'chunks', 'KB gzip', 'budget', ''], rows))
  console.log('\nchunks (KB gzip):')
  for (const file of [...new Set(all.map((chunk) => chunk.file))].sort((a, b) => kb(b) - kb(a)))
    console.log(`  ${kb(file).toFixed(1).padStart(6)}  ${file}${shell.has(file) ? '  (shell)' : ''}`)
  if (over) {
    console.log('\nOVER BUDGET')
    process.exitCode = 1
  }
} finally {
  if (keep) console.log(`\nbuild kept in ${outDir}`)
  else rmSync(outDir, { recursive: true, force: true })
}
