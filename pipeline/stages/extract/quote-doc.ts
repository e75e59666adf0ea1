/**
 * An article laid out for the quote stage: its sentences joined into one text (a space between sentences,
 * a line break between paragraphs), the actor matches and the quotation marks in that text's offsets, and
 * small readers of words and clauses. Quotes run across sentences ("»… nicht. Und wir …«, sagte Putin"),
 * so the stage reads paragraphs, not sentences.
 */
import type { ActorKind } from '../../../src/model/dataset.ts'
import { findQuoteSpans, type QuoteSpan } from './quote-marks.ts'
import type { ActorEntry, ActorMatch, Sentence } from '../types.ts'

/** ", sagte …", ", so …", ", erklärte …": what may follow a quote whose opening mark was lost. */
const ATTRIBUTION_AFTER = /^\s*,\s*(?:so\s|sagte|sagt|erklärte|erklärt|betonte|betont|warnte|antwortete|fügte|meinte|schrieb|teilte|hieß|heißt|versicherte|unterstrich|ergänzte|kündigte)(?!\p{L})/u

export interface DocSentence {
  index: number
  paragraph: number
  start: number
  end: number
}

export interface DocMatch {
  actorId: string
  kind: ActorKind
  start: number
  end: number
  surface: string
  viaSeat: boolean
}

export interface QuoteDoc {
  text: string
  sentences: DocSentence[]
  /** Sentence positions (into `sentences`) of each paragraph: first and last. */
  paragraphs: { first: number; last: number; start: number; end: number }[]
  matches: DocMatch[]
  /** Top-level quotations; an orphan closing mark's quote starts no earlier than its sentence. */
  spans: QuoteSpan[]
  /** The words of `text`, once read (docWordsIn): kept on the doc, so they go with it. */
  words?: DocWords
}

export interface Range {
  start: number
  end: number
}

/** Lays out the sentences of an article; `kindOf` tells a match's actor kind (unknown actors are dropped). */
export function layoutDoc(sentences: readonly Sentence[], matches: readonly ActorMatch[], byId: ReadonlyMap<string, ActorEntry>): QuoteDoc {
  let text = ''
  const out: DocSentence[] = []
  const paragraphs: QuoteDoc['paragraphs'] = []
  const startOf = new Map<number, number>()
  sentences.forEach((s, i) => {
    const previous = sentences[i - 1]
    if (i > 0) text += previous && previous.paragraph === s.paragraph ? ' ' : '\n'
    const start = text.length
    text += s.text
    startOf.set(s.index, start)
    out.push({ index: s.index, paragraph: s.paragraph, start, end: text.length })
    const last = paragraphs[paragraphs.length - 1]
    if (last && previous && previous.paragraph === s.paragraph) {
      last.last = i
      last.end = text.length
    } else paragraphs.push({ first: i, last: i, start, end: text.length })
  })
  const docMatches: DocMatch[] = []
  for (const m of matches) {
    const base = startOf.get(m.sentence)
    const entry = byId.get(m.actorId)
    if (base === undefined || !entry) continue
    docMatches.push({ actorId: m.actorId, kind: entry.kind, start: base + m.start, end: base + m.end, surface: m.surface, viaSeat: m.viaSeat })
  }
  docMatches.sort((a, b) => a.start - b.start)
  const spans: QuoteSpan[] = []
  for (const p of paragraphs) {
    for (const s of findQuoteSpans(text.slice(p.start, p.end))) {
      const moved = { ...s, open: s.open + p.start, close: s.close + p.start, start: s.start + p.start, end: s.end + p.start }
      if (moved.orphan === 'close') {
        // a closing mark alone makes a quote only with an attribution after it ("…verringern\", erklärte die Zentralbank")
        if (!ATTRIBUTION_AFTER.test(text.slice(moved.close, moved.close + 40))) continue
        const home = out.find((x) => x.start <= moved.end && moved.end <= x.end)
        if (home && moved.start < home.start) {
          moved.start = home.start
          moved.open = home.start
        }
      }
      spans.push(moved)
    }
  }
  return { text, sentences: out, paragraphs, matches: docMatches, spans }
}

