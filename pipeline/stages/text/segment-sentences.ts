import type { Sentence } from '../types.ts'

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

// ---------------------------------------------------------------- sentence boundaries (UAX #29)

/**
 * The Sentence_Break classes of Unicode's sentence boundary rules (UAX #29) that occur in article
 * text. Intl.Segmenter applies those rules, but creating its segment objects costs more than all the
 * rest of this stage, so the rules are applied here, to text made only of characters whose class is
 * certain; any other character (control and format characters, combining marks, other scripts'
 * terminators and digits, characters outside the BMP) leaves the whole block to Intl.Segmenter.
 */
const enum SB {
  Unknown = 0,
  Other,
  Sp,
  Lower,
  Upper,
  OLetter,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
  /** A character this code does not classify: the block goes to Intl.Segmenter. */
  Foreign,
}

const FIXED_CLASSES: readonly [string, SB][] = [
  [' \t\u00A0', SB.Sp],
  ['0123456789', SB.Numeric],
  ['.', SB.ATerm],
  ['!?', SB.STerm],
  // quotation marks and brackets (General_Category Ps, Pe, Pi, Pf, or Line_Break Quotation)
  ['"\'()[]{}«»‹›‘’‚‛“”„‟', SB.Close],
  [',-:;–—', SB.SContinue],
  // symbols and punctuation that take part in no rule
  ['#$%&*+/<=>@\\^_`|~§°©®×÷±²³¹¼½¾¢£¥¤¦¨¬¯´¶·¸¡¿…€₽•‰†‡′″', SB.Other],
]
const classes = new Uint8Array(0x10000)
for (const [chars, sb] of FIXED_CLASSES) for (const ch of chars) classes[ch.charCodeAt(0)] = sb

const LETTER = /^\p{L}$/u
const EXTEND = /^[\p{Grapheme_Extend}\p{Mc}]$/u
const LOWER = /^\p{Lowercase}$/u
const UPPER = /^[\p{Uppercase}\p{Lt}]$/u
const ALPHABETIC = /^\p{Alphabetic}$/u

function classify(code: number): SB {
  if (code >= 0xd800 && code <= 0xdfff) return SB.Foreign
  const ch = String.fromCharCode(code)
  if (!LETTER.test(ch) || EXTEND.test(ch)) return SB.Foreign
  if (LOWER.test(ch)) return SB.Lower
  if (UPPER.test(ch)) return SB.Upper
  return ALPHABETIC.test(ch) ? SB.OLetter : SB.Foreign
}

function classAt(text: string, i: number): SB {
  const code = text.charCodeAt(i)
  let sb = classes[code] ?? SB.Unknown
  if (sb === SB.Unknown) {
    sb = classify(code)
    classes[code] = sb
  }
  return sb
}

/**
 * Where Intl.Segmenter('de', sentence) ends the segments of `text` (ascending, the last is text.length),
 * or undefined when the text has a character this code does not classify. Breaks come only after a
 * terminator, its closing quotes and brackets, and its spaces (SB9–SB11), unless
 * SB6  ATerm × Numeric, SB7  (Upper | Lower) ATerm × Upper,
 * SB8  ATerm Close* Sp* × (¬(OLetter | Upper | Lower | SATerm))* Lower, or
 * SB8a SATerm Close* Sp* × (SContinue | SATerm) holds (no paragraph separators occur in a paragraph).
 */
export function sentenceEnds(text: string): number[] | undefined {
  const n = text.length
  const ends: number[] = []
  // every character is visited here (the skipped closers and spaces are classified), so a foreign one is seen
  let i = 0
  while (i < n) {
    const c = classAt(text, i)
    if (c === SB.Foreign) return undefined
    if (c !== SB.ATerm && c !== SB.STerm) {
      i++
      continue
    }
    const t = i
    let j = t + 1
    while (j < n && classAt(text, j) === SB.Close) j++
    while (j < n && classAt(text, j) === SB.Sp) j++
    if (j >= n) break
    if (!keepsTogether(text, t, j, c)) ends.push(j)
    i = j
  }
  if (n > 0) ends.push(n)
  return ends
}

/** Whether the rules forbid a break at `j`, after the terminator at `t` (class `c`) and its closers and spaces. */
function keepsTogether(text: string, t: number, j: number, c: SB): boolean {
  const next = classAt(text, j)
  if (next === SB.SContinue || next === SB.ATerm || next === SB.STerm) return true // SB8a
  if (c !== SB.ATerm) return false
  if (j === t + 1) {
    if (next === SB.Numeric) return true // SB6
    if (next === SB.Upper && t > 0) {
      const before = classAt(text, t - 1)
      if (before === SB.Upper || before === SB.Lower) return true // SB7
    }
  }
  // SB8: a lower-case letter after any run of non-letters
  for (let k = j; k < text.length; k++) {
    const sb = classAt(text, k)
    if (sb === SB.Lower) return true
    if (sb === SB.OLetter || sb === SB.Upper || sb === SB.ATerm || sb === SB.STerm) return false
  }
  return false
}

/** The sentence segments of one block, as Intl.Segmenter gives them. */
export function segmentsOf(block: string): string[] {
  const ends = sentenceEnds(block)
  if (!ends) return Array.from(segmenter.segment(block), (s) => s.segment)
  const out: string[] = []
  let start = 0
  for (const end of ends) {
    out.push(block.slice(start, end))
    start = end
  }
  return out
}

const LAST_WORD = /(?:^|[\s(„"«»“])([\p{L}][\p{L}.]*)\.\s*$/u
/** What may stand before the last word. */
const WORD_BOUNDARY = /^[\s(„"«»“]$/

/** The word before the final period of `segment` (which ends in "." without trailing space), in lower case; '' when there is none. */
export function lastWord(segment: string): string {
  // the run of letters and periods at the end, found backwards; LAST_WORD's only possible start is where it begins
  let start = segment.length - 1
  while (start > 0) {
    const sb = classAt(segment, start - 1)
    if (sb === SB.Foreign) return LAST_WORD.exec(segment)?.[1]?.toLowerCase() ?? ''
    if (sb !== SB.Lower && sb !== SB.Upper && sb !== SB.OLetter && sb !== SB.ATerm) break
    start--
  }
  const first = classAt(segment, start)
  if (first === SB.Foreign) return LAST_WORD.exec(segment)?.[1]?.toLowerCase() ?? ''
  if (start >= segment.length - 1 || (first !== SB.Lower && first !== SB.Upper && first !== SB.OLetter)) return ''
  if (start > 0 && !WORD_BOUNDARY.test(segment.charAt(start - 1))) return ''
  return segment.slice(start, segment.length - 1).toLowerCase()
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
  // (also day ranges: "30./31. Oktober", "1.-3. Juni")
  if (/(?:^|[\s(/–-])\d{1,4}\.$/.test(p)) {
    if (MONTH_START.test(n)) return true
    if (/^[/–-]\s?\d/.test(n)) return true
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
  for (const block of paragraphBlocks(paragraph)) {
    for (const segment of segmentsOf(block)) {
      const last = out.length - 1
      if (last >= 0 && shouldJoin(out[last] ?? '', segment)) out[last] = (out[last] ?? '') + segment
      else out.push(segment)
    }
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
