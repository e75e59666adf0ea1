/**
 * Reading clauses for the quote stage: speech verbs with their separable particles, clause boundaries
 * (not inside quoted words, not at decimal commas), the attribution after reported words, where reported
 * words end, and the subject of a speech verb.
 */
import { docWordsIn, inQuote, someDocWordIn, spanAt, trimRange, type QuoteDoc, type Range, type Word } from './quote-doc.ts'
import { ARTICLE, FRONTED, IMPERSONAL, konjunktivIn, PARTICLES, SPEECH_VERBS, type SpeechVerb } from './quote-words.ts'

export interface VerbUse {
  word: Word
  verb: SpeechVerb
  /** Where the verb's clause ends (",", ":", ";" or the sentence end). */
  boundary: number
}

export const FINITE = new Map<string, SpeechVerb[]>()

export const JOINED = new Map<string, SpeechVerb>()

for (const v of SPEECH_VERBS) {
  for (const f of v.finite) FINITE.set(f, [...(FINITE.get(f) ?? []), v])
  for (const j of v.joined) if (!JOINED.has(j)) JOINED.set(j, v)
}

export const isSpeechWord = (w: string): boolean => FINITE.has(w) || JOINED.has(w)

/** The next clause boundary after `from` that is not inside quoted words. */
export function boundaryAfter(doc: QuoteDoc, from: number, end: number, chars = /[,;:.!?]/u): number {
  for (let i = from; i < end; i++) {
    const ch = doc.text[i] ?? ''
    if (!chars.test(ch)) continue
    if ((ch === '.' || ch === ',') && /\d/u.test(doc.text[i + 1] ?? '') && /\d/u.test(doc.text[i - 1] ?? '')) continue
    if (ch === '.' && /\d/u.test(doc.text[i + 1] ?? '')) continue
    if (ch === '.' && /^\s\d/u.test(doc.text.slice(i + 1, i + 3)) && /\d$/u.test(doc.text.slice(i - 2, i))) continue
    if (!inQuote(doc, i)) return i
  }
  return end
}

/** The speech verbs of a sentence (not inside quoted words), each with its separable particle checked. */
export function speechVerbsIn(doc: QuoteDoc, sentence: Range): VerbUse[] {
  const out: VerbUse[] = []
  // most sentences have no speech verb: their words (read once per article) are looked up first
  if (!someDocWordIn(doc, sentence, isSpeechWord)) return out
  for (const word of docWordsIn(doc, sentence)) {
    if (!isSpeechWord(word.text) || inQuote(doc, word.start)) continue
    const boundary = boundaryAfter(doc, word.end, sentence.end)
    const joined = JOINED.get(word.text)
    if (joined) {
      out.push({ word, verb: joined, boundary })
      continue
    }
    const tail = doc.text.slice(word.end, boundary).trim().replace(/\s+dass\s.*$/su, '')
    const options = FINITE.get(word.text) ?? []
    const withParticle = options.find((v) => v.particle !== undefined && new RegExp(`(?:^|\\s)${v.particle}$`, 'u').test(tail))
    if (withParticle) {
      out.push({ word, verb: withParticle, boundary })
      continue
    }
    const last = /(\p{L}+)$/u.exec(tail)?.[1] ?? ''
    if (PARTICLES.has(last) && tail.includes(' ')) continue
    const plain = options.find((v) => v.particle === undefined)
    if (plain) out.push({ word, verb: plain, boundary })
  }
  return out
}

/** A word that looks like a finite verb after its subject: lower case, after a capitalised word, ending as verbs do. */
export function hasFiniteVerb(doc: QuoteDoc, range: Range): boolean {
  const words = docWordsIn(doc, range).slice(0, 25)
  for (let i = 1; i < words.length; i++) {
    const w = words[i]?.text ?? ''
    const before = words[i - 1]?.text ?? ''
    if (/^\p{Ll}+(?:t|te|ten|en|n|e|st)$/u.test(w) && /^(?:\p{Lu}|er$|sie$|es$|man$|wir$)/u.test(before) && !/^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|und|oder|sowie|in|an|von|mit|nach|zu|auf|bei|für|seit|unter|über|vor|gegen|ohne|um|aus|durch)$/u.test(w))
      return true
    if (/^(?:ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden|kann|können|muss|müssen|soll|sollen|will|wollen|gibt|geht|kommt|steht|liegt|bleibt)$/u.test(w)) return true
  }
  return false
}

