import { describe, expect, it } from 'vitest'
import { docWordsIn, layoutDoc, someDocWordIn, wordsIn } from '../../../../../pipeline/stages/extract/quote-doc.ts'
import { konjunktivIn, KONJUNKTIV_I, KONJUNKTIV_II, KONJUNKTIV_SUBSTITUTE, listedMood, NOT_VERBS, type Mood } from '../../../../../pipeline/stages/extract/quote-words.ts'

/** One of `words` standing alone, as a pattern: what `listedMood` looks up word by word. */
const standalone = (words: ReadonlySet<string>): RegExp =>
  new RegExp(`(?<![\\p{L}-])(?:${[...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|')})(?![\\p{L}-])`, 'u')

function byPatterns(text: string): Mood | null {
  if (standalone(KONJUNKTIV_I).test(text)) return 'I'
  return standalone(KONJUNKTIV_SUBSTITUTE).test(text) ? 'substitute' : standalone(KONJUNKTIV_II).test(text) ? 'hypothetical' : null
}

const verbLike = (w: string): boolean => !NOT_VERBS.has(w) && !KONJUNKTIV_II.has(w) && !KONJUNKTIV_SUBSTITUTE.has(w) && !w.endsWith('te')
const ADJECTIVE = /(?:ische|sche|liche|ige|ere|ste|ale|elle|ive|ene|ende|lle|tte|ese|ose|che)$/u

/** konjunktivIn as its rules read without the word look-ups in front of them. */
function konjunktivByPatterns(text: string): Mood | null {
  if (standalone(KONJUNKTIV_I).test(text)) return 'I'
  const best = byPatterns(text)
  for (const m of text.matchAll(/(?:^|[,:;]\s*)(?:\p{Lu}[\p{L}-]*\s+){1,4}(\p{Ll}{3,}e)\s+\p{Ll}/gu)) if (verbLike(m[1] ?? '') && !ADJECTIVE.test(m[1] ?? '')) return 'I'
  for (const m of text.matchAll(/,\s*(\p{Ll}{3,}e)\s+\p{Lu}\p{L}*\s+\p{Ll}/gu)) if (verbLike(m[1] ?? '') && !ADJECTIVE.test(m[1] ?? '')) return 'I'
  for (const m of text.matchAll(/(?:^|[,:;]\s*|(?:sagte|sagt|erklärte|betonte|meinte)\s+)(?:er|sie|es|man|Er|Sie|Es|Man)\s+(\p{Ll}{2,}e)(?![\p{L}-])/gu)) if (verbLike(m[1] ?? '')) return 'I'
  return best
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

  it('konjunktivIn gives what its rules give without the look-ups in front of them', () => {
    const words = ['China', 'Dies', 'Er', 'er', 'sie', 'man', 'sagte', 'stimme', 'spiegle', 'warte', 'eine', 'bekräftigte', 'große', 'wäre', 'hätte', 'sei', 'überein', 'ab', 'Max', 'de', 'ee', 'ähnliche', 'plane', 'Ost-plane', 'plane-x', 'ﬀe', 'tue']
    const glue = [' ', ', ', ',', ': ', '; ', '-', '', '. ', '  ']
    let seed = 5
    const next = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % k
    }
    const texts = ['China stimme überein.', 'Mit der Meinung, stimme China überein', 'er warte ab', 'obwohl es enge Bande gibt', '']
    for (let n = 0; n < 4000; n++) {
      let text = ''
      for (let i = 0; i < 2 + next(6); i++) text += (words[next(words.length)] ?? '') + glue[next(glue.length)]
      texts.push(text)
    }
    for (const text of texts) expect([text, konjunktivIn(text)]).toEqual([text, konjunktivByPatterns(text)])
  })
})

describe('words of an article read once', () => {
  it('docWordsIn gives what wordsIn gives for every range', () => {
    const sentences = [
      { index: 0, paragraph: 0, text: 'Der Sprecher sagte, z.B. sei die U.S.-Politik „falsch“.' },
      { index: 1, paragraph: 0, text: 'Max Muster-Probe (3,5 %) warnte: 𝐀𝐁 C. d’Art …' },
      { index: 2, paragraph: 1, text: 'Neuer Absatz. Ende.' },
      { index: 3, paragraph: 1, text: 'Zahl 1.000.- und a\u0308b-c.-d \ud800x 2’s ‘Zitat’ -- Ende' },
    ]
    const doc = layoutDoc(sentences, [], new Map())
    for (let start = -1; start <= doc.text.length + 1; start++)
      for (let end = start; end <= doc.text.length + 1; end++) {
        const words = wordsIn(doc.text, { start, end })
        expect(docWordsIn(doc, { start, end })).toEqual(words)
        expect(someDocWordIn(doc, { start, end }, (w) => w.length === 2)).toBe(words.some((w) => w.text.length === 2))
      }
  })
})
