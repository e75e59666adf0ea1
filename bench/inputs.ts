/**
 * Input formats and incremental runs (issue 12), rerunnable, printing tables:
 *
 *   npm run bench:inputs -- formats [--corpus DIR] [--n 1000] [--runs 3]
 *     the first N articles of a synthetic corpus as .txt, as news pages (.html), as one JSON Lines file and as
 *     one WARC (.warc.gz): wall time of the whole command (median of runs, one thread), MB/s of input, articles/s.
 *   npm run bench:inputs -- incremental --corpus DIR [--share 0.01] [--verify] [--nice]
 *     a full run without cache, a cold run filling the cache, a warm run on the unchanged folder, then SHARE of
 *     the files added and SHARE changed: the incremental run against the full one in CPU seconds (user + sys of the
 *     process tree: the machine is shared, wall time is noise) and wall time, peak RSS; --verify compares its bytes
 *     with a run without cache on the changed folder. Runs are niced (`nice -n 10`) with --nice.
 *
 *   npm run bench:inputs -- change --corpus DIR [--share 0.01]
 *     only the change of the incremental part (SHARE new files, SHARE changed), for runs measured one at a time.
 *
 * The corpus comes from `npm run synth -- --n 100000 --out DIR`; the incremental part changes the folder (it
 * adds `bench-new-*.txt` and appends a sentence to some files): run it on a copy.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readTxtCorpus, writeFormats } from '../scripts/corpus-formats.ts'
import { CACHE, ROOT, log, machineLoad, option, runMeasured } from './common.ts'
import type { RunResult } from './common.ts'

const argv = process.argv.slice(2)
const mode = argv[0]
const TIMEOUT = Number(option(argv, '--timeout') ?? '3600')

function preprocess(inDir: string, out: string, extra: string[] = []): Promise<RunResult> {
  const command = ['--max-old-space-size=512', '--import', 'tsx', join(ROOT, 'pipeline/cli.ts'), '--in', inDir, '--out', out, ...extra]
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' }
  return argv.includes('--nice') ? runMeasured('nice', ['-n', '10', process.execPath, ...command], TIMEOUT, env) : runMeasured(process.execPath, command, TIMEOUT, env)
}

function folderBytes(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name)
    const s = statSync(p)
    if (s.isFile() && !name.endsWith('.meta.json')) total += s.size
  }
  return total
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '–')
const summaryOf = (r: RunResult): string => r.stderr.split('\n').filter((l) => l.startsWith('read ')).at(-1) ?? `exit ${r.code}`

async function formats(): Promise<void> {
  const corpus = option(argv, '--corpus') ?? join(CACHE, 'synth-2000')
  if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}: npm run synth -- --n 2000 --out ${corpus}`)
  const n = Number(option(argv, '--n') ?? '1000')
  const runs = Number(option(argv, '--runs') ?? '3')
  const work = join(CACHE, `inputs-formats-${n}`)
  rmSync(work, { recursive: true, force: true })
  const dirs = { txt: join(work, 'txt'), html: join(work, 'html'), jsonl: join(work, 'jsonl'), warc: join(work, 'warc') }
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true })
  const articles = readTxtCorpus(corpus, n)
  for (const a of articles) {
    cpSync(join(corpus, `${a.stem}.txt`), join(dirs.txt, `${a.stem}.txt`))
    if (existsSync(join(corpus, `${a.stem}.meta.json`))) cpSync(join(corpus, `${a.stem}.meta.json`), join(dirs.txt, `${a.stem}.meta.json`))
  }
  await writeFormats(articles, { pages: dirs.html, jsonl: join(dirs.jsonl, 'all.jsonl'), warc: join(dirs.warc, 'crawl.warc.gz') })
  log(`formats: ${articles.length} articles of ${corpus}, ${runs} runs each, --workers 1, ${machineLoad()}`)
  const rows: string[] = []
  for (const [format, dir] of Object.entries(dirs)) {
    const seconds: number[] = []
    let last: RunResult | undefined
    for (let i = 0; i < runs; i++) {
      last = await preprocess(dir, join(work, `out-${format}`, 'dataset.json'), ['--workers', '1', '--no-cache'])
      if (last.code !== 0) throw new Error(`${format}: ${last.stderr.slice(-500)}`)
      seconds.push(last.seconds)
    }
    const read = Number(/^read (\d+)/.exec(summaryOf(last as RunResult))?.[1] ?? NaN)
    const mb = folderBytes(dir) / 2 ** 20
    const t = median(seconds)
    rows.push(`| ${format} | ${fmt(mb, 2)} | ${read} | ${fmt(t, 2)} | ${fmt(mb / t, 2)} | ${fmt(read / t, 0)} | ${fmt(last?.peakRssMb ?? NaN, 0)} |`)
    log(`  ${format}: ${seconds.map((s) => s.toFixed(2)).join(', ')} s`)
  }
  console.log(`\n${machineLoad()}\n`)
  console.log('| input | MB | articles read | wall s (median) | MB/s | articles/s | peak RSS MB |')
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  for (const r of rows) console.log(r)
}

/** Adds `share` of the files as new ones and appends a sentence to `share` of them (every n-th). */
function changeFolder(dir: string, share: number): { added: number; changed: number } {
  const txt = readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.startsWith('bench-new-')).sort()
  const every = Math.max(1, Math.round(1 / share))
  let added = 0
  let changed = 0
  for (let i = 0; i < txt.length; i += every) {
    const name = txt[i] as string
    const body = readFileSync(join(dir, name), 'utf8')
    writeFileSync(join(dir, `bench-new-${String(i).padStart(7, '0')}.txt`), `${body}\nNachtrag ${i}: Der Kreml wollte sich am Abend nicht dazu äußern, hieß es in Moskau.\n`)
    added++
    const other = txt[i + Math.floor(every / 2)]
    if (other) {
      writeFileSync(join(dir, other), `${readFileSync(join(dir, other), 'utf8')}\nAktualisiert: Auch Peking äußerte sich am Dienstag nicht zu dem Treffen.\n`)
      changed++
    }
  }
  return { added, changed }
}

