/**
 * Direct quotations as candidates: quoted words that stand as a statement of their own (at the start of
 * a sentence, after a colon) with their attribution after them ("„…“, sagte Putin", "»…«, so Lawrow") or
 * before them ("Er fügte hinzu: „…“"); an interrupted quotation ("„…“, sagte Putin. „…“") is one quote in
 * parts; quoted words with no attribution continue the speaker before (extract-quotes.ts decides). Quoted
 * words inside a clause are direct only after a verb of calling ("Putin wertete dies als »…«"); one to
 * four words inside a clause are scare quotes and titles, never quotes.
 */
import { docWordsIn, sentenceAt, trimRange, wordsIn, type QuoteDoc, type Range } from './quote-doc.ts'
import type { Candidate } from './quote-candidate.ts'
import { speechVerbsIn, subjectPhrase } from './quote-clauses.ts'
import { FRONTED, IMPERSONAL, SPEECH_VERBS } from './quote-words.ts'
import type { QuoteSpan } from './quote-marks.ts'

/** Fewest words of quoted words inside a clause that make a quote (GUIDE: one to four are scare quotes or titles). */
export const MIN_QUOTE_WORDS = 5

const AFTER_VERBS = new Set(SPEECH_VERBS.filter((v) => v.after).flatMap((v) => v.finite))
/** Verbs of calling that make quoted words inside their clause the speaker's own: "bezeichnete … als »…«". */
const CALLING = /(?<![\p{L}])(?:nannte|nannten|nennt|bezeichnete|bezeichneten|bezeichnet|wertete|werteten|wertet|beschrieb|beschrieben|beschreibt|versicherte|versicherten|versichert|lobte|lobten|sprach|sprachen|spricht|pries|warnte|warnten|kritisierte|kritisierten)(?![\p{L}])/u

interface Attribution {
  phrase: Range
  extent: Range
  impersonal: boolean
}

/** "…“, sagte Putin am Mittwoch.", "…«, so Lawrow.", "…", hieß es.": the attribution after a quote. */
function attributionAfter(doc: QuoteDoc, span: QuoteSpan, sentenceEnd: number): Attribution | null {
  const rest = doc.text.slice(span.close, sentenceEnd)
  const m = /^\s*,?\s*(\p{L}+)(?!\p{L})/u.exec(rest)
  if (!m || !/^\s*,/u.test(rest)) return null
  const word = m[1] ?? ''
  const verbEnd = span.close + m[0].length
  // the attribution runs to the end of the sentence or to the next quotation ("„…“, sagte Putin, „…“")
  const nextOpen = doc.spans.find((s) => s.open >= verbEnd && s.open < sentenceEnd)
  let end = nextOpen ? nextOpen.open : sentenceEnd
  // the attribution ends where another verb or clause begins: "antwortete Wang und fügte hinzu, …", ", als sich …"
  const more = /\s(?:und|sowie)\s+(?=\p{Ll})|,\s+(?=\p{Ll})/u.exec(doc.text.slice(verbEnd, end))
  if (more) end = verbEnd + more.index
  const phrase = trimRange(doc.text, { start: verbEnd, end })
  if (word === 'so' && /^\s+(?:\p{Lu}|der\s|die\s|das\s|er\b|sie\b)/u.test(doc.text.slice(verbEnd, end))) return { phrase, extent: { start: span.open, end }, impersonal: false }
  if (/^(?:hieß|heißt|hiess|heisst)$/u.test(word)) return IMPERSONAL.test(`${word} ${doc.text.slice(verbEnd, verbEnd + 4)}`) ? { phrase, extent: { start: span.open, end }, impersonal: true } : null
  if (AFTER_VERBS.has(word)) return { phrase, extent: { start: span.open, end }, impersonal: false }
  return null
}

/** "Gazprom-Chef Miller sagte laut Interfax: »…«", "Er fügte hinzu: „…“": the attribution before a quote. */
function attributionBefore(doc: QuoteDoc, span: QuoteSpan, sentence: Range): Attribution | null {
  let before = doc.text.slice(sentence.start, span.open)
  // "Er fügte hinzu:" closing the paragraph before the quoted one
  const previous = doc.sentences[sentenceAt(doc, sentence.start) - 1]
  if (before.trim() === '' && previous && previous.paragraph !== doc.sentences[sentenceAt(doc, sentence.start)]?.paragraph && /:\s*$/u.test(doc.text.slice(previous.start, previous.end))) {
    sentence = previous
    before = doc.text.slice(previous.start, previous.end)
  }
  if (!/:\s*$/u.test(before) && !/,\s*$/u.test(before)) return null
  const uses = speechVerbsIn(doc, { start: sentence.start, end: sentence.start + before.length })
  const use = uses[uses.length - 1]
  if (!use) return null
  const phrase = subjectPhrase(doc, sentence, use)
  return { phrase, extent: { start: Math.min(phrase.start, use.word.start), end: span.close }, impersonal: /^(?:hieß|heißt)$/u.test(use.word.text) }
}

