/**
 * The quote stage's cheap first looks (cue words, word look-ups) must never skip what the full reading would
 * find: each is checked against the plain definition it stands in for, on German sentences written for these
 * tests and on random strings built from their words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSpeechWord } from '../../../../../pipeline/stages/extract/quote-clauses.ts'
import { someWordIn, wordsIn } from '../../../../../pipeline/stages/extract/quote-doc.ts'
import { KONJUNKTIV_I, KONJUNKTIV_II, KONJUNKTIV_SUBSTITUTE, konjunktivIn } from '../../../../../pipeline/stages/extract/quote-words.ts'
import { extractQuotes } from '../../../../../pipeline/stages/extract/extract-quotes.ts'
import type { Sentence } from '../../../../../pipeline/stages/types.ts'

/** Words and marks the random texts are made of: speech verbs, Konjunktiv forms, look-alikes, cue words. */
const PIECES = [
  'sagte', 'sagte.', 'Sagte', 'sei', 'Ost-sei', 'sei-', 'seien', 'hätte', 'würden', 'wäre', 'könnte', 'Kreml', 'Peking',
  'laut', 'Laut', 'zufolge', 'nach', 'Nach', 'Angaben', 'demnach', 'Demnach', 'eigenen', 'er', 'es', 'warte', 'China',
  'stimme', 'überein', 'teilte', 'mit', 'kündigte', 'an', 'so', 'wie', 'hatte', 'zitiert', '3,5', 'Mrd.', 'Zhang', 'Lü',
  ',', '.', ':', ';', '»', '«', '„', '“', '-', ' ', ' ', ' ', '\n',
]
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''))

/** konjunktivIn's word lists as the plain loop over every standalone word read them. */
function listedMood(t: string): 'I' | 'substitute' | 'hypothetical' | null {
  let best: 'substitute' | 'hypothetical' | null = null
  for (const m of t.matchAll(/(?<![\p{L}-])\p{L}+(?![\p{L}-])/gu)) {
    if (KONJUNKTIV_I.has(m[0])) return 'I'
    if (KONJUNKTIV_SUBSTITUTE.has(m[0])) best = 'substitute'
    else if (KONJUNKTIV_II.has(m[0])) best ??= 'hypothetical'
  }
  return best
}

describe('quote stage cues', () => {
  it('someWordIn finds every word wordsIn reads that passes the test', () => {
    fc.assert(
      fc.property(text, fc.nat(40), fc.nat(40), (t, a, b) => {
        const range = { start: Math.min(a, b, t.length), end: Math.min(Math.max(a, b), t.length) }
        if (wordsIn(t, range).some((w) => isSpeechWord(w.text))) expect(someWordIn(t, range, isSpeechWord)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('konjunktivIn reads its word lists as the word-by-word loop did', () => {
    fc.assert(
      fc.property(text, (t) => {
        const listed = listedMood(t)
        const mood = konjunktivIn(t)
        // the clause patterns after the lists can only add 'I'
        if (listed === 'I') expect(mood).toBe('I')
        else expect(mood === 'I' || mood === listed).toBe(true)
      }),
      { numRuns: 2000 },
    )
    expect(konjunktivIn('Die Ost-sei Gruppe tagte.')).toBeNull()
    expect(konjunktivIn('Das wäre gut, sie hätten es gewusst.')).toBe('substitute')
    expect(konjunktivIn('Er wäre bereit.')).toBe('hypothetical')
  })

  it('finds source phrases behind every cue word of the first look', () => {
    const sentences = (lines: string[]): Sentence[] => lines.map((t, index) => ({ index, paragraph: index, text: t }))
    const quotes = extractQuotes(
      sentences([
        'Eine Meldung aus der Hauptstadt',
        'Laut der Nachrichtenagentur Beispiel sollen die Gespräche im Herbst fortgesetzt werden.',
        'Nach eigenen Angaben will die Firma neue Werke in der Region bauen.',
        'Die Lieferungen sollen demnach im kommenden Jahr beginnen.',
        'Der Zeitung Beispielblatt zufolge sind weitere Treffen geplant.',
      ]),
      [],
      { registry: [], offices: [], date: '2024-05-01' },
    )
    expect(quotes.map((q) => q.sentences[0])).toEqual([1, 2, 3, 4])
  })
})