export const ZU_INFINITIVE = /^(?:zu\s+\p{Ll}+(?:en|ern|eln|n)|(?:an|auf|aus|ein|mit|nach|vor|zu|ab|bei|her|hin|los|weg|zurück|durch|um|über|dar|fest|frei|hoch|zusammen|weiter|fort|entgegen|herunter|heraus|hinzu|vorbei)zu\p{Ll}{2,}(?:en|ern|eln|n))$/u

/** Words after which a zu-infinitive goes on after its comma: "…zu wollen, sondern … zu verfolgen". */
export const GOES_ON = /^\s*(?:sondern|und|oder|um|ohne|aber|statt|anstatt)\b/u

/** Where a zu-infinitive complement ends: at the first comma after its infinitive that does not go on. */
export function zuEnd(doc: QuoteDoc, from: number, end: number): number | null {
  const words = docWordsIn(doc, { start: from, end })
  let seenZu = false
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word
    const pair = `${w.text} ${words[i + 1]?.text ?? ''}`
    if (ZU_INFINITIVE.test(w.text) || (w.text === 'zu' && ZU_INFINITIVE.test(pair))) seenZu = true
    if (!seenZu || w.text === 'zu') continue
    const next = words[i + 1]
    const gap = doc.text.slice(w.end, next ? next.start : end)
    if (inQuote(doc, w.end)) continue
    if (/[.;:]/u.test(gap)) return w.end
    if (/,/u.test(gap) && !GOES_ON.test(doc.text.slice(w.end).replace(/^[^,]*,/u, ''))) return w.end
  }
  return seenZu ? end : null
}

/** The first character of every stop of an attribution phrase (";", ":", ", ", " und", " sowie", ". "). */
const STOP_START = /[;:,.\s]/u

export function attributionPhrase(doc: QuoteDoc, from: number, end: number): Range {
  let stop = end
  for (let i = from; i < end; i++) {
    // every stop begins with one of these characters; the rest are passed over before any test
    if (!STOP_START.test(doc.text[i] ?? '') || inQuote(doc, i)) continue
    const rest = doc.text.slice(i, i + 24)
    if (/^[;:]/u.test(rest) || /^,\s+\p{Ll}/u.test(rest) || /^\s(?:und|sowie)\s+(?!(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen)\s)\p{Ll}/u.test(rest) || (/^\.(?:\s|$)/u.test(rest) && i >= end - 1)) {
      stop = i
      break
    }
  }
  return trimRange(doc.text, { start: from, end: stop })
}

/** "hatte", "hat": an attribution in the perfect ("…, hatte der Sender CCTV Putin zuvor zitiert"). */
const HAD = /^(?:hatte|hat|hatten|haben|hätte|habe)$/u

