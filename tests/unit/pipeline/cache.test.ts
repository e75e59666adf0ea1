/**
 * Incremental runs: a run with the cache writes the same bytes as a run without it — unchanged, after files were
 * added, changed and removed, after a new article names a person an unchanged one also names, after a registry
 * edit, on worker threads — and its summary line counts the files new, changed, unchanged and removed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../../pipeline/run.ts'
import type { RunOptions } from '../../../pipeline/run.ts'
import { pageOf } from '../../../scripts/corpus-formats.ts'

const root = new URL('../../../', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'mbpm-cache-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const text = (n: number, extra = ''): string =>
  [
    `Putin und Xi sprechen über Handel (Teil ${n})`,
    '',
    `Der russische Präsident Putin hat am Dienstag mit Xi Jinping telefoniert, es ging um das Vorhaben Nummer ${n} und um neue Lieferungen.`,
    'Russland und China wollen den Handel in diesem Jahr auf 250 Milliarden Dollar steigern, teilte der Kreml mit.',
    extra,
  ].join('\n')

function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
}

/** Every output file (the cache folder left out) → its bytes. */
function outputOf(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (name.endsWith('.cache')) continue
      if (statSync(p).isDirectory()) walk(p)
      else out.set(relative(dir, p), readFileSync(p, 'utf8'))
    }
  }
  walk(dir)
  return out
}

let runs = 0
/** One run in this process; returns its summary line and output folder. */
async function runOn(inDir: string, options: Partial<RunOptions> = {}): Promise<{ code: number; summary: string; out: string; lines: string[] }> {
  const out = join(work, `out-${runs++}`)
  const lines: string[] = []
  const code = await run(
    {
      inDir,
      outFile: join(out, 'dataset.json'),
      workers: 1,
      generatedAt: '2026-01-01T00:00:00.000Z',
      actorsFile: join(root, 'data/actors.json'),
      placesFile: join(root, 'data/places.json'),
      occasionsFile: join(root, 'data/occasions.json'),
      officesFile: join(root, 'data/offices.json'),
      cacheDir: join(work, 'cache'),
      ...options,
    },
    { log: (line) => lines.push(line) },
  )
  return { code, summary: lines.at(-1) ?? '', out, lines }
}

