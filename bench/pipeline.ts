/**
 * Pipeline benchmark: `npm run preprocess` on synthetic corpora of growing size.
 *
 *   npm run bench:pipeline [-- --sizes 1000,10000,100000] [--runs N] [--timeout S] [--seed 1]
 *                          [--direct] [--profile] [--profile-size N] [--score-sample K] [--json FILE]
 *
 * Corpora are generated once under $BENCH_CACHE (default /tmp/mbpm-bench) and reused. Each run is a
 * child process with a time limit; wall time is measured here, peak RSS by /usr/bin/time -v. Prints
 * articles, MB, seconds (median of the runs), MB/s, articles/s, peak RSS, output size and how time
 * grows with size (exponent k in time ∝ size^k between neighbouring sizes; 1 = linear).
 * --direct runs `node --max-old-space-size=512 --import tsx pipeline/cli.ts` (what `npm run preprocess`
 * runs) without npm (saves npm's ~0.3 s start-up).
 * --profile runs once more under `node --cpu-prof` and prints where the time went.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE, ROOT, ensureCorpus, fmt, folderBytes, log, machineLoad, median, option, runMeasured, sizesOption, table } from './common.ts'
import { summarizeProfile } from './cpu-profile.ts'

interface SizeResult {
  articles: number
  textMb: number
  runs: number[]
  seconds: number | null
  cpuSeconds: number | null
  timedOutAt: number | null
  failed: string | null
  peakRssMb: number | null
  outputMb: number | null
  score: string | null
}

const argv = process.argv.slice(2)
const sizes = sizesOption(argv, [1000, 10_000, 100_000])
const seed = Number(option(argv, '--seed') ?? '1')
const timeout = Number(option(argv, '--timeout') ?? '600')
const runsOption = option(argv, '--runs')
const direct = argv.includes('--direct')
const scoreSample = Number(option(argv, '--score-sample') ?? '200')

/** What `npm run preprocess` starts: Node with a 512 MB heap limit and tsx's loader. */
const NODE_FLAGS = ['--max-old-space-size=512', '--import', 'tsx']
const DIRECT = `node ${NODE_FLAGS.join(' ')} pipeline/cli.ts`

function preprocessCommand(input: string, output: string): [string, string[]] {
  return direct
    ? [process.execPath, [...NODE_FLAGS, 'pipeline/cli.ts', '--in', input, '--out', output]]
    : ['npm', ['run', '--silent', 'preprocess', '--', '--in', input, '--out', output]]
}

/** Scores the output against the gold of the first `k` articles (score.mjs compares every gold file with every article). */
async function scoreSampleOf(corpus: string, dataset: string, k: number): Promise<string | null> {
  if (k <= 0) return null
  const goldDir = join(corpus, 'gold')
  const sampleDir = join(CACHE, `gold-sample-${k}-${corpus.split('/').pop() ?? ''}`)
  if (!existsSync(sampleDir)) {
    mkdirSync(sampleDir, { recursive: true })
    const names = readdirSync(goldDir).sort().slice(0, k)
    for (const name of names) copyFileSync(join(goldDir, name), join(sampleDir, name))
  }
  const run = await runMeasured(process.execPath, [join(ROOT, '../shared/tools/score.mjs'), '--dataset', dataset, '--gold', sampleDir], 600)
  const match = /score: .*/.exec(run.stdout)
  if (match) return match[0]
  return run.code === 0 ? null : `score.mjs failed (${run.code})`
}

async function benchSize(n: number): Promise<SizeResult> {
  const corpus = await ensureCorpus(n, seed)
  const textMb = corpus.textBytes / 1e6
  const outDir = join(CACHE, `out-n${n}`)
  const outFile = join(outDir, 'dataset.json')
  const runs = Number(runsOption ?? (n <= 10_000 ? 3 : 1))
  const result: SizeResult = { articles: n, textMb, runs: [], seconds: null, cpuSeconds: null, timedOutAt: null, failed: null, peakRssMb: null, outputMb: null, score: null }
  const cpu: number[] = []
  for (let r = 0; r < runs; r++) {
    rmSync(outDir, { recursive: true, force: true })
    mkdirSync(outDir, { recursive: true })
    const [command, args] = preprocessCommand(corpus.dir, outFile)
    const run = await runMeasured(command, args, timeout)
    if (run.timedOut) {
      result.timedOutAt = timeout
      result.peakRssMb = run.peakRssMb
      log(`  ${n} articles: timed out at ${timeout} s (peak RSS sampled ${fmt(run.peakRssMb, 0)} MB); ${machineLoad()}`)
      break
    }
    if (run.code !== 0) {
      result.failed = `exit ${run.code}: ${run.stderr.split('\n').filter((l) => l && !l.startsWith('\t') && !/^\s*Command being timed/.test(l)).slice(-3).join(' / ')}`
      log(`  ${n} articles: failed, ${result.failed}`)
      break
    }
    result.runs.push(run.seconds)
    if (run.cpuSeconds !== null) cpu.push(run.cpuSeconds)
    result.peakRssMb = Math.max(result.peakRssMb ?? 0, run.peakRssMb ?? 0) || null
    log(`  ${n} articles, run ${r + 1}/${runs}: ${run.seconds.toFixed(2)} s wall, ${fmt(run.cpuSeconds, 2)} s CPU, peak RSS ${fmt(run.peakRssMb, 0)} MB; ${machineLoad()}`)
  }
  if (result.runs.length) {
    result.seconds = median(result.runs)
    result.cpuSeconds = cpu.length ? median(cpu) : null
    result.outputMb = folderBytes(outDir) / 1e6
    result.score = await scoreSampleOf(corpus.dir, outFile, Math.min(scoreSample, n))
  }
  return result
}

