import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devCorpus, fileHash, parseQuoteGold, readQuoteGold, scorerQuotes } from '../../../scripts/quote-gold.ts'

const root = resolve(import.meta.dirname, '../../..')
const gold = readQuoteGold(root)
const registry = JSON.parse(readFileSync(join(root, 'data/actors.json'), 'utf8')) as { id: string; name: string }[]
const names = new Map(registry.map((a) => [a.id, a.name]))
const corpus = devCorpus(root)

describe('quote gold of the dev articles (offsets and speaker ids, no article text)', () => {
  it('lists d001–d040 with at least 60 quotes, speakers from the registry', () => {
    expect(gold.map((g) => g.article)).toEqual(Array.from({ length: 40 }, (_, i) => `d${String(i + 1).padStart(3, '0')}`))
    expect(gold.reduce((n, g) => n + g.quotes.length, 0)).toBeGreaterThanOrEqual(60)
    for (const q of gold.flatMap((g) => g.quotes)) if (typeof q.speaker === 'string') expect(names.has(q.speaker)).toBe(true)
  })

  it('refuses malformed entries', () => {
    expect(() => parseQuoteGold({ articles: [{ article: 'd001', sha256: 'x', quotes: [{ kind: 'direct', text: [[5, 2]], speaker: null }] }] })).toThrow(/malformed/)
    expect(() => parseQuoteGold({})).toThrow(/articles/)
  })

  it.skipIf(corpus === null)('points into the article files it was made on (needs ../shared/corpus-dev beside the project)', () => {
    for (const g of gold) {
      const text = readFileSync(join(corpus ?? '', `${g.article}.txt`), 'utf8')
      expect(fileHash(text)).toBe(g.sha256)
      for (const q of scorerQuotes(g, text, names)) expect(q.text.trim().length).toBeGreaterThan(3)
    }
  })

  it('says why it is skipped when ../shared is absent', () => {
    if (corpus === null) console.warn(`quote gold: ../shared/corpus-dev not found beside ${root}; the offsets are not checked against the articles`)
    expect(existsSync(join(root, 'tests/unit/pipeline/stages/extract/quote-gold.json'))).toBe(true)
  })
})