describe('incremental runs', () => {
  const inDir = join(work, 'in')
  const files: Record<string, string> = {}
  for (let i = 0; i < 12; i++) files[`a${String(i).padStart(2, '0')}.txt`] = text(i)
  files['a03.txt'] = text(3, 'Auch Erlan Beispielow traf am Mittwoch in Moskau mit Putin zusammen.')
  files['sub/seite.html'] = pageOf({ stem: 'seite', title: 'Xi empfängt Putin in Peking', body: text(20).split('\n').slice(2).filter(Boolean), published: '2024-05-16', outlet: 'Beispielblatt' })
  files['export.jsonl'] = [1, 2].map((i) => JSON.stringify({ title: `Export ${i}: Putin und Xi`, text: text(30 + i).split('\n').slice(2).join('\n'), published: '2024-02-0' + String(i), outlet: 'Blatt' })).join('\n')
  write(inDir, files)

  it('an unchanged folder: nothing read again, the same bytes', async () => {
    const first = await runOn(inDir)
    expect(first.code).toBe(0)
    expect(first.summary).toMatch(/; sources 14 new, 0 changed, 0 unchanged, 0 removed$/)
    const second = await runOn(inDir)
    expect(second.summary).toMatch(/; sources 0 new, 0 changed, 14 unchanged, 0 removed$/)
    const plain = await runOn(inDir, { cacheDir: null })
    expect(plain.summary).not.toMatch(/sources/)
    expect(outputOf(second.out)).toEqual(outputOf(plain.out))
    expect(outputOf(first.out)).toEqual(outputOf(plain.out))
  }, 60_000)

  it('files added, changed and removed — one naming a person an unchanged file names too — give the bytes of a run without cache', async () => {
    write(inDir, {
      'neu.txt': text(40, 'Der kasachische Außenminister Erlan Beispielow sagte, man wolle vermitteln.'),
      'a05.txt': text(5, 'Später hieß es, das Gespräch sei abgebrochen worden.'),
    })
    rmSync(join(inDir, 'a07.txt'))
    const cached = await runOn(inDir)
    expect(cached.summary).toMatch(/; sources 1 new, 1 changed, 12 unchanged, 1 removed \(1 unchanged articles extracted again/)
    const plain = await runOn(inDir, { cacheDir: null })
    expect(JSON.parse(plain.out && readFileSync(join(plain.out, 'dataset.json'), 'utf8')).actors.map((a: { id: string }) => a.id)).toContain('erlan-beispielow')
    expect(outputOf(cached.out)).toEqual(outputOf(plain.out))
  }, 60_000)

  it('on worker threads the cache gives the same bytes', async () => {
    write(inDir, { 'a09.txt': text(9, 'Ein weiterer Satz über China.') })
    const threads = await runOn(inDir, { workers: 2 })
    expect(threads.summary).toMatch(/; sources 0 new, 1 changed, 13 unchanged, 0 removed$/)
    const again = await runOn(inDir, { workers: 2 })
    expect(again.summary).toMatch(/; sources 0 new, 0 changed, 14 unchanged, 0 removed$/)
    const plain = await runOn(inDir, { cacheDir: null })
    expect(outputOf(threads.out)).toEqual(outputOf(plain.out))
    expect(outputOf(again.out)).toEqual(outputOf(plain.out))
  }, 120_000)

  it('a registry edit makes every file changed: all extracted again, the bytes of a run without cache', async () => {
    const registry = JSON.parse(readFileSync(join(root, 'data/actors.json'), 'utf8')) as { actors?: unknown[] } | unknown[]
    const list = Array.isArray(registry) ? registry : (registry.actors ?? [])
    list.push({ id: 'erlan-beispielow', name: 'Erlan Beispielow', kind: 'person', aliases: ['Beispielow'] })
    const actorsFile = join(work, 'actors.json')
    writeFileSync(actorsFile, JSON.stringify(registry))
    const cached = await runOn(inDir, { actorsFile })
    expect(cached.summary).toMatch(/; sources 0 new, 14 changed, 0 unchanged, 0 removed$/)
    const plain = await runOn(inDir, { actorsFile, cacheDir: null })
    expect(outputOf(cached.out)).toEqual(outputOf(plain.out))
  }, 60_000)

  it('a failed run leaves the cache as it was', async () => {
    const manifest = readFileSync(join(work, 'cache', 'manifest.jsonl'), 'utf8')
    const empty = join(work, 'leer')
    mkdirSync(empty)
    expect((await runOn(empty)).code).toBe(1)
    expect(readFileSync(join(work, 'cache', 'manifest.jsonl'), 'utf8')).toBe(manifest)
  })
})

describe('changes that move unchanged articles', () => {
  const inDir = join(work, 'in-wire')
  const cacheDir = join(work, 'cache-wire')
  const meta = (outlet: string, published: string): string => JSON.stringify({ outlet, published })
  write(inDir, {
    'w1.txt': text(80),
    'w1.meta.json': meta('Blatt A', '2024-03-05'),
    'w2.txt': text(81),
    'w2.meta.json': meta('Blatt B', '2024-03-06'),
    'w3.txt': text(82),
    'w3.meta.json': meta('Blatt A', '2024-03-07'),
  })

  it('a wire copy of an unchanged article that sorts before it, an article dated anew, a story root removed: the bytes of a run without cache', async () => {
    expect((await runOn(inDir, { cacheDir })).summary).toMatch(/; sources 3 new, 0 changed, 0 unchanged, 0 removed$/)
    write(inDir, { 'v0.txt': text(80).replace('(Teil 80)', '(Kopie)'), 'v0.meta.json': meta('Blatt C', '2024-03-09'), 'w3.meta.json': meta('Blatt A', '2023-12-24') })
    const cached = await runOn(inDir, { cacheDir })
    expect(cached.summary).toMatch(/; sources 1 new, 1 changed, 2 unchanged, 0 removed$/)
    const articles = (JSON.parse(readFileSync(join(cached.out, 'dataset.json'), 'utf8')) as { articles: { id: string; duplicateOf: string | null }[] }).articles
    expect(articles.find((a) => a.id === 'w1')?.duplicateOf).toBe('v0')
    expect(outputOf(cached.out)).toEqual(outputOf((await runOn(inDir, { cacheDir: null })).out))
    rmSync(join(inDir, 'v0.txt'))
    rmSync(join(inDir, 'v0.meta.json'))
    const after = await runOn(inDir, { cacheDir })
    expect(after.summary).toMatch(/; sources 0 new, 0 changed, 3 unchanged, 1 removed$/)
    expect(outputOf(after.out)).toEqual(outputOf((await runOn(inDir, { cacheDir: null })).out))
  }, 60_000)
})

describe('records kept as text', () => {
  const inDir = join(work, 'in-text')
  const cacheDir = join(work, 'cache-text')
  // Sentences written for this test: an article naming no actor (no mentions, figures, quotes or events), one whose
  // text holds JSON's own characters, characters outside the BMP and a line separator, and a wire copy of it.
  const signs = [
    'Putin sagt „Ja“ – und 😀 – zu Xi',
    '',
    'Der russische Präsident Putin sagte am Dienstag in Moskau: „Wir handeln \\ gemeinsam mit China.“ 🇨🇳',
    `Xi Jinping antwortete, der Handel solle um 12,5 Prozent auf 300 Milliarden Dollar wachsen.\u2028Ein "Zitat" mit {Klammern} [und] Doppelpunkt: fertig.`,
  ].join('\n')
  write(inDir, {
    'leer.txt': 'Regen in Hamburg\n\nMorgen regnet es in Hamburg, sagte der Wetterdienst am Abend.',
    'zeichen.txt': signs,
    'zeichen.meta.json': JSON.stringify({ outlet: 'Blatt A', published: '2024-04-02' }),
    'zeichen-kopie.txt': signs.replace('zu Xi', 'zu Xi (Agentur)'),
    'zeichen-kopie.meta.json': JSON.stringify({ outlet: 'Blatt B', published: '2024-04-03' }),
  })

  it('articles with no records at all, with JSON characters and characters outside the BMP, and their wire copy: reused from the cache, the bytes of a run without cache', async () => {
    expect((await runOn(inDir, { cacheDir })).summary).toMatch(/; sources 3 new, 0 changed, 0 unchanged, 0 removed$/)
    write(inDir, { 'neu.txt': text(90) })
    const cached = await runOn(inDir, { cacheDir })
    expect(cached.summary).toMatch(/; sources 1 new, 0 changed, 3 unchanged, 0 removed$/)
    const plain = await runOn(inDir, { cacheDir: null })
    const dataset = JSON.parse(readFileSync(join(plain.out, 'dataset.json'), 'utf8')) as { articles: { id: string; duplicateOf: string | null }[]; mentions: { articleId: string }[] }
    expect(dataset.articles.find((a) => a.id === 'zeichen-kopie')?.duplicateOf).toBe('zeichen')
    expect(dataset.mentions.some((m) => m.articleId === 'leer')).toBe(false)
    expect(outputOf(cached.out)).toEqual(outputOf(plain.out))
    const again = await runOn(inDir, { cacheDir, workers: 2 })
    expect(again.summary).toMatch(/; sources 0 new, 0 changed, 4 unchanged, 0 removed$/)
    expect(outputOf(again.out)).toEqual(outputOf(plain.out))
  }, 120_000)
})

describe('the manifest', () => {
  const inDir = join(work, 'in-format')
  const cacheDir = join(work, 'cache-format')
  write(inDir, { 'z.txt': text(70), 'b/ä.txt': text(71), 'b/a.txt': text(72), 'B.txt': text(73) })

  it('is JSON lines: a head with the format version, the people found, then one line per input file in file order', async () => {
    expect((await runOn(inDir, { cacheDir })).code).toBe(0)
    const lines = readFileSync(join(cacheDir, 'manifest.jsonl'), 'utf8').trimEnd().split('\n')
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ cache: 'mbpm-run-cache', version: 2 })
    expect(JSON.parse(lines[1] ?? '')).toHaveProperty('discovered')
    const sources = lines.slice(2).map((l) => JSON.parse(l) as { file: string; hash: string; results: unknown[] })
    expect(sources.map((e) => e.file)).toEqual(['B.txt', 'b/a.txt', 'b/ä.txt', 'z.txt'])
    expect(lines.slice(2).every((l) => l.startsWith('{"hash":"'))).toBe(true)
    expect(sources.every((e) => e.results.length === 1)).toBe(true)
  }, 60_000)

  it('a cache of the first format (one manifest.json) is discarded, said in the summary line: a cold run, the bytes of a run without cache', async () => {
    rmSync(cacheDir, { recursive: true, force: true })
    mkdirSync(cacheDir)
    writeFileSync(join(cacheDir, 'manifest.json'), JSON.stringify({ key: 'alt', discovered: [], sources: { 'z.txt': { hash: 'x', results: [] } } }))
    writeFileSync(join(cacheDir, 'r-alt-0.part'), '{"alt":true}')
    const cold = await runOn(inDir, { cacheDir })
    expect(cold.summary).toMatch(/; sources 4 new, 0 changed, 0 unchanged, 0 removed \(the cache in .*cache-format is of an older format: discarded, every file read\)$/)
    expect(readdirSync(cacheDir).filter((f) => f === 'manifest.json' || f === 'r-alt-0.part')).toEqual([])
    expect(outputOf(cold.out)).toEqual(outputOf((await runOn(inDir, { cacheDir: null })).out))
    expect((await runOn(inDir, { cacheDir })).summary).toMatch(/; sources 0 new, 0 changed, 4 unchanged, 0 removed$/)
  }, 60_000)

  it('a manifest of another version is discarded the same way', async () => {
    const path = join(cacheDir, 'manifest.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n')
    writeFileSync(path, [JSON.stringify({ ...JSON.parse(lines[0] ?? ''), version: 99 }), ...lines.slice(1)].join('\n'))
    expect((await runOn(inDir, { cacheDir })).summary).toMatch(/; sources 4 new, 0 changed, 0 unchanged, 0 removed \(the cache in .* is of another format: discarded, every file read\)$/)
  }, 60_000)
})