/** The position (into doc.sentences) of the sentence holding an offset. */
export function sentenceAt(doc: QuoteDoc, at: number): number {
  let lo = 0
  let hi = doc.sentences.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((doc.sentences[mid]?.start ?? 0) <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The top-level quotation holding an offset, if any. */
export function spanAt(doc: QuoteDoc, at: number): QuoteSpan | undefined {
  return doc.spans.find((s) => s.open <= at && at < s.close)
}

/** Whether an offset lies between quotation marks (quoted words are no attribution). */
export function inQuote(doc: QuoteDoc, at: number): boolean {
  return spanAt(doc, at) !== undefined
}

export interface Word {
  text: string
  start: number
  end: number
}

/** The words of a range (letters, digits, inner hyphens and apostrophes), with their offsets. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu

/**
 * Whether any word of a range passes `test`: the words `wordsIn` gives, and perhaps one more cut off at the
 * range's end, without their offsets (a cheap first look before the words are read with their places).
 */
export function someWordIn(text: string, range: Range, test: (word: string) => boolean): boolean {
  for (const w of text.slice(range.start, range.end).match(WORD) ?? []) if (test(w.endsWith('.') ? w.slice(0, -1) : w)) return true
  return false
}

export function wordsIn(text: string, range: Range): Word[] {
  const out: Word[] = []
  const re = WORD
  re.lastIndex = range.start
  for (let m = re.exec(text); m && m.index < range.end; m = re.exec(text)) {
    const word = m[0].endsWith('.') ? m[0].slice(0, -1) : m[0]
    if (m.index + word.length > range.end) break
    out.push({ text: word, start: m.index, end: m.index + word.length })
  }
  return out
}

/**
 * WORD by UTF-16 code unit: 1 a letter or digit (a word's first and last character), 2 a mark, apostrophe,
 * full stop or hyphen (only inside a word), 3 neither, 4 a surrogate (the code point decides), 0 not yet known.
 */
const wordUnits = new Uint8Array(0x10000).fill(4, 0xd800, 0xe000)
const WORD_EDGE = /^[\p{L}\p{N}]$/u
const WORD_INNER = /^[\p{M}'’.-]$/u
const classOf = (c: string): number => (WORD_EDGE.test(c) ? 1 : WORD_INNER.test(c) ? 2 : 3)

/**
 * The words of a doc's whole text, read once per doc by hand as WORD reads them from the start: from a letter
 * or digit over letters, digits, marks, apostrophes, full stops and hyphens, back to the last letter or digit
 * (so a word never ends in "."). `ends[k]` is where the next search starts; objects are made when asked for.
 */
export interface DocWords {
  starts: number[]
  ends: number[]
  objects: (Word | undefined)[]
}
function docWords(doc: QuoteDoc): DocWords {
  if (doc.words) return doc.words
  const text = doc.text
  const starts: number[] = []
  const ends: number[] = []
  /** The class of the code point at `i`, and its width in code units (set aside in `width`). */
  let width = 1
  const classAt = (i: number): number => {
    const unit = text.charCodeAt(i)
    let known = wordUnits[unit] ?? 0
    if (known === 0) {
      known = classOf(String.fromCharCode(unit))
      wordUnits[unit] = known
    }
    if (known !== 4) {
      width = 1
      return known
    }
    const cp = text.codePointAt(i) ?? unit
    width = cp > 0xffff ? 2 : 1
    return classOf(String.fromCodePoint(cp))
  }
  let i = 0
  while (i < text.length) {
    if (classAt(i) !== 1) {
      i += width
      continue
    }
    let end = i + width
    let j = end
    while (j < text.length) {
      const c = classAt(j)
      if (c === 3) break
      j += width
      if (c === 1) end = j
    }
    starts.push(i)
    ends.push(end)
    i = end
  }
  const words: DocWords = { starts, ends, objects: [] }
  doc.words = words
  return words
}

/** The positions (into docWords) of the words `wordsIn(doc.text, range)` gives, or null when the range starts inside a word. */
function docWordSpan(words: DocWords, range: Range): { from: number; to: number } | null {
  const { starts, ends } = words
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((starts[mid] ?? 0) < range.start) lo = mid + 1
    else hi = mid
  }
  if (lo > 0 && (ends[lo - 1] ?? 0) > range.start) return null
  let to = lo
  while (to < starts.length && (starts[to] ?? 0) < range.end && (ends[to] ?? 0) <= range.end) to++
  return { from: lo, to }
}

/**
 * `wordsIn(doc.text, range)`, taken from the words of the whole text read once: WORD has no lookbehind, so
 * from a range's start that is not inside a word it finds the same words as from the text's start. A range
 * that starts inside a word is read from there.
 */
export function docWordsIn(doc: QuoteDoc, range: Range): Word[] {
  const words = docWords(doc)
  const span = docWordSpan(words, range)
  if (!span) return wordsIn(doc.text, range)
  const out: Word[] = []
  for (let k = span.from; k < span.to; k++) {
    let w = words.objects[k]
    if (!w) {
      const start = words.starts[k] ?? 0
      const end = words.ends[k] ?? 0
      w = { text: doc.text.slice(start, end), start, end }
      words.objects[k] = w
    }
    out.push(w)
  }
  return out
}

/** Whether a word `docWordsIn(doc, range)` gives passes `test`, without making the words. */
export function someDocWordIn(doc: QuoteDoc, range: Range, test: (word: string) => boolean): boolean {
  const words = docWords(doc)
  const span = docWordSpan(words, range)
  if (!span) return wordsIn(doc.text, range).some((w) => test(w.text))
  for (let k = span.from; k < span.to; k++) if (test(doc.text.slice(words.starts[k] ?? 0, words.ends[k] ?? 0))) return true
  return false
}

/** The matches inside a range. */
export function matchesIn(doc: QuoteDoc, range: Range): DocMatch[] {
  return doc.matches.filter((m) => m.start >= range.start && m.end <= range.end)
}

/** Trims spaces, quotation marks left alone and final punctuation from a range of the text. */
export function trimRange(text: string, range: Range): Range {
  let { start, end } = range
  while (start < end && /[\s,;:–—-]/u.test(text[start] ?? '')) start++
  while (end > start && /[\s.,;:!?–—-]/u.test(text[end - 1] ?? '')) end--
  return { start, end }
}
