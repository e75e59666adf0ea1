/**
 * Synthetic corpus generator: German articles from sentence templates, with the answers they plant.
 *
 *   npm run synth -- --n 100000 --out DIR [--seed 1] [--wire 0.05] [--dataset FILE] [--no-corpus] [--no-text]
 *
 * Writes DIR/NAME.txt, DIR/NAME.meta.json (url, outlet), DIR/gold/NAME.json (score.mjs gold format)
 * and DIR/synth.json (parameters and totals, written last: its presence means the corpus is complete).
 * With --dataset FILE it also writes the planted answers as a Dataset (+ FILE's .text/ shards), the
 * output a perfect pipeline would give. Streams: memory stays flat at any --n.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { DEFAULT_OPTIONS, GENERATOR_VERSION, generateArticle } from './synth/corpus.ts'
import type { CorpusOptions } from './synth/corpus.ts'
import { plantedActors, plantedRecords, SHARD_SIZE } from './synth/planted-dataset.ts'
import type { ArticleText } from '../src/model/dataset.ts'

interface Args {
  n: number
  out: string | null
  options: CorpusOptions
  dataset: string | null
  corpus: boolean
  text: boolean
  quiet: boolean
  workers: number
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const n = Number(value('--n') ?? '1000')
  const seed = Number(value('--seed') ?? String(DEFAULT_OPTIONS.seed))
  const wire = Number(value('--wire') ?? String(DEFAULT_OPTIONS.wireShare))
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive integer, got ${value('--n')}`)
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${value('--seed')}`)
  if (!(wire >= 0 && wire < 1)) throw new Error(`--wire must be in [0, 1), got ${value('--wire')}`)
  const corpus = !argv.includes('--no-corpus')
  const out = value('--out') ?? null
  const dataset = value('--dataset') ?? null
  if (corpus && !out) throw new Error('--out DIR is required (or --no-corpus with --dataset FILE)')
  if (!corpus && !dataset) throw new Error('--no-corpus needs --dataset FILE')
  return {
    n,
    out,
    options: { ...DEFAULT_OPTIONS, seed, wireShare: wire },
    dataset,
    corpus,
    text: !argv.includes('--no-text'),
    quiet: argv.includes('--quiet'),
    workers: Number(value('--workers') ?? String(availableParallelism())),
  }
}

/** Appends strings to a file through a 1 MB buffer (synchronous, constant memory). */
class FileSink {
  private readonly fd: number
  private parts: string[] = []
  private size = 0
  bytes = 0

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w')
  }

  write(s: string): void {
    this.parts.push(s)
    this.size += s.length
    if (this.size >= 1 << 20) this.flush()
  }

  flush(): void {
    if (!this.parts.length) return
    const buf = Buffer.from(this.parts.join(''), 'utf8')
    writeSync(this.fd, buf)
    this.bytes += buf.length
    this.parts = []
    this.size = 0
  }

  /** Copies a whole file into this sink. */
  append(path: string): void {
    this.flush()
    const fd = openSync(path, 'r')
    const chunk = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      writeSync(this.fd, chunk, 0, read)
      this.bytes += read
    }
    closeSync(fd)
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}

/** Writes the elements of one JSON array, pretty-printed at the depth of a top-level key. */
class ArraySink {
  private first = true
  constructor(readonly sink: FileSink) {}
  push(record: unknown): void {
    const json = JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')
    this.sink.write(this.first ? `\n    ${json}` : `,\n    ${json}`)
    this.first = false
  }
  get empty(): boolean {
    return this.first
  }
}

interface DatasetWriter {
  add(a: ReturnType<typeof generateArticle>): void
  finish(): void
}