describe('the cache over many runs', () => {
  const inDir = join(work, 'in-many')
  const cacheDir = join(work, 'cache-many')
  const names = Array.from({ length: 14 }, (_, i) => `b${String(i).padStart(2, '0')}.txt`)
  write(inDir, Object.fromEntries(names.map((name, i) => [name, text(50 + i)])))
  const partBytes = (): number => readdirSync(cacheDir).filter((f) => f.endsWith('.part')).reduce((n, f) => n + statSync(join(cacheDir, f)).size, 0)
  /** The bytes the manifest's entries point to. */
  const liveBytes = (): number => {
    const sources = readFileSync(join(cacheDir, 'manifest.jsonl'), 'utf8').trimEnd().split('\n').slice(2)
    const entries = sources.map((line) => JSON.parse(line) as { results: { source?: { length: number }; extract?: { length: number } }[] })
    return entries.reduce((n, e) => n + e.results.reduce((m, r) => m + (r.source?.length ?? 0) + (r.extract?.length ?? 0), 0), 0)
  }

  it('a file touched but not changed is unchanged (its hash decides once its time changed); one rewritten to the same size is changed', async () => {
    expect((await runOn(inDir, { cacheDir })).summary).toMatch(/; sources 14 new, 0 changed, 0 unchanged, 0 removed$/)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(inDir, 'b01.txt'), later, later)
    expect((await runOn(inDir, { cacheDir })).summary).toMatch(/; sources 0 new, 0 changed, 14 unchanged, 0 removed$/)
    const before = readFileSync(join(inDir, 'b02.txt'), 'utf8')
    writeFileSync(join(inDir, 'b02.txt'), before.replace('Dienstag', 'Mittwoch').replace('neue Lieferungen', 'alte Lieferungen'))
    expect(statSync(join(inDir, 'b02.txt')).size).toBe(Buffer.byteLength(before))
    const cached = await runOn(inDir, { cacheDir })
    expect(cached.summary).toMatch(/; sources 0 new, 1 changed, 13 unchanged, 0 removed$/)
    expect(outputOf(cached.out)).toEqual(outputOf((await runOn(inDir, { cacheDir: null })).out))
  }, 60_000)

  it('files removed and changed run after run: the dead records are compacted away (the parts stay within twice the live bytes), the bytes stay those of a run without cache', async () => {
    for (let round = 0; round < 5; round++) {
      for (const k of [round * 2, round * 2 + 1]) rmSync(join(inDir, names[k] ?? ''), { force: true })
      write(inDir, { [names[13] ?? '']: text(99, `Nachtrag ${round}: Der Kreml äußerte sich nicht.`) })
      const cached = await runOn(inDir, { cacheDir })
      expect(cached.summary).toMatch(/; sources 0 new, 1 changed, \d+ unchanged, 2 removed$/)
      expect(partBytes()).toBeLessThanOrEqual(2 * liveBytes())
    }
    const last = await runOn(inDir, { cacheDir })
    expect(last.summary).toMatch(/; sources 0 new, 0 changed, 4 unchanged, 0 removed$/)
    expect(outputOf(last.out)).toEqual(outputOf((await runOn(inDir, { cacheDir: null })).out))
  }, 120_000)
})
