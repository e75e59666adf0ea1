/**
 * Reported speech in one sentence, as candidates: the reported words and the words that say who speaks.
 *
 *   speech-verb   "Xi sagte, dass …", "sagte Wang, China sei bereit …", "hat angekündigt, … zu veröffentlichen"
 *   after-clause  "…, sagte Putin.", "…, so das Ministerium.", "…, teilte das Außenministerium mit.", "…, hieß es."
 *   wie           "Wie die Agentur berichtet, soll …", "…, wie Putin sagte."
 *   source        "laut Putin", "der Agentur Tass zufolge", "nach Angaben des Kremls", "nach Kremlangaben", "demnach"
 *   anaphor       "Das teilte Roskosmos-Chef Rogosin mit." (the sentence before is the reported words)
 *   speech-noun   "die Sorge, dass …", "Warnungen der USA, das Land könnte …"
 *   so-heisst-es  "Außerdem, so heißt es, will Peking …"
 * Verbless reported sentences ("Dafür sei China sehr dankbar.") continue a speaker: see extract-quotes.ts.
 */
import { candidate, type Candidate } from './quote-candidate.ts'
import { attributionAt, boundaryAfter, clauseEnd, clauseStartBefore, extendIntoQuote, hasFiniteVerb, isSpeechWord, negated, speechVerbsIn, subjectPhrase, zuEnd, ZU_INFINITIVE, type VerbUse } from './quote-clauses.ts'
import { docWordsIn, inQuote, spanAt, trimRange, type QuoteDoc, type Range } from './quote-doc.ts'
import { anaphorCandidates, sourceCandidates, SPEECH_NOUN, speechNounCandidates } from './quote-sources.ts'
import { konjunktivIn, PREPOSITIONS, SUBORDINATORS } from './quote-words.ts'

/** The reported clause a speech verb governs after its comma, if any. */
function complementOf(doc: QuoteDoc, sentence: Range, use: VerbUse, uses: readonly VerbUse[]): Range | null {
  let comma = use.boundary
  // "bestritt der Generaldirektor …, Wang Lutong, dass …": past the subject's apposition
  const apposition = doc.matches.find((m) => m.start >= comma && /^\s*$/u.test(doc.text.slice(comma + 1, m.start)) && doc.text[m.end] === ',')
  if (doc.text[comma] === ',' && apposition && !/^\s*(?:dass|ob)\b/u.test(doc.text.slice(comma + 1, comma + 8))) comma = apposition.end
  // "erinnerte an die Worte Putins, dass …": the words are the speech noun's owner's (speech-noun candidates)
  SPEECH_NOUN.lastIndex = 0
  if (SPEECH_NOUN.test(doc.text.slice(use.word.end, comma))) return null
  const noComma = /\s(dass)\s/u.exec(doc.text.slice(use.word.end, comma))
  if (doc.text[comma] !== ',' && noComma && use.verb.clause) {
    // "kündigte an dass …" (a crawl that lost the comma)
    const start = use.word.end + noComma.index + 1
    return { start, end: extendIntoQuote(doc, clauseEnd(doc, start, sentence.end, true)) }
  }
  if (doc.text[comma] !== ',') {
    // a subtitle without its comma: "Putin sagt er warte auf …"
    const m = /^\s+((?:er|sie|es|man)\s+(\p{L}+))/u.exec(doc.text.slice(use.word.end, sentence.end))
    if (m && konjunktivIn(m[2] ?? '') === 'I' && use.verb.clause) {
      const start = use.word.end + (m[0].length - (m[1] ?? '').length)
      return { start, end: clauseEnd(doc, start, sentence.end) }
    }
    return null
  }
  if (uses.some((u) => u !== use && u.word.start > use.word.end && u.word.start < comma)) return null
  const start = comma + 1
  const rest = doc.text.slice(start, sentence.end)
  const head = /^\s*(\p{L}+)/u.exec(rest)?.[1] ?? ''
  if (/^(?:dass|ob)$/u.test(head)) return use.verb.clause ? { start, end: extendIntoQuote(doc, clauseEnd(doc, start, sentence.end, true)) } : null
  const purpose = /^(?:um|ohne|statt|anstatt)$/u.test(head)
  const zu = use.verb.zu && !purpose ? zuEnd(doc, start, sentence.end) : null
  const nextComma = boundaryAfter(doc, start, sentence.end, /[,;.]/u)
  // a zu-infinitive complement: its first part ends in the infinitive ("…, sich … beteiligen zu wollen, sondern …")
  const firstPart = docWordsIn(doc, { start, end: nextComma })
  const lastTwo = firstPart.slice(-2).map((w) => w.text)
  const endsInZu = ZU_INFINITIVE.test(lastTwo[1] ?? '') || ZU_INFINITIVE.test(lastTwo.join(' '))
  if (zu !== null && endsInZu && !konjunktivIn(doc.text.slice(start, nextComma))) return { start, end: Math.min(zu, clauseEnd(doc, start, sentence.end)) }
  if (!use.verb.clause) return null
  if (SUBORDINATORS.has(head.toLowerCase()) || /^(?:um|ohne|statt|anstatt|dessen|deren|welche|welcher)$/u.test(head)) return null
  // a relative clause after the object ("die Partnerschaft zwischen zwei Ländern, die beide …") reports nothing
  if (/^\s*(?:der|die|das|dem|den|denen)\s+(?!(?:\d+\.?\s+)?(?:[\p{Ll}-]+(?:e|en|er|es|em)\s+)*(?:\d+\.?\s+)?\p{Lu})/u.test(rest)) return null
  // nor does the verb of a relative clause govern the main clause after it ("…, der … Verlust melden musste, wieder …")
  const clauseStart = clauseStartBefore(doc, sentence, use.word.start)
  if (clauseStart > sentence.start && /^\s*(?:der|die|das|dem|den|denen|dessen|deren)\s/u.test(doc.text.slice(clauseStart, clauseStart + 12))) return null
  const end = extendIntoQuote(doc, clauseEnd(doc, start, sentence.end))
  const clause = { start, end }
  if (konjunktivIn(doc.text.slice(start, end))) return clause
  // an indicative main clause is reported only after a verb of saying itself ("sagte X, die Beziehungen basierten …")
  if (use.verb.v2 && hasFiniteVerb(doc, clause)) return clause
  return null
}

