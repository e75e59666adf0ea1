/**
 * A large WARC, streamed (issue 12): `npm run bench:warc -- --corpus DIR [--mb 600] [--runs 2]`
 *
 * Builds, under BENCH_CACHE (never in the repository), one WARC of at least MB megabytes of HTTP response records
 * (news pages around the articles of a synthetic corpus, `scripts/corpus-formats.ts#pageOf`, each page under its
 * own URL, a request record before each response, as a crawler writes them; the records are written here) and the same records gzipped one member
 * per record (`.warc.gz`). Then reads each in a child process with the pipeline's WARC reader
 * (`pipeline/io/read-warc.ts`, warcio under it) and prints MB/s of the file, records/s, and the resident memory at
 * each tenth of the file and at its peak (GNU time): it must stay flat, the file is never held whole.
 * Only the reading is measured here; what a page then costs (Readability, the stages) is in `bench:inputs formats`.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { pageOf, pageUrl, readTxtCorpus } from '../scripts/corpus-formats.ts'
import type { TxtArticle } from '../scripts/corpus-formats.ts'
import { readWarc } from '../pipeline/io/read-warc.ts'
import { writeAllSync } from '../pipeline/io/write-all.ts'
import { CACHE, log, machineLoad, option, median, runMeasured, ROOT } from './common.ts'
import type { RunResult } from './common.ts'

const argv = process.argv.slice(2)
const MB = 2 ** 20

/** A WARC/1.1 record (header, block, the two line breaks after it), written here: warcio's serializer took ≈ 8 ms a record on the busy machine. */
function warcRecord(type: 'request' | 'response', uri: string, id: number, block: Buffer): Buffer {
  const head = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(id).padStart(12, '0')}>`,
    'WARC-Date: 2024-06-01T12:00:00Z',
    `WARC-Target-URI: ${uri}`,
    `Content-Type: application/http; msgtype=${type}`,
    `Content-Length: ${block.length}`,
  ].join('\r\n')
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')])
}

/** Writes `<base>.warc` (≥ mb MB) and `<base>.warc.gz` (a gzip member per record) from the corpus's articles, round after round under new URLs. */
function buildWarc(articles: readonly TxtArticle[], base: string, mb: number): { records: number } {
  const plain = openSync(`${base}.warc.tmp`, 'w')
  const gz = openSync(`${base}.warc.gz.tmp`, 'w')
  let bytes = 0
  let records = 0
  try {
    for (let round = 0; bytes < mb * MB; round++) {
      for (const a of articles) {
        const copy = { ...a, stem: `${a.stem}-r${round}` }
        const url = pageUrl(copy)
        const page = Buffer.from(pageOf(copy))
        const request = warcRecord('request', url, 2 * records, Buffer.from(`GET ${new URL(url).pathname} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`))
        const response = warcRecord('response', url, 2 * records + 1, Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${page.length}\r\n\r\n`), page]))
        for (const record of [request, response]) {
          writeAllSync(plain, record)
          writeAllSync(gz, gzipSync(record, { level: 6 }))
          bytes += record.length
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
    const { records } = buildWarc(readTxtCorpus(corpus, 2000), base, mb)
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
