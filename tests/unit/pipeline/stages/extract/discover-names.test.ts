import { describe, expect, it } from 'vitest'
import { NAME, ROLE_GROUP, ROLE_WORDS, matchesAt, roleStarts } from '../../../../../pipeline/stages/extract/discover-names.ts'
import { hasWordOf } from '../../../../../pipeline/stages/extract/discover-people.ts'

/** Patterns shaped like the role patterns of discovery: a lookbehind, then ROLE, then more. */
const SHAPES = [
  `(?<![\\p{L}])${ROLE_GROUP},?\\s+${NAME}`,
  `(?<![\\p{L}])${ROLE_GROUP}\\s+(?:des|der|von)\\s+\\p{Lu}[\\p{L}-]*`,
  `(?<![\\p{L}])${ROLE_GROUP}`,
]

/** The matches a global pattern gives, as [offset, text]. */
function globalMatches(source: string, text: string): [number, string][] {
  return [...text.matchAll(new RegExp(source, 'gud'))].map((m) => [m.index ?? 0, m[0]])
}

function stickyMatches(source: string, text: string): [number, string][] {
  return [...matchesAt(new RegExp(source, 'yud'), text, roleStarts(text))].map((m) => [m.index, m[0]])
}

const SENTENCES = [
  'Der Außenminister Max Muster sagte, man sei bereit.',
  'Ex-Präsident Erika Probe und Vize-Kanzlerin Hans Beispiel reisten ab.',
  'Die Ministerpräsidentin des Landes Anna Beispiel traf den Staatssekretär Otto Probe.',
  'Der Sicherheitsberater, Karl Muster, und der Chefdiplomat Ali Beispiel sprachen.',
  'Außenministeriumssprecherin Li Muster und Regierungssprecher-Stellvertreter Wang Probe',
  'Ministerminister Max Muster; präsidentenpräsident Erika Probe',
  'Die 𝐀ußenminister Max Muster und 𝐀-Kanzler Hans Probe (Zeichen außerhalb der Grundebene).',
  'Ohne jedes passende Wort in diesem Satz.',
  '',
]

/** Words of ROLE_WORDS in upper and lower case, glued, hyphenated and spaced at random (seeded). */
function randomTexts(n: number): string[] {
  const words = ROLE_WORDS.replace(/\[(\w)\w\]/gu, '$1').replace(/\(\?:e\|in\)/gu, 'e').replace(/^\(\?:|\)$/gu, '').split('|').filter((w) => /^\p{L}+$/u.test(w))
  const glue = ['', ' ', '-', ', ', '  ', 'in ', 's ', 'en ', ' des ', ' von ', ' Max Muster ', ' Erika Probe, ', '𝐀', '.']
  let seed = 7
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k
  }
  return Array.from({ length: n }, () => {
    let text = ''
    for (let i = 0; i < 8; i++) {
      const w = words[next(words.length)] ?? ''
      text += (next(2) ? w : w.toLowerCase()) + glue[next(glue.length)]
    }
    return text
  })
}

describe('role starts (discovery tries its role patterns only there)', () => {
  it('finds every match a global scan of a role pattern finds, in the same order', () => {
    for (const text of [...SENTENCES, ...randomTexts(400)]) for (const source of SHAPES) expect(stickyMatches(source, text)).toEqual(globalMatches(source, text))
  })

  it('is empty exactly where the text has no role word', () => {
    for (const text of [...SENTENCES, ...randomTexts(100)]) expect(roleStarts(text).length > 0).toBe(new RegExp(ROLE_WORDS, 'u').test(text))
  })

  it('hasWordOf reads the words between whitespace', () => {
    const words = new Map([['Chinas', 'china']])
    expect(hasWordOf('Chinas Xi Jinping', words)).toBe(true)
    expect(hasWordOf('laut\u00a0Chinas\tXi', words)).toBe(true)
    expect(hasWordOf('Chinas-Xi und Volkschinas', words)).toBe(false)
  })
})