/** "X sagte, dass …", "sagte X, …", "hat angekündigt, … zu …": a speech verb and the clause it governs. */
function speechVerbCandidates(doc: QuoteDoc, sentence: Range, uses: readonly VerbUse[]): Candidate[] {
  const out: Candidate[] = []
  for (const use of uses) {
    if (negated(doc, sentence, use)) continue
    const clause = complementOf(doc, sentence, use, uses)
    if (!clause) continue
    const text = trimRange(doc.text, clause)
    if (text.end <= text.start) continue
    let phrase = subjectPhrase(doc, sentence, use)
    // the subject's apposition was skipped to reach the clause: "bestritt der Generaldirektor …, Wang Lutong, dass"
    if (phrase.start >= use.word.end && clause.start > use.boundary + 1) phrase = { start: phrase.start, end: clause.start - 1 }
    const impersonal = /^(?:heißt|hieß|heisst|hiess)$/u.test(use.word.text)
    out.push(candidate([text], phrase, impersonal ? 'phrase' : 'phrase', 'speech-verb', { start: Math.min(phrase.start, use.word.start), end: text.end }, 1))
  }
  return out
}

/** "…, sagte Putin.", "…, so Lawrow.", "…, hieß es.", "…, wie Putin sagte.": the clause before an attribution. */
function afterClauseCandidates(doc: QuoteDoc, sentence: Range): Candidate[] {
  const out: Candidate[] = []
  let clauseStart = sentence.start
  for (let i = sentence.start; i < sentence.end; i++) {
    if (doc.text[i] !== ',' || inQuote(doc, i)) continue
    const attribution = attributionAt(doc, i, sentence.end)
    if (!attribution) continue
    if (attribution.introduces) {
      clauseStart = attribution.phraseEnd + 1
      i = attribution.phraseEnd
      continue
    }
    const text = trimRange(doc.text, { start: clauseStart, end: i })
    const span = spanAt(doc, text.start)
    const wholeQuote = span !== undefined && span.open <= text.start && span.close >= text.end - 1 && span.close <= i + 1
    const clause = doc.text.slice(text.start, text.end)
    const firstAfter = /^\s*(\p{L}+)/u.exec(doc.text.slice(attribution.verbEnd, attribution.phraseEnd))?.[1] ?? ''
    const restText = doc.text.slice(attribution.phraseEnd, sentence.end)
    const isClause = konjunktivIn(clause) !== null || konjunktivIn(restText) !== null || hasFiniteVerb(doc, text) || spanAt(doc, text.start) !== undefined
    const names = attribution.impersonal || attribution.wie || (firstAfter !== '' && !PREPOSITIONS.has(firstAfter))
    if (!wholeQuote && text.end > text.start && isClause && names) {
      const phrase = { start: attribution.verbEnd, end: attribution.phraseEnd }
      // "Je chaotischer die Welt sei, so der Außenminister, desto stabiler …": an attribution inside the reported words
      const goesOn = /^\s*,\s*(?!(?:als|wie|nachdem|während|bevor|weil|wenn|wobei|ohne|da|obwohl|sodass|damit)\b)\p{L}/u.test(doc.text.slice(attribution.phraseEnd, sentence.end))
      const parts = [text]
      let end = attribution.phraseEnd
      if (goesOn) {
        const rest = trimRange(doc.text, { start: attribution.phraseEnd + 1, end: clauseEnd(doc, attribution.phraseEnd + 1, sentence.end) })
        if (rest.end > rest.start) {
          parts.push(rest)
          end = rest.end
        }
      }
      out.push(candidate(parts, phrase, attribution.impersonal ? 'impersonal' : 'phrase', attribution.wie ? 'wie' : 'after-clause', { start: text.start, end }, 2))
    }
    clauseStart = attribution.phraseEnd + 1
    i = attribution.phraseEnd
  }
  return out
}

