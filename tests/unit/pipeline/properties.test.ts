import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DatasetSchema, TextShardSchema } from '../../../src/model/dataset.ts'
import { cleanText, looksGerman } from '../../../pipeline/stages/text/clean-text.ts'
import { decodeText } from '../../../pipeline/stages/text/decode-text.ts'
import { buildMatcher, parseRegistry } from '../../../pipeline/stages/extract/actor-registry.ts'
import { discoverPeople } from '../../../pipeline/stages/extract/discover-people.ts'
import { extractActors } from '../../../pipeline/stages/extract/extract-actors.ts'
import { extractDate } from '../../../pipeline/stages/time/extract-date.ts'
import { buildFolder } from './build-folder.ts'
import { OCCASIONS } from './gazetteers.ts'
import { extractTitle } from '../../../pipeline/stages/text/extract-title.ts'
import { segmentSentences } from '../../../pipeline/stages/text/segment-sentences.ts'

const parsed = parseRegistry(JSON.parse(readFileSync(new URL('../../../data/actors.json', import.meta.url), 'utf8')))
if (!parsed.ok) throw new Error(parsed.error)
const registry = parsed.value
const matcher = buildMatcher(registry)

/** Text mixing arbitrary Unicode with the words and marks the stages look for. */
const WORDS = [
  'Putin', 'Putins', 'Wladimir Putin', 'Xi', 'Wang', 'Wang Yi', 'Moskau', 'Moskaus', 'Peking', 'Kreml', 'in', 'nach',
  'aus', 'und', 'zwischen', 'US-', 'Dollar', 'China', 'Chinas', 'Volksrepublik', '-', '.', ',', ':', '(', ')', '„', '“',
  'Mrd.', '26.', 'April', '2024', 'Stand:', '22.02.2023', 'date 2023-02', 'Foto:', 'dpa', '\n', '\n\n', 'sagte',
  'Außenminister', 'Max', 'Muster', 'Kommentare', 'Titelbild', ' ',
]
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 80 }).map((w) => w.join(' ')),
)

function pipeline(text: string) {
  const { lines } = cleanText(text)
  const { title, body } = extractTitle(lines)
  const sentences = segmentSentences(title, body)
  const matches = extractActors(sentences, matcher)
  return { lines, sentences, matches }
}

describe('pipeline stages on arbitrary input', () => {
  it('never throw on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = decodeText(bytes)
        if (result.ok) pipeline(result.text)
      }),
      { numRuns: 300 },
    )
  })

  it('never throw on arbitrary Unicode, and every span points inside its sentence at the matched text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        looksGerman(text)
        extractDate(text, OCCASIONS)
        const { sentences, matches } = pipeline(text)
        discoverPeople(sentences, matcher)
        sentences.forEach((s, i) => expect(s.index).toBe(i))
        for (const m of matches) {
          const sentence = sentences[m.sentence]
          expect(sentence).toBeDefined()
          expect(m.start).toBeGreaterThanOrEqual(0)
          expect(m.end).toBeGreaterThan(m.start)
          expect(m.end).toBeLessThanOrEqual(sentence?.text.length ?? 0)
          expect(sentence?.text.slice(m.start, m.end)).toBe(m.surface)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('return valid ISO dates', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const found = extractDate(text, OCCASIONS)
        if (found) expect(found.date).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/)
      }),
      { numRuns: 300 },
    )
  })

  it('build a dataset and text shards that always pass the schema, from a folder of arbitrary texts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textArb, { minLength: 1, maxLength: 5 }), async (texts) => {
        const dir = mkdtempSync(join(tmpdir(), 'press-props-'))
        try {
          texts.forEach((text, i) => writeFileSync(join(dir, `a${i}.txt`), text))
          const { dataset, shards } = await buildFolder(dir, registry, { workers: 1 })
          expect(DatasetSchema.safeParse(dataset).success).toBe(true)
          for (const shard of shards.values()) expect(TextShardSchema.safeParse(shard).success).toBe(true)
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }),
      { numRuns: 100 },
    )
  }, 60_000)
})
