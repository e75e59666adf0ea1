/**
 * The bad-input matrix of the pipeline: every kind of bad input, alone and mixed into a folder of good
 * articles, gets a one-line reason naming the file, and every good article comes out exactly as it does
 * from a run on the good files alone. The folder rows run the build in-process; the rows about the
 * command (exit code, stderr lines, the old dataset left as it was) run the CLI.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetSchema } from '../../../src/model/dataset.ts'
import type { ArticleText, Dataset } from '../../../src/model/dataset.ts'
import { parseRegistry } from '../../../pipeline/stages/extract/actor-registry.ts'
import type { RunReport } from '../../../pipeline/run.ts'
import { MAX_ARTICLE_BYTES, readArticleBytes } from '../../../pipeline/io/read-article.ts'
import { writeAllSync } from '../../../pipeline/io/write-all.ts'
import type { WriteFn } from '../../../pipeline/io/write-all.ts'
import type { ActorEntry } from '../../../pipeline/stages/types.ts'
import { buildFolder } from './build-folder.ts'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const cli = join(root, 'pipeline/cli.ts')

// Good articles written for this test (not corpus text).
const GOOD: Record<string, string> = {
  'a.txt': `Lawrow reist zu Gesprächen nach Peking
Stand: 03.04.2024 09:30 Uhr

Der russische Außenminister Sergej Lawrow ist am Dienstag zu einem zweitägigen Besuch in Peking eingetroffen. Er soll dort seinen chinesischen Amtskollegen Wang Yi treffen.
Der Handel zwischen Russland und China erreichte im vergangenen Jahr 240 Milliarden Dollar.
Foto: Max Muster/dpa`,
  'b.txt': `Xi und Putin sprechen am Telefon
Stand: 11.06.2024 18:00 Uhr

Chinas Staatschef Xi Jinping und der russische Präsident Wladimir Putin haben am Montag miteinander telefoniert. Der Kreml teilte mit, beide Seiten wollten die Zusammenarbeit in der Energiepolitik vertiefen.`,
  'c.txt': `Neue Brücke über den Amur eröffnet
Stand: 21.09.2023 07:45 Uhr

Russland und China haben eine neue Brücke über den Grenzfluss Amur für den Güterverkehr freigegeben. Nach Angaben aus Moskau soll der Warenverkehr dadurch deutlich wachsen.`,
}
const GOOD_META: Record<string, string> = {
  'c.meta.json': JSON.stringify({ url: 'https://beispiel.de/amur', outlet: 'beispiel.de', published: '2023-09-21', title: 'Amur-Brücke eröffnet' }),
}
const GOOD_IDS = ['a', 'b', 'c']

/** An article with „ “ € – (Windows-1252 only) and one with umlauts and ß (also in Latin-1). */
const QUOTES_EURO = `Handel mit Russland wächst weiter
Stand: 20.05.2024 12:00 Uhr

„Die Beziehungen sind so gut wie nie“, sagte der chinesische Außenminister Wang Yi – und kündigte neue Projekte für 5 Milliarden € an. Die Gespräche in Moskau dauerten drei Stunden.`
const UMLAUTS = `Grüße aus Moskau für Peking
Stand: 02.02.2024 08:15 Uhr

Der russische Präsident Wladimir Putin schickte dem chinesischen Staatschef Xi Jinping Grüße zum Neujahrsfest. Die Außenministerien beider Länder äußerten sich zufrieden über die Größe der gemeinsamen Übungen.`

type Setup = (dir: string) => void

interface Built {
  dataset: Dataset
  report: RunReport
  texts: Map<string, ArticleText>
}

let work: string
let registry: ActorEntry[]
let baseline: Built
let folders = 0

function writeGood(dir: string): void {
  for (const [name, text] of Object.entries({ ...GOOD, ...GOOD_META })) writeFileSync(join(dir, name), text)
}

function freshDir(): string {
  const dir = join(work, `f${folders++}`)
  mkdirSync(dir)
  return dir
}