/** An attribution after the reported words begins here: ", sagte …", ", so …", ", hieß es", ", hatte … zitiert", ", wie … sagte". */
export function attributionAt(doc: QuoteDoc, comma: number, end: number): { verbEnd: number; phraseEnd: number; impersonal: boolean; wie: boolean; introduces?: boolean } | null {
  const rest = doc.text.slice(comma + 1, end)
  const first = /^\s*(\p{L}+)/u.exec(rest)
  if (!first) return null
  const word = first[1] ?? ''
  // only these words open an attribution: any other is none, before the phrase after it is read
  if (word !== 'so' && word !== 'wie' && !FINITE.get(word)?.some((v) => v.after) && !HAD.test(word)) return null
  const verbEnd = comma + 1 + first[0].length
  const phraseEnd = attributionPhrase(doc, verbEnd, end).end
  // "…, sagte die Sprecherin: „…“" introduces a quote: it ends the clause before, but reports none
  const introduces = /^\s*:/u.test(doc.text.slice(phraseEnd, phraseEnd + 3))
  const clause = doc.text.slice(verbEnd, phraseEnd)
  if (word === 'so' && /^\s+(?:\p{Lu}|der\s|die\s|das\s|er\b|sie\b|heißt\s+es|hieß\s+es)/u.test(clause)) {
    return { verbEnd, phraseEnd, impersonal: IMPERSONAL.test(clause.slice(0, 12)), wie: false }
  }
  if (word === 'wie') {
    const words = docWordsIn(doc, { start: verbEnd, end: phraseEnd })
    const last = words[words.length - 1]
    if (last && (isSpeechWord(last.text) || /^(?:berichtete|berichtet|meldete|meldet|mitteilte|mitteilt)$/u.test(last.text)) && /^[\s.!?]*$/u.test(doc.text.slice(last.end, end))) {
      return { verbEnd, phraseEnd: last.start, impersonal: false, wie: true }
    }
    return null
  }
  const verbs = FINITE.get(word)?.filter((v) => v.after) ?? []
  if (verbs.length > 0) {
    const tail = clause.trim()
    const needsParticle = verbs.every((v) => v.particle !== undefined)
    const particleOk = verbs.some((v) => v.particle === undefined || new RegExp(`(?:^|\\s)${v.particle}$`, 'u').test(tail))
    const lastWord = /(\p{L}+)$/u.exec(tail)?.[1] ?? ''
    if (!particleOk || (needsParticle && !tail) || (PARTICLES.has(lastWord) && !verbs.some((v) => v.particle === lastWord) && tail.includes(' '))) return null
    if (/^(?:heißt|hieß|heisst|hiess)$/u.test(word)) return /^\s+es\b/u.test(clause) ? { verbEnd, phraseEnd, impersonal: true, wie: false, introduces } : null
    return { verbEnd, phraseEnd, impersonal: false, wie: false, introduces }
  }
  // "…, hatte der Sender CCTV Putin zuvor zitiert."
  if (HAD.test(word)) {
    const words = docWordsIn(doc, { start: verbEnd, end: phraseEnd })
    const last = words[words.length - 1]
    if (last && (JOINED.get(last.text)?.after ?? false)) return { verbEnd, phraseEnd: last.start, impersonal: false, wie: false }
  }
  return null
}

/** Where the reported words of a clause end: before a second attribution, ", als er …", or a dash that leaves the quote. */
export function clauseEnd(doc: QuoteDoc, from: number, end: number, subordinate = false): number {
  let stop = end
  for (let i = from; i < stop; i++) {
    const ch = doc.text[i]
    if ((ch !== ',' && ch !== '-' && ch !== '–' && ch !== '—') || inQuote(doc, i)) continue
    if (ch === ',') {
      if (attributionAt(doc, i, end)) return i
      if (/^,\s+als\s+(?:er|sie|sich|es)\b/u.test(doc.text.slice(i, i + 14))) return i
      // "…, dass Russland provoziert wurde, und beliefert …": the main clause goes on
      if (subordinate && /^,\s+(?:und|aber|doch)\s+\p{Ll}/u.test(doc.text.slice(i, i + 20)) && !/^,\s+und\s+(?:dass|ob|die|der|das|den|dem|ein|eine)\b/u.test(doc.text.slice(i, i + 20))) return i
    }
    if ((ch === '-' || ch === '–' || ch === '—') && doc.text[i - 1] === ' ' && doc.text[i + 1] === ' ') {
      if (!konjunktivIn(doc.text.slice(i + 1, end))) stop = i
    }
  }
  return stop
}

/** The start of the clause a position stands in: after the last ", " / ": " / "; " before it (dash asides skipped). */
export function clauseStartBefore(doc: QuoteDoc, sentence: Range, at: number): number {
  let dashes = 0
  for (let i = at - 1; i >= sentence.start; i--) {
    const ch = doc.text[i] ?? ''
    if ((ch === '–' || ch === '—' || ch === '-') && doc.text[i - 1] === ' ' && doc.text[i + 1] === ' ') dashes++
    if (dashes % 2 === 1) continue
    if (ch === ',' && /\d/u.test(doc.text[i + 1] ?? '') && /\d/u.test(doc.text[i - 1] ?? '')) continue
    if (/[,;:]/u.test(ch) && !inQuote(doc, i)) return i + 1
  }
  return sentence.start
}

