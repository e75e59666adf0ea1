import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetSchema, parser, parseTextShard } from '../../src/model/dataset.ts'
import { DEFAULT_OPTIONS, generateArticle } from '../../scripts/synth/corpus.ts'
import type { SynthArticle } from '../../scripts/synth/corpus.ts'

const parseDataset = parser(DatasetSchema)

const SAMPLE = Array.from({ length: 300 }, (_, i) => generateArticle(i))

/** An independent reading of the amounts the generator writes ("1,5 Mrd. US-Dollar", "zehn Milliarden Euro"). */
function readAmount(surface: string): { value: number; currency: string } {
  const words: Record<string, number> = { zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12 }
  const units: Record<string, number> = { Milliarden: 1e9, 'Mrd.': 1e9, Millionen: 1e6, 'Mio.': 1e6, Billionen: 1e12 }
  const currencies: Record<string, string> = { Dollar: 'USD', 'US-Dollar': 'USD', Euro: 'EUR', Yuan: 'CNY', Rubel: 'RUB' }
  const [number = '', unit = '', currency = ''] = surface.split(' ')
  const n = words[number] ?? Number(number.replace(',', '.'))
  return { value: Math.round(n * (units[unit] ?? NaN)), currency: currencies[currency] ?? '?' }
}

function findArticle(predicate: (a: SynthArticle) => boolean): SynthArticle {
  const found = SAMPLE.find(predicate)
  if (!found) throw new Error('no sample article has the property')
  return found
}