async function build(dir: string): Promise<Built> {
  const { dataset, report, shards } = await buildFolder(dir, registry)
  const texts = new Map<string, ArticleText>()
  for (const shard of shards.values()) for (const t of shard.texts) texts.set(t.articleId, t)
  return { dataset, report, texts }
}

async function buildAlone(setup: Setup): Promise<Built> {
  const dir = freshDir()
  setup(dir)
  return build(dir)
}

async function buildMixed(setup: Setup): Promise<Built> {
  const dir = freshDir()
  writeGood(dir)
  setup(dir)
  return build(dir)
}

/** The records of the good articles, with the shard path left out (it depends on how many articles there are). */
function goodRecords(b: Built) {
  const articles = b.dataset.articles.filter((a) => GOOD_IDS.includes(a.id)).map(({ textShard: _shard, ...rest }) => rest)
  const mentions = b.dataset.mentions.filter((m) => GOOD_IDS.includes(m.articleId))
  const figures = b.dataset.figures.filter((f) => GOOD_IDS.includes(f.articleId))
  const texts = GOOD_IDS.map((id) => b.texts.get(id))
  return { articles, mentions, figures, texts }
}

function expectGoodWhole(b: Built): void {
  expect(goodRecords(b)).toEqual(goodRecords(baseline))
  expect(DatasetSchema.safeParse(b.dataset).success).toBe(true)
}

/** A file that must be skipped: alone it is the one skip of an empty run; mixed in, the dataset is the good-only one. */
async function expectSkipped(setup: Setup, files: readonly string[], reason: RegExp): Promise<void> {
  const alone = await buildAlone(setup)
  expect(alone.report.read).toBe(0)
  expect(alone.report.skipped.map((s) => s.file).sort()).toEqual([...files].sort())
  for (const s of alone.report.skipped) expect(s.reason).toMatch(reason)
  const mixed = await buildMixed(setup)
  expect(mixed.report.read).toBe(GOOD_IDS.length)
  expect(mixed.report.skipped.map((s) => s.file).sort()).toEqual([...files].sort())
  expect(mixed.dataset).toEqual(baseline.dataset)
  expectGoodWhole(mixed)
}

/** A file that must be read as one more article: alone and mixed in, with the good articles unchanged. */
async function expectKept(setup: Setup, id: string): Promise<{ alone: Built; mixed: Built }> {
  const alone = await buildAlone(setup)
  expect(alone.report.skipped).toEqual([])
  expect(alone.dataset.articles.map((a) => a.id)).toEqual([id])
  const mixed = await buildMixed(setup)
  expect(mixed.report.skipped).toEqual([])
  expect(mixed.dataset.articles.map((a) => a.id).sort()).toEqual([...GOOD_IDS, id].sort())
  expectGoodWhole(mixed)
  return { alone, mixed }
}

function sentencesOf(b: Built, id: string): string[] {
  return b.texts.get(id)?.sentences ?? []
}

