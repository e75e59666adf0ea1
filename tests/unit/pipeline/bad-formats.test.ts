/**
 * Bad input in every new format: each problem is one clear line naming the file (and line or record offset),
 * and every good article beside it, before it and after it is still read.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../src/model/dataset.ts'
import type { ActorEntry } from '../../../pipeline/stages/types.ts'
import { pageOf, warcRecordOf, warcRequestOf } from '../../../scripts/corpus-formats.ts'
import type { TxtArticle } from '../../../scripts/corpus-formats.ts'
import { buildFolder } from './build-folder.ts'
import { skipLines } from '../../../pipeline/stages/skip-lines.ts'

const registry: ActorEntry[] = [
  { id: 'putin', name: 'Wladimir Putin', kind: 'person', aliases: ['Putin'] },
  { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: ['Xi'] },
  { id: 'russia', name: 'Russland', kind: 'country', aliases: [] },
  { id: 'china', name: 'China', kind: 'country', aliases: [] },
]

/** A German article of our own, numbered so that each is told apart. */
function article(n: number, published: string | null = '2024-03-0' + String((n % 9) + 1)): TxtArticle {
  return {
    stem: `artikel-${n}`,
    title: `Putin und Xi beraten über Energie (Folge ${n})`,
    body: [
      `Der russische Präsident Putin hat am Montag mit Xi Jinping über neue Gaslieferungen gesprochen, die Rede war von Vorhaben Nummer ${n}.`,
      'Russland will mehr Energie nach China verkaufen, seit die Abnehmer in Europa weggefallen sind, doch über den Preis wird seit Jahren gestritten.',
      'Fachleute in Berlin halten eine Einigung in diesem Jahr für möglich, aber nicht für wahrscheinlich, weil China sich Zeit lassen kann.',
    ],
    published,
    outlet: 'Beispielblatt',
  }
}

const work = mkdtempSync(join(tmpdir(), 'mbpm-bad-formats-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
let n = 0
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = join(work, `case-${n++}`)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

async function build(files: Record<string, string | Uint8Array>) {
  const { dataset, report } = await buildFolder(folder(files), registry, { workers: 1 })
  return { titles: (dataset as Dataset).articles.map((a) => a.title).sort(), articles: (dataset as Dataset).articles, report }
}

const titleOf = (i: number): string => article(i).title
const jsonLine = (i: number): string => JSON.stringify({ title: titleOf(i), text: article(i).body.join('\n'), published: article(i).published, outlet: 'Beispielblatt', url: `https://blatt.example/${i}` })

describe('bad HTML pages', () => {
  it('broken markup is read; a page with no article, an empty page and a binary file are skipped with their reason', async () => {
    const broken = pageOf(article(1)).replace('</article>', '').replace(/<\/p>/g, '').replace('</main>', '</div></span>')
    const front = '<!doctype html><html lang="de"><head><title>Politik – Beispielblatt</title></head><body><nav><a href="/a">Putin</a> <a href="/b">Xi</a></nav><ul><li><a href="/1">Putin trifft Xi</a></li><li><a href="/2">China und Russland</a></li></ul></body></html>'
    const { titles, report } = await build({ 'a.html': broken, 'b.html': pageOf(article(2)), 'front.html': front, 'empty.htm': '', 'bild.html': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]) })
    expect(titles).toEqual([titleOf(1), titleOf(2)])
    expect(report.skipped).toEqual([
      { file: 'bild.html', reason: 'binary file (NUL bytes)' },
      { file: 'empty.htm', reason: 'empty file' },
      { file: 'front.html', reason: 'no article text on the page (Readability found none)' },
    ])
  })

  it('a page in English is skipped as not German, naming the declared language', async () => {
    const english = `<html lang="en"><head><title>Putin meets Xi</title></head><body><article><h1>Putin meets Xi</h1><p>${'The Russian president met his Chinese counterpart on Monday to discuss new pipelines and the price of gas, officials in Moscow said. '.repeat(3)}</p></article></body></html>`
    const { titles, report } = await build({ 'en.html': english, 'de.html': pageOf(article(3)) })
    expect(titles).toEqual([titleOf(3)])
    expect(report.skipped).toEqual([{ file: 'en.html', reason: 'not German (declared "en")' }])
  })

  it('a sibling meta file overrides the page: date, outlet, title', async () => {
    const { articles } = await build({ 'p.html': pageOf(article(4)), 'p.meta.json': JSON.stringify({ published: '2020-01-02', outlet: 'Meta-Blatt', title: 'Titel aus der Metadatei' }) })
    expect(articles[0]).toMatchObject({ published: '2020-01-02', publishedFrom: 'meta', outlet: 'Meta-Blatt', title: 'Titel aus der Metadatei' })
    expect(articles[0]?.publishedCue).toBeUndefined()
  })

  it('charsets: <meta charset="windows-1252"> and a page with no declaration in Latin-1 are decoded right', async () => {
    const page = pageOf(article(5), 'windows-1252').replace('</p>', ' „Größer“ wird es nicht, 5 € mehr.</p>')
    const { articles } = await build({ 'cp.html': iconv.encode(page, 'windows-1252'), 'none.html': iconv.encode(pageOf(article(6)).replace('<meta charset="utf-8">', ''), 'latin1') })
    expect(articles.map((a) => a.title).sort()).toEqual([titleOf(5), titleOf(6)])
  })
})

