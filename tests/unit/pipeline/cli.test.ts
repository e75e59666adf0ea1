import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetSchema, MentionSchema, TextShardSchema } from '../../../src/model/dataset.ts'
import { expectLayoutOf } from './layout-files.ts'
import { generatedAtFrom, parseArgs } from '../../../pipeline/cli.ts'
import { checkRecord } from '../../../pipeline/passes/check-record.ts'
import { articleIdFor, metaPublished } from '../../../pipeline/passes/read-pass.ts'
import { run as runInProcess } from '../../../pipeline/run.ts'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const cli = join(root, 'pipeline/cli.ts')

function run(args: string[], env: Record<string, string> = {}) {
  // the cache beside the output is tested in cache.test.ts: these runs list the output folder
  const r = spawnSync(tsx, [cli, ...args, ...(args.includes('--in') ? ['--no-cache'] : [])], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } })
  return { code: r.status, stderr: r.stderr }
}

const GOOD = `Putin empfängt Xi in Moskau
Stand: 14.03.2023 10:00 Uhr

Der russische Präsident Wladimir Putin hat am Montag den chinesischen Staatschef Xi Jinping empfangen. Peking hat die Gespräche gelobt.
Foto: Erika Beispiel/dpa`

let work: string
let inDir: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'press-cli-'))
  inDir = join(work, 'in')
  mkdirSync(inDir)
  writeFileSync(join(inDir, 'gut.txt'), GOOD)
  writeFileSync(join(inDir, 'kopie.txt'), GOOD)
  writeFileSync(join(inDir, 'kopie.meta.json'), '{ "url": 5 ')
  writeFileSync(join(inDir, 'mit-meta.txt'), GOOD.replace('Peking hat', 'Moskau hat'))
  writeFileSync(
    join(inDir, 'mit-meta.meta.json'),
    JSON.stringify({ url: 'https://beispiel.de/a', outlet: 'beispiel.de', published: '2023-03-15', title: 'Titel aus Meta' }),
  )
  writeFileSync(join(inDir, 'leer.txt'), '')
  writeFileSync(join(inDir, 'bild.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
  writeFileSync(join(inDir, 'englisch.txt'), 'A headline\n\nThe president travelled to Beijing on Monday and held talks with the leaders of the country there.')
  writeFileSync(join(inDir, 'rahmen.txt'), 'Politik\nFoto: Jemand/dpa\nTitelbild\n')
  writeFileSync(join(inDir, 'notiz.md'), 'not an article')
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('preprocess CLI', { timeout: 60_000 }, () => {
  it('skips bad files with reasons, keeps the rest, warns about bad meta and exits 0', () => {
    const out = join(work, 'out', 'dataset.json')
    const { code, stderr } = run(['--in', inDir, '--out', out], { SOURCE_DATE_EPOCH: '1767225600' })
    expect(code).toBe(0)
    expect(stderr).toMatch(/skipped leer\.txt: empty file/)
    expect(stderr).toMatch(/skipped bild\.txt: binary/)
    expect(stderr).toMatch(/skipped englisch\.txt: not German/)
    expect(stderr).toMatch(/skipped rahmen\.txt: only boilerplate/)
    expect(stderr).toMatch(/kopie\.meta\.json: meta ignored/)
    expect(stderr).toMatch(/read 3, skipped 4/)
    const dataset = DatasetSchema.parse(JSON.parse(readFileSync(out, 'utf8')))
    expect(dataset.generatedAt).toBe('2026-01-01T00:00:00.000Z')
    expect(dataset.articles.map((a) => [a.id, a.published, a.publishedFrom, a.duplicateOf])).toEqual([
      ['gut', '2023-03-14', 'text', null],
      ['kopie', '2023-03-14', 'text', 'gut'],
      ['mit-meta', '2023-03-15', 'meta', null],
    ])
    expect(dataset.articles[2]).toMatchObject({ title: 'Titel aus Meta', outlet: 'beispiel.de', url: 'https://beispiel.de/a' })
    // how the text gave the date; a meta date needs no cue
    expect(dataset.articles[0]?.publishedCue).toEqual({ rule: 'stand-stamp', cue: 'Stand: 14.03.2023', reference: null })
    expect(dataset.articles[2]).not.toHaveProperty('publishedCue')
    const putin = dataset.mentions.find((m) => m.articleId === 'gut' && m.actorId === 'putin')
    expect(putin?.count).toBe(2) // title and body
    const shardFile = join(work, 'out', dataset.articles[0]?.textShard ?? '')
    const shard = TextShardSchema.parse(JSON.parse(readFileSync(shardFile, 'utf8')))
    const text = shard.texts.find((t) => t.articleId === 'gut')
    expect(text?.sentences[0]).toBe('Putin empfängt Xi in Moskau')
    for (const span of text?.spans ?? []) expect(span.end).toBeLessThanOrEqual(text?.sentences[span.sentence]?.length ?? -1)
    // the layout files are those of the dataset written
    expectLayoutOf(join(work, 'out'))
    // no temporary files left beside the output
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['dataset.comentions.json', 'dataset.days', 'dataset.events', 'dataset.events.json', 'dataset.events.summary.json', 'dataset.ids', 'dataset.index.json', 'dataset.json', 'dataset.parts', 'dataset.search', 'dataset.text'])
  })

  it('writes byte-identical output for the same input', () => {
    const a = join(work, 'run-a', 'dataset.json')
    const b = join(work, 'run-b', 'dataset.json')
    expect(run(['--in', inDir, '--out', a], { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0)
    expect(run(['--in', inDir, '--out', b], { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0)
    const text = readFileSync(a, 'utf8')
    expect(text).toBe(readFileSync(b, 'utf8'))
    for (const folder of ['dataset.text', 'dataset.days', 'dataset.parts', 'dataset.search/terms', 'dataset.search/pos', 'dataset.search/ids']) {
      const files = readdirSync(join(work, 'run-a', folder))
      expect(files.length).toBeGreaterThan(0)
      expect(readdirSync(join(work, 'run-b', folder))).toEqual(files)
      for (const file of files) {
        expect(readFileSync(join(work, 'run-a', folder, file), 'utf8')).toBe(readFileSync(join(work, 'run-b', folder, file), 'utf8'))
      }
    }
    for (const file of ['dataset.index.json', 'dataset.events.json']) {
      expect(readFileSync(join(work, 'run-a', file), 'utf8')).toBe(readFileSync(join(work, 'run-b', file), 'utf8'))
    }
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,')
  })

  it('removes temporary files left by a killed earlier run', () => {
    const dir = join(work, 'reste')
    mkdirSync(join(dir, 'dataset.text.tmp-999999999-1'), { recursive: true })
    mkdirSync(join(dir, 'dataset.parts.old-999999999-1'), { recursive: true })
    mkdirSync(join(dir, 'dataset.json.spool-999999999-1'), { recursive: true })
    writeFileSync(join(dir, 'dataset.json.spool-999999999-1', 'records.jsonl'), '{}')
    writeFileSync(join(dir, 'dataset.json.tmp-999999999-1'), '{')
    writeFileSync(join(dir, 'dataset.index.json.tmp-999999999-1'), '{')
    expect(run(['--in', inDir, '--out', join(dir, 'dataset.json')]).code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['dataset.comentions.json', 'dataset.days', 'dataset.events', 'dataset.events.json', 'dataset.events.summary.json', 'dataset.ids', 'dataset.index.json', 'dataset.json', 'dataset.parts', 'dataset.search', 'dataset.text'])
  })

  it('exits 1 with one line for a missing input folder', () => {
    const { code, stderr } = run(['--in', join(work, 'fehlt'), '--out', join(work, 'x.json')])
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/input folder not found/)
  })

  it('exits 1 and leaves the old file untouched when the output cannot be written', () => {
    const lockedDir = join(work, 'locked')
    mkdirSync(lockedDir)
    const out = join(lockedDir, 'dataset.json')
    writeFileSync(out, 'OLD')
    chmodSync(lockedDir, 0o500)
    try {
      const probe = join(lockedDir, 'probe')
      let writable = true
      try {
        writeFileSync(probe, 'x')
        rmSync(probe)
      } catch {
        writable = false
      }
      if (writable) {
        // running as root: permissions do not stop writes, so make the target a path under a file instead
        const { code, stderr } = run(['--in', inDir, '--out', join(out, 'nested.json')])
        expect(code).toBe(1)
        expect(stderr).toMatch(/cannot write/)
      } else {
        const { code, stderr } = run(['--in', inDir, '--out', out])
        expect(code).toBe(1)
        expect(stderr).toMatch(/cannot write/)
      }
      expect(readFileSync(out, 'utf8')).toBe('OLD')
    } finally {
      chmodSync(lockedDir, 0o700)
    }
  })

  it('exits 1 when the output path is a folder, and keeps the shards of the last run', () => {
    const out = join(work, 'ziel', 'dataset.json')
    expect(run(['--in', inDir, '--out', out]).code).toBe(0)
    const shards = readdirSync(join(work, 'ziel', 'dataset.text'))
    const asFolder = join(work, 'ziel')
    const { code, stderr } = run(['--in', inDir, '--out', asFolder])
    expect(code).toBe(1)
    expect(stderr).toMatch(/cannot write .*EISDIR/)
    expect(readdirSync(join(work, 'ziel', 'dataset.text'))).toEqual(shards)
    expect(readdirSync(join(work, 'ziel')).sort()).toEqual(['dataset.comentions.json', 'dataset.days', 'dataset.events', 'dataset.events.json', 'dataset.events.summary.json', 'dataset.ids', 'dataset.index.json', 'dataset.json', 'dataset.parts', 'dataset.search', 'dataset.text'])
    expectLayoutOf(join(work, 'ziel'))
  })

  it('exits 1 when no article can be read', () => {
    const empty = join(work, 'nur-schlecht')
    mkdirSync(empty)
    writeFileSync(join(empty, 'leer.txt'), '')
    const out = join(work, 'none.json')
    const { code, stderr } = run(['--in', empty, '--out', out])
    expect(code).toBe(1)
    expect(stderr).toMatch(/no article could be read/)
    expect(existsSync(out)).toBe(false)
  })
})

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8'))
  }
  return out
}

describe('preprocess CLI, a failed run after a good one', { timeout: 60_000 }, () => {
  it('leaves the dataset, its shards and every layout file untouched, and no temporaries', () => {
    const dir = join(work, 'behalten')
    const out = join(dir, 'dataset.json')
    expect(run(['--in', inDir, '--out', out]).code).toBe(0)
    const before = snapshot(dir)
    expect([...before.keys()].some((path) => path.includes('dataset.parts/'))).toBe(true)
    const bad = join(work, 'nur-leer')
    mkdirSync(bad)
    writeFileSync(join(bad, 'leer.txt'), '')
    const { code, stderr } = run(['--in', bad, '--out', out])
    expect(code).toBe(1)
    expect(stderr).toMatch(/no article could be read/)
    expect(snapshot(dir)).toEqual(before)
  })
})

describe('CLI helpers', () => {
  it('parses flags and rejects unknown ones', () => {
    expect(parseArgs(['--in', 'x', '--out=y.json'])).toMatchObject({ ok: true, value: { inDir: 'x', outFile: 'y.json' } })
    expect(parseArgs([])).toMatchObject({ ok: true, value: { inDir: 'data/articles', outFile: 'public/data/dataset.json' } })
    expect(parseArgs(['--bogus']).ok).toBe(false)
    expect(parseArgs(['--in']).ok).toBe(false)
    expect(parseArgs(['--in'])).toEqual({ ok: false, error: '--in needs a folder' })
    expect(parseArgs(['--bogus'])).toMatchObject({ ok: false, error: expect.stringMatching(/^unknown argument "--bogus" \(usage: /) })
    expect(parseArgs(['stray'])).toMatchObject({ ok: false, error: expect.stringMatching(/^unknown argument "stray"/) })
    expect(parseArgs(['--workers', '0'])).toEqual({ ok: false, error: '--workers needs a whole number ≥ 1 or "auto"' })
    expect(parseArgs(['--workers=3'])).toMatchObject({ ok: true, value: { workers: 3 } })
    expect(parseArgs(['--places', 'p.json', '--occasions', 'o.json'])).toMatchObject({ ok: true, value: { placesFile: 'p.json', occasionsFile: 'o.json' } })
    expect(parseArgs([])).toMatchObject({ ok: true, value: { workers: 'auto', placesFile: join(root, 'data/places.json'), occasionsFile: join(root, 'data/occasions.json') } })
    expect(parseArgs([])).toMatchObject({ ok: true, value: { officesFile: join(root, 'data/offices.json') } })
    expect(parseArgs(['--offices', 'f.json'])).toMatchObject({ ok: true, value: { officesFile: 'f.json' } })
  })

  it('exits 1 with one line naming a broken gazetteer file, before reading any article', async () => {
    const lines: string[] = []
    const options = {
      inDir,
      outFile: join(work, 'gaz', 'dataset.json'),
      actorsFile: join(root, 'data/actors.json'),
      placesFile: join(root, 'data/places.json'),
      occasionsFile: join(root, 'data/occasions.json'),
      workers: 1,
      generatedAt: 'x',
    }
    const broken = join(work, 'kaputt.json')
    writeFileSync(broken, '{ "places": [{ "name": "Moskau" }] }')
    expect(await runInProcess({ ...options, placesFile: broken }, { log: (l) => lines.push(l) })).toBe(1)
    writeFileSync(broken, '{ "occasions": [{ "id": "x", "kind": "event" }] }')
    expect(await runInProcess({ ...options, occasionsFile: broken }, { log: (l) => lines.push(l) })).toBe(1)
    expect(await runInProcess({ ...options, occasionsFile: join(work, 'fehlt.json') }, { log: (l) => lines.push(l) })).toBe(1)
    expect(lines).toEqual([
      `error: invalid place list ${broken}: places[0]: needs a name and a country`,
      `error: invalid occasion table ${broken}: occasions[0] (x): missing pattern`,
      expect.stringMatching(/^error: cannot read occasion table .*fehlt\.json: ENOENT/),
    ])
    expect(existsSync(join(work, 'gaz'))).toBe(false)
  })

  it('derives ids from file names, not from order', () => {
    expect(articleIdFor('002_436c9eb40a421347.txt')).toBe('002_436c9eb40a421347')
    expect(articleIdFor('Über Peking (2).txt')).toBe('Uber-Peking-2')
  })

  it('checks each record against the schema as it is made, naming the record and the field', () => {
    const demo = DatasetSchema.parse(JSON.parse(readFileSync(join(root, 'public/data/dataset.json'), 'utf8')))
    for (const m of demo.mentions) expect(() => checkRecord(MentionSchema, `mentions.${m.articleId}`, m)).not.toThrow()
    const broken = { articleId: 'a', actorId: 'b', count: -1, sentences: [] }
    expect(() => checkRecord(MentionSchema, 'mentions.a', broken)).toThrow(/^output does not match the dataset schema: mentions\.a\.count: /)
  })

  it('reads meta dates, cutting timestamps to the day and refusing non-dates', () => {
    expect(metaPublished('2023-02-22')).toBe('2023-02-22')
    expect(metaPublished('2023-02')).toBe('2023-02')
    expect(metaPublished('2023-02-22T16:00:00Z')).toBe('2023-02-22')
    expect(metaPublished('22.02.2023')).toBeUndefined()
    expect(metaPublished('2023-13-01')).toBeUndefined()
  })

  it('takes generatedAt from SOURCE_DATE_EPOCH when set', () => {
    expect(generatedAtFrom({ SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01T00:00:00.000Z')
    expect(generatedAtFrom({}, new Date('2025-05-05T00:00:00Z'))).toBe('2025-05-05T00:00:00.000Z')
  })
})