/** Words after which a clause's subject follows (subordinating conjunctions, relative pronouns after a comma). */
export const SUBORDINATE = /^(?:wobei|nachdem|weil|als|da|wenn|obwohl|während|bevor|dass|ob|indem|sodass|dessen|deren)$/u

export const RELATIVE = /^(?:der|die|das|dem|den|denen)$/u

export const AUX = /^(?:hat|hatte|hatten|haben|hätte|habe|ist|war|wurde|wird|will|wollte|soll|sollte|kann|konnte)$/u

/** Words between a fronted verb and its subject: "sagte dabei Wang", "hatte zuvor er …". */
export const FILLER = /^(?:hat|hatte|hatten|haben|hätte|habe|ist|war|wurde|dabei|zudem|auch|bereits|noch|nun|jedoch|aber|ebenfalls|außerdem|zuvor|dann|demnach|nochmals|erneut|gestern|heute)$/u

export function subjectPhrase(doc: QuoteDoc, sentence: Range, use: VerbUse): Range {
  let start = clauseStartBefore(doc, sentence, use.word.start)
  // "Der Botschafter in Russland, Zhang Hanhui, sagte …": the subject with its apposition
  if (start > sentence.start && doc.text.slice(start, use.word.start).trim() === '') {
    const named = doc.matches.find((m) => m.end <= start && start - m.end <= 2)
    if (named) start = clauseStartBefore(doc, sentence, clauseStartBefore(doc, sentence, start - 1) - 1)
  }
  const pre = docWordsIn(doc, { start, end: use.word.start })
  const after: Range = { start: use.word.end, end: use.boundary }
  let sub = -1
  pre.forEach((w, i) => {
    if (sub < 0 && (SUBORDINATE.test(w.text) || (i === 0 && start > sentence.start && RELATIVE.test(w.text)))) sub = i
  })
  if (sub >= 0) {
    const w = pre[sub] as Word
    const from = /^(?:dessen|deren)$/u.test(w.text) ? w.start : (pre[sub + 1]?.start ?? use.word.start)
    return { start: from, end: use.word.start }
  }
  let k = 0
  while (k < pre.length && /^(?:und|sowie|aber|doch|denn|zudem|auch)$/u.test(pre[k]?.text ?? '')) k++
  const rest = pre.slice(k)
  const first = rest[0]?.text ?? ''
  const prepositional = rest.length > 1 && ARTICLE.test(rest[1]?.text ?? '') && !ARTICLE.test(first.toLowerCase())
  if (rest.length === 0 || FRONTED.test(first) || /^\p{Ll}/u.test(first) || isSpeechWord(first) || prepositional) {
    // the subject follows the finite verb: the speech verb itself, or an auxiliary before it
    const afterWords = docWordsIn(doc, after).filter((w) => !FILLER.test(w.text) && w.text !== use.verb.particle)
    const head = afterWords[0]
    if (head && !/^(?:dem|den|einem|ihm|ihn|ihnen)$/u.test(head.text)) return { start: head.start, end: after.end }
    if (isSpeechWord(first) && rest.length > 1) return { start: rest[1]?.start ?? use.word.start, end: use.word.start }
    const aux = rest.findIndex((w, i) => i > 0 && AUX.test(w.text))
    if (aux >= 0) return { start: rest[aux]?.end ?? start, end: use.word.start }
    return { start: rest[0]?.start ?? use.word.start, end: use.word.start }
  }
  return { start: rest[0]?.start ?? start, end: use.word.start }
}

/** A speech act said not to have happened ("forderte Russland nicht dazu auf"): no quote. */
export function negated(doc: QuoteDoc, sentence: Range, use: VerbUse): boolean {
  const before = docWordsIn(doc, { start: Math.max(sentence.start, use.word.start - 40), end: use.word.start }).slice(-3)
  const tail = doc.text.slice(use.word.end, use.boundary)
  return before.some((w) => /^(?:nicht|nie|niemals|keineswegs)$/u.test(w.text)) || /\b(?:nicht|nie|niemals|keineswegs)\b/u.test(tail)
}

/** A reported clause that opens a quotation ends no earlier than that quotation (which may close sentences later). */
export function extendIntoQuote(doc: QuoteDoc, end: number): number {
  const span = spanAt(doc, end - 1)
  return span && span.close > end ? span.close : end
}