function isRoot(): boolean {
  return process.getuid?.() === 0
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'press-bad-input-'))
  const parsed = parseRegistry(JSON.parse(readFileSync(join(root, 'data/actors.json'), 'utf8')))
  if (!parsed.ok) throw new Error(parsed.error)
  registry = parsed.value
  const dir = freshDir()
  writeGood(dir)
  baseline = await build(dir)
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('bad input in a folder of articles (alone and mixed into good articles)', { timeout: 60_000 }, () => {
  it('the good articles alone: all read, nothing skipped, with text, mentions and a figure', () => {
    expect(baseline.report.skipped).toEqual([])
    expect(baseline.report.warnings).toEqual([])
    expect(baseline.dataset.articles.map((a) => a.id)).toEqual(GOOD_IDS)
    expect(baseline.dataset.mentions.some((m) => m.articleId === 'b' && m.actorId === 'putin')).toBe(true)
    expect(baseline.dataset.figures.some((f) => f.articleId === 'a')).toBe(true)
    expect(sentencesOf(baseline, 'a')[0]).toBe('Lawrow reist zu Gesprächen nach Peking')
  })

  it('empty file: skipped as "empty file"', async () => {
    await expectSkipped((dir) => writeFileSync(join(dir, 'leer.txt'), ''), ['leer.txt'], /^empty file$/)
  })

  it('whitespace-only file: skipped as "empty file (only whitespace)"', async () => {
    await expectSkipped((dir) => writeFileSync(join(dir, 'luft.txt'), ' \n\r\n\t \n'), ['luft.txt'], /^empty file \(only whitespace\)$/)
  })

  it('binary file (a PNG renamed .txt): skipped as binary', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
    await expectSkipped((dir) => writeFileSync(join(dir, 'bild.txt'), png), ['bild.txt'], /^binary file/)
  })

  it('Windows-1252 text with „ “ € –: read as the same article as its UTF-8 copy', async () => {
    const bytes = iconv.encode(QUOTES_EURO, 'windows-1252')
    expect([...bytes]).toEqual(expect.arrayContaining([0x84, 0x93, 0x80, 0x96]))
    const { alone, mixed } = await expectKept((dir) => writeFileSync(join(dir, 'cp1252.txt'), bytes), 'cp1252')
    const utf8 = await buildAlone((dir) => writeFileSync(join(dir, 'cp1252.txt'), QUOTES_EURO))
    expect(alone.dataset).toEqual(utf8.dataset)
    expect(alone.texts).toEqual(utf8.texts)
    const body = sentencesOf(mixed, 'cp1252').join(' ')
    for (const ch of ['„', '“', '€', '–']) expect(body).toContain(ch)
  })

  it('Latin-1 text: umlauts and ß read right, same article as its UTF-8 copy', async () => {
    const bytes = iconv.encode(UMLAUTS, 'latin1')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const { alone } = await expectKept((dir) => writeFileSync(join(dir, 'latin1.txt'), bytes), 'latin1')
    const utf8 = await buildAlone((dir) => writeFileSync(join(dir, 'latin1.txt'), UMLAUTS))
    expect(alone.dataset).toEqual(utf8.dataset)
    expect(sentencesOf(alone, 'latin1')[0]).toBe('Grüße aus Moskau für Peking')
  })

  it('UTF-16 with BOM (LE and BE): read as the same article as its UTF-8 copy', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(QUOTES_EURO, 'utf-16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(QUOTES_EURO, 'utf-16be')])
    const utf8 = await buildAlone((dir) => writeFileSync(join(dir, 'utf16.txt'), QUOTES_EURO))
    for (const bytes of [le, be]) {
      const { alone } = await expectKept((dir) => writeFileSync(join(dir, 'utf16.txt'), bytes), 'utf16')
      expect(alone.dataset).toEqual(utf8.dataset)
      expect(alone.texts).toEqual(utf8.texts)
    }
  })

  it('UTF-8 with BOM: the BOM does not reach the title', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UMLAUTS, 'utf8')])
    const { alone } = await expectKept((dir) => writeFileSync(join(dir, 'bom.txt'), bytes), 'bom')
    const utf8 = await buildAlone((dir) => writeFileSync(join(dir, 'bom.txt'), UMLAUTS))
    expect(alone.dataset).toEqual(utf8.dataset)
    expect(alone.dataset.articles[0]?.title).toBe('Grüße aus Moskau für Peking')
  })

  it('a 50 MB file: skipped by its size without being read, "too large (50 MB, limit 5 MB)"', async () => {
    const sentence = Buffer.from('Der Kreml und Peking vereinbaren weitere Gespräche über Energie und Handel. ', 'utf8')
    const big = Buffer.alloc(50 * 2 ** 20)
    for (let i = 0; i < big.length; i += sentence.length) sentence.copy(big, i)
    const path = join(work, 'gross-vorlage.txt')
    writeFileSync(path, big)
    await expectSkipped((dir) => copyFileSync(path, join(dir, 'gross.txt')), ['gross.txt'], /^too large \(50 MB, limit 5 MB\)$/)
    expect(MAX_ARTICLE_BYTES).toBe(5 * 2 ** 20)
    // the limit is on bytes, checked before reading: one byte over is refused, the limit itself is read
    const edge = join(work, 'kante.txt')
    writeFileSync(edge, Buffer.alloc(1001, 0x61))
    expect(readArticleBytes(edge, 1000)).toEqual({ ok: false, reason: 'too large (0 MB, limit 0 MB)' })
    expect(readArticleBytes(edge, 1001).ok).toBe(true)
  })

  it('a file of only boilerplate: skipped as "only boilerplate, no article text"', async () => {
    const boilerplate = 'Politik\nFoto: Erika Muster/dpa\nTitelbild\nStand: 01.01.2024 10:00 Uhr\n'
    await expectSkipped((dir) => writeFileSync(join(dir, 'rahmen.txt'), boilerplate), ['rahmen.txt'], /^only boilerplate, no article text$/)
  })

  it('the same article twice, byte-identical: both kept, the later id marked duplicateOf the earlier', async () => {
    const { mixed } = await expectKept((dir) => writeFileSync(join(dir, 'b-kopie.txt'), GOOD['b.txt'] ?? ''), 'b-kopie')
    const copy = mixed.dataset.articles.find((a) => a.id === 'b-kopie')
    expect(copy?.duplicateOf).toBe('b')
    expect(sentencesOf(mixed, 'b-kopie')).toEqual(sentencesOf(mixed, 'b'))
  })

  it('the same agency story in two outlets (same body, other title and meta): duplicateOf the earlier', async () => {
    const body = (GOOD['b.txt'] ?? '').split('\n').slice(1).join('\n')
    const { mixed } = await expectKept((dir) => {
      writeFileSync(join(dir, 'zweite-zeitung.txt'), `Telefonat zwischen Moskau und Peking\n${body}`)
      writeFileSync(join(dir, 'zweite-zeitung.meta.json'), JSON.stringify({ outlet: 'andere-zeitung.de', url: 'https://andere-zeitung.de/x', published: '2024-06-12' }))
    }, 'zweite-zeitung')
    const copy = mixed.dataset.articles.find((a) => a.id === 'zweite-zeitung')
    expect(copy).toMatchObject({ duplicateOf: 'b', outlet: 'andere-zeitung.de', title: 'Telefonat zwischen Moskau und Peking', published: '2024-06-12' })
  })

  it('malformed JSON meta: one warning naming the meta file, the article kept as if it had no meta', async () => {
    const setup: Setup = (dir) => writeFileSync(join(dir, 'b.meta.json'), '{ "outlet": "beispiel.de", ')
    const mixed = await buildMixed(setup)
    expect(mixed.dataset).toEqual(baseline.dataset)
    expect(mixed.report.warnings).toHaveLength(1)
    expect(mixed.report.warnings[0]).toMatch(/^b\.meta\.json: meta ignored \(not valid JSON: .+\)$/)
    const alone = await buildAlone((dir) => {
      writeFileSync(join(dir, 'b.txt'), GOOD['b.txt'] ?? '')
      setup(dir)
    })
    expect(alone.dataset.articles.map((a) => [a.id, a.outlet, a.publishedFrom])).toEqual([['b', null, 'text']])
  })

  it('wrong-typed meta ("published": 2023, "outlet": ["x"]): one warning naming the file and field, the article kept', async () => {
    for (const [meta, field] of [
      [{ published: 2023 }, 'published'],
      [{ outlet: ['x'] }, 'outlet'],
      [[1, 2], ''],
    ] as const) {
      const mixed = await buildMixed((dir) => writeFileSync(join(dir, 'b.meta.json'), JSON.stringify(meta)))
      expect(mixed.dataset).toEqual(baseline.dataset)
      expect(mixed.report.warnings).toHaveLength(1)
      expect(mixed.report.warnings[0]).toMatch(new RegExp(`^b\\.meta\\.json: meta ignored \\(${field}: .+\\)$`))
    }
    // a meta date that is a string but not a date: the rest of the meta is kept, the date read from the text
    const odd = await buildMixed((dir) => writeFileSync(join(dir, 'b.meta.json'), JSON.stringify({ published: 'gestern', outlet: 'beispiel.de' })))
    expect(odd.report.warnings).toEqual(['b.txt: meta published "gestern" is not a date, read the text instead'])
    expect(odd.dataset.articles.find((a) => a.id === 'b')).toMatchObject({ outlet: 'beispiel.de', published: '2024-06-11', publishedFrom: 'text' })
  })

  it('a file name with spaces and umlauts ("Bericht über Xi.txt"): read, with its meta, under a plain id', async () => {
    const { mixed } = await expectKept((dir) => {
      writeFileSync(join(dir, 'Bericht über Xi.txt'), UMLAUTS)
      writeFileSync(join(dir, 'Bericht über Xi.meta.json'), JSON.stringify({ outlet: 'zeitung-über.de' }))
    }, 'Bericht-uber-Xi')
    expect(mixed.dataset.articles.find((a) => a.id === 'Bericht-uber-Xi')).toMatchObject({ file: 'Bericht über Xi.txt', outlet: 'zeitung-über.de' })
  })

  it('a symlink loop (a → b → a, and a link to itself): skipped as "unreadable (symlink loop: ELOOP)"', async () => {
    await expectSkipped(
      (dir) => {
        symlinkSync('schleife-b.txt', join(dir, 'schleife-a.txt'))
        symlinkSync('schleife-a.txt', join(dir, 'schleife-b.txt'))
        symlinkSync('selbst.txt', join(dir, 'selbst.txt'))
      },
      ['schleife-a.txt', 'schleife-b.txt', 'selbst.txt'],
      /^unreadable \(symlink loop: ELOOP\)$/,
    )
  })

  it('a symlink to a good article: read (not silently dropped), marked duplicateOf the original', async () => {
    const target = join(work, 'verweis-ziel.txt')
    writeFileSync(target, GOOD['a.txt'] ?? '')
    const { mixed } = await expectKept((dir) => symlinkSync(target, join(dir, 'verweis.txt')), 'verweis')
    expect(mixed.dataset.articles.find((a) => a.id === 'verweis')?.duplicateOf).toBe('a')
  })

  it('an unreadable file: a dangling symlink, a folder named .txt, and chmod 000 when not running as root', async () => {
    await expectSkipped((dir) => symlinkSync('gibt-es-nicht.txt', join(dir, 'weg.txt')), ['weg.txt'], /^unreadable \(dangling symlink or vanished file: ENOENT\)$/)
    await expectSkipped((dir) => mkdirSync(join(dir, 'ordner.txt')), ['ordner.txt'], /^not a file \(a folder named \.txt\)$/)
    const locked = join(work, 'gesperrt.txt')
    writeFileSync(locked, UMLAUTS)
    chmodSync(locked, 0o000)
    try {
      // root reads a chmod 000 file anyway (CI often runs as root), so only the reason path is checked there
      if (isRoot()) expect(readArticleBytes(locked).ok).toBe(true)
      else expect(readArticleBytes(locked)).toEqual({ ok: false, reason: 'unreadable (EACCES)' })
    } finally {
      chmodSync(locked, 0o600)
    }
  })

  it('a named pipe called .txt: skipped without being opened (reading it would block)', async () => {
    const mkfifo = (dir: string): void => {
      const r = spawnSync('mkfifo', [join(dir, 'rohr.txt')])
      if (r.status !== 0) throw new Error('mkfifo failed')
    }
    await expectSkipped(mkfifo, ['rohr.txt'], /^not a regular file \(device, pipe or socket\)$/)
  })
})

