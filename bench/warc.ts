/**
 * A large WARC, streamed (issue 12): `npm run bench:warc -- --corpus DIR [--mb 600] [--runs 2]`
 *
 * Builds, under BENCH_CACHE (never in the repository), one WARC of at least MB megabytes of HTTP response records
 * (news pages around the articles of a synthetic corpus, `scripts/corpus-formats.ts#pageOf`, each page under its
 * own URL, a request record before each response, as a crawler writes them) and the same records gzipped one member
 * per record (`.warc.gz`). Then reads each in a child process with the pipeline's WARC reader
 * (`pipeline/io/read-warc.ts`, warcio under it) and prints MB/s of the file, records/s, and the resident memory at
 * each tenth of the file and at its peak (GNU time): it must stay flat, the file is never held whole.
 * Only the reading is measured here; what a page then costs (Readability, the stages) is in `bench:inputs formats`.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pageOf, pageUrl, readTxtCorpus, warcRecordOf, warcRequestOf } from '../scripts/corpus-formats.ts'
import type { TxtArticle } from '../scripts/corpus-formats.ts'
import { readWarc } from '../pipeline/io/read-warc.ts'
import { writeAllSync } from '../pipeline/io/write-all.ts'
import { CACHE, log, machineLoad, option, median, runMeasured, ROOT } from './common.ts'
import type { RunResult } from './common.ts'

const argv = process.argv.slice(2)
const MB = 2 ** 20

/** Plain WARC records: the gzipped ones inflated (a plain WARC is its records one after another). */
async function plainRecord(gz: Uint8Array): Promise<Buffer> {
  const { gunzipSync } = await import('node:zlib')
  return gunzipSync(gz)
}

/** Writes `<base>.warc` (≥ mb MB) and `<base>.warc.gz` from the corpus's articles, round after round under new URLs. */
async function buildWarc(articles: readonly TxtArticle[], base: string, mb: number): Promise<{ records: number }> {
  const plain = openSync(`${base}.warc.tmp`, 'w')
  const gz = openSync(`${base}.warc.gz.tmp`, 'w')
  let bytes = 0
  let records = 0
  try {
    for (let round = 0; bytes < mb * MB; round++) {
      for (const a of articles) {
        const copy = { ...a, stem: `${a.stem}-r${round}` }
        const request = await warcRequestOf(pageUrl(copy))
        const response = await warcRecordOf(copy, Buffer.from(pageOf(copy)))
        for (const member of [request, response]) {
          const inflated = await plainRecord(member)
          writeAllSync(plain, inflated)
          writeAllSync(gz, member)
          bytes += inflated.length
        }
        records++
        if (bytes >= mb * MB) break
      }
    }
  } finally {
    closeSync(plain)
    closeSync(gz)
  }
  renameSync(`${base}.warc.tmp`, `${base}.warc`)
  renameSync(`${base}.warc.gz.tmp`, `${base}.warc.gz`)
  return { records }
}

/** The child: reads the file with the pipeline's reader and prints one JSON line (pages, seconds, RSS by tenth of the file). */
async function readOne(file: string): Promise<void> {
  const size = statSync(file).size
  const rssAt: number[] = []
  let pages = 0
  let payloadBytes = 0
  const started = performance.now()
  for await (const item of readWarc(file, 5 * MB)) {
    if (item.kind !== 'page') continue
    pages++
    payloadBytes += item.payload.byteLength
    while (item.offset >= ((rssAt.length + 1) * size) / 10) rssAt.push(process.memoryUsage().rss / MB)
  }
  const seconds = (performance.now() - started) / 1000
  rssAt.push(process.memoryUsage().rss / MB)
  console.log(JSON.stringify({ pages, payloadBytes, seconds, rssAt }))
}

interface Reading {
  pages: number
  payloadBytes: number
  seconds: number
  rssAt: number[]
}

async function main(): Promise<void> {
  if (argv[0] === 'read') return readOne(argv[1] ?? '')
  const corpus = option(argv, '--corpus')
  if (!corpus || !existsSync(corpus)) throw new Error('usage: npm run bench:warc -- --corpus DIR (an npm run synth corpus) [--mb 600] [--runs 2]')
  const mb = Number(option(argv, '--mb') ?? '600')
  const runs = Number(option(argv, '--runs') ?? '2')
  mkdirSync(CACHE, { recursive: true })
  const base = join(CACHE, `big-${mb}`)
  if (!existsSync(`${base}.warc.gz`)) {
    const started = performance.now()
    const { records } = await buildWarc(readTxtCorpus(corpus, 2000), base, mb)
    log(`built ${base}.warc and .warc.gz: ${records} responses (each after a request) in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  const rows: string[] = []
  for (const file of [`${base}.warc`, `${base}.warc.gz`]) {
    const results: { r: RunResult; reading: Reading }[] = []
    for (let i = 0; i < runs; i++) {
      log(`reading ${file} (${machineLoad()}) …`)
      const r = await runMeasured(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', join(ROOT, 'bench/warc.ts'), 'read', file], 3600)
      if (r.code !== 0) throw new Error(r.stderr.slice(-800))
      const reading = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Reading
      log(`  ${reading.seconds.toFixed(1)} s, ${reading.pages} pages, peak RSS ${r.peakRssMb?.toFixed(0)} MB`)
      results.push({ r, reading })
    }
    const size = statSync(file).size / MB
    const seconds = median(results.map((x) => x.reading.seconds))
    const { reading } = results.at(-1) as { reading: Reading }
    const rss = reading.rssAt.map((x) => x.toFixed(0))
    rows.push(`| ${file.endsWith('.gz') ? 'warc.gz (a gzip member per record)' : 'warc (plain)'} | ${size.toFixed(0)} | ${(reading.payloadBytes / MB).toFixed(0)} | ${reading.pages} | ${seconds.toFixed(1)} | ${(size / seconds).toFixed(1)} | ${(reading.pages / seconds).toFixed(0)} | ${rss[0]} → ${rss[4]} → ${rss.at(-1)} | ${Math.max(...results.map((x) => x.r.peakRssMb ?? NaN)).toFixed(0)} |`)
  }
  console.log(`\n${machineLoad()}, median of ${runs} runs\n`)
  console.log('| file | MB on disk | MB of pages | HTML responses | seconds | MB/s of file | records/s | RSS MB at 10 % → 50 % → end | peak RSS MB |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) console.log(row)
}

await main()