function datasetWriter(file: string, withText: boolean): DatasetWriter {
  const dir = dirname(file)
  const base = basename(file).replace(/\.json$/, '')
  mkdirSync(dir, { recursive: true })
  const textDir = join(dir, `${base}.text`)
  rmSync(textDir, { recursive: true, force: true })
  if (withText) mkdirSync(textDir, { recursive: true })
  const parts = ['articles', 'mentions', 'events', 'figures'] as const
  const tmp = Object.fromEntries(parts.map((p) => [p, join(dir, `.${base}.${p}.${process.pid}.tmp`)])) as Record<(typeof parts)[number], string>
  const sinks = Object.fromEntries(parts.map((p) => [p, new ArraySink(new FileSink(tmp[p]))])) as Record<(typeof parts)[number], ArraySink>
  let shard: ArticleText[] = []
  let shardIndex = 0
  const flushShard = (): void => {
    if (!shard.length) return
    writeFileSync(join(textDir, `${String(shardIndex).padStart(5, '0')}.json`), `${JSON.stringify({ texts: shard })}\n`)
    shard = []
    shardIndex++
  }
  return {
    add(a) {
      const r = plantedRecords(a, base)
      sinks.articles.push(r.article)
      for (const m of r.mentions) sinks.mentions.push(m)
      for (const e of r.events) sinks.events.push(e)
      for (const f of r.figures) sinks.figures.push(f)
      if (withText) {
        shard.push(r.text)
        if (shard.length === SHARD_SIZE) flushShard()
      }
    },
    finish() {
      if (withText) flushShard()
      for (const p of parts) sinks[p].sink.close()
      const epoch = process.env.SOURCE_DATE_EPOCH
      const generatedAt = new Date(epoch ? Number(epoch) * 1000 : Date.UTC(2026, 0, 1)).toISOString()
      const partial = `${file}.${process.pid}.tmp`
      const out = new FileSink(partial)
      out.write(`{\n  "schemaVersion": 1,\n  "generatedAt": ${JSON.stringify(generatedAt)},\n  "articles": [`)
      const section = (p: (typeof parts)[number], last: boolean): void => {
        out.append(tmp[p])
        out.write(sinks[p].empty ? `]${last ? '' : ','}` : `\n  ]${last ? '' : ','}`)
        rmSync(tmp[p])
      }
      section('articles', false)
      const actors = new ArraySink(out)
      out.write('\n  "actors": [')
      for (const actor of plantedActors()) actors.push(actor)
      out.write('\n  ],\n  "mentions": [')
      section('mentions', false)
      out.write('\n  "events": [')
      section('events', false)
      out.write('\n  "figures": [')
      section('figures', true)
      out.write('\n}\n')
      out.close()
      // renamed last, in the same folder: the dataset appears complete or not at all
      renameSync(partial, file)
    },
  }
}

interface CorpusTotals {
  articles: number
  textBytes: number
  outputBytes: number
  events: number
  figures: number
  wireCopies: number
}

interface CorpusJob {
  out: string
  options: CorpusOptions
  n: number
  worker: number
  workers: number
}

/** Writes articles worker, worker + workers, … of the corpus (text, meta, gold). */
function writeCorpusPart(job: CorpusJob, progress?: (done: number) => void): CorpusTotals {
  const goldDir = join(job.out, 'gold')
  const totals: CorpusTotals = { articles: 0, textBytes: 0, outputBytes: 0, events: 0, figures: 0, wireCopies: 0 }
  for (let i = job.worker; i < job.n; i += job.workers) {
    const a = generateArticle(i, job.options)
    const text = Buffer.from(a.text, 'utf8')
    const meta = Buffer.from(`${JSON.stringify(a.meta, null, 2)}\n`, 'utf8')
    const gold = Buffer.from(`${JSON.stringify(a.gold, null, 2)}\n`, 'utf8')
    writeFileSync(join(job.out, `${a.name}.txt`), text)
    writeFileSync(join(job.out, `${a.name}.meta.json`), meta)
    writeFileSync(join(goldDir, `${a.name}.json`), gold)
    totals.articles++
    totals.textBytes += text.length
    totals.outputBytes += text.length + meta.length + gold.length
    totals.events += a.content.events.length
    totals.figures += a.content.figures.length
    if (a.duplicateOf) totals.wireCopies++
    if (progress && totals.articles % 1000 === 0) progress(totals.articles)
  }
  return totals
}

