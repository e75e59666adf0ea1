import type { Sentence } from './types.ts'

/**
 * German sentence splitting: Intl.Segmenter('de') plus repairs where it cuts too early —
 * after abbreviations ("Mrd.", "Dr.", "u.a.", "z.B."), ordinal numbers ("26. April",
 * "im 21. Jahrhundert", "82. Division") and before a continuation in lower case.
 */

/** Abbreviations that end with a period but do not end a sentence (compared in lower case, without the final period). */
const ABBREVIATIONS = new Set([
  'mrd', 'mio', 'mill', 'tsd', 'bio', 'dr', 'prof', 'st', 'nr', 'ca', 'bzw', 'vgl', 'ggf', 'evtl', 'inkl', 'zzgl',
  'abs', 'art', 'bd', 'jh', 'jhd', 'hl', 'hr', 'fr', 'sen', 'jun', 'gen', 'gez', 'verh', 'geb', 'gest', 'chr',
  'u.a', 'z.b', 'd.h', 'u.ä', 'o.ä', 'z.t', 'u.u', 'v.a', 'i.d.r', 's.o', 's.u', 'm.e', 'z.zt', 'a.d', 'u.s', 'u.s.a',
  'etc', 'usw', 'ff', 'sog', 'insb', 'allg', 'bspw', 'zit', 'min', 'max', 'std', 'tel', 'str', 'mr', 'mrs', 'ms',
  'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'mo', 'di', 'mi', 'do', 'fr',
  'sa', 'so', 'kap', 'ebd', 'hrsg', 'dt', 'engl', 'franz', 'russ', 'chin', 'lt', 'gem', 'mind', 'rd', 'zus',
])
/** Abbreviations that may also end a sentence; only glued when the next segment starts in lower case or with a digit. */
const WEAK_ABBREVIATIONS = new Set(['etc', 'usw', 'ff', 'so', 'do', 'mi', 'di', 'sa', 'mo', 'min', 'max', 'jun', 'art', 'gen'])

const MONTH_START = /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahrhundert|Jahrhunderts|Jahrestag|Jahrestages|Mal|Platz|Stelle|Division|Armee|Parteitag|Parteitags|Gipfel|Geburtstag)\b/

const segmenter = new Intl.Segmenter('de', { granularity: 'sentence' })

function lastWord(segment: string): string {
  const m = /(?:^|[\s(„"«»“])([\p{L}][\p{L}.]*)\.\s*$/u.exec(segment)
  return m?.[1]?.toLowerCase() ?? ''
}

function shouldJoin(prev: string, next: string): boolean {
  // only the end of the sentence so far matters; looking at all of it would make run-on text quadratic
  const p = prev.slice(-200).trimEnd()
  const n = next.trimStart()
  if (n.length === 0) return true
  if (!p.endsWith('.')) {
    // a bare closing quote or bracket that the segmenter split off
    return /^[)"“”»«']+\s*$/.test(n)
  }
  const word = lastWord(p)
  if (word) {
    if (WEAK_ABBREVIATIONS.has(word)) return /^[\p{Ll}\d]/u.test(n)
    if (ABBREVIATIONS.has(word)) return true
    // single capital letter initials: "George W. Bush"
    if (/^\p{L}$/u.test(word)) return true
  }
  // ordinal numbers: "26. April", "im 21. Jahrhundert", "der 82. Division"
  if (/(?:^|[\s(])\d{1,4}\.$/.test(p)) {
    if (MONTH_START.test(n)) return true
    if (/^[\p{Ll}]/u.test(n)) return true
    // "am 4. 2. 2022", dates written with spaces
    if (/^\d/.test(n)) return true
  }
  // a sentence never continues in lower case after a real full stop, so a lower-case start means a false cut
  if (/^\p{Ll}/u.test(n) && !/^(?:z\.|u\.|d\.)/.test(n)) return true
  return false
}

/** Block size fed to the segmenter: V8's Intl.Segmenter slows down quadratically on long strings. */
const BLOCK_LENGTH = 2000
/** A cut between blocks: after a sentence mark and its closing quotes, where the segmenter breaks anyway. */
const BLOCK_CUT = /[.!?]["“”»«')]*\s+/g
/** Where no sentence mark comes for this long, any space will do (run-on text without punctuation). */
const HARD_CUT = /\s+/g

/** A paragraph in blocks of about BLOCK_LENGTH characters, cut after a sentence mark (or a space). */
export function* paragraphBlocks(paragraph: string): Generator<string> {
  let start = 0
  while (paragraph.length - start > BLOCK_LENGTH) {
    const cut = cutAfter(paragraph, start + BLOCK_LENGTH, BLOCK_CUT, BLOCK_LENGTH * 4) ?? cutAfter(paragraph, start + BLOCK_LENGTH, HARD_CUT, Infinity)
    if (cut === undefined || cut >= paragraph.length) break
    yield paragraph.slice(start, cut)
    start = cut
  }
  yield paragraph.slice(start)
}

function cutAfter(text: string, from: number, pattern: RegExp, within: number): number | undefined {
  pattern.lastIndex = from
  const m = pattern.exec(text)
  if (!m || m.index - from > within) return undefined
  return m.index + m[0].length
}

/** Splits one paragraph into sentences (trimmed, non-empty). */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = []
  const segments = (function* () {
    for (const block of paragraphBlocks(paragraph)) for (const { segment } of segmenter.segment(block)) yield segment
  })()
  for (const segment of segments) {
    const last = out.length - 1
    if (last >= 0 && shouldJoin(out[last] ?? '', segment)) out[last] = (out[last] ?? '') + segment
    else out.push(segment)
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0)
}

/** Title and body paragraphs → sentences, index 0 = the title. */
export function segmentSentences(title: string, paragraphs: readonly string[]): Sentence[] {
  const sentences: Sentence[] = [{ index: 0, text: title.trim(), paragraph: 0 }]
  paragraphs.forEach((paragraph, p) => {
    for (const text of splitSentences(paragraph)) sentences.push({ index: sentences.length, text, paragraph: p + 1 })
  })
  return sentences
}

/** Indexes of the sentences that open a paragraph (ascending). */
export function paragraphStartIndexes(sentences: readonly Sentence[]): number[] {
  return sentences.filter((s, i) => i === 0 || sentences[i - 1]?.paragraph !== s.paragraph).map((s) => s.index)
}
