import { describe, expect, it } from 'vitest'
import { KONJUNKTIV_I, KONJUNKTIV_II, KONJUNKTIV_SUBSTITUTE, listedMood, type Mood } from '../../../../../pipeline/stages/extract/quote-words.ts'

/** One of `words` standing alone, as a pattern: what `listedMood` looks up word by word. */
const standalone = (words: ReadonlySet<string>): RegExp =>
  new RegExp(`(?<![\\p{L}-])(?:${[...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|')})(?![\\p{L}-])`, 'u')

function byPatterns(text: string): Mood | null {
  if (standalone(KONJUNKTIV_I).test(text)) return 'I'
  return standalone(KONJUNKTIV_SUBSTITUTE).test(text) ? 'substitute' : standalone(KONJUNKTIV_II).test(text) ? 'hypothetical' : null
}

describe('listed Konjunktiv words', () => {
  it('are words of letters only (what a run of letters and hyphens can equal)', () => {
    for (const w of [...KONJUNKTIV_I, ...KONJUNKTIV_II, ...KONJUNKTIV_SUBSTITUTE]) expect(w).toMatch(/^\p{L}+$/u)
  })

  it('are found word by word exactly where the patterns of the lists find them', () => {
    const words = [...KONJUNKTIV_I, ...KONJUNKTIV_II, ...KONJUNKTIV_SUBSTITUTE, 'Haus', 'gehen', 'Ost']
    const glue = [' ', '-', '', ', ', '𝐀', 'x', '\u0308', '. ', '\ud800', ' 3 ']
    let seed = 11
    const next = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % k
    }
    const texts = ['Er sei bereit.', 'Die Ost-sei-Frage', 'Sie hätten es gewusst, wäre es so.', 'Es wäre gut.', '']
    for (let n = 0; n < 2000; n++) {
      let text = ''
      for (let i = 0; i < 1 + next(5); i++) text += (words[next(words.length)] ?? '') + glue[next(glue.length)]
      texts.push(text)
    }
    for (const text of texts) expect([text, listedMood(text)]).toEqual([text, byPatterns(text)])
  })
})