describe('writing the dataset completely', () => {
  it('retries short writes and surfaces the error of a full disk instead of truncating', () => {
    const written: number[] = []
    const shortThenFull = (limit: number): WriteFn => {
      let total = 0
      return (_fd, _buffer, _offset, length) => {
        if (total >= limit) throw Object.assign(new Error('file too large'), { code: 'EFBIG' })
        const n = Math.min(length, 3, limit - total)
        total += n
        written.push(n)
        return n
      }
    }
    writeAllSync(0, 'Grüße', shortThenFull(100))
    expect(written.reduce((s, n) => s + n, 0)).toBe(Buffer.byteLength('Grüße'))
    expect(() => writeAllSync(0, 'Peking und Moskau', shortThenFull(5))).toThrow(expect.objectContaining({ code: 'EFBIG' }))
  })
})

function run(args: string[], shellPrefix = '') {
  const cmd = `${shellPrefix}exec "$0" "$@"`
  const r = spawnSync('bash', ['-c', cmd, tsx, cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } })
  return { code: r.status, signal: r.signal, stderr: r.stderr }
}

function snapshotFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name)
    files.set(name, existsSync(path) && !readdirSyncSafe(path) ? readFileSync(path, 'utf8') : '<dir>')
  }
  return files
}

function readdirSyncSafe(path: string): boolean {
  try {
    readdirSync(path)
    return true
  } catch {
    return false
  }
}