/** Quoted words inside a clause after a verb of calling: "Miller bezeichnete die Pipeline als »…«". */
function callingAttribution(doc: QuoteDoc, span: QuoteSpan, sentence: Range): Attribution | null {
  const before = doc.text.slice(sentence.start, span.open)
  const verb = CALLING.exec(before)
  if (!verb) return null
  const verbStart = sentence.start + verb.index
  // the quoted words follow the verb's object closely: "wertete dies als »…«", not after a comma
  const between = doc.text.slice(verbStart + verb[0].length, span.open)
  if (/[,;:]/u.test(between) || wordsIn(between, { start: 0, end: between.length }).length > 10) return null
  const pre = doc.text.slice(sentence.start, verbStart).trim()
  const first = /^(\S+)/u.exec(pre)?.[1] ?? ''
  const phrase = pre === '' || FRONTED.test(first) ? { start: verbStart + verb[0].length, end: span.open } : { start: sentence.start, end: verbStart }
  return { phrase, extent: { start: sentence.start, end: span.close }, impersonal: false }
}

const direct = (parts: Range[], attribution: Attribution | null, rule: string, extent: Range, priority: number): Candidate => ({
  kind: 'direct',
  parts,
  phrase: attribution?.phrase ?? null,
  mode: attribution ? (attribution.impersonal ? 'impersonal' : 'phrase') : 'continuation',
  rule,
  extent,
  priority,
})

/** Whether a quote stands as a statement of its own: nothing before it in its sentence but a colon, a dash or an attribution. */
function standsAlone(doc: QuoteDoc, span: QuoteSpan, sentence: Range): boolean {
  if (span.orphan === 'close') return true
  const before = doc.text.slice(sentence.start, span.open).trim()
  if (before === '' || /[:–—-]$/u.test(before)) return true
  // "sagte Putin, „…“": the quote right after the verb's clause (not "sagte, dass …, „…“")
  const uses = speechVerbsIn(doc, { start: sentence.start, end: span.open })
  const last = uses[uses.length - 1]
  return /,$/u.test(before) && last !== undefined && doc.text.slice(last.boundary + 1, span.open).trim() === ''
}

/** A quote that ends its sentence (nothing after it but punctuation). */
function endsSentence(doc: QuoteDoc, span: QuoteSpan, sentenceEnd: number): boolean {
  return /^[\s.!?…]*$/u.test(doc.text.slice(span.close, sentenceEnd))
}

/** The direct-quote candidates of an article, interrupted quotes joined. */
export function directCandidates(doc: QuoteDoc): Candidate[] {
  const out: Candidate[] = []
  const used = new Set<QuoteSpan>()
  doc.spans.forEach((span, i) => {
    if (used.has(span)) return
    const home = doc.sentences[sentenceAt(doc, span.start)]
    const last = doc.sentences[sentenceAt(doc, Math.max(span.start, span.end - 1))]
    if (!home || !last) return
    const words = docWordsIn(doc, { start: span.start, end: span.end }).length
    const inner = trimRange(doc.text, { start: span.start, end: span.end })
    if (inner.end <= inner.start) return
    if (!standsAlone(doc, span, home)) {
      const calling = words >= MIN_QUOTE_WORDS ? callingAttribution(doc, span, home) : null
      if (calling) out.push(direct([inner], calling, 'calling', calling.extent, 7))
      return
    }
    const after = attributionAfter(doc, span, last.end)
    const before = after ? null : attributionBefore(doc, span, home)
    const attribution = after ?? before
    if (words < MIN_QUOTE_WORDS && !(attribution && (after ? true : endsSentence(doc, span, last.end)))) return
    if (!attribution && home.index === 0) return
    const parts = [inner]
    let extent = attribution?.extent ?? { start: span.open, end: span.close }
    // an interrupted quote: „…“, sagte Putin, „…“ — or the next sentence of the paragraph is quoted words alone
    if (after) {
      for (const next of doc.spans.slice(i + 1)) {
        const nextHome = doc.sentences[sentenceAt(doc, next.start)]
        const nextLast = doc.sentences[sentenceAt(doc, Math.max(next.start, next.end - 1))]
        if (!nextHome || !nextLast || nextHome.paragraph !== home.paragraph) break
        const between = doc.text.slice(extent.end, next.open)
        const sameSentence = nextHome === last && /^[\s,]*$/u.test(between)
        const nextSentence = nextHome.index === last.index + 1 && /^[\s.]*$/u.test(between) && standsAlone(doc, next, nextHome) && endsSentence(doc, next, nextLast.end)
        if (!sameSentence && !nextSentence) break
        const nextInner = trimRange(doc.text, { start: next.start, end: next.end })
        parts.push(nextInner)
        used.add(next)
        extent = { start: extent.start, end: next.close }
        if (nextSentence) break
      }
    }
    out.push(direct(parts, attribution, attribution ? (after ? 'quote-then-verb' : 'verb-then-quote') : 'quote-continues', extent, attribution ? 0 : 3))
  })
  return out
}
