/**
 * What bench:app (bench/app.ts) serves: the dataset of a size (the committed demo, a pipeline run's
 * layout output, or the generator's planted answers through the app's layout builder, cached under
 * $BENCH_CACHE by the code that writes them), a copy of dist/ whose data/ is that dataset, and
 * `vite preview` on a free port.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import type { ChildProcess } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE, ROOT, freePort, log, runMeasured } from './common.ts'
import { GENERATOR_VERSION } from '../scripts/synth/corpus.ts'

export interface Dataset {
  label: string
  dir: string
  articles: number | null
  source: string
}

/** Where the dataset of a size comes from: `auto` takes a pipeline run's output when there is one (below 1 M). */
export type DatasetSource = 'auto' | 'planted' | 'pipeline'

export async function datasetFor(size: number | 'demo', source: DatasetSource): Promise<Dataset> {
  if (size === 'demo') return { label: 'demo', dir: join(ROOT, 'public/data'), articles: null, source: 'committed demo' }
  const pipelineDir = join(CACHE, `out-n${size}`)
  if (source !== 'planted' && existsSync(join(pipelineDir, 'dataset.index.json')) && size < 1_000_000) {
    return { label: String(size), dir: pipelineDir, articles: size, source: 'pipeline output' }
  }
  if (source === 'pipeline') throw new Error(`no pipeline output for ${size} articles in ${pipelineDir}; run npm run bench:pipeline first`)
  const dir = plantedDir(size)
  const withRecords = size < 1_000_000
  if (!existsSync(join(dir, 'dataset.index.json'))) {
    log(`writing the planted layout of ${size} articles to ${dir} …`)
    // a larger young generation: the writer makes short-lived strings by the billion (≈ 7 % less CPU at 20 k)
    const args = ['--max-semi-space-size=64', '--import', 'tsx', 'bench/planted-layout.ts', '--n', String(size), '--out', dir]
    if (!withRecords) args.push('--no-records')
    const run = await runMeasured(process.execPath, args, 3600)
    if (run.code !== 0) throw new Error(`planted-layout failed: ${run.stderr.slice(-400)}`)
  }
  return { label: String(size), dir, articles: size, source: withRecords ? 'planted answers' : 'planted answers, no parts or text shards' }
}

/** Where the planted layout of `size` articles is cached: keyed by the generator and the code that writes and reads it. */
export function plantedDir(size: number): string {
  const hash = createHash('sha1')
  for (const file of ['src/model/dataset.ts', 'src/model/layout.ts', 'pipeline/io/layout-build.ts', 'pipeline/io/layout-comentions.ts', 'pipeline/io/layout-events.ts', 'pipeline/io/layout-ids.ts', 'src/model/event-layout.ts', 'src/model/id-map.ts', 'scripts/synth/planted-dataset.ts', 'bench/planted-layout.ts', 'pipeline/io/search-index.ts', 'pipeline/io/search-encode.ts', 'src/lib/search/tokens.ts', 'src/model/search.ts'])
    hash.update(readFileSync(join(ROOT, file)))
  return join(CACHE, `planted-layout-n${size}-v${GENERATOR_VERSION}-${hash.digest('hex').slice(0, 8)}`)
}

/** dist/ copied to a temp folder whose data/ is the dataset (a symlink, so 1 GB datasets are not copied). */
export function siteFor(dataset: Dataset, dist = join(ROOT, 'dist'), tag = ''): string {
  const site = join(CACHE, `site-${dataset.label}${tag}`)
  rmSync(site, { recursive: true, force: true })
  cpSync(dist, site, { recursive: true, filter: (src) => !src.startsWith(join(dist, 'data')) })
  symlinkSync(dataset.dir, join(site, 'data'), 'dir')
  return site
}

export async function startPreview(site: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort()
  const server = spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', '--outDir', site, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    try {
      const response = await fetch(url)
      if (response.ok) return { url, server }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  stopServer(server)
  throw new Error(`vite preview did not answer on ${url}`)
}

export function stopServer(server: ChildProcess): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}