/** "Wie die Nachrichtenagentur berichtet, soll …": the main clause after a leading "wie"-attribution. */
function wieCandidates(doc: QuoteDoc, sentence: Range): Candidate[] {
  const m = /^Wie\s/u.exec(doc.text.slice(sentence.start, sentence.end))
  if (!m) return []
  const comma = boundaryAfter(doc, sentence.start, sentence.end, /[,]/u)
  const words = docWordsIn(doc, { start: sentence.start + 3, end: comma })
  const verb = [...words].reverse().find((w) => isSpeechWord(w.text) || /^(?:berichtet|berichtete|berichteten|meldet|meldete)$/u.test(w.text))
  if (!verb || comma >= sentence.end) return []
  const text = trimRange(doc.text, { start: comma + 1, end: clauseEnd(doc, comma + 1, sentence.end) })
  return [candidate([text], { start: sentence.start + 3, end: verb.start }, 'phrase', 'wie', { start: sentence.start, end: text.end }, 3)]
}

/** "Außerdem, so heißt es, will Peking …": reported words from no one named. */
function soHeisstEsCandidates(doc: QuoteDoc, sentence: Range): Candidate[] {
  const m = /,\s*so\s+(?:heißt|hieß|heisst|hiess)\s+es\s*,/u.exec(doc.text.slice(sentence.start, sentence.end))
  if (!m) return []
  const text = trimRange(doc.text, { start: sentence.start + m.index + m[0].length, end: sentence.end })
  return [candidate([text], null, 'impersonal', 'so-heisst-es', trimRange(doc.text, sentence), 2)]
}

/** Every reported-speech candidate of one sentence (doc.sentences[position]). */
export function reportedCandidates(doc: QuoteDoc, position: number): Candidate[] {
  const sentence = doc.sentences[position]
  if (!sentence) return []
  const uses = speechVerbsIn(doc, sentence)
  return [
    ...speechVerbCandidates(doc, sentence, uses),
    ...afterClauseCandidates(doc, sentence),
    ...wieCandidates(doc, sentence),
    ...anaphorCandidates(doc, position),
    ...speechNounCandidates(doc, sentence),
    ...soHeisstEsCandidates(doc, sentence),
    ...sourceCandidates(doc, sentence),
  ]
}