function sameOutput(a: string, b: string): boolean {
  const files = (d: string): string[] => (readdirSync(d, { recursive: true }) as string[]).filter((f) => !f.includes('.cache') && statSync(join(d, f)).isFile()).sort()
  const fa = files(a)
  return JSON.stringify(fa) === JSON.stringify(files(b)) && fa.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
}

async function incremental(): Promise<void> {
  const corpus = option(argv, '--corpus')
  if (!corpus || !existsSync(corpus)) throw new Error('usage: npm run bench:inputs -- incremental --corpus DIR (a copy of an npm run synth corpus: it is changed)')
  const share = Number(option(argv, '--share') ?? '0.01')
  const work = join(CACHE, 'inputs-incremental')
  rmSync(work, { recursive: true, force: true })
  const cache = join(work, 'cache')
  const rows: [string, RunResult][] = []
  const step = async (label: string, out: string, extra: string[]): Promise<RunResult> => {
    log(`${label} … (${machineLoad()})`)
    const r = await preprocess(corpus, join(work, out, 'dataset.json'), extra)
    if (r.code !== 0) throw new Error(`${label}: ${r.stderr.slice(-800)}`)
    log(`  ${r.seconds.toFixed(1)} s — ${summaryOf(r)}`)
    rows.push([label, r])
    return r
  }
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).length
  const full = await step(`full run, no cache (${files} files)`, 'full', ['--no-cache'])
  await step('cold run, filling the cache', 'cold', ['--cache', cache])
  await step('warm run, nothing changed', 'warm', ['--cache', cache])
  const { added, changed } = changeFolder(corpus, share)
  const inc = await step(`incremental: ${added} new + ${changed} changed files`, 'inc', ['--cache', cache])
  if (argv.includes('--verify')) {
    await step('check: the changed folder without cache', 'check', ['--no-cache'])
    log(`  incremental output ${sameOutput(join(work, 'inc'), join(work, 'check')) ? 'byte-identical to' : 'DIFFERS from'} the run without cache`)
  }
  console.log(`\n${machineLoad()}, ${files} files, share ${share}\n`)
  const cpuShare = (r: RunResult): string => fmt((100 * (r.cpuSeconds ?? NaN)) / (full.cpuSeconds ?? NaN), 1)
  console.log('| run | wall s | CPU s (user + sys) | of the full run\'s CPU | peak RSS MB | summary |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const [label, r] of rows) console.log(`| ${label} | ${fmt(r.seconds)} | ${fmt(r.cpuSeconds ?? NaN)} | ${cpuShare(r)} % | ${fmt(r.peakRssMb ?? NaN, 0)} | ${summaryOf(r).replace(/^.*?; sources/, 'sources').replace(/ → .*$/, '')} |`)
  log(`incremental / full: ${cpuShare(inc)} % of the CPU seconds, ${fmt((100 * inc.seconds) / full.seconds, 1)} % of the wall time (target ≤ 10 %)`)
}

if (mode === 'formats') await formats()
else if (mode === 'incremental') await incremental()
else if (mode === 'change') {
  const corpus = option(argv, '--corpus')
  if (!corpus || !existsSync(corpus)) throw new Error('usage: npm run bench:inputs -- change --corpus DIR [--share 0.01]')
  const { added, changed } = changeFolder(corpus, Number(option(argv, '--share') ?? '0.01'))
  log(`${corpus}: ${added} files added, ${changed} changed`)
}
else throw new Error('usage: npm run bench:inputs -- formats | incremental (see the head of bench/inputs.ts)')
