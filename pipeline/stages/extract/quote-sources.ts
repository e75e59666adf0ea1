/**
 * Source phrases ("laut X", "X zufolge", "nach Angaben X", "nach Kremlangaben", "nach eigenen Angaben",
 * "demnach"), the anaphoric attribution ("Das teilte X mit.") and speech nouns with their owner ("die Sorge,
 * dass …", "Warnungen der USA, …") as quote candidates.
 */
import { candidate, type Candidate } from './quote-candidate.ts'
import { attributionPhrase, boundaryAfter, clauseEnd, speechVerbsIn } from './quote-clauses.ts'
import { docWordsIn, inQuote, trimRange, type QuoteDoc, type Range, type Word } from './quote-doc.ts'
import { ARTICLE, konjunktivIn, SUBORDINATORS } from './quote-words.ts'

/** Source phrases: "laut X", "X zufolge", "nach Angaben X", "nach Kremlangaben", "nach eigenen Angaben", "demnach". */
export const SOURCE_NOUNS = 'Angaben|Aussagen|Informationen|Erkenntnissen|Darstellung|Einschätzung|Ansicht|Auffassung|Worten|Berichten|Schätzungen|Erhebung|Berechnungen|Meinung|Lesart|Schätzung'


export const ADJECTIVE = /^\p{Ll}+(?:e|en|er|es|em)$/u

export const CAPITAL = /^\p{Lu}/u

/** The noun phrase from `at` on: articles, adjectives, capitalised words, and a genitive ("des …", "der …") after them. */
export function nounPhraseFrom(doc: QuoteDoc, at: number, end: number): Range | null {
  const words = docWordsIn(doc, { start: at, end })
  if (/[,;:.()]/u.test(doc.text.slice(at, words[0]?.start ?? at))) return null
  let lastCapital = -1
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word
    if (i > 0 && /[,;:.()]/u.test(doc.text.slice(words[i - 1]?.end ?? w.start, w.start))) break
    if (CAPITAL.test(w.text)) lastCapital = i
    else if (ARTICLE.test(w.text) || (ADJECTIVE.test(w.text) && i + 1 < words.length)) continue
    else if (/^(?:von|vom)$/u.test(w.text) && lastCapital === -1) continue
    else break
  }
  let last = words[lastCapital]
  // a body's seat after it: "der Regierung in Moskau", "die Botschaft in Peking"
  const next = words[lastCapital + 1]
  const seat = words[lastCapital + 2]
  if (last && next?.text === 'in' && seat && CAPITAL.test(seat.text) && !/[,;:.]/u.test(doc.text.slice(last.end, seat.start))) last = seat
  const head = words.findIndex((w) => !/^(?:von|vom)$/u.test(w.text))
  return last ? { start: words[head]?.start ?? at, end: last.end } : null
}

/** The noun phrase ending right before `at` ("der Agentur Tass" before "zufolge"). */
export function nounPhraseBefore(doc: QuoteDoc, sentence: Range, at: number): Range | null {
  const words = docWordsIn(doc, { start: sentence.start, end: at })
  let i = words.length - 1
  let first = -1
  while (i >= 0 && CAPITAL.test(words[i]?.text ?? '')) first = i--
  if (first < 0) {
    while (i >= 0 && ADJECTIVE.test(words[i]?.text ?? '')) first = i--
    return first >= 0 ? { start: words[first]?.start ?? at, end: at } : null
  }
  while (i >= 0 && ADJECTIVE.test(words[i]?.text ?? '')) first = i--
  if (i >= 0 && ARTICLE.test(words[i]?.text ?? '')) first = i--
  else if (i >= 0 && /s$/u.test(words[i]?.text ?? '') && CAPITAL.test(words[i]?.text ?? '')) first = i--
  return { start: words[first]?.start ?? at, end: words[words.length - 1]?.end ?? at }
}

export interface SourceHit {
  at: number
  phrase: Range | null
  mode: 'phrase' | 'subject' | 'demnach'
}