describe('preprocess CLI on bad input', { timeout: 120_000 }, () => {
  it('a folder with every bad file: one line per file naming it, exit 0, good articles as in the good-only run', () => {
    const dir = freshDir()
    writeGood(dir)
    writeFileSync(join(dir, 'leer.txt'), '')
    writeFileSync(join(dir, 'bild.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    writeFileSync(join(dir, 'cp1252.txt'), iconv.encode(QUOTES_EURO, 'windows-1252'))
    writeFileSync(join(dir, 'latin1.txt'), iconv.encode(UMLAUTS, 'latin1'))
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(UMLAUTS, 'utf-16le')]))
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(QUOTES_EURO)]))
    writeFileSync(join(dir, 'gross.txt'), Buffer.alloc(50 * 2 ** 20, 0x61))
    writeFileSync(join(dir, 'rahmen.txt'), 'Politik\nFoto: Erika Muster/dpa\nTitelbild\n')
    writeFileSync(join(dir, 'b-kopie.txt'), GOOD['b.txt'] ?? '')
    writeFileSync(join(dir, 'b.meta.json'), '{ "outlet": ')
    writeFileSync(join(dir, 'Bericht über Xi.txt'), UMLAUTS)
    writeFileSync(join(dir, 'Bericht über Xi.meta.json'), JSON.stringify({ published: 2023 }))
    symlinkSync('schleife-b.txt', join(dir, 'schleife-a.txt'))
    symlinkSync('schleife-a.txt', join(dir, 'schleife-b.txt'))
    symlinkSync('fehlt.txt', join(dir, 'weg.txt'))
    mkdirSync(join(dir, 'ordner.txt'))
    const out = join(work, 'cli-alle', 'dataset.json')
    const { code, stderr } = run(['--in', dir, '--out', out])
    expect(code).toBe(0)
    const lines = stderr.split('\n')
    for (const line of [
      'skipped bild.txt: binary file (NUL bytes)',
      'skipped gross.txt: too large (50 MB, limit 5 MB)',
      'skipped leer.txt: empty file',
      'skipped ordner.txt: not a file (a folder named .txt)',
      'skipped rahmen.txt: only boilerplate, no article text',
      'skipped schleife-a.txt: unreadable (symlink loop: ELOOP)',
      'skipped schleife-b.txt: unreadable (symlink loop: ELOOP)',
      'skipped weg.txt: unreadable (dangling symlink or vanished file: ENOENT)',
      'warning: Bericht über Xi.meta.json: meta ignored (published: Invalid input: expected string, received number)',
    ]) {
      expect(lines).toContain(line)
    }
    expect(lines.some((l) => /^warning: b\.meta\.json: meta ignored \(not valid JSON: .+\)$/.test(l))).toBe(true)
    expect(stderr).toMatch(/^read 9, skipped 8 \(/m)
    const dataset = DatasetSchema.parse(JSON.parse(readFileSync(out, 'utf8')))
    expect(dataset.articles.map((a) => a.id).sort()).toEqual(['a', 'b', 'b-kopie', 'bom', 'Bericht-uber-Xi', 'c', 'cp1252', 'latin1', 'utf16'].sort())
    const good = dataset.articles.filter((a) => GOOD_IDS.includes(a.id)).map(({ textShard: _s, ...rest }) => rest)
    expect(good).toEqual(goodRecords(baseline).articles)
  })

  it('missing input folder: one line, exit 1, the old dataset left as it was', () => {
    const out = join(work, 'alt-fehlt', 'dataset.json')
    mkdirSync(join(work, 'alt-fehlt'))
    writeFileSync(out, 'OLD')
    const missing = join(work, 'gibt-es-nicht')
    const { code, stderr } = run(['--in', missing, '--out', out])
    expect(code).toBe(1)
    expect(stderr).toBe(`error: input folder not found: ${missing}\n`)
    expect(readFileSync(out, 'utf8')).toBe('OLD')
  })

  it('unwritable output path: one line, exit 1, the old dataset left as it was', () => {
    const dir = freshDir()
    writeGood(dir)
    const outDir = join(work, 'alt-gesperrt')
    mkdirSync(outDir)
    const old = join(outDir, 'dataset.json')
    writeFileSync(old, 'OLD')
    // as root a chmod 500 folder is still writable, so the target is a path under a file instead
    const out = isRoot() ? join(old, 'dataset.json') : old
    if (!isRoot()) chmodSync(outDir, 0o500)
    try {
      const { code, stderr } = run(['--in', dir, '--out', out])
      expect(code).toBe(1)
      // under a file, mkdir reports EEXIST (recursive) or ENOTDIR
      expect(stderr).toMatch(isRoot() ? /^error: cannot write .*: (?:EEXIST|ENOTDIR)\n$/ : /^error: cannot write .*: EACCES\n$/)
    } finally {
      chmodSync(outDir, 0o700)
    }
    expect(readFileSync(old, 'utf8')).toBe('OLD')
    expect(readdirSync(outDir)).toEqual(['dataset.json'])
  })

  it('a full disk (file-size limit, EFBIG): one line, exit 1, no SIGXFSZ death, the old dataset and shards left as they were', () => {
    const dir = freshDir()
    writeGood(dir)
    const outDir = join(work, 'alt-voll')
    const out = join(outDir, 'dataset.json')
    expect(run(['--in', dir, '--out', out]).code).toBe(0)
    const before = snapshotFolder(outDir)
    expect(Buffer.byteLength(before.get('dataset.json') ?? '')).toBeGreaterThan(2 * 1024)
    writeFileSync(join(dir, 'd.txt'), UMLAUTS) // the new run would change the dataset
    // sizes of the new run's files, to pick a limit that the shard fits under but the dataset file does not
    const scratch = join(work, 'voll-probe', 'dataset.json')
    expect(run(['--in', dir, '--out', scratch]).code).toBe(0)
    const shardBytes = Math.max(...readdirSync(join(work, 'voll-probe', 'dataset.text')).map((f) => readFileSync(join(work, 'voll-probe', 'dataset.text', f)).length))
    const datasetBytes = readFileSync(scratch).length
    const shardFitsKb = Math.ceil(shardBytes / 1024)
    expect(shardFitsKb * 1024).toBeLessThan(datasetBytes)
    // 1 KB: the text shard fails; shardFitsKb: the shards are written, the dataset file fails part-way
    for (const kb of [1, shardFitsKb]) {
      const { code, signal, stderr } = run(['--in', dir, '--out', out], `ulimit -f ${kb}; `)
      expect(signal).toBeNull()
      expect(code).toBe(1)
      expect(stderr.trim().split('\n').at(-1)).toBe(`error: cannot write ${out}: EFBIG`)
      expect(stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1)
      expect(snapshotFolder(outDir)).toEqual(before)
    }
  })
})