async function profileSize(n: number): Promise<void> {
  const corpus = await ensureCorpus(n, seed)
  const dir = join(CACHE, `profile-n${n}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  log(`profiling the pipeline on ${n} articles (node --cpu-prof) …`)
  const run = await runMeasured(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, ...NODE_FLAGS, 'pipeline/cli.ts', '--in', corpus.dir, '--out', join(dir, 'dataset.json')],
    timeout,
  )
  if (run.timedOut) log(`  profile run timed out at ${timeout} s`)
  // the main thread's profile is the largest; workers write their own
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)
  if (!profiles.length) {
    log('  no .cpuprofile written')
    return
  }
  for (const file of profiles.slice(0, 4)) {
    const summary = summarizeProfile(file)
    if (summary.idleShare > 0.8) continue // tsx's module-loader thread
    console.log(`\nCPU profile ${file} (${(summary.totalMs / 1000).toFixed(1)} s sampled)`)
    console.log(table(['self ms', 'share', 'function'], summary.byFunction.map((f) => [f.ms.toFixed(0), `${(f.share * 100).toFixed(1)}%`, f.name])))
    console.log(table(['self ms', 'share', 'file'], summary.byFile.map((f) => [f.ms.toFixed(0), `${(f.share * 100).toFixed(1)}%`, f.file])))
  }
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true })
  log(`pipeline benchmark: sizes ${sizes.join(', ')}; ${direct ? DIRECT : 'npm run preprocess'}; time limit ${timeout} s per run`)
  const results: SizeResult[] = []
  for (const n of sizes) results.push(await benchSize(n))

  const rows = results.map((r, i) => {
    const prev = results[i - 1]
    const growth =
      prev?.seconds && r.seconds ? `${(Math.log(r.seconds / prev.seconds) / Math.log(r.articles / prev.articles)).toFixed(2)} (×${(r.seconds / prev.seconds).toFixed(1)} for ×${(r.articles / prev.articles).toFixed(0)})` : '–'
    const seconds = r.seconds !== null ? r.seconds.toFixed(2) : r.timedOutAt !== null ? `timed out at ${r.timedOutAt} s` : 'failed'
    const rss = r.seconds === null && r.peakRssMb !== null ? `≥ ${fmt(r.peakRssMb, 0)}` : fmt(r.peakRssMb, 0)
    return [
      String(r.articles),
      r.textMb.toFixed(1),
      seconds,
      r.seconds ? (r.textMb / r.seconds).toFixed(2) : 'n/a',
      r.seconds ? (r.articles / r.seconds).toFixed(0) : 'n/a',
      fmt(r.cpuSeconds, 1),
      r.cpuSeconds ? (r.textMb / r.cpuSeconds).toFixed(2) : 'n/a',
      rss,
      fmt(r.outputMb, 1),
      String(r.runs.length),
      growth,
    ]
  })
  console.log(`\nPipeline (${direct ? DIRECT : 'npm run preprocess'}), synthetic corpus seed ${seed}, median of runs`)
  console.log(machineLoad())
  console.log(table(['articles', 'MB in', 'seconds', 'MB/s', 'articles/s', 'CPU s', 'MB per CPU s', 'peak RSS MB', 'MB out', 'runs', 'time growth k (t ∝ n^k)'], rows))
  for (const r of results) {
    if (r.failed) console.log(`${r.articles}: ${r.failed}`)
    if (r.score) console.log(`${r.articles}: first ${Math.min(scoreSample, r.articles)} articles vs planted gold → ${r.score}`)
  }
  const jsonOut = option(argv, '--json')
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ sizes, seed, direct, timeout, results }, null, 2)}\n`)

  if (argv.includes('--profile')) {
    const completed = results.filter((r) => r.seconds !== null).map((r) => r.articles)
    const n = Number(option(argv, '--profile-size') ?? (completed.length ? Math.max(...completed) : sizes[0]))
    await profileSize(n)
  }
}

main().catch((error: unknown) => {
  log(`bench:pipeline: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