/** "nach Angaben des Kremls", "nach russischen Angaben". */
const AFTER_SOURCE_NOUN = new RegExp(`(?<![\\p{L}])[Nn]ach\\s+(?:(?:der|dem|den|des)\\s+)?((?:\\p{Ll}+\\s+){0,2})(?:${SOURCE_NOUNS})(?![\\p{L}])`, 'gu')
/** "nach Kremlangaben", "nach Regierungsinformationen". */
const AFTER_SOURCE_COMPOUND = new RegExp(`(?<![\\p{L}])[Nn]ach\\s+(\\p{Lu}[\\p{L}]*?-?(?:${SOURCE_NOUNS.toLowerCase()}|Angaben|Informationen|Kreisen))(?![\\p{L}])`, 'gu')
/** "nach" before a space: what both patterns above cannot match without (most sentences have none). */
const NACH = /[Nn]ach\s/u

/** The first source phrase of a sentence, if any (outside quoted words). */
export function sourceIn(doc: QuoteDoc, sentence: Range): SourceHit | null {
  const body = doc.text.slice(sentence.start, sentence.end)
  // each pattern below is tried only where the words it cannot match without occur in the sentence
  const zufolge = body.includes('zufolge')
  const nach = NACH.test(body)
  if (!zufolge && !nach && !body.includes('aut') && !body.includes('emnach')) return null
  const hits: SourceHit[] = []
  const each = (pattern: RegExp, make: (m: RegExpExecArray, at: number) => SourceHit | null, cue = true): void => {
    if (!cue) return
    for (const m of body.matchAll(pattern)) {
      const at = sentence.start + (m.index ?? 0)
      if (inQuote(doc, at)) continue
      const hit = make(m, at)
      if (hit) hits.push(hit)
    }
  }
  each(/(?<![\p{L}])(?:(?:[Ss]einen|[Ii]hren)\s+Worten\s+zufolge|[Nn]ach\s+eigenen\s+(?:Angaben|Aussagen|Worten|Darstellung))\b/gu, (_m, at) => ({ at, phrase: null, mode: 'subject' }), zufolge || nach)
  each(/(?<![\p{L}])[Ll]aut\s+/gu, (m, at) => {
    const phrase = nounPhraseFrom(doc, at + m[0].length, sentence.end)
    return phrase ? { at, phrase, mode: 'phrase' } : null
  }, body.includes('aut'))
  each(AFTER_SOURCE_NOUN, (m, at) => {
    if (/eigenen/u.test(m[1] ?? '')) return null
    const after = nounPhraseFrom(doc, at + m[0].length, sentence.end)
    if (after) return { at, phrase: after, mode: 'phrase' }
    // "nach russischen Angaben": the adjective names the state
    return (m[1] ?? '').trim() ? { at, phrase: { start: at + 5, end: at + m[0].length }, mode: 'phrase' } : { at, phrase: null, mode: 'phrase' }
  }, nach)
  each(AFTER_SOURCE_COMPOUND, (m, at) => {
    const word = m[1] ?? ''
    return /^(?:Angaben|Informationen|Kreisen)$/u.test(word) ? null : { at, phrase: { start: at + m[0].length - word.length, end: at + m[0].length }, mode: 'phrase' }
  }, nach)
  each(/(?<![\p{L}])(?:[Ii]hm|[Ii]hr)\s+zufolge(?![\p{L}])/gu, (m, at) => ({ at, phrase: { start: at, end: at + m[0].indexOf(' ') }, mode: 'phrase' }), zufolge)
  each(/\s+zufolge(?![\p{L}])/gu, (m, at) => {
    if (/(?:[Ss]einen|[Ii]hren)\s+Worten$|(?:[Ii]hm|[Ii]hr)$/u.test(body.slice(0, m.index ?? 0))) return null
    const phrase = nounPhraseBefore(doc, sentence, at)
    return phrase ? { at: phrase.start, phrase, mode: 'phrase' } : null
  }, zufolge)
  each(/(?<![\p{L}-])[Dd]emnach\b/gu, (_m, at) => ({ at, phrase: null, mode: 'demnach' }), body.includes('emnach'))
  return hits.sort((a, b) => a.at - b.at)[0] ?? null
}