describe('bad JSON exports', () => {
  it('JSON Lines: a line that is not JSON, not an object or has no text is FILE:LINE: reason; the other lines are read', async () => {
    const lines = [jsonLine(1), '{"title": "kaputt", "text": ', '[1, 2, 3]', '"nur ein Text"', '', JSON.stringify({ title: 'ohne Text' }), jsonLine(2)]
    const { titles, report } = await build({ 'export.jsonl': `${lines.join('\n')}\n` })
    expect(titles).toEqual([titleOf(1), titleOf(2)])
    expect(report.skipped.map((s) => `${s.file}: ${s.reason}`)).toEqual([
      expect.stringMatching(/^export\.jsonl:2: not valid JSON \(/),
      'export.jsonl:3: not an object (an array)',
      'export.jsonl:4: not an object (a string)',
      expect.stringMatching(/^export\.jsonl:6: no text \(/),
    ])
  })

  it('a .json file that is not an object; an array of records with a bad one; not JSON at all', async () => {
    const { titles, report } = await build({ 'a.json': '"Text"', 'b.json': `[${jsonLine(3)}, 17, ${jsonLine(4)}]`, 'c.json': '{ kein JSON', 'd.ndjson': jsonLine(5) })
    expect(titles).toEqual([titleOf(3), titleOf(4), titleOf(5)])
    expect(report.skipped.map((s) => `${s.file}: ${s.reason}`)).toEqual(['a.json: not an object (a string)', 'b.json[1]: not an object (a number)', expect.stringMatching(/^c\.json: not valid JSON/)])
  })

  it('a folder of JSON objects with no text field (gold files beside the articles) is one line; an object with a text field stays an article', async () => {
    const goldFile = (i: number): string => JSON.stringify({ published: '2024-03-01', actors: [{ name: 'Russland', mentions: i }] })
    const files: Record<string, string> = { 'a.json': jsonLine(7), 'gold/kaputt.json': '{ "published": ' }
    for (let i = 1; i <= 12; i++) files[`gold/a${String(i).padStart(2, '0')}.json`] = goldFile(i)
    const { titles, report } = await build(files)
    expect(titles).toEqual([titleOf(7)])
    expect(report.skipped.filter((s) => !s.folded).map((s) => s.file)).toEqual(['gold/kaputt.json'])
    expect(skipLines(report.skipped)).toEqual([
      'skipped 12 files in gold/ (a01.json … a12.json): no article (a JSON object without any text field: text, maintext, raw_text, articleBody)',
      expect.stringMatching(/^skipped gold\/kaputt\.json: not valid JSON/),
    ])
  })

  it('records that are no German article are counted in one line per file', async () => {
    const english = JSON.stringify({ title: 'Putin meets Xi', text: 'The Russian president met his Chinese counterpart on Monday.', language: 'en' })
    const boiler = JSON.stringify({ title: 'Foto: dpa', text: 'Foto: dpa' })
    const { titles, report } = await build({ 'mix.jsonl': [english, jsonLine(6), english, boiler].join('\n') })
    expect(titles).toEqual([titleOf(6)])
    expect(report.skipped).toEqual([{ file: 'mix.jsonl', reason: '3 records not read (2 not German (declared); 1 only boilerplate, no article text)', records: 3 }])
  })
})

describe('bad gzip', () => {
  it('a truncated .txt.gz and .html.gz are skipped; a truncated .jsonl.gz keeps the lines before the cut', async () => {
    const txt = gzipSync(Buffer.from([article(7).title, '', ...article(7).body].join('\n')))
    const lines = gzipSync(Buffer.from(`${Array.from({ length: 40 }, (_, i) => jsonLine(100 + i)).join('\n')}\n`))
    const { titles, report } = await build({ 'ok.txt.gz': txt, 'cut.txt.gz': txt.subarray(0, txt.length - 30), 'cut.html.gz': gzipSync(pageOf(article(8))).subarray(0, 200), 'cut.jsonl.gz': lines.subarray(0, Math.floor(lines.length * 0.6)), 'nogzip.txt.gz': 'kein gzip' })
    expect(titles).toContain(titleOf(7))
    const fromLines = titles.filter((t) => /Folge 1\d\d\)/.test(t))
    expect(fromLines.length).toBeGreaterThan(5)
    expect(fromLines.length).toBeLessThan(40)
    const lines0 = report.skipped.map((s) => `${s.file}: ${s.reason}`)
    expect(lines0).toEqual([
      'cut.html.gz: truncated gzip (unexpected end of file)',
      expect.stringMatching(new RegExp(`^cut\\.jsonl\\.gz: truncated gzip \\(unexpected end of file\\) after line ${fromLines.length}`)),
      'cut.txt.gz: truncated gzip (unexpected end of file)',
      expect.stringMatching(/^nogzip\.txt\.gz: broken gzip \(/),
    ])
  })
})

describe('bad WARC files', () => {
  const page = (i: number, charset = 'utf-8'): Buffer => Buffer.from(pageOf(article(i), charset))

  it('a broken record in the middle is one line with its offset; the records after it are read', async () => {
    const a = await warcRecordOf(article(1), page(1))
    const b = await warcRecordOf(article(2), page(2))
    const c = await warcRecordOf(article(3), page(3))
    const broken = Buffer.from(b).subarray(0, 120)
    const { titles, report } = await build({ 'crawl.warc.gz': Buffer.concat([a, broken, c]), 'plain.warc': Buffer.concat([await plainRecord(4), Buffer.from('WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabgeschnitten'), await plainRecord(5)]) })
    expect(titles).toEqual([titleOf(1), titleOf(3), titleOf(4), titleOf(5)])
    expect(report.skipped.map((s) => s.file)).toEqual([`crawl.warc.gz@${a.length}`, expect.stringMatching(/^plain\.warc@\d+$/)])
    for (const s of report.skipped) expect(s.reason).toMatch(/^broken record \(.*\); read on from the next record$/)
  })

  it('a truncated .warc.gz keeps the records before the cut', async () => {
    const records = await Promise.all([1, 2, 3].map((i) => warcRecordOf(article(i), page(i))))
    const whole = Buffer.concat(records)
    const { titles, report } = await build({ 'cut.warc.gz': whole.subarray(0, whole.length - 40) })
    expect(titles).toEqual([titleOf(1), titleOf(2)])
    expect(report.skipped).toHaveLength(1)
    expect(report.skipped[0]?.file).toBe(`cut.warc.gz@${(records[0]?.length ?? 0) + (records[1]?.length ?? 0)}`)
  })

  it('charset from the HTTP header or the page: Windows-1252, ISO-8859-1 and UTF-8 records in one file', async () => {
    const umlaut = (i: number, charset: string): Buffer => iconv.encode(pageOf(article(i), charset).replace('</h1>', '</h1><p>„Größere Schritte“ seien nötig, sagte Putin in Moskau, der Handel mit China müsse um 5 € je Kopf wachsen.</p>'), charset)
    const records = [
      await warcRecordOf(article(1), umlaut(1, 'windows-1252'), 'text/html; charset=windows-1252'),
      await warcRecordOf(article(2), umlaut(2, 'iso-8859-1'), 'text/html'),
      await warcRecordOf(article(3), umlaut(3, 'utf-8'), 'text/html; charset=UTF-8'),
    ]
    const { dataset } = await buildFolder(folder({ 'mixed.warc.gz': Buffer.concat(records) }), registry, { workers: 1 })
    expect(dataset.articles).toHaveLength(3)
  })

  it('requests, images, redirects and English pages are counted in one line for the file', async () => {
    const english = Buffer.from(`<html lang="en"><body><article><h1>Putin meets Xi</h1><p>${'The Russian president met his Chinese counterpart on Monday to talk about gas, officials said. '.repeat(4)}</p></article></body></html>`)
    const records = [
      await warcRequestOf('https://blatt.example/1'),
      await warcRecordOf(article(1), page(1)),
      await warcRecordOf(article(2), new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      await warcRecordOf(article(3), english),
      await warcRecordOf(article(4), page(4)),
    ]
    const { titles, report } = await build({ 'crawl.warc.gz': Buffer.concat(records) })
    expect(titles).toEqual([titleOf(1), titleOf(4)])
    expect(report.skipped).toEqual([{ file: 'crawl.warc.gz', reason: '2 records not read (1 not HTML (image/png); 1 not German (declared "en"))', records: 2 }])
  })
})

/** An uncompressed WARC response record. */
async function plainRecord(i: number): Promise<Buffer> {
  const { WARCRecord, WARCSerializer } = await import('warcio')
  const record = WARCRecord.create({ url: `https://blatt.example/p${i}`, type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } }, [Buffer.from(pageOf(article(i)))])
  return Buffer.from(await WARCSerializer.serialize(record, { gzip: false }))
}

describe('the command on a folder of mixed formats', () => {
  const root = new URL('../../../', import.meta.url).pathname
  it('good files of every format are written, each bad one is a line on stderr; a folder of only bad ones fails and keeps the old output', async () => {
    const dir = folder({ 'a.txt': [article(1).title, '', ...article(1).body].join('\n'), 'b/c.html': pageOf(article(2)), 'd.jsonl': `${jsonLine(3)}\n[1]\n`, 'e.warc.gz': Buffer.from(await warcRecordOf(article(4), Buffer.from(pageOf(article(4))))) })
    const out = join(work, 'out', 'dataset.json')
    const run = (inDir: string) => spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'pipeline/cli.ts'), '--in', inDir, '--out', out, '--no-cache'], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } })
    const ok = run(dir)
    expect(ok.status).toBe(0)
    expect(ok.stderr).toContain('skipped d.jsonl:2: not an object (an array)')
    expect(ok.stderr).toMatch(/read 4, skipped 1 /)
    const before = readFileSync(out, 'utf8')
    const bad = run(folder({ 'x.jsonl': '[1]\n', 'y.html': '<html><body><nav>Start</nav></body></html>' }))
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/error: no article could be read/)
    expect(readFileSync(out, 'utf8')).toBe(before)
  }, 60_000)
})
