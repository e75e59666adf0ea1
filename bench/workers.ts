/**
 * When do worker threads repay themselves? The numbers behind `MIN_FILES_FOR_WORKERS` (pipeline/passes/plan.ts):
 *
 *   npm run bench:workers [-- --sizes 50,200,500,1000,2000] [--threads 2] [--runs 3] [--seed 1]
 *
 * 1. Worker start-up: threads started from the bundled entry (workers/bundle.ts, cached) until each has
 *    answered an empty job, and the same threads started under tsx (how the pipeline started them before).
 * 2. The command on synthetic corpora of each size with `--workers 1` and `--workers T`, alternating,
 *    `runs` times: least and median wall seconds (a busy machine only ever adds time) and CPU seconds.
 * Wall time is what the threshold is about, and it only means something on a machine with idle cores:
 * the load average is printed with every table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { readInputs } from '../pipeline/io/read-inputs.ts'
import { workerEntry } from '../pipeline/workers/bundle.ts'
import { WorkerPool } from '../pipeline/workers/pool.ts'
import { CACHE, ROOT, ensureCorpus, fmt, log, machineLoad, median, option, runMeasured, sizesOption, table } from './common.ts'

const argv = process.argv.slice(2)
const sizes = sizesOption(argv, [50, 200, 500, 1000, 2000])
const threads = Number(option(argv, '--threads') ?? String(Math.max(2, availableParallelism())))
const runs = Number(option(argv, '--runs') ?? '3')
const seed = Number(option(argv, '--seed') ?? '1')
const NODE_FLAGS = ['--max-old-space-size=512', '--import', 'tsx']

/** Milliseconds from starting `count` threads at `entry` until each has answered one empty job. */
async function startUp(count: number, entry: string, dir: string): Promise<number> {
  const inputs = readInputs({
    actorsFile: join(ROOT, 'data/actors.json'),
    placesFile: join(ROOT, 'data/places.json'),
    occasionsFile: join(ROOT, 'data/occasions.json'),
  })
  if (!inputs.ok) throw new Error(inputs.error)
  const started = performance.now()
  const pool = await WorkerPool.start(count, { inDir: ROOT, registry: inputs.value.registry, gazetteers: inputs.value.gazetteers }, dir, entry)
  try {
    await pool.run(count, () => ({ kind: 'first', files: [], part: join(dir, 'empty.part') }), () => {})
    return performance.now() - started
  } finally {
    await pool.close()
  }
}

async function startUpTable(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mbpm-bench-workers-'))
  try {
    const bundled = await workerEntry(dir)
    const tsxBoot = join(dir, 'tsx-boot.mjs')
    const api = import.meta.resolve('tsx/esm/api')
    const source = new URL('../pipeline/workers/worker.ts', import.meta.url).href
    writeFileSync(tsxBoot, `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}) })\n`)
    const rows: string[][] = []
    for (const count of [1, threads]) {
      const times = { bundled: [] as number[], tsx: [] as number[] }
      for (let r = 0; r < runs; r++) {
        times.bundled.push(await startUp(count, bundled, dir))
        times.tsx.push(await startUp(count, tsxBoot, dir))
      }
      rows.push([String(count), fmt(Math.min(...times.bundled), 0), fmt(median(times.bundled), 0), fmt(Math.min(...times.tsx), 0), fmt(median(times.tsx), 0)])
    }
    console.log(`\nWorker start-up, ms until every thread answered (${runs} runs; ${machineLoad()})`)
    console.log(table(['threads', 'bundled least', 'bundled median', 'tsx least', 'tsx median'], rows))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function sizeTable(): Promise<void> {
  const rows: string[][] = []
  for (const size of sizes) {
    const corpus = await ensureCorpus(size, seed)
    const wall: Record<string, number[]> = { one: [], many: [] }
    const cpu: Record<string, number[]> = { one: [], many: [] }
    for (let r = 0; r < runs; r++) {
      for (const [key, workers] of [['one', '1'], ['many', String(threads)]] as const) {
        const out = join(CACHE, `workers-out-${size}-${workers}`, 'dataset.json')
        const run = await runMeasured(process.execPath, [...NODE_FLAGS, 'pipeline/cli.ts', '--in', corpus.dir, '--out', out, '--workers', workers], 600)
        if (run.code !== 0) throw new Error(`run failed: ${run.stderr.slice(-300)}`)
        wall[key]?.push(run.seconds)
        if (run.cpuSeconds !== null) cpu[key]?.push(run.cpuSeconds)
      }
    }
    const least = (xs: number[] | undefined): number => Math.min(...(xs ?? []))
    rows.push([
      String(size),
      fmt(least(wall.one), 2),
      fmt(median(wall.one ?? []), 2),
      fmt(least(wall.many), 2),
      fmt(median(wall.many ?? []), 2),
      fmt(least(wall.many) / least(wall.one), 2),
      fmt(least(cpu.one), 1),
      fmt(least(cpu.many), 1),
    ])
    log(`${size} files done`)
  }
  console.log(`\nThe command, --workers 1 against --workers ${threads}, synthetic corpus seed ${seed} (${runs} runs each; ${machineLoad()})`)
  console.log(table(['files', '1: least s', '1: median s', `${threads}: least s`, `${threads}: median s`, 'least ratio', '1: CPU s', `${threads}: CPU s`], rows))
}

await startUpTable()
await sizeTable()