/** Runs the corpus part in worker threads (one per core), reporting progress on stderr. */
function writeCorpus(job: Omit<CorpusJob, 'worker' | 'workers'>, workers: number, tty: boolean): Promise<CorpusTotals> {
  const done = new Array<number>(workers).fill(0)
  const report = (): void => {
    const sum = done.reduce((x, y) => x + y, 0)
    if (tty) process.stderr.write(`\rsynth ${Math.round((100 * sum) / job.n)}% (${sum}/${job.n})`)
  }
  const parts = Array.from(
    { length: workers },
    (_, worker) =>
      new Promise<CorpusTotals>((resolve, reject) => {
        // Node 20 workers do not inherit tsx's loader hooks: register them, then load this module.
        const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}) })`
        const w = new Worker(bootstrap, { eval: true, workerData: { ...job, worker, workers } satisfies CorpusJob })
        w.on('message', (m: { done?: number; totals?: CorpusTotals }) => {
          if (m.done !== undefined) {
            done[worker] = m.done
            report()
          }
          if (m.totals) resolve(m.totals)
        })
        w.on('error', reject)
        w.on('exit', (code) => code !== 0 && reject(new Error(`worker ${worker} exited with ${code}`)))
      }),
  )
  return Promise.all(parts).then((all) =>
    all.reduce((t, x) => ({
      articles: t.articles + x.articles,
      textBytes: t.textBytes + x.textBytes,
      outputBytes: t.outputBytes + x.outputBytes,
      events: t.events + x.events,
      figures: t.figures + x.figures,
      wireCopies: t.wireCopies + x.wireCopies,
    })),
  )
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const started = performance.now()
  if (args.corpus && args.out) {
    mkdirSync(args.out, { recursive: true })
    rmSync(join(args.out, 'synth.json'), { force: true })
    mkdirSync(join(args.out, 'gold'), { recursive: true })
  }
  const tty = process.stderr.isTTY && !args.quiet
  const workers = Math.max(1, Math.min(args.workers, args.n))
  const corpus = args.corpus && args.out ? writeCorpus({ out: args.out, options: args.options, n: args.n }, workers, tty) : null
  if (args.dataset) {
    // The dataset is written in article order by this thread while the workers write the corpus.
    const dataset = datasetWriter(args.dataset, args.text)
    for (let i = 0; i < args.n; i++) dataset.add(generateArticle(i, args.options))
    dataset.finish()
  }
  const totals = corpus ? await corpus : null
  const seconds = (performance.now() - started) / 1000
  if (tty) process.stderr.write('\r')
  if (args.out && totals) {
    const summary = { generator: GENERATOR_VERSION, n: args.n, seed: args.options.seed, wireShare: args.options.wireShare, ...totals, seconds: Math.round(seconds * 100) / 100 }
    writeFileSync(join(args.out, 'synth.json'), `${JSON.stringify(summary, null, 2)}\n`)
  }
  const rate = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / 1e6 / seconds).toFixed(1)} MB/s)`
  process.stderr.write(
    `synth: ${args.n} articles in ${seconds.toFixed(1)} s with ${workers} worker(s)` +
      (totals ? `; text ${rate(totals.textBytes)}, all output ${rate(totals.outputBytes)}; ${totals.events} events, ${totals.figures} figures, ${totals.wireCopies} wire copies` : '') +
      (args.dataset ? `; dataset ${args.dataset}` : '') +
      '\n',
  )
}

if (isMainThread) {
  main().catch((error: unknown) => {
    process.stderr.write(`synth: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
} else {
  const job = workerData as CorpusJob
  const totals = writeCorpusPart(job, (done) => parentPort?.postMessage({ done }))
  parentPort?.postMessage({ totals })
}