export function sourceCandidates(doc: QuoteDoc, sentence: Range): Candidate[] {
  const hit = sourceIn(doc, sentence)
  if (!hit) return []
  const whole = trimRange(doc.text, sentence)
  return [candidate([whole], hit.phrase, hit.mode, hit.mode === 'demnach' ? 'demnach' : 'source', whole, hit.mode === 'demnach' ? 6 : 5, hit.at)]
}

/** "Das teilte Roskosmos-Chef Rogosin am Dienstag mit.": the sentence before is what was said. */
export function anaphorCandidates(doc: QuoteDoc, position: number): Candidate[] {
  const sentence = doc.sentences[position]
  const previous = doc.sentences[position - 1]
  if (!sentence || !previous) return []
  const m = /^(?:Das|Dies)\s+(\p{L}+)\s/u.exec(doc.text.slice(sentence.start, sentence.end))
  if (!m) return []
  const uses = speechVerbsIn(doc, sentence)
  const use = uses[0]
  if (!use || use.word.start !== sentence.start + m[0].length - 1 - (m[1] ?? '').length || !use.verb.after) return []
  const text = trimRange(doc.text, previous)
  return [candidate([text], attributionPhrase(doc, use.word.end, sentence.end), 'phrase', 'anaphor', { start: previous.start, end: sentence.end }, 2)]
}

/** "die Sorge, dass …", "Moskaus Behauptungen …, dass …", "auf Warnungen der USA, das Land könnte …". */
export const SPEECH_NOUN = /(?<![\p{L}])(?:Worte|Worten|Aufforderung|Aufforderungen|Sorge|Sorgen|Warnung|Warnungen|Befürchtung|Befürchtungen|Behauptung|Behauptungen|Forderung|Forderungen|Vorwurf|Vorwürfe|Zusicherung|Zusicherungen|Ankündigung|Aussage|Aussagen|Drohung|Drohungen)(?![\p{L}])/gu

export function speechNounCandidates(doc: QuoteDoc, sentence: Range): Candidate[] {
  const out: Candidate[] = []
  const body = doc.text.slice(sentence.start, sentence.end)
  SPEECH_NOUN.lastIndex = 0
  for (let m = SPEECH_NOUN.exec(body); m; m = SPEECH_NOUN.exec(body)) {
    const at = sentence.start + m.index
    if (inQuote(doc, at)) continue
    const comma = boundaryAfter(doc, at, sentence.end, /[,;:.]/u)
    if (doc.text[comma] !== ',' || docWordsIn(doc, { start: at, end: comma }).length > 7) continue
    const start = comma + 1
    const head = /^\s*(\p{L}+)/u.exec(doc.text.slice(start))?.[1] ?? ''
    const subordinate = head === 'dass' || head === 'wonach'
    const end = clauseEnd(doc, start, sentence.end, subordinate)
    if (!subordinate && (SUBORDINATORS.has(head.toLowerCase()) || !konjunktivIn(doc.text.slice(start, end)))) continue
    const text = trimRange(doc.text, { start, end })
    // the owner: a genitive after the noun ("der USA"), a genitive before it ("Moskaus"), else the clause's subject
    const genitive = /^\s+(?:der|des|von|vom)\s/u.test(doc.text.slice(at + m[0].length, comma)) ? nounPhraseFrom(doc, at + m[0].length, comma) : null
    const beforeWord = /(\p{Lu}\p{L}*s)\s+$/u.exec(doc.text.slice(Math.max(sentence.start, at - 30), at))
    const phrase = genitive ?? (beforeWord ? { start: at - beforeWord[0].length, end: at } : null)
    out.push(candidate([text], phrase, phrase ? 'phrase' : 'subject', 'speech-noun', { start: at, end: text.end }, 4, at))
  }
  return out
}