describe('synthetic articles', () => {
  it('are the same for the same seed and index, whatever was generated before', () => {
    const again = generateArticle(137)
    expect(again.text).toBe(SAMPLE[137]?.text)
    expect(again.gold).toEqual(SAMPLE[137]?.gold)
    expect(generateArticle(137, { ...DEFAULT_OPTIONS, seed: 2 }).text).not.toBe(again.text)
  })

  it('have unique, sortable file names', () => {
    const names = SAMPLE.map((a) => a.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual(names)
    expect(names[5]).toMatch(/^0000005_[0-9a-f]{16}$/)
  })

  it('plant every mention where the text says it', () => {
    for (const a of SAMPLE) {
      for (const span of a.content.spans) {
        expect(a.content.sentences[span.sentence]?.slice(span.start, span.end)).toBe(span.surface)
      }
      for (const sentence of a.content.sentences.slice(1)) expect(a.text).toContain(sentence)
      const goldTotal = a.gold.actors.reduce((sum, actor) => sum + actor.mentions, 0)
      expect(goldTotal).toBe(a.content.spans.length)
    }
  })

  it('write figure values that match the amount as written', () => {
    let checked = 0
    for (const a of SAMPLE) {
      for (const f of a.content.figures) {
        expect(a.content.sentences[f.sentence]).toContain(f.surface)
        expect(readAmount(f.surface)).toEqual({ value: f.value, currency: f.currency })
        checked++
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('date a season trip at the season start and mark it approximate', () => {
    const a = findArticle((x) => x.gold.visits.some((v) => v.approx))
    const visit = a.gold.visits.find((v) => v.approx)
    const season = /^Im (Frühjahr|Sommer|Herbst) (\d{4})/.exec(visit?.sentence ?? '')
    expect(season).not.toBeNull()
    const month = { Frühjahr: '03', Sommer: '06', Herbst: '09' }[season?.[1] as 'Frühjahr']
    expect(visit?.date).toBe(`${season?.[2]}-${month}`)
    expect(visit?.status).toBe('planned')
  })

  it('record a phone call with the caller first and no place', () => {
    const a = findArticle((x) => x.gold.visits.some((v) => v.kind === 'call'))
    const call = a.gold.visits.find((v) => v.kind === 'call')
    expect(call?.place).toBeNull()
    expect(call?.country).toBeNull()
    expect(call?.sentence).toMatch(/telefonierte|Videotelefonat/)
    // a person is named by the full name or the surname (first word of Chinese names, last of others)
    const at = (name: string | undefined): number => {
      const words = (name ?? '?').split(' ')
      const found = [words[0] ?? '?', words[words.length - 1] ?? '?'].map((w) => call?.sentence.indexOf(w) ?? -1).filter((i) => i >= 0)
      return found.length ? Math.min(...found) : -1
    }
    const callerAt = at(call?.visitor[0])
    const otherAt = at(call?.host[0])
    expect(callerAt).toBeGreaterThanOrEqual(0)
    expect(otherAt).toBeGreaterThan(callerAt)
  })

  it('give an invitation no date and an arrival the month of the page', () => {
    const invited = findArticle((x) => x.gold.visits.some((v) => v.status === 'invited'))
    expect(invited.gold.visits.find((v) => v.status === 'invited')?.date).toBeNull()
    const arrived = findArticle((x) => x.gold.visits.some((v) => / eingetroffen\.$/.test(v.sentence)) && x.published !== null)
    const visit = arrived.gold.visits.find((v) => / eingetroffen\.$/.test(v.sentence))
    expect(visit?.status).toBe('happened')
    expect(visit?.date).toBe(arrived.content.published.slice(0, 7))
  })

  it('print the date the way the outlet does, and gold keeps its precision', () => {
    const store = findArticle((x) => x.outlet.dateStyle === 'store-month' && x.published !== null)
    expect(store.text.startsWith(` date ${store.content.published.slice(0, 7)} `)).toBe(true)
    expect(store.gold.published).toBe(store.content.published.slice(0, 7))
    const stand = findArticle((x) => x.outlet.dateStyle === 'stand' && x.published !== null)
    const [y, m, d] = stand.content.published.split('-')
    expect(stand.text).toMatch(new RegExp(`\\nStand: ${d}\\.${m}\\.${y} \\d\\d:\\d\\d Uhr\\n`))
    expect(stand.gold.published).toBe(stand.content.published)
  })

  it('never count boilerplate: teaser, newsletter and credit lines carry no planted mention', () => {
    const a = findArticle((x) => /\n(Mehr zum Thema|Lesen Sie auch)/.test(x.text))
    const teaser = a.text.split('\n').find((line) => /^(Mehr zum Thema|Lesen Sie auch)/.test(line)) ?? ''
    expect(a.content.sentences).not.toContain(teaser)
    const credited = findArticle((x) => /\n(Foto|Bild): /.test(x.text))
    expect(credited.content.caption).not.toBeNull()
  })

  it('make wire copies: the same body under another outlet', () => {
    const options = { ...DEFAULT_OPTIONS, wireShare: 0.5 }
    const copies = Array.from({ length: 60 }, (_, i) => generateArticle(i, options)).filter((a) => a.duplicateOf)
    expect(copies.length).toBeGreaterThan(10)
    const copy = copies[0] as SynthArticle
    const sourceIndex = Number(copy.duplicateOf?.slice(0, 7))
    const source = generateArticle(sourceIndex, options)
    expect(copy.content.sentences).toEqual(source.content.sentences)
    expect(copy.gold.actors).toEqual(source.gold.actors)
    expect(copy.outlet.domain).not.toBe(source.outlet.domain)
    expect(sourceIndex).toBeLessThan(copy.index)
  })

  it('spread publication over 2014–2025', () => {
    const years = new Set(SAMPLE.map((a) => Number(a.content.published.slice(0, 4))))
    expect(Math.min(...years)).toBe(2014)
    expect(Math.max(...years)).toBe(2025)
    expect(years.size).toBe(12)
  })
})

/** The scorer of ../shared (beside the checkout in CI; a bare clone has none, and the scoring test says so). */
const SCORER = fileURLToPath(new URL('../../../shared/tools/score.mjs', import.meta.url))
const HAS_SCORER = existsSync(SCORER)

describe('npm run synth', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synth-test-'))
  const out = join(dir, 'corpus')
  const datasetFile = join(dir, 'data', 'dataset.json')
  beforeAll(() => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', '--n', '40', '--out', out, '--dataset', datasetFile, '--quiet'], {
      stdio: 'pipe',
    })
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes text, meta and gold per article, and a valid dataset with its text shards', () => {
    const files = readdirSync(out)
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(40)
    expect(files.filter((f) => f.endsWith('.meta.json'))).toHaveLength(40)
    expect(readdirSync(join(out, 'gold'))).toHaveLength(40)
    expect(JSON.parse(readFileSync(join(out, 'synth.json'), 'utf8'))).toMatchObject({ n: 40, seed: 1, articles: 40 })

    const parsed = parseDataset(JSON.parse(readFileSync(datasetFile, 'utf8')))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.articles).toHaveLength(40)
    const shard = parsed.value.articles[0]?.textShard ?? ''
    expect(existsSync(join(dir, 'data', shard))).toBe(true)
    expect(parseTextShard(JSON.parse(readFileSync(join(dir, 'data', shard), 'utf8'))).ok).toBe(true)
  })

  it.skipIf(!HAS_SCORER)(
    `writes a dataset the scorer rates perfect${HAS_SCORER ? '' : ' (skipped: no ../shared/tools/score.mjs beside this checkout)'}`,
    () => {
      const score = execFileSync(process.execPath, [SCORER, '--dataset', datasetFile, '--gold', join(out, 'gold')], { encoding: 'utf8' })
      expect(score).toMatch(/score: actorsF1=1 countErr=0 visitsF1=1 visitDate=1 figuresF1=1 figureKind=1 published=1/)
    },
    60_000,
  )
})
