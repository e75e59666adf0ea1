import { describe, expect, it } from 'vitest'
import { foldTerm, termPositions, tokenize } from '../../../../src/lib/search/tokens.ts'

describe('foldTerm', () => {
  it('folds ASCII, umlauts, ß and accents, the same on every call', () => {
    for (let round = 0; round < 2; round++) {
      expect(foldTerm('Gas')).toBe('gas')
      expect(foldTerm('G20')).toBe('g20')
      expect(foldTerm('ZÖLLE')).toBe('zoelle')
      expect(foldTerm('Straße')).toBe('strasse')
      expect(foldTerm('Erdoğan')).toBe('erdogan')
      // the Kelvin sign is not ASCII but lower-cases to "k"
      expect(foldTerm('\u212Aiew')).toBe('kiew')
    }
  })
})

describe('termPositions', () => {
  it('gives each indexed term the positions tokenize counts, with a gap between sentences', () => {
    const sentences = ['Der Gas-Streit in Peking.', 'Gas und Öl für Peking']
    const positions = termPositions(sentences)
    expect(positions.get('gas')).toEqual([1, 6])
    expect(positions.get('peking')).toEqual([4, 10])
    expect(positions.get('oel')).toEqual([8])
    expect(positions.has('der')).toBe(false)
    expect(tokenize(sentences[0] ?? '').map((t) => t.term)).toEqual(['der', 'gas', 'streit', 'in', 'peking'])
  })
})
